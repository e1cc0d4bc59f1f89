// The compiled server, as `npm start` runs it, in a child process on 127.0.0.1: for the tests that
// kill it, restart it on the same database, or run two of it side by side. It is compiled first
// when build/ is missing or older than the sources (CI builds it before the tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { freePort } from '../../bench/load-setup.js';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EmptyTestDatabase } from './context.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = path.join(ROOT, 'build/server/main.js');
/** What the build compiles (tsconfig.build.json's include) and what it is compiled with. */
const SOURCES = ['server', 'db/migrations', 'tsconfig.json', 'tsconfig.build.json'];

function newestChange(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return /\.(ts|json)$/.test(file) ? stat.mtimeMs : 0;
  return Math.max(0, ...readdirSync(file).map((name) => newestChange(path.join(file, name))));
}

/** Whether build/ holds the server compiled from the sources as they are now. */
export function serverBuildIsCurrent(): boolean {
  if (!existsSync(ENTRY)) return false;
  const built = statSync(ENTRY).mtimeMs;
  return SOURCES.every((s) => newestChange(path.join(ROOT, s)) <= built);
}

/** Compiles the server as `npm run build` does, unless build/ is current. Can take half a minute on a busy machine. */
export async function ensureServerBuilt(): Promise<void> {
  if (serverBuildIsCurrent()) return;
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`The server did not compile:\n${output}`);
}

/**
 * The environment that makes the compiled server open this test database: its SQLite file, or its
 * PostgreSQL schema (by the connection's search_path). Production mode, behind a proxy one hop
 * away that speaks HTTPS (the requests say so with X-Forwarded-Proto), as the server is deployed.
 */
export function serverEnvFor(database: EmptyTestDatabase, sessionSecret: string): Record<string, string> {
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    DATA_DIR: database.config.dataDir,
    SESSION_SECRET: sessionSecret,
    TRUST_PROXY: '1',
  };
  if (database.config.database.client === 'pg') {
    const url = new URL(database.config.database.connectionString);
    if (database.schema) url.searchParams.set('options', `-c search_path=${database.schema}`);
    env.DATABASE_URL = url.toString();
  }
  return env;
}

export interface CompiledServer {
  readonly url: string;
  readonly pid: number;
  /** The last 20 kB it printed. */
  output(): string;
  /** Sends `signal` and waits for the process to end. */
  kill(signal: NodeJS.Signals): Promise<void>;
  /** SIGTERM (the server's clean shutdown), then SIGKILL if it has not ended within 10 s. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
// A test that fails half-way must not leave a server behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Starts `node build/server/main.js` with `env` on 127.0.0.1 and a free port, and waits until /healthz answers 200. */
export async function startCompiledServer(env: Record<string, string>, options: { timeoutMs?: number } = {}): Promise<CompiledServer> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, HOST: '127.0.0.1', PORT: String(port) };
  const child = spawn(process.execPath, ['--enable-source-maps', ENTRY], { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-20_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => { running.delete(child); resolve(); }));
  const ended = () => child.exitCode !== null || child.signalCode !== null;
  const kill = async (signal: NodeJS.Signals) => {
    if (!ended()) child.kill(signal);
    await exited;
  };
  const stop = async () => {
    if (ended()) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (ended()) throw new Error(`The server stopped at start-up:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await kill('SIGKILL');
      throw new Error(`The server did not answer /healthz in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, pid: child.pid!, output: () => output, kill, stop };
}

/** What a browser would send besides its cookies: it reached the server through the HTTPS proxy. */
const THROUGH_PROXY = { 'x-forwarded-proto': 'https' };

/**
 * A browser's view of one or more servers: one cookie jar (so a session made on one server can be
 * used on another that shares its database), pages fetched and forms posted with the CSRF token
 * the page carries, redirects not followed.
 */
export class Browser {
  readonly #cookies = new Map<string, string>();

  cookieHeader(): string {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  #keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      if (eq > 0) this.#cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }

  async get(url: string): Promise<{ status: number; text: string; location: string | null }> {
    const res = await fetch(url, { redirect: 'manual', headers: { ...THROUGH_PROXY, cookie: this.cookieHeader() } });
    this.#keep(res);
    return { status: res.status, text: await res.text(), location: res.headers.get('location') };
  }

  /** GETs `pageUrl` and posts its form's CSRF token with `fields` to `actionUrl`, as a browser would. */
  async submit(pageUrl: string, actionUrl: string, fields: Record<string, string>): Promise<{ status: number; text: string; location: string | null }> {
    const page = await this.get(pageUrl);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
    if (!csrf) throw new Error(`no CSRF token on ${pageUrl} (status ${page.status})`);
    const res = await fetch(actionUrl, {
      method: 'POST', redirect: 'manual',
      headers: { ...THROUGH_PROXY, cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
    });
    this.#keep(res);
    return { status: res.status, text: await res.text(), location: res.headers.get('location') };
  }

  /** Posts a multipart form (fields, then one file) with the CSRF token of `pageUrl`'s form. */
  async upload(pageUrl: string, actionUrl: string, fields: Record<string, string>, file: { field: string; name: string; type: string; content: string }) {
    const page = await this.get(pageUrl);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
    if (!csrf) throw new Error(`no CSRF token on ${pageUrl} (status ${page.status})`);
    const form = new FormData();
    form.set('_csrf', csrf);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.set(file.field, new Blob([file.content], { type: file.type }), file.name);
    const res = await fetch(actionUrl, { method: 'POST', redirect: 'manual', headers: { ...THROUGH_PROXY, cookie: this.cookieHeader() }, body: form });
    this.#keep(res);
    return { status: res.status, text: await res.text(), location: res.headers.get('location') };
  }
}
