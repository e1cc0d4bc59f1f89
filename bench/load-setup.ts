// The load benchmark's fixtures: a fresh database (a temporary SQLite folder or a new PostgreSQL
// database), its seed (through the domain functions), and the real server as a child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../server/config.js';
import { Database } from '../server/data/database.js';
import { createUser, loadActor } from '../server/domain/accounts.js';
import { createApiToken } from '../server/domain/api-tokens.js';
import { systemClock } from '../server/domain/clock.js';
import type { Actor, Deps } from '../server/domain/deps.js';
import { importMemberStates } from '../server/domain/member-states.js';
import { createSurvey } from '../server/domain/surveys/authoring.js';
import { openSurvey } from '../server/domain/surveys/lifecycle.js';
import type { Survey } from '../server/domain/surveys/model.js';
import { currentSurveyInput } from '../db/seeds/demo-content.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PG_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const SIGN_IN_PASSWORD = 'bench-delegate-password';

export type Engine = 'sqlite' | 'pg';

export interface BenchDatabase {
  readonly engine: Engine;
  /** The environment the server and the bench's own connections share. */
  readonly env: Record<string, string>;
  readonly config: Config;
  open(): Promise<Database>;
  remove(): Promise<void>;
}

/** The environment a benchmark's server and its own processes share for one data folder. */
export function serverEnv(dataDir: string, databaseUrl?: string): Record<string, string> {
  return {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SESSION_SECRET: randomBytes(24).toString('hex'),
    // The benchmark speaks plain HTTP to 127.0.0.1 and says it came through an HTTPS proxy, so the
    // production session cookie (Secure) is set, as it would be behind one.
    TRUST_PROXY: '1',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

/** A database nobody else uses: a new folder for SQLite, a new database for PostgreSQL. */
export async function createBenchDatabase(engine: Engine, pgAdminUrl: string): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cb-load-'));
  const env = serverEnv(dataDir);
  let dropDatabase = async () => {};
  if (engine === 'pg') {
    const name = `bench_${randomBytes(6).toString('hex')}`;
    const admin = await Database.open({ client: 'pg', connectionString: pgAdminUrl });
    try {
      await admin.writer.raw(`create database ${name}`);
    } finally {
      await admin.close();
    }
    const url = new URL(pgAdminUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = async () => {
      const again = await Database.open({ client: 'pg', connectionString: pgAdminUrl });
      try {
        await again.writer.raw(`drop database if exists ${name} with (force)`);
      } finally {
        await again.close();
      }
    };
  }
  const config = loadConfig(env);
  return {
    engine, env, config,
    open: () => Database.open(config.database),
    async remove() {
      try {
        await dropDatabase();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

export interface Seeded {
  readonly survey: Survey;
  /** One per Member State, in order. */
  readonly delegates: readonly { readonly memberStateId: number; readonly iso3: string; readonly email: string; readonly token: string }[];
  /** Delegates who can sign in with SIGN_IN_PASSWORD, for the page views. */
  readonly signInEmails: readonly string[];
}

/** AAA, AAB, ...: well-formed codes, none of them meant as a real country. */
function syntheticIso3(i: number): string {
  const letter = (n: number) => String.fromCharCode(65 + (n % 26));
  return `Z${letter(Math.floor(i / 26))}${letter(i)}`;
}

/**
 * Member States with one delegate and an API token each, an administrator, and the demo's
 * two-question survey, opened. Only the few delegates who sign in get a password (argon2 is slow
 * on purpose); the others would get an invitation link, which is what an administrator does.
 */
export async function seedBench(db: Database, config: Config, memberStates: number, signIns: number): Promise<Seeded> {
  await db.migrateToLatest();
  const deps: Deps = { db, clock: systemClock, config };
  const { user: adminUser } = await createUser(deps, null, { email: 'admin@bench.example.org', displayName: 'Bench administrator', role: 'admin', language: 'en' });
  const admin = (await loadActor(deps, adminUser.id)) as Actor;
  const rows = Array.from({ length: memberStates }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return `${syntheticIso3(i)},Member State ${n},État Membre ${n},Estado Miembro ${n},member`;
  });
  const report = await importMemberStates(deps, admin, ['iso3,name_en,name_fr,name_es,status', ...rows].join('\n'));
  if (report.created !== memberStates) throw new Error(`Member States: ${report.created} created of ${memberStates}`);
  const ids = new Map<string, number>((await db.readers('member_states').select('id', 'iso3')).map((r) => [String(r.iso3), Number(r.id)]));
  const delegates: { memberStateId: number; iso3: string; email: string; token: string }[] = [];
  const signInEmails: string[] = [];
  for (let i = 0; i < memberStates; i++) {
    const iso3 = syntheticIso3(i);
    const email = `delegate.${iso3.toLowerCase()}@bench.example.org`;
    const withPassword = i < signIns;
    const { user } = await createUser(deps, admin, { email, displayName: `Delegate of ${iso3}`, role: 'delegate', memberState: iso3, language: 'en' }, withPassword ? SIGN_IN_PASSWORD : undefined);
    const { token } = await createApiToken(deps, admin, user.id);
    delegates.push({ memberStateId: ids.get(iso3)!, iso3, email, token });
    if (withPassword) signInEmails.push(email);
  }
  const closesAt = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString();
  const draft = await createSurvey(deps, admin, currentSurveyInput(closesAt));
  const survey = await openSurvey(deps, admin, draft.id);
  return { survey, delegates, signInEmails };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  readonly url: string;
  readonly pid: number;
  readonly output: () => string;
  stop(): Promise<void>;
}

let built = false;

/** Compiles the server as `npm start` does, once per benchmark run. */
function buildServer(): void {
  if (built) return;
  const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`The server did not compile:\n${run.stdout}${run.stderr}`);
  built = true;
}

/** Starts the compiled server as `npm start` does, on 127.0.0.1, and waits until /healthz answers. */
export async function startServer(env: Record<string, string>, options: { cpuProfileDir?: string } = {}): Promise<RunningServer> {
  buildServer();
  return startProcess([...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []), '--enable-source-maps', 'build/server/main.js'], env);
}

/** Starts bench/baseline-app.ts (the bare app the targets were measured with) with its database in `dataDir`. */
export function startBaselineServer(dataDir: string, options: { signedIn: boolean }): Promise<RunningServer> {
  return startProcess(['--import', 'tsx', 'bench/baseline-app.ts'], { DATA_DIR: dataDir, ...(options.signedIn ? { BASELINE_SIGNED_IN: '1' } : {}) });
}

async function startProcess(args: string[], env: Record<string, string>): Promise<RunningServer> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, HOST: '127.0.0.1', PORT: String(port) };
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => { output = (output + chunk.toString()).slice(-20000); });
  child.stderr!.on('data', (chunk: Buffer) => { output = (output + chunk.toString()).slice(-20000); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server stopped at start-up:\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer /healthz within 90 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, pid: child.pid!, output: () => output, stop };
}

/**
 * CPU time (user + system, all threads) a process has used so far, in milliseconds; null where
 * /proc is not available. Under a busy machine this says more than requests per second.
 */
export function cpuTimeMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // After "pid (comm) ", utime and stime are the 12th and 13th fields, in clock ticks (100 per second).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** Signs in through the form, as a browser would: GET for the CSRF token and cookie, then POST. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const headers = { 'x-forwarded-proto': 'https' };
  const form = await fetch(`${baseUrl}/sign-in`, { headers });
  const html = await form.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const first = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!csrf || !first) throw new Error(`No CSRF token or cookie on the sign-in page (status ${form.status})`);
  const res = await fetch(`${baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, cookie: first, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email, password, next: '/' }).toString(),
  });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (res.status !== 303 || !cookie) throw new Error(`Sign-in of ${email} answered ${res.status}`);
  return cookie;
}
