// Reads API.md's ballot file: CSV in UTF-8 (a leading byte-order mark is accepted), RFC 4180
// quoting, commas or semicolons between cells (told apart on the header line, as the shared CSV
// reader does, so that an export written with semicolons counts back), a header with an optional
// `count` column and `rank_1` … `rank_K`; other columns are ignored. Rows are aggregated as they are read (identical rankings once, with their counts).
// A hand-written parser: unquoted lines, the common case, are split in place; a line with a
// double quote goes through the full RFC 4180 state machine, which may span several lines.
// Option names are compared as names.ts says: NFC, trimmed of surrounding white space. The options
// of a file are the distinct names it ranks, sorted by code point, so that the same ballots give
// the same count whatever the order of the rows. Names that still differ but look the same (by
// case or look-alike characters) stay two options, and are reported in `lookAlikes`.
import { createBallotSetBuilder } from '../tally/aggregate.js';
import { findLookAlikes, normaliseName } from './names.js';
import { detectSeparator } from './csv-reader.js';
import type { BallotSet } from '../tally/types.js';

/** A row that was not counted, with its 1-based line number and the reason. */
export interface RejectedRow {
  readonly line: number;
  readonly reason: string;
}

export interface ParsedBallotFile {
  /** Distinct option names ranked in the file (and any declared), sorted. */
  readonly options: string[];
  /** The accepted rows' ballots, as indices into `options`. */
  readonly ballots: BallotSet;
  /** Data rows read (accepted or not). */
  readonly rows: number;
  readonly rejected: RejectedRow[];
  /** Pairs of options whose names differ only by case or look-alike characters. */
  readonly lookAlikes: [string, string][];
}

/** A file that cannot be read at all (no header, no rank columns, an unclosed quote). */
export class BallotFileError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'BallotFileError';
  }
}

/** The largest count a single row may carry. */
export const MAX_ROW_COUNT = 1_000_000_000;

const QUOTE = 34;
const NEWLINE = 10;
const RETURN = 13;

interface Cursor {
  pos: number;
  line: number;
  /** Set by atNextLine: where the current line's text ends (before any \r), and its \n. */
  lineEnd: number;
  end: number;
}

/** Moves the cursor past empty lines to the next line with text; false at the end of the text. */
function atNextLine(text: string, cursor: Cursor): boolean {
  while (cursor.pos < text.length) {
    let end = text.indexOf('\n', cursor.pos);
    if (end < 0) end = text.length;
    let lineEnd = end;
    if (lineEnd > cursor.pos && text.charCodeAt(lineEnd - 1) === RETURN) lineEnd--;
    if (lineEnd > cursor.pos) {
      cursor.lineEnd = lineEnd;
      cursor.end = end;
      return true;
    }
    cursor.pos = end + 1;
    cursor.line++;
  }
  return false;
}

/** Reads one quoted-or-not record at cursor.pos (RFC 4180), moving the cursor past its end. */
function readQuotedRecord(text: string, cursor: Cursor, sep: number): string[] {
  const cells: string[] = [];
  const startLine = cursor.line;
  let cell = '';
  let i = cursor.pos;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new BallotFileError(startLine, 'a quoted cell is never closed');
        const chunk = text.slice(i, q);
        for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) cursor.line++;
        cell += chunk;
        if (text.charCodeAt(q + 1) === QUOTE) {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the next separator is kept, as lenient readers do.
      while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === sep || c === NEWLINE || c === RETURN) break;
        cell += text[i];
        i++;
      }
    } else {
      let j = i;
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c === sep || c === NEWLINE || c === RETURN) break;
        j++;
      }
      cell += text.slice(i, j);
      i = j;
    }
    cells.push(cell);
    cell = '';
    const c = text.charCodeAt(i);
    if (c === sep) {
      i++;
      continue;
    }
    if (c === RETURN) i++;
    if (text.charCodeAt(i) === NEWLINE) {
      i++;
      cursor.line++;
    }
    cursor.pos = i;
    return cells;
  }
}

