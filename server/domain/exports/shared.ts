// What the export kinds share: the shape of a kind's definition, what it is given, and the rows
// gathered into chunks. Each kind has its file beside this one; index.ts lists them.
import type { Actor, Deps } from '../deps.js';
import type { QuestionResult } from '../results.js';
import type { Question, Survey } from '../surveys/model.js';
import type { ExportOptions } from './options.js';

export type Cell = string | number | null;

/** An exact decimal of the count ("4.36360") with the decimal comma of the semicolon variant's spreadsheets. */
export type DecimalMark = '.' | ',';
export function decimal(value: string | number, mark: DecimalMark): string | number {
  return mark === ',' && typeof value === 'string' && /^-?\d+\.\d+$/.test(value) ? value.replace('.', ',') : value;
}

/**
 * Rows stringified, and written, together: one call and one chunk for many rows, yet few enough
 * that their strings die young, before the garbage collector has to move them.
 */
export const ROWS_PER_CHUNK = 256;

/** Rows gathered into chunks of ROWS_PER_CHUNK. */
export async function* inChunks(rows: AsyncIterable<Cell[]> | Iterable<Cell[]>): AsyncGenerator<Cell[][]> {
  let chunk: Cell[][] = [];
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length === ROWS_PER_CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** What an export kind is given to make its file. */
export interface ExportContext {
  readonly deps: Deps;
  readonly actor: Actor;
  readonly survey: Survey;
  /** The questions asked for: one, or every question of the survey. */
  readonly questions: readonly Question[];
  /** The one question asked for, if any. */
  readonly single: Question | undefined;
  readonly options: ExportOptions;
  /** The counts of `questions`, for the kinds that need them (else empty). */
  readonly counted: readonly QuestionResult[];
  readonly mark: DecimalMark;
}

/** A file's body: CSV rows in chunks (header first), or text with its own count of rows. */
export type ExportBody =
  | { readonly format: 'csv'; readonly chunks: AsyncIterable<Cell[][]> }
  | { readonly format: 'text'; readonly text: Iterable<string>; readonly rows: number };

export interface ExportDefinition {
  /** The file name's kind and extension: `ballots.csv`, `tally.csv`, `ballots.blt`… */
  readonly file: { readonly name: string; readonly extension: 'csv' | 'blt' };
  readonly contentType: string;
  /** Administrators only (else staff too). */
  readonly adminOnly: boolean;
  /** Delegates too, once the results are published, as they see the results page. */
  readonly delegatesOncePublished?: boolean;
  /** Offered among the CSV exports of the exports page (BLT has its own button). */
  readonly listed: boolean;
  /** Needs the survey counted. */
  readonly counts: boolean;
  /** The translation key of the refusal when no single question is asked for; absent when any number will do. */
  readonly oneQuestion?: string;
  readonly body: (context: ExportContext) => ExportBody;
}

export const CSV = 'text/csv; charset=utf-8';

/** A CSV kind: rows from a generator, in chunks. */
export function csvRows(rows: AsyncIterable<Cell[]> | Iterable<Cell[]>): ExportBody {
  return { format: 'csv', chunks: inChunks(rows) };
}
