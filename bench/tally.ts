// Benchmark of the tally engine (npm run bench:tally, with --expose-gc): synthetic seeded sets of
// 10 thousand, 100 thousand and 1 million partial rankings over 8 options and 1 million over 20;
// for each, the time to aggregate the raw ballots, to count with every method (median of runs
// after warm-up, in-process) and to read the set as a ballot file; then `votes` on the 100
// thousand set, each method in its own bounded process, and our speed-up.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBallotFile } from '../server/ballot-files/index.js';
import { createBallotSetBuilder } from '../server/tally/aggregate.js';
import { countQuestion } from '../server/tally/index.js';
import type { BallotSet, Method } from '../server/tally/index.js';
import type { RawBallots } from './synthetic.js';
import { generateBallots, toBallotFileText } from './synthetic.js';

const SETS = [
  { size: 10_000, options: 8 },
  { size: 100_000, options: 8 },
  { size: 1_000_000, options: 8 },
  { size: 1_000_000, options: 20 },
];
const METHODS: { method: Method; seats: number }[] = [
  { method: 'plurality', seats: 1 },
  { method: 'borda', seats: 1 },
  { method: 'irv', seats: 1 },
  { method: 'stv', seats: 4 },
  { method: 'schulze', seats: 1 },
];
const SEED = 'bench-2024';
const RUNS = 7;
const WARM_UP = 3;
const VOTES_TIMEOUT_MS = 180_000;
const ROOT = fileURLToPath(new URL('../', import.meta.url));

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);

interface Timing {
  readonly median: number;
  readonly peakRss: number;
  readonly peakHeap: number;
}

function measure(task: () => unknown, runs = RUNS, warmUp = WARM_UP): Timing {
  for (let i = 0; i < warmUp; i++) task();
  const times: number[] = [];
  let peakRss = 0;
  let peakHeap = 0;
  for (let i = 0; i < runs; i++) {
    gc();
    const start = performance.now();
    task();
    times.push(performance.now() - start);
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed + memory.arrayBuffers);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, peakRss, peakHeap };
}

function aggregate(raw: RawBallots): BallotSet {
  const builder = createBallotSetBuilder(raw.options.length, 1 << 16);
  for (let b = 0; b < raw.size; b++) builder.add(raw.choices, raw.offsets[b + 1]! - raw.offsets[b]!, 1, raw.offsets[b]!);
  return builder.finish();
}

const pad = (cells: (string | number)[], widths: number[]): string =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join('  ');
const WIDTHS = [16, 14, 10, 14, 9, 9];
const ms = (t: number): string => (t < 10 ? t.toFixed(2) : t.toFixed(1));

function runVotes(method: string, size: number, options: number): Promise<{ ms: number | null; winner?: string[]; note?: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import=tsx', 'bench/votes-run.ts', method, String(size), String(options), SEED],
      { cwd: ROOT, timeout: VOTES_TIMEOUT_MS, maxBuffer: 1 << 20 },
      (error, stdout) => {
        if (error) {
          resolve({ ms: null, note: error.killed ? `> ${VOTES_TIMEOUT_MS / 1000} s (stopped)` : `failed: ${error.message.split('\n')[0]}` });
          return;
        }
        const out = JSON.parse(stdout) as { ms: number; winner: string[] };
        resolve({ ms: out.ms, winner: out.winner });
      },
    );
  });
}

async function main(): Promise<void> {
  process.stdout.write(`Node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}; median of ${RUNS} runs after ${WARM_UP} warm-up runs\n\n`);
  process.stdout.write(`${pad(['set', 'step', 'median ms', 'ballots/s', 'rss MB', 'heap MB'], WIDTHS)}\n`);
  const ours100k = new Map<string, number>();
  let aggregate100k = 0;
  for (const { size, options } of SETS) {
    const raw = generateBallots(size, options, SEED);
    const name = `${size >= 1e6 ? `${size / 1e6}M` : `${size / 1e3}k`} × ${options}`;
    const row = (step: string, t: Timing, ballots = size): void => {
      process.stdout.write(`${pad([name, step, ms(t.median), (ballots / (t.median / 1000)).toExponential(2), mb(t.peakRss), mb(t.peakHeap)], WIDTHS)}\n`);
    };
    const aggregated = measure(() => aggregate(raw));
    row('aggregate', aggregated);
    const set = aggregate(raw);
    process.stdout.write(`${pad([name, `(${set.size} distinct)`], WIDTHS)}\n`);
    for (const { method, seats } of METHODS) {
      const t = measure(() => countQuestion({ method, options: raw.options, ballots: set, seats, seed: SEED }));
      row(`${method}${seats > 1 ? ` (${seats})` : ''}`, t);
      if (size === 100_000 && options === 8) ours100k.set(method, t.median);
    }
    if (size === 100_000 && options === 8) aggregate100k = aggregated.median;
    const file = path.join(os.tmpdir(), `bench-ballots-${process.pid}-${size}-${options}.csv`);
    writeFileSync(file, toBallotFileText(raw));
    try {
      const parse = measure(() => parseBallotFile(readFileSync(file, 'utf8')), size >= 1e6 ? 5 : RUNS, 2);
      row('read file', parse);
    } finally {
      rmSync(file, { force: true });
    }
  }

  process.stdout.write(`\nvotes ${'3.x'} on the 100k × 8 set (one process per method, one timed run after warm-up on 1k ballots,\nfed one weight-1 ballot per voter); ours = aggregate (${ms(aggregate100k)} ms) + count:\n`);
  process.stdout.write(`${pad(['method', 'votes ms', 'ours ms', 'speed-up'], [10, 14, 10, 10])}\n`);
  for (const method of ['plurality', 'borda', 'irv', 'schulze'] as const) {
    const votes = await runVotes(method, 100_000, 8);
    const ours = aggregate100k + ours100k.get(method)!;
    const ratio = votes.ms === null ? votes.note! : `${(votes.ms / ours).toFixed(0)}×`;
    process.stdout.write(`${pad([method, votes.ms === null ? votes.note! : ms(votes.ms), ms(ours), ratio], [10, 14, 10, 10])}\n`);
  }
}

await main();
