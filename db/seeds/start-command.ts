// The command that starts the server on the settings a script was run with, so that what the demo
// prints works as printed: `DATA_DIR=demo npm run demo` must be followed by `DATA_DIR=demo npm start`,
// not by a bare `npm start`, which would open another database where the demo's passwords do not exist.

/** The variables that choose the database and where the server listens (README, Configuration). */
const SETTINGS = ['DATABASE_URL', 'DATA_DIR', 'HOST', 'PORT', 'BASE_URL'] as const;

/** A value as a POSIX shell reads it back unchanged: bare when it is plain, else in single quotes. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `npm start`, preceded by the settings of `env` that the run used. */
export function startCommand(env: Readonly<Record<string, string | undefined>>): string {
  const set = SETTINGS.filter((name) => env[name] !== undefined && env[name] !== '').map((name) => `${name}=${shellWord(env[name]!)}`);
  return [...set, 'npm start'].join(' ');
}
