// Command-line tally (API.md): counts a ballot file with the engine the app uses and prints the
// result. Exit status 0 on success, 2 on a bad file or bad arguments (reason on stderr).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BallotFileError, decodeCsv, looksLikeBlt, parseBallotFile, parseBltFile, traceTable } from '../ballot-files/index.js';
import type { ParsedBallotFile, ParsedBltFile } from '../ballot-files/index.js';
import { countQuestion, countQuestionWithTrace, csvRow, DEFAULT_SEED, formatResultCsv, formatResultText, isMethod, METHOD_DEFINITIONS, METHODS, toResultJson } from '../tally/index.js';
import type { CountInput, CountResult, Method } from '../tally/index.js';

/** Each CSV shape once, with the methods that print it. */
function csvShapes(): string {
  const methodsOf = new Map<string, string[]>();
  for (const method of METHODS) {
    const help = METHOD_DEFINITIONS[method].csvHelp;
    methodsOf.set(help, [...(methodsOf.get(help) ?? []), method]);
  }
  return [...methodsOf].map(([help, methods]) => `                    ${methods.join(', ')}: ${help}`).join('\n');
}

const USAGE = `Usage: npm run tally -- --method ${METHODS.join('|')} [--seats N] [--seed S]
                        [--format json|text|csv] [--format-in csv|blt] [--skip-invalid] [--option NAME]… [--trace OUT.csv] FILE

Counts a ballot file (API.md: count,rank_1,…,rank_K) or a BLT file and prints the result.
  --method        counting method (required)
  --seats N       options to retain, a positive whole number no larger than the options (default 1,
                  or a BLT file's seats);
                  when it is at least the options ranked on some ballot, all of those are retained
  --seed S        seed of the lot that breaks ties left by earlier rounds (default "${DEFAULT_SEED}")
  --format F      json (default): API.md's JSON object; text: a readable report; csv: a table:
${csvShapes()}
  --format-in F   csv: a ballot file; blt: a BLT file (candidates and seats, ballots with weights,
                  0, names, title); by default told from the file's first line
  --skip-invalid  count the valid rows of a ballot file that has rejected rows (reported on stderr)
  --option NAME   an option no ballot may rank (repeat for each); the results page lists them
  --trace OUT     also write the per-ballot trace to the CSV file OUT: one row per distinct ranking,
                  count,rank_1…rank_K, then per round (stage) round_N (stage_N): the option it
                  counted for, empty when exhausted, and weight_N: its weight (1, or an STV paper's
                  value); then ranking_key. A method without rounds: one, the first preferences
The options are the names the file ranks and those given with --option, sorted, each compared
after Unicode NFC normalisation and trimming; names that differ only by case or look-alike
characters (another alphabet, dash, quote or space) are counted apart, with a warning on stderr.
Exit status 2 on a bad file or arguments.
`;

