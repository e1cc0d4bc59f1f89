// Starts the real server (node --import=tsx server/main.ts) on a free port with a fresh SQLite
// database in a temporary folder, as an operator would on a new machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const START_TIMEOUT_MS = 30_000;

export interface RunningServer {
  readonly baseUrl: string;
  /** The one-time link to create the first administrator, printed at start-up; empty when started with `setupLink: false`. */
  readonly setupUrl: string;
  /** Everything the server printed so far, stdout and stderr. */
  output(): string;
  stop(): Promise<void>;
}

/** A port nobody listens on right now: the OS picks one, and we let it go. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      if (address === null || typeof address === 'string') return reject(new Error('no port assigned'));
      probe.close(() => resolve(address.port));
    });
  });
}

/** The environment of the child: ours without anything that would point it at another database or address. */
function serverEnv(port: number, dataDir: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['DATABASE_URL', 'BASE_URL', 'SESSION_SECRET', 'TRUST_PROXY', 'HOST', 'PORT', 'DATA_DIR']) delete env[name];
  return { ...env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir };
}

function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export interface StartOptions {
  /**
   * Runs once the data folder exists and before the server starts, with the server's environment
   * (DATA_DIR among it): to fill the database as an operator would, e.g. with `npm run demo`.
   */
  readonly beforeStart?: (env: NodeJS.ProcessEnv) => Promise<void>;
  /**
   * Whether to wait for the one-time setup link; false for a database that already holds accounts,
   * where the server prints none.
   */
  readonly setupLink?: boolean;
  /** More environment for the server (e.g. SMTP_URL). */
  readonly env?: NodeJS.ProcessEnv;
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cb-browser-'));
  const expectSetupLink = options.setupLink ?? true;
  let port: number;
  let env: NodeJS.ProcessEnv;
  try {
    port = await findFreePort();
    env = { ...serverEnv(port, dataDir), ...options.env };
    await options.beforeStart?.({ ...env });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const child = spawn(process.execPath, ['--import=tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8');
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => { output += chunk; });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await waitForExit(child);
      clearTimeout(killer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const { baseUrl, setupUrl } = await new Promise<{ baseUrl: string; setupUrl: string }>((resolve, reject) => {
      let baseUrl: string | undefined;
      const timer = setTimeout(() => reject(new Error(`the server did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
      const onExit = (code: number | null) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code}) before it was ready:\n${output}`));
      };
      child.once('exit', onExit);
      child.stdout!.on('data', (chunk: string) => {
        output += chunk;
        baseUrl ??= /listening on (http:\/\/\S+)/.exec(output)?.[1];
        const setupUrl = expectSetupLink ? /^\s*(http:\/\/\S+\/setup\/\S+)\s*$/m.exec(output)?.[1] : '';
        if (baseUrl && setupUrl !== undefined) {
          clearTimeout(timer);
          child.off('exit', onExit);
          resolve({ baseUrl, setupUrl });
        }
      });
    });
    if (baseUrl !== `http://127.0.0.1:${port}`) throw new Error(`the server listens on ${baseUrl}, not on port ${port}`);
    return { baseUrl, setupUrl, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
