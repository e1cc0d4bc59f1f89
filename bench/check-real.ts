// Counts every ballot file in a folder with every method through the command-line tally and
// checks each result against invariants recomputed here from the file itself; exits 1 on any
// error or broken invariant. Usage: npm run check:real -- <folder>
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = Record<string, unknown> & {
  method: string;
  seats: number;
  valid: number;
  blank: number;
  winners: string[];
  quota?: number;
  rounds?: Record<string, unknown>[];
  scores?: Record<string, number>;
  ranking?: string[];
  pairwise?: Record<string, Record<string, number>>;
  condorcetWinner?: string | null;
};

interface Facts {
  readonly options: string[];
  readonly valid: number;
  readonly blank: number;
  readonly firstPreferences: Map<string, number>;
  readonly borda: Map<string, number>;
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const STV_SEATS = 4;
const CONCURRENCY = 2;

/** Independent reading of a plain ballot file (no quoted cells, count first), for the checks. */
function readFacts(text: string): Facts {
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/).filter((l) => l !== '');
  const header = lines[0]!.split(',');
  if (header[0] !== 'count' || lines.some((l) => l.includes('"'))) throw new Error('the checks expect count first and no quoted cell');
  const rows = lines.slice(1).map((l) => {
    const cells = l.split(',');
    return { count: Number(cells[0]), ranking: cells.slice(1).map((c) => c.trim()).filter((c) => c !== '') };
  });
  const options = [...new Set(rows.flatMap((r) => r.ranking))].sort();
  const n = options.length;
  const firstPreferences = new Map(options.map((o) => [o, 0]));
  const borda = new Map(options.map((o) => [o, 0]));
  let valid = 0;
  let blank = 0;
  for (const { count, ranking } of rows) {
    if (ranking.length === 0) {
      blank += count;
      continue;
    }
    valid += count;
    firstPreferences.set(ranking[0]!, firstPreferences.get(ranking[0]!)! + count);
    ranking.forEach((o, r) => borda.set(o, borda.get(o)! + (n - 1 - r) * count));
  }
  return { options, valid, blank, firstPreferences, borda };
}

