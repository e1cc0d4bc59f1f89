// Runs one method of the `votes` package on a synthetic set, in its own process so that the
// benchmark can bound its time. Prints {"ms": …, "winner": …, "rssMb": …} on stdout.
// Usage: node --import=tsx bench/votes-run.ts <method> <ballots> <options> <seed>
import { Borda, FirstPastThePost, InstantRunoff, Schulze } from 'votes';
import type { RawBallots } from './synthetic.js';
import { generateBallots } from './synthetic.js';

const [method, size, optionCount, seed] = process.argv.slice(2);

// Each ballot as `votes` takes it: one weight-1 ballot per voter, ranks as singleton groups.
const toVotesBallots = (raw: RawBallots) =>
  Array.from({ length: raw.size }, (_, b) => ({
    ranking: Array.from(raw.choices.subarray(raw.offsets[b]!, raw.offsets[b + 1]!), (o) => [raw.options[o]!]),
    weight: 1,
  }));

const run = (raw: RawBallots): string[][] => {
  const input = { candidates: raw.options, ballots: toVotesBallots(raw) };
  switch (method) {
    case 'plurality':
      return new FirstPastThePost(input).ranking();
    case 'borda':
      return new Borda(input).ranking();
    case 'irv':
      return new InstantRunoff(input).ranking();
    case 'schulze':
      return new Schulze(new Borda(input).matrix).ranking();
    default:
      throw new Error(`no such method ${method}`);
  }
};

run(generateBallots(1000, Number(optionCount), 'warm-up'));
const raw = generateBallots(Number(size), Number(optionCount), seed!);
const start = performance.now();
const ranking = run(raw);
const ms = performance.now() - start;
process.stdout.write(`${JSON.stringify({ ms, winner: ranking[0], rssMb: process.memoryUsage().rss / 2 ** 20 })}\n`);
