// Test builder: ballots one group per line, `12: A > B > C`; a line `3: -` is 3 blank ballots.
import { aggregateRankings } from '../../server/tally/aggregate.js';
import type { BallotSet, RankedBallot } from '../../server/tally/types.js';

export interface BuiltBallots {
  readonly options: string[];
  readonly ballots: BallotSet;
  readonly list: RankedBallot[];
}

/** Options are the names in `options` (if given, in that order) then any others as they appear. */
export function buildBallots(text: string, options: readonly string[] = []): BuiltBallots {
  const names = [...options];
  const list: RankedBallot[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    const match = /^(\d+)\s*:\s*(.*)$/.exec(line);
    if (!match) throw new Error(`bad ballot line: ${line}`);
    const ranking =
      match[2] === '-'
        ? []
        : match[2]!.split('>').map((name) => {
            const trimmed = name.trim();
            let i = names.indexOf(trimmed);
            if (i < 0) i = names.push(trimmed) - 1;
            return i;
          });
    list.push({ ranking, count: Number(match[1]) });
  }
  return { options: names, ballots: aggregateRankings(list, names.length), list };
}
