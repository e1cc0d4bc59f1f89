// The tally: one row per question and option, with its first preferences, its value at the end of
// the count, its place and whether (and in which order) it was retained.
import { toResultJson, type CountResult } from '../../tally/index.js';
import type { QuestionResult } from '../results.js';
import { CSV, csvRows, decimal, type Cell, type DecimalMark, type ExportDefinition } from './shared.js';

/** Each option's value at the end of the count: its votes at the last round or stage, or its score; none for Schulze. */
function finalVotes(result: CountResult): Map<number, string | number> {
  const out = new Map<number, string | number>();
  const json = toResultJson(result);
  const last: Readonly<Record<string, string | number>> | undefined = json.rounds ? json.rounds.at(-1)?.votes : json.scores;
  if (last) result.options.forEach((name, i) => { const v = last[name]; if (v !== undefined) out.set(i, v); });
  return out;
}

function* tallyRows(results: readonly QuestionResult[], mark: DecimalMark): Generator<Cell[]> {
  yield ['question_id', 'question', 'method', 'seats', 'option', 'label', 'title_en', 'first_preferences', 'final_value', 'place', 'retained', 'retained_order'];
  for (const q of results) {
    const r = q.official;
    const firstScores = r.firstPreferences.votes;
    const final = finalVotes(r);
    const places = 'places' in r ? r.places : null;
    for (const [i, o] of q.question.options.entries()) {
      const order = r.winners.indexOf(i);
      yield [
        q.question.id, q.question.title.en, r.method, r.seats, q.optionNames[i]!, o.label, o.title.en,
        firstScores[i] ?? 0, decimal(final.get(i) ?? '', mark), places ? places[i]! : '', order >= 0 ? 'yes' : 'no', order >= 0 ? order + 1 : '',
      ];
    }
  }
}

export const TALLY_EXPORT = {
  file: { name: 'tally', extension: 'csv' },
  contentType: CSV,
  adminOnly: false,
  listed: true,
  counts: true,
  body: ({ counted, mark }) => csvRows(tallyRows(counted, mark)),
} satisfies ExportDefinition;
