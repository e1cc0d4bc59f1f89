// The per-ballot trace of a count as a table (API.md's `--trace`; the results page's trace
// download): one row per distinct ranking, most ballots first, with
//   count, rank_1 … rank_K      the ranking, as in a ballot file (the trace is itself one),
//   round_N / stage_N, weight_N  per round or stage, the option it counted for (empty when none)
//                                and the weight of each of its ballots (tally/trace.ts says what
//                                the engine records: 1, or an STV paper's value to five decimals),
//   ranking_key                  the ranking's key, also in the ballots export (rankingKey).
// Summed over the rows, count × weight under each option gives the round's votes.
import { createHash } from 'node:crypto';
import { formatFixed5, ONE } from '../tally/fixed-point.js';
import { methodDefinition, NO_OPTION, type TracedCount } from '../tally/index.js';

/**
 * A short key for a ranking, given as its options' names, most preferred first: "r" and the first
 * twelve hexadecimal digits of the SHA-256 of the names as a JSON array. The same ranking has the
 * same key in the ballots export, the trace download and the command line's trace of that export.
 */
export function rankingKey(names: readonly string[]): string {
  return `r${createHash('sha256').update(JSON.stringify(names)).digest('hex').slice(0, 12)}`;
}

export interface TraceTableOptions {
  /** Writes a weight's text, e.g. with a decimal comma (default: as it is). */
  readonly weight?: (text: string) => string;
}

type Row = (string | number | null)[];

function compareRankings(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return a.length - b.length;
}

/** The trace's rows, header first. */
export function* traceTable(traced: TracedCount, options: TraceTableOptions = {}): Generator<Row> {
  const { result, ballots, trace } = traced;
  const weightText = trace.unit === ONE ? formatFixed5 : String;
  const writeWeight = options.weight ?? ((text: string) => text);
  const rankings: string[][] = [];
  let width = 1;
  for (let g = 0; g < ballots.size; g++) {
    const ranking = Array.from(ballots.choices.subarray(ballots.offsets[g]!, ballots.offsets[g + 1]!), (o) => result.options[o]!);
    rankings.push(ranking);
    width = Math.max(width, ranking.length);
  }
  const step = methodDefinition(result.method).progression === 'stages' ? 'stage' : 'round';
  yield [
    'count',
    ...Array.from({ length: width }, (_, k) => `rank_${k + 1}`),
    ...trace.steps.flatMap((_, i) => [`${step}_${i + 1}`, `weight_${i + 1}`]),
    'ranking_key',
  ];
  const order = rankings.map((_, g) => g);
  order.sort((a, b) => ballots.counts[b]! - ballots.counts[a]! || compareRankings(rankings[a]!, rankings[b]!));
  for (const g of order) {
    const ranking = rankings[g]!;
    const row: Row = [ballots.counts[g]!, ...ranking];
    while (row.length <= width) row.push('');
    for (const s of trace.steps) {
      const o = s.options[g]!;
      row.push(o === NO_OPTION ? '' : result.options[o]!, writeWeight(weightText(s.weights[g]!)));
    }
    row.push(rankingKey(ranking));
    yield row;
  }
}
