// Borda: with n options, an option ranked r-th (1-based) scores n − r; unranked options score 0.
import type { MethodDefinition, MethodOutcome } from './method-definition.js';
import { SCORE_CSV_HELP, scoreCsv, scoreJson, scoreResult, scoreText } from './ranking.js';
import type { TieBreaker } from './ties.js';
import type { BallotSet } from './types.js';

export function countBordaScores(set: BallotSet): Float64Array {
  const n = set.optionCount;
  const scores = new Float64Array(n);
  const { offsets, choices, counts } = set;
  for (let g = 0; g < set.size; g++) {
    const start = offsets[g]!;
    const end = offsets[g + 1]!;
    const count = counts[g]!;
    let points = n - 1;
    for (let i = start; i < end; i++) {
      const option = choices[i]!;
      scores[option] = scores[option]! + points * count;
      points--;
    }
  }
  return scores;
}

export function countBorda(
  options: readonly string[],
  set: BallotSet,
  seats: number,
  tieBreaker: TieBreaker,
): MethodOutcome<'borda'> {
  return scoreResult('borda', options, set, seats, countBordaScores(set), tieBreaker);
}

export const BORDA = {
  method: 'borda',
  count: countBorda,
  progression: null,
  rules: (seats) => `Borda: with n options, an option ranked r-th scores n - r, unranked options 0; the ${seats} highest are retained; ties at the last seat by lot.`,
  rulesKey: () => 'borda',
  json: scoreJson,
  text: (json) => scoreText('Borda scores:', json),
  csv: scoreCsv,
  csvHelp: SCORE_CSV_HELP,
} satisfies MethodDefinition<'borda'>;