const FORMATS = ['json', 'text', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const INPUT_FORMATS = ['csv', 'blt'] as const;
type InputFormat = (typeof INPUT_FORMATS)[number];
const MAX_LISTED = 20;

class UsageError extends Error {}

function fail(message: string): never {
  process.stderr.write(`tally: ${message}\n`);
  process.exit(2);
}

function readArguments(argv: string[]): { method: Method; seats: number | null; seed: string; format: Format; formatIn: InputFormat | null; skipInvalid: boolean; options: string[]; trace: string | undefined; file: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        method: { type: 'string' },
        seats: { type: 'string' },
        seed: { type: 'string' },
        format: { type: 'string' },
        'format-in': { type: 'string' },
        'skip-invalid': { type: 'boolean' },
        option: { type: 'string', multiple: true },
        trace: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const method = values.method;
  if (method === undefined) throw new UsageError('--method is required');
  if (!isMethod(method)) {
    throw new UsageError(`unknown method "${method}" (expected ${METHODS.join(', ')})`);
  }
  const seatsText = values.seats ?? '1';
  if (!/^[1-9][0-9]*$/.test(seatsText) || !Number.isSafeInteger(Number(seatsText))) {
    throw new UsageError(`--seats must be a positive whole number, not "${seatsText}"`);
  }
  const format = values.format ?? 'json';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format "${format}" (expected ${FORMATS.join(', ')})`);
  }
  const formatIn = values['format-in'];
  if (formatIn !== undefined && !(INPUT_FORMATS as readonly string[]).includes(formatIn)) {
    throw new UsageError(`unknown input format "${formatIn}" (expected ${INPUT_FORMATS.join(', ')})`);
  }
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'a ballot file is required' : `one ballot file only, not ${positionals.length}`);
  }
  return {
    method,
    seats: values.seats === undefined ? null : Number(seatsText),
    seed: values.seed ?? DEFAULT_SEED,
    format: format as Format,
    formatIn: (formatIn as InputFormat | undefined) ?? null,
    skipInvalid: values['skip-invalid'] ?? false,
    options: values.option ?? [],
    trace: values.trace,
    file: positionals[0]!,
  };
}

/** Counts with the per-ballot trace and writes it to `file` (CSV, CR LF line ends, as --format csv). */
function countAndWriteTrace(input: CountInput, file: string): CountResult {
  const traced = countQuestionWithTrace(input);
  let text = '';
  for (const row of traceTable(traced)) text += csvRow(row);
  try {
    writeFileSync(file, text);
  } catch (error) {
    fail(`cannot write the trace to ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return traced.result;
}

function main(): void {
  let args;
  try {
    args = readArguments(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message}\n\n${USAGE}`);
    throw error;
  }
  let text: string;
  try {
    text = decodeCsv(readFileSync(args.file)).text;
  } catch (error) {
    fail(`cannot read ${args.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const blt = args.formatIn === null ? looksLikeBlt(text) : args.formatIn === 'blt';
  if (blt && args.options.length > 0) fail(`${args.file}: --option is for ballot files: a BLT file names all its candidates`);
  let parsed: ParsedBallotFile;
  let bltFile: ParsedBltFile | null = null;
  try {
    parsed = blt ? (bltFile = parseBltFile(text)) : parseBallotFile(text, args.options);
  } catch (error) {
    if (error instanceof BallotFileError) fail(`${args.file}: ${error.message}`);
    throw error;
  }
  if (parsed.rejected.length > 0) {
    const listed = parsed.rejected.slice(0, MAX_LISTED).map((r) => `${args.file}: line ${r.line}: ${r.reason}`);
    if (parsed.rejected.length > MAX_LISTED) listed.push(`… and ${parsed.rejected.length - MAX_LISTED} more rejected rows`);
    if (!args.skipInvalid) {
      fail(`${listed.join('\n')}\n${parsed.rejected.length} row(s) rejected; nothing counted (use --skip-invalid to count the other rows)`);
    }
    process.stderr.write(`${listed.join('\n')}\ntally: skipped ${parsed.rejected.length} rejected row(s)\n`);
  }
  for (const [a, b] of parsed.lookAlikes) {
    process.stderr.write(`tally: warning: ${args.file}: "${a}" and "${b}" differ only by case or look-alike characters; they are counted as two options\n`);
  }
  if (bltFile !== null && bltFile.withdrawn.length > 0) {
    process.stderr.write(`tally: ${args.file}: withdrawn, left out of the count: ${bltFile.withdrawn.map((name) => `"${name}"`).join(', ')}\n`);
  }
  const seats = args.seats ?? bltFile?.seats ?? 1;
  if (parsed.options.length > 0 && seats > parsed.options.length) {
    fail(`${args.seats === null ? 'the file asks for' : '--seats'} ${seats} is more than the ${parsed.options.length} options in ${args.file}: no count can retain more options than there are (an option no ballot ranks counts once declared with --option)`);
  }
  const input: CountInput = { method: args.method, options: parsed.options, ballots: parsed.ballots, seats, seed: args.seed };
  const result = args.trace === undefined ? countQuestion(input) : countAndWriteTrace(input, args.trace);
  const output =
    args.format === 'json'
      ? `${JSON.stringify(toResultJson(result), null, 2)}\n`
      : args.format === 'text'
        ? `${bltFile?.title ? `Title: ${bltFile.title}\n` : ''}${formatResultText(result)}`
        : formatResultCsv(result);
  process.stdout.write(output);
}

main();
