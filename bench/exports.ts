// Exports benchmark (npm run bench:exports): the ballots export and the results page of two closed
// surveys whose ballots are written straight into the database:
//   - realistic: 200 Member States, the demo's two questions (one seat of two options by IRV, two
//     seats of four by STV), one ballot each, a few abstentions and revisions;
//   - open consultation: 1 million synthetic participants, each a Member State with its own ballot,
//     one question of 8 options, seeded partial rankings.
// For each: the ballots export's rows per second and peak resident memory, in-process
// (prepareExport into a counting Writable, in a process of its own) and over HTTP from the real
// server (NODE_ENV=production, 127.0.0.1, an administrator's API token); then the results page's
// time to first byte, signed in as an administrator through the sign-in form: the first request,
// then the median of several after a warm-up.
//
//   npm run bench:exports [-- --members 1000000] [--runs 7] [--keep DIR] [--pg] [--cpu-prof DIR]
//
// The large survey needs 1 million ISO codes, more than three characters allow, so it runs on
// SQLite only (which does not enforce varchar lengths), with codes 'P' + four base-36 digits.
// --pg runs the realistic survey on PostgreSQL (a new database next to DATABASE_URL's, dropped
// afterwards). --keep DIR keeps the SQLite databases in DIR and reuses them on the next run.
// Talks only to 127.0.0.1; bounded in time; removes its temporary folders and stops its servers.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.js';
import { Database } from '../server/data/database.js';
import type { Survey } from '../server/domain/surveys/model.js';
import { currentSurveyInput } from '../db/seeds/demo-content.js';
import {
  ADMIN_EMAIL, ADMIN_PASSWORD, cpuTimeOf, partialRanking, rssOf, sampleRss, seedSurvey, startServerProcess,
  type SeedPlan, type SeededSurvey, type ServerProcess,
} from './exports-setup.js';
import { PG_ADMIN_URL, ROOT, serverEnv, signIn } from './load-setup.js';
import { bounded } from './bounded.js';

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '7' },
    keep: { type: 'string' },
    pg: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
  strict: true,
});