/** Reads the next record; null at the end of the text. Empty lines are skipped. */
function readRecord(text: string, cursor: Cursor, sep: string): string[] | null {
  if (!atNextLine(text, cursor)) return null;
  const line = text.slice(cursor.pos, cursor.lineEnd);
  if (line.includes('"')) return readQuotedRecord(text, cursor, sep.charCodeAt(0));
  cursor.pos = cursor.end + 1;
  cursor.line++;
  return line.split(sep);
}

interface Header {
  readonly countColumn: number;
  /** Column index of rank_1 … rank_K. */
  readonly rankColumns: number[];
  readonly width: number;
}

function readHeader(cells: string[] | null): Header {
  if (cells === null) throw new BallotFileError(1, 'the file is empty: a header with rank_1, rank_2, … is needed');
  let countColumn = -1;
  const ranks = new Map<number, number>();
  cells.forEach((raw, column) => {
    const name = raw.trim().toLowerCase();
    if (name === 'count') {
      if (countColumn >= 0) throw new BallotFileError(1, 'the header has two count columns');
      countColumn = column;
      return;
    }
    const match = /^rank_([1-9][0-9]*)$/.exec(name);
    if (!match) return;
    const k = Number(match[1]);
    if (ranks.has(k)) throw new BallotFileError(1, `the header has two rank_${k} columns`);
    ranks.set(k, column);
  });
  if (ranks.size === 0) throw new BallotFileError(1, 'the header has no rank_1 column (expected count,rank_1,rank_2,…)');
  const rankColumns: number[] = [];
  for (let k = 1; k <= ranks.size; k++) {
    const column = ranks.get(k);
    if (column === undefined) throw new BallotFileError(1, `the header has no rank_${k} column, but has a later rank`);
    rankColumns.push(column);
  }
  return { countColumn, rankColumns, width: cells.length };
}

function parseCount(cell: string): number {
  const text = cell.trim();
  if (!/^[0-9]+$/.test(text)) return -1;
  const value = Number(text);
  return value >= 1 ? value : -1;
}

/**
 * `declaredOptions` adds options that no row may rank (a question's full list of options), so that a
 * count of the file knows them all.
 */
