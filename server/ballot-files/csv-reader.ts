// The one CSV reader of every import (Member States, paper ballots) and the separator rule of the
// ballot-file reader: what the exports write, the imports read. A file may be UTF-8 (with or
// without a byte-order mark) or, as a spreadsheet set to French or Spanish saves it, Windows-1252;
// its columns may be separated by commas or semicolons, told apart on the header line; lines may
// end in CRLF or LF. A file that cannot be read raises a CsvReadError naming the separator and
// encoding it was read with, so that a person can see what went wrong.
import { parse } from 'csv-parse/sync';

export type CsvSeparator = ',' | ';';
export type CsvEncoding = 'UTF-8' | 'UTF-8 (BOM)' | 'Windows-1252';

export interface DecodedCsv {
  readonly text: string;
  readonly encoding: CsvEncoding;
}

/** The file's text: UTF-8 when its bytes are valid UTF-8 (byte-order mark removed), else Windows-1252. */
export function decodeCsv(input: string | Uint8Array): DecodedCsv {
  if (typeof input === 'string') {
    return input.charCodeAt(0) === 0xfeff ? { text: input.slice(1), encoding: 'UTF-8 (BOM)' } : { text: input, encoding: 'UTF-8' };
  }
  const bom = input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? input.subarray(3) : input);
    return { text, encoding: bom ? 'UTF-8 (BOM)' : 'UTF-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(input), encoding: 'Windows-1252' };
  }
}

/**
 * The separator of a CSV text, from its first non-empty line: a semicolon when the line has more
 * semicolons than commas outside double quotes, else a comma.
 */
export function detectSeparator(text: string): CsvSeparator {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === ',') commas++;
    else if (c === ';') semicolons++;
    else if (c === '\n' || c === '\r') {
      if (commas + semicolons > 0 || text.slice(0, i).trim() !== '') break;
    }
  }
  return semicolons > commas ? ';' : ',';
}

/** What made a file unreadable, for a message in the reader's language; `other` keeps the parser's words. */
export type CsvProblem =
  | { readonly kind: 'row-width'; readonly cells: number; readonly expected: number }
  | { readonly kind: 'quote-not-closed' }
  | { readonly kind: 'bad-quote' }
  | { readonly kind: 'other' };

/** A file that cannot be read as CSV; `line` is 1-based. */
export class CsvReadError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
    readonly separator: CsvSeparator,
    readonly encoding: CsvEncoding,
    readonly problem: CsvProblem = { kind: 'other' },
  ) {
    super(`line ${line}: ${reason} (read with "${separator}" between columns, ${encoding})`);
    this.name = 'CsvReadError';
  }
}

export interface CsvRow {
  /** Cells by header name (trimmed, lower case); the first of two same-named columns wins. */
  readonly record: Readonly<Record<string, string>>;
  /** 1-based line of the file where the row ends. */
  readonly line: number;
}

export interface CsvTable {
  /** Column names, trimmed and in lower case, in file order. */
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  readonly separator: CsvSeparator;
  readonly encoding: CsvEncoding;
}

/** The problem behind one of csv-parse's error codes; `width` is the header's number of cells. */
function problemOf(code: string | undefined, record: unknown[] | undefined, width: number): CsvProblem {
  switch (code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
      return { kind: 'row-width', cells: record?.length ?? 0, expected: width };
    case 'CSV_QUOTE_NOT_CLOSED':
      return { kind: 'quote-not-closed' };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return { kind: 'bad-quote' };
    default:
      return { kind: 'other' };
  }
}

/** Reads a CSV file with a header line into rows keyed by column name; empty lines are skipped. */
export function readCsv(input: string | Uint8Array, options: { trim?: boolean } = {}): CsvTable {
  const { text, encoding } = decodeCsv(input);
  const separator = detectSeparator(text);
  const lines: number[] = [];
  let width = 0;
  let parsed: string[][];
  try {
    parsed = parse(text, {
      delimiter: separator, skip_empty_lines: true, trim: options.trim ?? false, relax_column_count: false,
      on_record: (record: string[], context) => {
        if (lines.length === 0) width = record.length;
        lines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    const { lines, code, record } = error as { lines?: number; code?: string; record?: unknown[] };
    throw new CsvReadError(lines ?? 1, (error as Error).message, separator, encoding, problemOf(code, record, width));
  }
  const [first, ...rest] = parsed;
  const header = (first ?? []).map((h) => h.trim().toLowerCase());
  const rows = rest.map((cells, i) => {
    const record: Record<string, string> = {};
    header.forEach((name, column) => {
      if (!(name in record)) record[name] = cells[column] ?? '';
    });
    return { record, line: lines[i + 1]! };
  });
  return { header, rows, separator, encoding };
}
