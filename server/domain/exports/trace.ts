// The per-ballot trace of one question's official count: one row per distinct ranking, how it
// counted at each round or stage (ballot-files/trace.ts), keyed by ranking_key like the rows of
// the ballots export. The same file as `npm run tally -- --trace` of that question's ballot file.
import { traceTable } from '../../ballot-files/index.js';
import { traceOfficialCount } from '../results.js';
import { CSV, csvRows, decimal, type ExportDefinition } from './shared.js';

export const TRACE_EXPORT = {
  file: { name: 'trace', extension: 'csv' },
  contentType: CSV,
  adminOnly: false,
  delegatesOncePublished: true,
  // Linked from each question of the results page.
  listed: false,
  counts: true,
  oneQuestion: 'errors.traceOneQuestion',
  body: ({ counted, mark }) => csvRows(traceTable(traceOfficialCount(counted[0]!), { weight: (text) => String(decimal(text, mark)) })),
} satisfies ExportDefinition;