export function parseBallotFile(input: string, declaredOptions: readonly string[] = []): ParsedBallotFile {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = detectSeparator(text);
  const cursor: Cursor = { pos: 0, line: 1, lineEnd: 0, end: 0 };
  const { countColumn, rankColumns, width } = readHeader(readRecord(text, cursor, sep));
  const rankCount = rankColumns.length;
  const nameIndex = new Map<string, number>();
  const names: string[] = [];
  const builder = createBallotSetBuilder(0x7fffffff, 4096);
  const ranking = new Int32Array(rankCount);
  const rejected: RejectedRow[] = [];
  // stamps[option] === stamp when the option is already in the current row.
  let stamps = new Int32Array(1024);
  let stamp = 0;
  let rows = 0;
  for (const declared of declaredOptions) {
    const name = normaliseName(declared);
    if (name !== '' && !nameIndex.has(name)) nameIndex.set(name, names.push(name) - 1);
  }
  if (names.length > stamps.length) stamps = new Int32Array(names.length * 2);

  // The ranking part of a row, as its group in the builder, or the reason it is rejected.
  const readRanking = (cells: readonly string[]): number | string => {
    stamp++;
    let length = 0;
    let gapAt = 0;
    for (let k = 0; k < rankCount; k++) {
      let name = cells[rankColumns[k]!] ?? '';
      if (name.length > 0 && !PLAIN_NAME.test(name)) name = normaliseName(name);
      if (name === '') {
        if (gapAt === 0) gapAt = k + 1;
        continue;
      }
      if (gapAt !== 0) return `rank_${gapAt} is empty but rank_${k + 1} is not (a gap)`;
      let index = nameIndex.get(name);
      if (index === undefined) {
        index = names.push(name) - 1;
        nameIndex.set(name, index);
        if (index >= stamps.length) {
          const grown = new Int32Array(stamps.length * 2);
          grown.set(stamps);
          stamps = grown;
        }
      }
      if (stamps[index] === stamp) return `"${name}" is ranked more than once (again at rank_${k + 1})`;
      stamps[index] = stamp;
      ranking[length++] = index;
    }
    return builder.add(ranking, length, 0);
  };

  const take = (line: number, group: number | string, count: number): void => {
    if (typeof group === 'string') rejected.push({ line, reason: group });
    else builder.addToGroup(group, count);
  };

  const checkCount = (cell: string): number | string => {
    const count = parseCount(cell);
    if (count < 0) return `count must be a positive whole number, not "${cell}"`;
    if (count > MAX_ROW_COUNT) return `count ${cell.trim()} is larger than ${MAX_ROW_COUNT}`;
    return count;
  };

  // In the usual layout (count, then rank_1 … rank_K, nothing else), an unquoted row's text after
  // the count determines its ranking, so repeated rankings are looked up by that text alone.
  const simple =
    width === rankCount + (countColumn >= 0 ? 1 : 0) &&
    countColumn <= 0 &&
    rankColumns.every((column, k) => column === k + (countColumn === 0 ? 1 : 0));
  const seen = new Map<string, number | string>();
  // Position of the next double quote in the text (text.length when there is none left).
  let nextQuote = -1;

  while (atNextLine(text, cursor)) {
    const line = cursor.line;
    const { lineEnd, end } = cursor;
    rows++;
    if (nextQuote < cursor.pos) {
      nextQuote = text.indexOf('"', cursor.pos);
      if (nextQuote < 0) nextQuote = text.length;
    }
    if (simple && nextQuote > lineEnd) {
      let restStart = cursor.pos;
      let count = 1;
      if (countColumn === 0) {
        let comma = text.indexOf(sep, cursor.pos);
        if (comma < 0 || comma > lineEnd) comma = lineEnd;
        count = 0;
        for (let i = cursor.pos; i < comma && count >= 0; i++) {
          const digit = text.charCodeAt(i) - 48;
          count = digit >= 0 && digit <= 9 ? count * 10 + digit : -1;
        }
        if (count < 1 || count > MAX_ROW_COUNT) {
          const checked = checkCount(text.slice(cursor.pos, comma));
          if (typeof checked === 'string') {
            rejected.push({ line, reason: checked });
            cursor.pos = end + 1;
            cursor.line++;
            continue;
          }
          count = checked;
        }
        restStart = comma + 1;
      }
      const key = restStart <= lineEnd ? text.slice(restStart, lineEnd) : '';
      cursor.pos = end + 1;
      cursor.line++;
      let group = seen.get(key);
      if (group === undefined) {
        const cells = key.split(sep);
        group = cells.length > rankCount ? tooWide(cells.length + (countColumn === 0 ? 1 : 0), width) : readRanking(countColumn === 0 ? ['', ...cells] : cells);
        seen.set(key, group);
      }
      take(line, group, count);
      continue;
    }
    const cells = readRecord(text, cursor, sep)!;
    if (cells.length > width) {
      rejected.push({ line, reason: tooWide(cells.length, width) });
      continue;
    }
    let count = 1;
    if (countColumn >= 0) {
      const checked = checkCount(cells[countColumn] ?? '');
      if (typeof checked === 'string') {
        rejected.push({ line, reason: checked });
        continue;
      }
      count = checked;
    }
    take(line, readRanking(cells), count);
  }

  const found = builder.finish();
  const sorted = sortOptions(names, found);
  return { ...sorted, rows, rejected, lookAlikes: findLookAlikes(sorted.options) };
}

/** A name that normaliseName leaves as it is: printable ASCII, not starting or ending with a space. */
const PLAIN_NAME = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

const tooWide = (cells: number, width: number): string => `the row has ${cells} cells but the header has ${width}`;

/** Renumbers options so that they are sorted by name. */
export function sortOptions(names: string[], set: BallotSet): { options: string[]; ballots: BallotSet } {
  const order = names.map((_, i) => i).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
  const newIndex = new Int32Array(names.length);
  order.forEach((old, i) => (newIndex[old] = i));
  const choices = new Int32Array(set.choices.length);
  for (let i = 0; i < choices.length; i++) choices[i] = newIndex[set.choices[i]!]!;
  return {
    options: order.map((i) => names[i]!),
    ballots: { ...set, optionCount: names.length, choices },
  };
}
