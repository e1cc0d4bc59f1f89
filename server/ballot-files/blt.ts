// Reads BLT, the ballot file that STV tools exchange (OpenSTV, droop, the Scottish and Irish
// published ballot data, and our own BLT export):
//
//   4 2                 candidates and seats
//   -2                  optional: withdrawn candidates, as negative ids (one or more on the line)
//   3 1 3 4 0           a ballot line: its weight (how many ballots), the candidates in order of
//   1 2 0               preference by their 1-based ids, then 0; "(id)" before the weight is allowed
//   0                   end of the ballots
//   "Alpha"             the candidates' names, in quotes, in id order
//   …
//   "Title"             the election's title
//
// A withdrawn candidate is left out of the options, and its preferences are passed over (the
// next ones move up). Weights must be whole numbers. A ballot with equal rankings ("2=3"), a
// skipped place ("-"), an unknown or repeated candidate, or a line that breaks the layout is
// refused with its line number: the file is not counted. Names are compared as names.ts says;
// the options are sorted by name, as for a CSV ballot file.
import { createBallotSetBuilder } from '../tally/aggregate.js';
import { findLookAlikes, normaliseName } from './names.js';
import { BallotFileError, MAX_ROW_COUNT, sortOptions, type ParsedBallotFile } from './parse.js';

export interface ParsedBltFile extends ParsedBallotFile {
  /** Seats, from the first line. */
  readonly seats: number;
  /** The election's title, when the file gives one. */
  readonly title: string | null;
  /** Names of the withdrawn candidates, left out of the count. */
  readonly withdrawn: string[];
}

const WHOLE = /^[0-9]+$/;

/** Whether a text reads as BLT rather than a CSV ballot file: its first line is two whole numbers. */
export function looksLikeBlt(input: string): boolean {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const first = text.split('\n', 50).find((line) => line.trim() !== '');
  return first !== undefined && /^\s*[0-9]+\s+[0-9]+\s*$/.test(first);
}

export function parseBltFile(input: string): ParsedBltFile {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  let i = 0;
  /** The next line with text, and its 1-based number; null at the end. */
  const next = (): { line: number; text: string } | null => {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    if (i >= lines.length) return null;
    i++;
    return { line: i, text: lines[i - 1]!.trim() };
  };
  const fail = (line: number, reason: string): never => {
    throw new BallotFileError(line, reason);
  };

  const header = next();
  if (header === null) return fail(1, 'the file is empty: a BLT file starts with the number of candidates and of seats, e.g. "4 2"');
  const sizes = header.text.split(/\s+/);
  if (sizes.length !== 2 || !sizes.every((t) => WHOLE.test(t)) || Number(sizes[0]) < 1 || Number(sizes[1]) < 1) {
    fail(header.line, `the first line must give the number of candidates and of seats, two positive whole numbers such as "4 2", not "${header.text}"`);
  }
  const n = Number(sizes[0]);
  const seats = Number(sizes[1]);

  const withdrawnIds = new Set<number>();
  let current = next();
  if (current !== null && current.text.startsWith('-')) {
    for (const token of current.text.split(/\s+/)) {
      if (!/^-[0-9]+$/.test(token) || Number(token.slice(1)) < 1 || Number(token.slice(1)) > n) {
        fail(current.line, `withdrawn candidates are given as negative ids from -1 to -${n}, not "${token}"`);
      }
      withdrawnIds.add(Number(token.slice(1)));
    }
    current = next();
  }

  // Ids → option positions before sorting: withdrawn candidates get none.
  const position = new Int32Array(n + 1).fill(-1);
  let kept = 0;
  for (let id = 1; id <= n; id++) if (!withdrawnIds.has(id)) position[id] = kept++;
  const builder = createBallotSetBuilder(kept);
  const ranking = new Int32Array(n);
  const seen = new Int32Array(n + 1);
  let rows = 0;
  for (;;) {
    if (current === null) return fail(lines.length, 'the ballots never end: a line with a single 0 must follow the last ballot');
    if (current.text === '0') break;
    rows++;
    const { line } = current;
    const tokens = current.text.split(/\s+/);
    if (/^\(.*\)$/.test(tokens[0]!)) tokens.shift();
    const weight = tokens[0] ?? '';
    if (!WHOLE.test(weight) || Number(weight) < 1) {
      fail(line, /^[0-9]*\.[0-9]+$/.test(weight) ? `the ballot weight ${weight} is not a whole number` : `a ballot line starts with its weight, a positive whole number, not "${weight}"`);
    }
    if (Number(weight) > MAX_ROW_COUNT) fail(line, `the ballot weight ${weight} is larger than ${MAX_ROW_COUNT}`);
    if (tokens.at(-1) !== '0') fail(line, 'a ballot line must end with 0');
    let length = 0;
    for (let k = 1; k < tokens.length - 1; k++) {
      const token = tokens[k]!;
      if (token.includes('=')) fail(line, `equal rankings ("${token}") are not taken: a ballot ranks one candidate per place`);
      if (token === '-') fail(line, 'a skipped place ("-") is not taken: a ballot ranks its candidates without gaps');
      if (!WHOLE.test(token) || Number(token) < 1 || Number(token) > n) {
        fail(line, token === '0' ? 'a 0 before the end of a ballot line' : `"${token}" is not a candidate: candidates are numbered 1 to ${n}`);
      }
      const id = Number(token);
      if (seen[id] === rows) fail(line, `candidate ${id} is ranked more than once`);
      seen[id] = rows;
      if (position[id]! >= 0) ranking[length++] = position[id]!;
    }
    builder.add(ranking, length, Number(weight));
    current = next();
  }

  // Names and title: quoted strings, on as many lines as they take.
  const quoted: { line: number; text: string }[] = [];
  for (let line = next(); line !== null; line = next()) {
    const found = line.text.match(/"[^"]*"/g) ?? [];
    if (line.text.replace(/"[^"]*"/g, '').trim() !== '') {
      fail(line.line, `after the ballots, a BLT file gives the candidates' names and the title in double quotes, not ${JSON.stringify(line.text)}`);
    }
    for (const q of found) quoted.push({ line: line.line, text: q.slice(1, -1) });
  }
  if (quoted.length < n) fail(lines.length, `the file names ${quoted.length} candidate(s) but its first line says ${n}`);
  if (quoted.length > n + 1) fail(quoted[n + 1]!.line, `the file gives more names than its ${n} candidates and a title`);
  const allNames = quoted.slice(0, n).map((q) => normaliseName(q.text));
  allNames.forEach((name, k) => {
    if (name === '') fail(quoted[k]!.line, `candidate ${k + 1} has no name`);
    const earlier = allNames.indexOf(name);
    if (earlier < k) fail(quoted[k]!.line, `candidates ${earlier + 1} and ${k + 1} are both named "${name}"`);
  });
  const names = allNames.filter((_, k) => !withdrawnIds.has(k + 1));
  const sorted = sortOptions(names, builder.finish());
  return {
    ...sorted,
    rows,
    rejected: [],
    lookAlikes: findLookAlikes(sorted.options),
    seats,
    title: quoted.length > n ? quoted[n]!.text : null,
    withdrawn: allNames.filter((_, k) => withdrawnIds.has(k + 1)),
  };
}
