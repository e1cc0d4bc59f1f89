// CSV files given to an import, read by the one shared reader; what cannot be read becomes an
// AppError that says how the file was read (separator, encoding, the header found), so that the
// person who made the file can see why.
import { CsvReadError, readCsv, type CsvTable } from '../ballot-files/index.js';
import { AppError } from './errors.js';
import { assertNever } from './refusals.js';

/** How a file was read, as the error messages about it say (params readAs…). */
export function readAsParams(table: Pick<CsvTable, 'separator' | 'encoding' | 'header'>): Record<string, string> {
  return { separator: table.separator, encoding: table.encoding, found: table.header.join(table.separator) };
}

/** Reads an uploaded CSV file; a file that is not CSV, or has no row under its header, throws `invalid`. */
export function readCsvFile(input: string | Uint8Array, options: { trim?: boolean } = {}): CsvTable {
  let table: CsvTable;
  try {
    table = readCsv(input, options);
  } catch (error) {
    if (error instanceof CsvReadError) {
      const readAs = { line: error.line, separator: error.separator, encoding: error.encoding };
      const { problem } = error;
      switch (problem.kind) {
        case 'row-width':
          throw new AppError('invalid', 'errors.csvRowWidth', { ...readAs, cells: problem.cells, expected: problem.expected });
        case 'quote-not-closed':
          throw new AppError('invalid', 'errors.csvQuoteNotClosed', readAs);
        case 'bad-quote':
          throw new AppError('invalid', 'errors.csvBadQuote', readAs);
        case 'other':
          throw new AppError('invalid', 'errors.csvMalformed', { ...readAs, reason: error.reason });
        default:
          return assertNever(problem);
      }
    }
    throw error;
  }
  if (table.rows.length === 0) throw new AppError('invalid', 'errors.csvEmpty');
  return table;
}

/** The error for a file whose header lacks columns. */
export function missingColumnsError(table: CsvTable, columns: readonly string[]): AppError {
  return new AppError('invalid', 'errors.csvColumns', { columns: columns.join(', '), ...readAsParams(table) });
}
