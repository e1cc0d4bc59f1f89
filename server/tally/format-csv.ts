// A result as CSV (RFC 4180, header row first), in the shape its method's definition gives:
// - plurality, borda: option,place,score,retained — one row per option, best first.
// - irv: option,round_1,…,round_N,result — an option's votes per round (empty once out of the
//   count), result "retained (seat k)" or "excluded (round r)"; then an "(exhausted)" row.
// - stv: option,stage_1,…,stage_N,result — votes per stage as five-decimal values, result
//   "elected (stage s)" or "excluded (stage s)"; first an "(action)" row naming each stage's
//   action, then the options, then "(exhausted)" and "(lost to truncation)" rows; then "(quota)".
// - schulze: option,place,retained,<each option> — the pairwise matrix, rows in ranking order,
//   cell [row][column] = ballots preferring the row option to the column option.
// Cells that a spreadsheet could read as formulas are left as they are: this is data for replay,
// and the app's exports neutralise them on their own.
import { csvRow } from './csv-cell.js';
import { methodDefinition } from './methods.js';
import type { CountResult, OptionIndex } from './types.js';

export function formatResultCsv(result: CountResult): string {
  const label = (o: OptionIndex): string => result.options[o]!;
  const rows = methodDefinition(result.method).csv(result, label);
  return rows.map((row) => csvRow(row)).join('');
}
