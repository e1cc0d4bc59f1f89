// `npm run fuzz -- --runs N [--seed S]`: the fuzzing test with more runs than `npm test` gives it,
// and a seed of one's choosing (a new one each time by default, printed so that a failure replays).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '2000' }, seed: { type: 'string' } } });
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run fuzz -- --runs N [--seed S]   (N and S whole numbers)');
  process.exit(2);
}
console.log(`Fuzzing with ${runs} runs, seed ${seed} (replay with --seed ${seed})`);
const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const result = spawnSync(process.execPath, [mocha, '--no-config', '-n', 'import=tsx', '--extension', 'ts', '--exit', 'test/http/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
});
process.exit(result.status ?? 1);