const fixed = (value: unknown): number => {
  const match = /^(-?)(\d+)\.(\d{5})$/.exec(String(value));
  if (!match) throw new Error(`not a five-decimal value: ${String(value)}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100_000 + Number(match[3]));
};

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

function check(result: Json, facts: Facts, method: string, seats: number): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  const { options, valid } = facts;
  expect(result.method === method, `method ${result.method}`);
  expect(result.valid === valid && result.blank === facts.blank, `valid/blank ${result.valid}/${result.blank}, file has ${valid}/${facts.blank}`);
  expect(result.winners.length === Math.min(seats, options.length), `${result.winners.length} winners for ${seats} seats`);
  expect(new Set(result.winners).size === result.winners.length && result.winners.every((w) => options.includes(w)), 'winners not distinct options');
  switch (method) {
    case 'plurality':
    case 'borda': {
      const expected = method === 'plurality' ? facts.firstPreferences : facts.borda;
      for (const o of options) expect(result.scores?.[o] === expected.get(o), `${method} score of ${o}`);
      const best = Math.max(...expected.values());
      expect(expected.get(result.winners[0]!) === best, `${method} winner has not the highest score`);
      break;
    }
    case 'irv': {
      let previousExhausted = 0;
      for (const round of result.rounds ?? []) {
        const votes = Object.values(round.votes as Record<string, number>);
        const exhausted = round.exhausted as number;
        expect(sum(votes) + exhausted === valid, `irv round ${round.round}: votes + exhausted ≠ valid`);
        expect(exhausted >= previousExhausted, `irv round ${round.round}: exhausted went down`);
        previousExhausted = exhausted;
        const excluded = round.excluded as string[];
        if (excluded.length > 0) {
          const v = (round.votes as Record<string, number>)[excluded[0]!]!;
          expect(v === Math.min(...votes), `irv round ${round.round}: excluded option had not the fewest votes`);
        } else {
          const v = (round.votes as Record<string, number>)[(round.elected as string[])[0]!]!;
          expect(v * 2 > (round.continuing as number) || votes.length === 1, `irv round ${round.round}: winner without a majority`);
        }
      }
      break;
    }
    case 'stv': {
      const quota = Math.floor(valid / (seats + 1)) + 1;
      expect(result.quota === quota, `stv quota ${result.quota}, expected ${quota}`);
      let previousLost = 0;
      for (const stage of result.rounds ?? []) {
        const votes = Object.values(stage.votes as Record<string, string>).map(fixed);
        const lost = fixed(stage.lost);
        expect(sum(votes) + fixed(stage.exhausted) + lost === valid * 100_000, `stv stage ${stage.round}: votes + exhausted + lost ≠ valid`);
        expect(lost >= previousLost, `stv stage ${stage.round}: lost went down`);
        previousLost = lost;
      }
      break;
    }
    case 'schulze': {
      const d = result.pairwise ?? {};
      for (const a of options) {
        for (const b of options) {
          if (a !== b) expect((d[a]?.[b] ?? NaN) + (d[b]?.[a] ?? NaN) <= valid, `schulze d[${a}][${b}] + d[${b}][${a}] > valid`);
        }
      }
      const condorcet = options.find((a) => options.every((b) => a === b || d[a]![b]! > d[b]![a]!)) ?? null;
      expect(result.condorcetWinner === condorcet, 'schulze Condorcet winner');
      if (condorcet !== null) expect(result.winners[0] === condorcet, 'schulze does not retain the Condorcet winner');
      expect(result.ranking?.length === options.length, 'schulze ranking incomplete');
      break;
    }
  }
  return problems;
}

interface Job {
  readonly file: string;
  readonly method: string;
  readonly seats: number;
  readonly format: 'json' | 'text' | 'csv';
}

function runTally(job: Job): Promise<{ status: number; stdout: string; stderr: string }> {
  const args = ['--import=tsx', 'server/cli/tally.ts', '--method', job.method, '--seats', String(job.seats), '--format', job.format, job.file];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 28 }, (error, stdout, stderr) =>
      resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function main(): Promise<void> {
  const folder = process.argv[2];
  if (!folder) {
    process.stderr.write('usage: npm run check:real -- <folder of ballot files>\n');
    process.exit(2);
  }
  const dir = path.resolve(folder);
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  if (files.length === 0) throw new Error(`no .csv file in ${folder}`);
  const methods = ['plurality', 'borda', 'irv', 'stv', 'schulze'];
  const jobs: Job[] = [];
  files.forEach((f, i) => {
    const file = path.join(dir, f);
    for (const method of methods) jobs.push({ file, method, seats: method === 'stv' ? STV_SEATS : 1, format: 'json' });
    // One more form per file, in turn, so that every method's text and CSV output runs too.
    jobs.push({ file, method: methods[i % methods.length]!, seats: 2, format: i % 2 === 0 ? 'text' : 'csv' });
  });
  const outputs = new Map<Job, Awaited<ReturnType<typeof runTally>>>();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        outputs.set(job, await runTally(job));
      }
    }),
  );

  let failures = 0;
  for (const f of files) {
    const file = path.join(dir, f);
    const facts = readFacts(readFileSync(file, 'utf8'));
    const lines: string[] = [];
    for (const job of jobs.filter((j) => j.file === file)) {
      const out = outputs.get(job)!;
      const label = `${job.method}${job.seats > 1 ? `(${job.seats})` : ''}${job.format === 'json' ? '' : ` ${job.format}`}`;
      const problems: string[] = [];
      if (out.status !== 0) problems.push(`exit ${out.status}: ${out.stderr.trim().split('\n')[0]}`);
      else if (out.stdout.trim() === '') problems.push('no output');
      let summary = '';
      if (out.status === 0 && job.format === 'json') {
        try {
          const result = JSON.parse(out.stdout) as Json;
          problems.push(...check(result, facts, job.method, Math.min(job.seats, facts.options.length)));
          const lots = (result.ties as { resolvedBy: string }[]).filter((t) => t.resolvedBy === 'lot').length;
          summary = `${result.winners.join(', ')}${job.method === 'schulze' && result.condorcetWinner ? ' (Condorcet winner)' : ''}${lots > 0 ? ` [${lots} lot(s)]` : ''}`;
        } catch (error) {
          problems.push(`bad JSON: ${(error as Error).message}`);
        }
      } else if (out.status === 0) {
        summary = `${job.format} output, ${out.stdout.split('\n').length} lines`;
      }
      failures += problems.length;
      lines.push(`  ${label.padEnd(14)} ${problems.length === 0 ? summary : `FAILED: ${problems.join('; ')}`}`);
    }
    process.stdout.write(`${f}: ${facts.valid} valid, ${facts.blank} blank, ${facts.options.length} options\n${lines.join('\n')}\n`);
  }
  process.stdout.write(`${files.length} files, ${jobs.length} counts, ${failures} problem(s)\n`);
  process.exit(failures === 0 ? 0 : 1);
}

await main();
