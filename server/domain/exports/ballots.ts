// Ballots: one row per Member State and question, ranks in order; with a single question it is a
// ballot file that the command-line tally re-counts. The last column, ranking_key, is the key of
// the ranking's row in the per-ballot trace (empty for an abstention or a ballot ranking nothing).
import { rankingKey } from '../../ballot-files/index.js';
import { pagesOfCurrentRevisions, type StoredAnswer } from '../../data/ballots.js';
import { type Deps } from '../deps.js';
import { optionNames } from '../results.js';
import type { Question, Survey } from '../surveys/model.js';
import { CSV, ROWS_PER_CHUNK, type Cell, type ExportDefinition } from './shared.js';

/**
 * One row per Member State and question; with a single question it is a ballot file (API.md) that
 * `npm run tally` re-counts to the same result as the results page. Yields the rows in chunks,
 * read beside the writer so that a long export does not hold up ballots being cast.
 */
async function* ballotChunks(deps: Deps, survey: Survey, questions: readonly Question[], anonymous: boolean): AsyncGenerator<Cell[][]> {
  const maxRanks = Math.max(1, ...questions.map((q) => q.options.length));
  const namesById = new Map(questions.map((q) => {
    const names = optionNames(q);
    return [q.id, new Map(q.options.map((o, i) => [o.id, names[i]!]))];
  }));
  yield [[
    ...(anonymous ? [] : ['iso3', 'member_state']), 'question_id', 'question', 'channel',
    ...(anonymous ? [] : ['revision', 'submitted_at']), 'abstained',
    ...Array.from({ length: maxRanks }, (_, i) => `rank_${i + 1}`), 'ranking_key',
  ]];
  const width = (anonymous ? 4 : 8) + maxRanks;
  // Many ballots share a ranking: each one's key is worked out once per export.
  const keys = new Map<string, string>();
  const keyOf = (ranking: readonly string[]): string => {
    if (ranking.length === 0) return '';
    const id = JSON.stringify(ranking);
    let key = keys.get(id);
    if (key === undefined) {
      key = rankingKey(ranking);
      keys.set(id, key);
    }
    return key;
  };
  let rows: Cell[][] = [];
  for await (const page of pagesOfCurrentRevisions(deps.db, survey.id)) {
    for (const [iso3, nameEn, revision, submittedAt, channel, stored] of page) {
      const answers = JSON.parse(stored) as Readonly<Record<string, StoredAnswer>>;
      for (const q of questions) {
        const a = answers[q.id];
        if (!a) continue;
        const names = namesById.get(q.id)!;
        const row: Cell[] = anonymous
          ? [q.id, q.title.en, channel, a.abstain ? 'yes' : 'no']
          : [iso3, nameEn, q.id, q.title.en, channel, revision, submittedAt, a.abstain ? 'yes' : 'no'];
        const ranking: string[] = [];
        for (const id of a.ranking ?? []) {
          const name = names.get(id);
          if (name !== undefined) ranking.push(name);
        }
        row.push(...ranking);
        while (row.length < width) row.push('');
        row.push(a.abstain ? '' : keyOf(ranking));
        rows.push(row);
      }
      if (rows.length >= ROWS_PER_CHUNK) {
        yield rows;
        rows = [];
      }
    }
  }
  if (rows.length > 0) yield rows;
}

export const BALLOTS_EXPORT = {
  file: { name: 'ballots', extension: 'csv' },
  contentType: CSV,
  adminOnly: false,
  listed: true,
  counts: false,
  body: ({ deps, survey, questions, options }) => ({ format: 'csv', chunks: ballotChunks(deps, survey, questions, options.anonymous) }),
} satisfies ExportDefinition;
