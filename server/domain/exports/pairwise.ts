// The pairwise matrix: one row per ordered pair of options, with the strongest path and the
// Condorcet winner where there is one.
import type { QuestionResult } from '../results.js';
import { CSV, csvRows, type Cell, type ExportDefinition } from './shared.js';

function* pairwiseRows(results: readonly QuestionResult[]): Generator<Cell[]> {
  yield ['question_id', 'question', 'option_a', 'option_b', 'ballots_ranking_a_above_b', 'strongest_path_a_to_b', 'condorcet_winner'];
  for (const q of results) {
    const s = q.official.method === 'schulze' ? q.official : q.others.find((o) => o.method === 'schulze');
    if (!s || s.method !== 'schulze') continue;
    const winner = s.condorcetWinner === null ? '' : q.optionNames[s.condorcetWinner]!;
    for (const [i, a] of q.optionNames.entries()) {
      for (const [j, b] of q.optionNames.entries()) {
        if (i !== j) yield [q.question.id, q.question.title.en, a, b, s.pairwise[i]![j]!, s.paths[i]![j]!, winner];
      }
    }
  }
}

export const PAIRWISE_EXPORT = {
  file: { name: 'pairwise', extension: 'csv' },
  contentType: CSV,
  adminOnly: false,
  listed: true,
  counts: true,
  body: ({ counted }) => csvRows(pairwiseRows(counted)),
} satisfies ExportDefinition;
