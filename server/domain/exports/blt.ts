// BLT, the STV tools' exchange format, for one question: its ballots as the count saw them.
import { rankingAt } from '../../tally/index.js';
import type { QuestionResult } from '../results.js';
import type { Survey } from '../surveys/model.js';
import type { ExportDefinition } from './shared.js';

/**
 * BLT: "<options> <seats>", one line per distinct ranking "<count> <option numbers…> 0", "0", the
 * option names quoted, then the title quoted. Abstentions are not ballots and are left out.
 */
function* bltText(q: QuestionResult, survey: Survey): Generator<string> {
  const quote = (s: string) => `"${s.replace(/"/g, "'")}"`;
  yield `${q.question.options.length} ${q.question.seats}\n`;
  const set = q.ballots;
  for (let i = 0; i < set.size; i++) yield `${set.counts[i]} ${rankingAt(set, i).map((o) => o + 1).join(' ')} 0\n`;
  yield '0\n';
  for (const name of q.optionNames) yield `${quote(name)}\n`;
  yield `${quote(`${survey.title.en} - ${q.question.title.en}`)}\n`;
}

export const BLT_EXPORT = {
  file: { name: 'ballots', extension: 'blt' },
  contentType: 'text/plain; charset=utf-8',
  adminOnly: false,
  listed: false,
  counts: true,
  oneQuestion: 'errors.bltOneQuestion',
  // BLT's rows are its ballot lines, one per distinct ranking.
  body: ({ counted, survey }) => ({ format: 'text', text: bltText(counted[0]!, survey), rows: counted[0]!.ballots.size }),
} satisfies ExportDefinition;