function whole(name: string, raw: string | undefined, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}`);
    process.exit(2);
  }
  return n;
}

const LARGE = whole('members', args.members, 1000, 1_600_000);
const RUNS = whole('runs', args.runs, 3, 50);
const WARM_UP = 2;
// Fewer runs of the large export: each reads every ballot.
const LARGE_EXPORT_RUNS = 3;
const TIME_LIMIT_MS = 40 * 60 * 1000;
const EXPORT_RUN_TIMEOUT_MS = 5 * 60 * 1000;
const TARGET_ROWS_PER_SECOND = 200_000;
const TARGET_PEAK_MB = 200;
const TARGET_TTFB_MS = { realistic: 50, large: 2000 };

const load = (): string => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const mb = (bytes: number): number => bytes / 2 ** 20;
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const cleanups = bounded(TIME_LIMIT_MS);

interface Place {
  readonly dataDir: string;
  readonly env: Record<string, string>;
  readonly databaseUrl?: string;
}

/** The environment the server and the bench's processes share for one database. */
function placeIn(dataDir: string, databaseUrl?: string): Place {
  mkdirSync(dataDir, { recursive: true });
  return { dataDir, env: serverEnv(dataDir, databaseUrl), ...(databaseUrl ? { databaseUrl } : {}) };
}

/** A new PostgreSQL database next to DATABASE_URL's, dropped at clean-up. */
async function newPgDatabase(): Promise<string> {
  const adminUrl = process.env.DATABASE_URL ?? PG_ADMIN_URL;
  const name = `bench_exports_${randomBytes(6).toString('hex')}`;
  const run = async (sql: string) => {
    const admin = await Database.open({ client: 'pg', connectionString: adminUrl });
    try {
      await admin.writer.raw(sql);
    } finally {
      await admin.close();
    }
  };
  await run(`create database ${name}`);
  cleanups.add(() => run(`drop database if exists ${name} with (force)`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** AAA, AAB, ...: well-formed codes, none of them meant as a real country. */
const letterIso3 = (i: number): string => `Z${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;
/** P0000 … PLFLS: five characters, which only SQLite accepts in the varchar(3) column. */
const syntheticIso = (i: number): string => `P${i.toString(36).toUpperCase().padStart(4, '0')}`;

function rankingOrAbstain(ids: readonly number[], random: () => number, abstainShare: number): { ranking: number[] } | { abstain: true } {
  return random() < abstainShare ? { abstain: true } : { ranking: partialRanking(ids, random) };
}

const REALISTIC: SeedPlan = {
  memberStates: 200,
  iso3: letterIso3,
  surveyInput: currentSurveyInput,
  answers: (survey: Survey, _i, random) => Object.fromEntries(survey.questions.map((q) => [q.id, rankingOrAbstain(q.options.map((o) => o.id), random, 0.03)])),
  webShare: 0.9,
  revisedShare: 0.1,
  seed: 'bench-exports-realistic',
};

const LARGE_PLAN: SeedPlan = {
  memberStates: LARGE,
  iso3: syntheticIso,
  surveyInput: (closesAt: string) => ({
    title: { en: 'Open consultation on workshop topics', fr: 'Consultation ouverte sur les thèmes des ateliers', es: 'Consulta abierta sobre los temas de los talleres' },
    description: { en: 'Synthetic participants, one ballot each.', fr: 'Participants synthétiques, un bulletin chacun.', es: 'Participantes sintéticos, una papeleta cada uno.' },
    reference: 'BENCH/2026/1',
    closesAt,
    questions: [{
      title: { en: 'Rank the workshop topics', fr: 'Classez les thèmes des ateliers', es: 'Clasifique los temas de los talleres' },
      seats: 1, method: 'irv', allowAbstain: true, allowComment: true,
      options: Array.from({ length: 8 }, (_, k) => ({
        label: `(${String.fromCharCode(97 + k)})`,
        title: { en: `Topic ${k + 1}`, fr: `Thème ${k + 1}`, es: `Tema ${k + 1}` },
      })),
    }],
  }),
  answers: (survey: Survey, _i, random) => {
    const q = survey.questions[0]!;
    return { [q.id]: rankingOrAbstain(q.options.map((o) => o.id), random, 0.01) };
  },
  webShare: 0,
  revisedShare: 0.02,
  seed: 'bench-exports-large',
};

/** Seeds the survey, or reuses the one kept in the folder by an earlier run with the same plan. */
async function seeded(place: Place, plan: SeedPlan, keep: boolean): Promise<SeededSurvey & { reused: boolean }> {
  const marker = path.join(place.dataDir, 'bench-exports.json');
  const fingerprint = `${plan.seed}/${plan.memberStates}`;
  if (keep && !place.databaseUrl && existsSync(marker)) {
    const kept = JSON.parse(readFileSync(marker, 'utf8')) as SeededSurvey & { fingerprint: string };
    if (kept.fingerprint === fingerprint) {
      // Kept by an earlier version of the code: brought to the schema this one expects.
      const db = await Database.open(loadConfig(place.env).database);
      try {
        await db.migrateToLatest();
      } finally {
        await db.close();
      }
      return { ...kept, reused: true };
    }
  }
  if (!place.databaseUrl) {
    rmSync(place.dataDir, { recursive: true, force: true });
    mkdirSync(place.dataDir, { recursive: true });
  }
  const config = loadConfig(place.env);
  const db = await Database.open(config.database);
  try {
    const result = await seedSurvey(db, config, plan);
    if (keep && !place.databaseUrl) writeFileSync(marker, JSON.stringify({ ...result, fingerprint }));
    return { ...result, reused: false };
  } finally {
    await db.close();
  }
}

interface ExportFigures {
  readonly rowsPerSecond: number[];
  /** Rows per second of the process's own CPU time: what the machine's load takes out of the figure above. */
  readonly rowsPerCpuSecond: number[];
  readonly peakMb: number[];
  readonly rows: number;
}

function exportInProcess(place: Place, surveyId: number): Promise<{ ms: number; cpuMs: number; rows: number; lines: number; peakRss: number }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', '--import=tsx', 'bench/exports-run.ts', place.dataDir, String(surveyId), ...(place.databaseUrl ? [place.databaseUrl] : [])],
      { cwd: ROOT, timeout: EXPORT_RUN_TIMEOUT_MS, maxBuffer: 1 << 20, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`In-process export failed: ${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as { ms: number; cpuMs: number; rows: number; lines: number; peakRss: number });
      },
    );
  });
}

async function exportOverHttp(server: ServerProcess, token: string, surveyId: number): Promise<{ ms: number; cpuMs: number; rows: number; peakRss: number }> {
  const sampler = sampleRss(() => rssOf(server.pid));
  const cpuBefore = cpuTimeOf(server.pid);
  const start = performance.now();
  const res = await fetch(`${server.url}/api/v1/surveys/${surveyId}/exports/ballots.csv`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200 || !res.body) throw new Error(`The ballots export answered ${res.status}`);
  let lines = 0;
  for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
  }
  const ms = performance.now() - start;
  return { ms, cpuMs: cpuTimeOf(server.pid) - cpuBefore, rows: lines - 1, peakRss: sampler.stop() };
}

/** Time to the response's headers (the page is rendered whole, then sent), then the body read. */
async function resultsTtfb(server: ServerProcess, cookie: string, surveyId: number): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${server.url}/surveys/${surveyId}/results`, { headers: { cookie, 'x-forwarded-proto': 'https' } });
  const ttfb = performance.now() - start;
  const html = await res.text();
  if (res.status !== 200 || !html.includes('</html>')) throw new Error(`The results page answered ${res.status}`);
  return ttfb;
}

