// Plurality: first preferences; the `seats` options with the most are retained.
import type { MethodDefinition, MethodOutcome } from './method-definition.js';
import { SCORE_CSV_HELP, scoreCsv, scoreJson, scoreResult, scoreText } from './ranking.js';
import type { TieBreaker } from './ties.js';
import type { BallotSet } from './types.js';

export function countFirstPreferences(set: BallotSet): Float64Array {
  const votes = new Float64Array(set.optionCount);
  const { offsets, choices, counts } = set;
  for (let g = 0; g < set.size; g++) {
    const first = choices[offsets[g]!]!;
    votes[first] = votes[first]! + counts[g]!;
  }
  return votes;
}

export function countPlurality(
  options: readonly string[],
  set: BallotSet,
  seats: number,
  tieBreaker: TieBreaker,
): MethodOutcome<'plurality'> {
  return scoreResult('plurality', options, set, seats, countFirstPreferences(set), tieBreaker);
}

export const PLURALITY = {
  method: 'plurality',
  count: countPlurality,
  progression: null,
  rules: (seats) => `Plurality: first preferences; the ${seats} option(s) with the most are retained; ties at the last seat by lot.`,
  rulesKey: () => 'plurality',
  json: scoreJson,
  text: (json) => scoreText('First preferences:', json),
  csv: scoreCsv,
  csvHelp: SCORE_CSV_HELP,
} satisfies MethodDefinition<'plurality'>;
