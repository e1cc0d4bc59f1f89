// One CSV cell writer for every CSV the app and the command line write (RFC 4180 quoting): the
// tally's CSV report, ballot files and the exports. Pure, so the tally can use it.
//
// With `neutraliseFormulas` (the exports), a cell a spreadsheet could take for a formula (=, +, -,
// @, tab, carriage return, or their full-width forms) starts with an apostrophe, and so does every
// line of a cell that holds several: a spreadsheet reading the file with the other separator breaks
// such a cell into rows. Ballot files and the tally's report are data for replay and leave them as
// they are. Numbers are written as they are: a negative number is not a formula.

export interface CsvCellOptions {
  /** The separator between cells (default a comma). */
  readonly delimiter?: string;
  readonly neutraliseFormulas?: boolean;
  /**
   * Quote a cell for a line feed or carriage return alone (default). The exports have always
   * quoted only for their line end (CR LF), as csv-stringify's defaults did, and keep doing so
   * byte for byte.
   */
  readonly quoteLoneLineBreaks?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** After a line break, the characters a spreadsheet takes for a formula at the start of a cell. */
const FORMULA_AFTER_BREAK = /([\r\n])([=+\-@\t\r])/g;

export function csvCell(value: string | number | null, options: CsvCellOptions = {}): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let text = value;
  if (options.neutraliseFormulas) {
    if (text.includes('\n') || text.includes('\r')) text = text.replace(FORMULA_AFTER_BREAK, "$1'$2");
    if (FORMULA_START.test(text)) text = `'${text}`;
  }
  const lineBreak = options.quoteLoneLineBreaks === false
    ? text.includes('\r\n')
    : text.includes('\n') || text.includes('\r');
  const needsQuotes = lineBreak || text.includes('"') || text.includes(options.delimiter ?? ',');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A row of cells and its line end. */
export function csvRow(cells: readonly (string | number | null)[], options: CsvCellOptions = {}, lineEnd = '\r\n'): string {
  return cells.map((cell) => csvCell(cell, options)).join(options.delimiter ?? ',') + lineEnd;
}