interface SurveyReport {
  readonly name: string;
  readonly engine: string;
  readonly ballots: number;
  readonly revisions: number;
  readonly seedNote: string;
  readonly inProcess: ExportFigures;
  readonly http: ExportFigures;
  readonly firstTtfb: number;
  readonly ttfbs: number[];
  readonly ttfbTarget: number;
  readonly serverRssMb: number;
  readonly loadBefore: string;
  readonly loadAfter: string;
}

async function measureSurvey(name: string, engine: string, place: Place, plan: SeedPlan, keep: boolean, exportRuns: number, ttfbTarget: number): Promise<SurveyReport> {
  console.log(`\n== ${name} (${engine}): ${keep && !place.databaseUrl ? `kept in ${place.dataDir}` : 'seeding'}...`);
  const s = await seeded(place, plan, keep);
  const seedNote = s.reused ? `reused from ${place.dataDir} (seeded in ${s.seedSeconds.toFixed(0)} s)` : `seeded in ${s.seedSeconds.toFixed(1)} s`;
  console.log(`   ${s.ballots} ballots, ${s.revisions} revisions; ${seedNote}; load average ${load()}`);
  const loadBefore = load();

  const inProcess: ExportFigures = { rowsPerSecond: [], rowsPerCpuSecond: [], peakMb: [], rows: 0 };
  for (let run = 0; run < exportRuns; run++) {
    const r = await exportInProcess(place, s.surveyId);
    if (r.lines !== r.rows + 1) throw new Error(`The export wrote ${r.lines} lines for ${r.rows} rows`);
    inProcess.rowsPerSecond.push(r.rows / (r.ms / 1000));
    inProcess.rowsPerCpuSecond.push(r.rows / (r.cpuMs / 1000));
    inProcess.peakMb.push(mb(r.peakRss));
    Object.assign(inProcess, { rows: r.rows });
    console.log(`   in-process export ${run + 1}: ${r.rows} rows in ${(r.ms / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(2)} s), peak RSS ${mb(r.peakRss).toFixed(0)} MB; load ${load()}`);
  }

  const server = await startServerProcess(place.env, args['cpu-prof'] ? { cpuProfileDir: args['cpu-prof'] } : {});
  const stopServer = () => server.stop();
  cleanups.add(stopServer);
  const http: ExportFigures = { rowsPerSecond: [], rowsPerCpuSecond: [], peakMb: [], rows: 0 };
  let firstTtfb: number;
  const ttfbs: number[] = [];
  let serverRssMb: number;
  try {
    for (let run = 0; run < exportRuns; run++) {
      const r = await exportOverHttp(server, s.adminToken, s.surveyId);
      if (r.rows !== inProcess.rows) throw new Error(`HTTP export: ${r.rows} rows, in-process ${inProcess.rows}`);
      http.rowsPerSecond.push(r.rows / (r.ms / 1000));
      http.rowsPerCpuSecond.push(r.rows / (r.cpuMs / 1000));
      http.peakMb.push(mb(r.peakRss));
      Object.assign(http, { rows: r.rows });
      console.log(`   HTTP export ${run + 1}: ${r.rows} rows in ${(r.ms / 1000).toFixed(2)} s (server CPU ${(r.cpuMs / 1000).toFixed(2)} s), server peak RSS ${mb(r.peakRss).toFixed(0)} MB; load ${load()}`);
    }
    const cookie = await signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    firstTtfb = await resultsTtfb(server, cookie, s.surveyId);
    console.log(`   results page, first request: ${firstTtfb.toFixed(1)} ms`);
    for (let i = 0; i < WARM_UP; i++) await resultsTtfb(server, cookie, s.surveyId);
    for (let i = 0; i < RUNS; i++) ttfbs.push(await resultsTtfb(server, cookie, s.surveyId));
    console.log(`   results page, ${RUNS} requests after ${WARM_UP} warm-up: ${ttfbs.map((t) => t.toFixed(1)).join(', ')} ms; load ${load()}`);
    serverRssMb = mb(rssOf(server.pid) ?? 0);
  } catch (error) {
    console.error(server.output());
    throw error;
  } finally {
    await server.stop();
    cleanups.delete(stopServer);
  }
  return { name, engine, ballots: s.ballots, revisions: s.revisions, seedNote, inProcess, http, firstTtfb, ttfbs, ttfbTarget, serverRssMb, loadBefore, loadAfter: load() };
}

