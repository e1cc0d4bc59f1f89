// Command-line tally (API.md): counts a ballot file with the engine the app uses and prints the
// result. Exit status 0 on success, 2 on a bad file or bad arguments (reason on stderr).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BallotFileError, decodeCsv, parseBallotFile } from '../ballot-files/index.js';
import { countQuestion, DEFAULT_SEED, formatResultCsv, formatResultText, isMethod, METHOD_DEFINITIONS, METHODS, toResultJson } from '../tally/index.js';
import type { Method } from '../tally/index.js';

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
                        [--format json|text|csv] [--skip-invalid] [--option NAME]… FILE.csv

Counts a ballot file (API.md: count,rank_1,…,rank_K) and prints the result.
  --method        counting method (required)
  --seats N       options to retain, a positive whole number no larger than the options (default 1)
  --seed S        seed of the lot that breaks ties left by earlier rounds (default "${DEFAULT_SEED}")
  --format F      json (default): API.md's JSON object; text: a readable report; csv: a table:
${csvShapes()}
  --skip-invalid  count the valid rows of a file that has rejected rows (reported on stderr)
  --option NAME   an option no ballot may rank (repeat for each); the results page lists them
The options are the names the file ranks and those given with --option, sorted.
Exit status 2 on a bad file or arguments.
`;

const FORMATS = ['json', 'text', 'csv'] as const;
type Format = (typeof FORMATS)[number];
const MAX_LISTED = 20;

class UsageError extends Error {}

function fail(message: string): never {
  process.stderr.write(`tally: ${message}\n`);
  process.exit(2);
}

function readArguments(argv: string[]): { method: Method; seats: number; seed: string; format: Format; skipInvalid: boolean; options: string[]; file: string } {
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
        'skip-invalid': { type: 'boolean' },
        option: { type: 'string', multiple: true },
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
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'a ballot file is required' : `one ballot file only, not ${positionals.length}`);
  }
  return {
    method,
    seats: Number(seatsText),
    seed: values.seed ?? DEFAULT_SEED,
    format: format as Format,
    skipInvalid: values['skip-invalid'] ?? false,
    options: values.option ?? [],
    file: positionals[0]!,
  };
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
  let parsed;
  try {
    parsed = parseBallotFile(text, args.options);
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
  if (parsed.options.length > 0 && args.seats > parsed.options.length) {
    fail(`--seats ${args.seats} is more than the ${parsed.options.length} options in ${args.file}`);
  }
  const result = countQuestion({ method: args.method, options: parsed.options, ballots: parsed.ballots, seats: args.seats, seed: args.seed });
  const output =
    args.format === 'json'
      ? `${JSON.stringify(toResultJson(result), null, 2)}\n`
      : args.format === 'text'
        ? formatResultText(result)
        : formatResultCsv(result);
  process.stdout.write(output);
}

main();
