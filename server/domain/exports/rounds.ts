// Rounds and stages: one row per round or stage and option still in the count, then the exhausted
// ballots (and, under STV, the value lost to truncation, after a first row with the quota).
import { toResultJson } from '../../tally/index.js';
import type { QuestionResult } from '../results.js';
import { CSV, csvRows, decimal, type Cell, type DecimalMark, type ExportDefinition } from './shared.js';

function* roundRows(results: readonly QuestionResult[], mark: DecimalMark): Generator<Cell[]> {
  yield ['question_id', 'question', 'method', 'round', 'action', 'option', 'votes', 'outcome'];
  for (const q of results) {
    const r = q.official;
    const json = toResultJson(r);
    if (!json.rounds) continue;
    if (json.quota !== undefined) yield [q.question.id, q.question.title.en, r.method, 0, 'quota', '(quota)', decimal(json.quota, mark), ''];
    for (const round of json.rounds) {
      const action = 'action' in round ? `${round.action}${round.option ? ` ${round.option}` : ''}` : `seat ${round.seat}`;
      for (const [option, votes] of Object.entries(round.votes as Record<string, string | number>)) {
        const outcome = round.elected.includes(option) ? 'elected' : round.excluded.includes(option) ? 'excluded' : 'continuing';
        yield [q.question.id, q.question.title.en, r.method, round.round, action, option, decimal(votes, mark), outcome];
      }
      yield [q.question.id, q.question.title.en, r.method, round.round, action, '(exhausted)', decimal(round.exhausted, mark), ''];
      if ('lost' in round) yield [q.question.id, q.question.title.en, r.method, round.round, action, '(lost to truncation)', decimal(round.lost, mark), ''];
    }
  }
}

export const ROUNDS_EXPORT = {
  file: { name: 'rounds', extension: 'csv' },
  contentType: CSV,
  adminOnly: false,
  listed: true,
  counts: true,
  body: ({ counted, mark }) => csvRows(roundRows(counted, mark)),
} satisfies ExportDefinition;