/** Below this many rows the rows-per-second target is not judged (see printReports). */
const STREAMING_ROWS = 100_000;

function printReports(reports: readonly SurveyReport[]): void {
  const line = (label: string, cells: string[]) => console.log(`${label.padEnd(44)}${cells.map((c) => c.padStart(22)).join('')}`);
  const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');
  console.log('');
  line('', reports.map((r) => r.name));
  line('engine', reports.map((r) => r.engine));
  line('ballots / revisions', reports.map((r) => `${r.ballots} / ${r.revisions}`));
  line('export rows', reports.map((r) => String(r.inProcess.rows)));
  for (const [label, key] of [['in-process export', 'inProcess'], ['HTTP export (API token)', 'http']] as const) {
    console.log(label);
    // A rate over a few hundred rows measures the fixed cost of an export (the survey, the count,
    // the audit entry), not streaming: the target is judged where there are rows to stream.
    line(`  rows/s, median (target ${TARGET_ROWS_PER_SECOND / 1000}k)`, reports.map((r) => {
      const v = median(r[key].rowsPerSecond);
      return `${Math.round(v)} ${r.inProcess.rows >= STREAMING_ROWS ? verdict(v >= TARGET_ROWS_PER_SECOND) : 'n/a'}`;
    }));
    line('  time per export, median ms', reports.map((r) => (1000 * r.inProcess.rows / median(r[key].rowsPerSecond)).toFixed(1)));
    line('  rows per CPU second, median', reports.map((r) => String(Math.round(median(r[key].rowsPerCpuSecond)))));
    line('  rows/s, min … max', reports.map((r) => `${Math.round(Math.min(...r[key].rowsPerSecond))} … ${Math.round(Math.max(...r[key].rowsPerSecond))}`));
    line(`  peak RSS MB, max (target < ${TARGET_PEAK_MB})`, reports.map((r) => {
      const v = Math.max(...r[key].peakMb);
      return `${v.toFixed(0)} ${verdict(v < TARGET_PEAK_MB)}`;
    }));
  }
  console.log('results page, time to first byte (admin session)');
  line('  first request ms', reports.map((r) => r.firstTtfb.toFixed(1)));
  line(`  median of ${RUNS} after ${WARM_UP} warm-up ms`, reports.map((r) => `${median(r.ttfbs).toFixed(1)} ${verdict(median(r.ttfbs) < r.ttfbTarget)}`));
  line('  target ms', reports.map((r) => `< ${r.ttfbTarget}`));
  line('server RSS at the end MB', reports.map((r) => r.serverRssMb.toFixed(0)));
  line('load average before', reports.map((r) => r.loadBefore.split(' ')[0]!));
  line('load average after', reports.map((r) => r.loadAfter.split(' ')[0]!));
  for (const r of reports) console.log(`\n${r.name}: ${r.seedNote}; load average (1, 5, 15 min) ${r.loadBefore} before, ${r.loadAfter} after`);
  console.log(`\nThe large survey runs on SQLite only: its ${LARGE} ISO codes ('P' + four base-36 digits) do not fit varchar(3),`);
  console.log('which PostgreSQL enforces. Ballots are written straight into the tables, without their ballot.submit audit entries.');
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${os.cpus().length} CPU(s) ${os.cpus()[0]?.model ?? ''}; load average ${load()}`);
  const keep = args.keep !== undefined;
  const root = keep ? path.resolve(args.keep!) : mkdtempSync(path.join(os.tmpdir(), 'cb-exports-'));
  if (!keep) cleanups.add(async () => rmSync(root, { recursive: true, force: true }));
  const reports: SurveyReport[] = [];
  try {
    const realisticPlace = args.pg ? placeIn(path.join(root, 'realistic-pg'), await newPgDatabase()) : placeIn(path.join(root, 'realistic'));
    reports.push(await measureSurvey('200 Member States', args.pg ? 'PostgreSQL' : 'SQLite', realisticPlace, REALISTIC, keep, RUNS, TARGET_TTFB_MS.realistic));
    reports.push(await measureSurvey(`${LARGE} participants`, 'SQLite', placeIn(path.join(root, `large-${LARGE}`)), LARGE_PLAN, keep, LARGE_EXPORT_RUNS, TARGET_TTFB_MS.large));
  } finally {
    await cleanups.finish();
  }
  printReports(reports);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
