// Writes API.md's ballot file: `count,rank_1,…,rank_K`, one row per distinct ranking (K the
// longest ranking, at least 1), blank ballots as a row with no rank, RFC 4180 quoting where a name
// needs it, LF line ends; a byte-order mark on request (for spreadsheets). Reading it back with
// parseBallotFile gives the same ballots.
import { csvCell } from '../tally/csv-cell.js';
import type { BallotSet } from '../tally/types.js';

export interface WriteOptions {
  readonly bom?: boolean;
}

export function writeBallotFile(options: readonly string[], ballots: BallotSet, write: WriteOptions = {}): string {
  let width = 1;
  for (let g = 0; g < ballots.size; g++) width = Math.max(width, ballots.offsets[g + 1]! - ballots.offsets[g]!);
  const names = options.map((name) => csvCell(name));
  const parts: string[] = [];
  parts.push(['count', ...Array.from({ length: width }, (_, k) => `rank_${k + 1}`)].join(','));
  const empty = ','.repeat(width);
  for (let g = 0; g < ballots.size; g++) {
    const start = ballots.offsets[g]!;
    const end = ballots.offsets[g + 1]!;
    let row = String(ballots.counts[g]);
    for (let i = start; i < end; i++) row += `,${names[ballots.choices[i]!]}`;
    row += ','.repeat(width - (end - start));
    parts.push(row);
  }
  if (ballots.blank > 0) parts.push(`${ballots.blank}${empty}`);
  return `${write.bom ? '\ufeff' : ''}${parts.join('\n')}\n`;
}
