#!/usr/bin/env node
// Runs one of the command lines (server/cli/NAME.ts) from the compiled JavaScript in build/, as
// `npm start` runs the server, so that a command starts at once instead of compiling TypeScript
// at every start:
//
//     node bin/run-cli.mjs tally --method irv ballots.csv     (what `npm run tally --` runs)
//
// The build is made first (tsconfig.build.json, as `npm run build`) only when the command's
// compiled file is missing or older than a source it is built from (server/, db/migrations/, the
// tsconfig files); the compiler's messages go to stderr, so stdout stays the command's output.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCES = ['server', 'db/migrations', 'tsconfig.json', 'tsconfig.build.json'];

/** The latest modification time of a file, or of any file below a folder (0 when there is none). */
function newestChange(file) {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(file)) newest = Math.max(newest, newestChange(path.join(file, name)));
  return newest;
}

function build() {
  process.stderr.write('Compiling into build/ (the sources changed since the last build)…\n');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (run.status !== 0) {
    process.stderr.write(`The build failed (${run.error?.message ?? `exit status ${run.status}`}); fix it, or run the sources with tsx.\n`);
    process.exit(run.status || 1);
  }
}

const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z][a-z-]*$/.test(name)) {
  process.stderr.write('Usage: node bin/run-cli.mjs NAME [arguments…]  (runs build/server/cli/NAME.js)\n');
  process.exit(2);
}
const target = path.join(ROOT, 'build', 'server', 'cli', `${name}.js`);
const built = newestChange(target);
if (built === 0 || SOURCES.some((source) => newestChange(path.join(ROOT, source)) > built)) build();
if (newestChange(target) === 0) {
  process.stderr.write(`No command line server/cli/${name}.ts to run.\n`);
  process.exit(2);
}

// The command reads its arguments from process.argv, as if it had been started itself.
process.argv = [process.argv[0], target, ...args];
process.setSourceMapsEnabled(true);
await import(pathToFileURL(target).href);
