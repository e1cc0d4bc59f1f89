// Load benchmark: the real server under ballot submissions and page views, then a check that the
// database holds exactly what was acknowledged.
//
//   npm run bench:load [-- --duration 15] [--read-duration 10] [--connections 50]
//                      [--members 200] [--pg | --both] [--baseline] [--cpu-prof DIR]
//
// SQLite by default (a new temporary DATA_DIR); --pg, or DATABASE_URL set, for PostgreSQL (a new
// database created next to the one in DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test,
// dropped afterwards); --both for the two side by side. --baseline adds columns for the bare app
// the targets were set with (bench/baseline-app.ts), driven the same way on the same machine, with
// each figure as a share of its own, and for the same app's page behind helmet, express-session
// and passport alone (the "signed-in floor": what our stack leaves before any work of ours). Talks
// only to 127.0.0.1; bounded in time.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../server/domain/audit.js';
import {
  cpuTimeMs, createBenchDatabase, PG_ADMIN_URL, seedBench, SIGN_IN_PASSWORD, signIn, startBaselineServer, startServer,
  type BenchDatabase, type Engine, type RunningServer, type Seeded,
} from './load-setup.js';
import { bounded } from './bounded.js';

interface PhaseFigures {
  readonly name: string;
  readonly requests: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
  /** The server's CPU time per request (all its threads), in milliseconds. */
  readonly cpuPerRequest: number | null;
}

interface EngineReport {
  readonly label: string;
  /** Null for a yardstick that has no submissions phase. */
  readonly write: PhaseFigures | null;
  readonly read: PhaseFigures;
  readonly readKind: string;
  readonly loadBefore: string;
  readonly loadAfter: string;
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

interface Acknowledged {
  readonly revision: number;
  readonly receipt: string;
}

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    'read-duration': { type: 'string' },
    connections: { type: 'string', default: '50' },
    members: { type: 'string', default: '200' },
    'sign-ins': { type: 'string', default: '5' },
    pg: { type: 'boolean', default: false },
    both: { type: 'boolean', default: false },
    baseline: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
  strict: true,
});

function positive(name: string, raw: string | undefined, max: number): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    console.error(`--${name} must be a whole number from 1 to ${max}`);
    process.exit(2);
  }
  return n;
}

const DURATION = positive('duration', args.duration, 600);
const READ_DURATION = positive('read-duration', args['read-duration'] ?? args.duration, 600);
const CONNECTIONS = positive('connections', args.connections, 1000);
const MEMBERS = positive('members', args.members, 676);
const SIGN_INS = Math.min(positive('sign-ins', args['sign-ins'], 50), MEMBERS);
const PG_URL = process.env.DATABASE_URL ?? PG_ADMIN_URL;
const ENGINES: Engine[] = args.both ? ['sqlite', 'pg'] : args.pg || process.env.DATABASE_URL ? ['pg'] : ['sqlite'];
// Seeding, both phases, the checks and clean-up must fit in this, or the run stops and cleans up.
const TIME_LIMIT_MS = (DURATION + READ_DURATION + 240) * 1000 * (ENGINES.length + (args.baseline ? 2 : 0));

const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

function figures(name: string, r: autocannon.Result, cpuMs: number | null): PhaseFigures {
  return {
    name, requests: r.requests.total, perSecond: r.requests.total / r.duration, p50: r.latency.p50, p99: r.latency.p99,
    errors: r.errors, non2xx: r.non2xx, cpuPerRequest: cpuMs === null || r.requests.total === 0 ? null : cpuMs / r.requests.total,
  };
}

/** Drives the server with `request` from CONNECTIONS connections for `seconds`, and measures its CPU time over it. */
async function measured(server: RunningServer, seconds: number, request: autocannon.Request): Promise<{ result: autocannon.Result; cpuMs: number | null }> {
  const before = cpuTimeMs(server.pid);
  const result = await autocannon({ url: server.url, connections: CONNECTIONS, duration: seconds, requests: [request] });
  const after = cpuTimeMs(server.pid);
  return { result, cpuMs: before === null || after === null ? null : after - before };
}

/** Every valid answer to the two questions: a theme ranking and a partial or full topic ranking. */
function ballotBodies(seeded: Seeded): string[] {
  const [theme, topics] = seeded.survey.questions;
  const themeIds = theme!.options.map((o) => o.id);
  const topicIds = topics!.options.map((o) => o.id);
  const arrangements = (ids: number[]): number[][] => {
    const out: number[][] = [];
    const grow = (prefix: number[]) => {
      if (prefix.length > 0) out.push(prefix);
      for (const id of ids) if (!prefix.includes(id)) grow([...prefix, id]);
    };
    grow([]);
    return out;
  };
  const bodies: string[] = [];
  for (const a of arrangements(themeIds)) {
    for (const b of arrangements(topicIds)) {
      bodies.push(JSON.stringify({ answers: [{ question: theme!.id, ranking: a }, { question: topics!.id, ranking: b }] }));
    }
  }
  return bodies;
}

async function runWrites(server: RunningServer, seeded: Seeded, acknowledged: Map<number, Acknowledged[]>): Promise<PhaseFigures> {
  const bodies = ballotBodies(seeded);
  let sent = 0;
  const path = `/api/v1/surveys/${seeded.survey.id}/ballot`;
  const { result, cpuMs } = await measured(server, DURATION, {
    setupRequest(request, context) {
      const i = sent++;
      const delegate = seeded.delegates[i % seeded.delegates.length]!;
      (context as { memberStateId?: number }).memberStateId = delegate.memberStateId;
      return {
        ...request, method: 'PUT', path,
        headers: { authorization: `Bearer ${delegate.token}`, 'content-type': 'application/json' },
        body: bodies[(i * 7919) % bodies.length],
      };
    },
    onResponse(status, body, context) {
      if (status !== 200) return;
      const reply = JSON.parse(body) as { revision?: unknown; receipt?: unknown };
      if (typeof reply.revision !== 'number' || typeof reply.receipt !== 'string') return;
      const memberStateId = (context as { memberStateId: number }).memberStateId;
      const list = acknowledged.get(memberStateId) ?? [];
      list.push({ revision: reply.revision, receipt: reply.receipt });
      acknowledged.set(memberStateId, list);
    },
  });
  return figures('ballot submissions (PUT /api/v1/surveys/:id/ballot)', result, cpuMs);
}

/** The delegates' ballot page with session cookies, or, where that page does not exist, the API's survey. */
async function runReads(server: RunningServer, seeded: Seeded): Promise<{ figures: PhaseFigures; kind: string }> {
  const cookies: string[] = [];
  for (const email of seeded.signInEmails) cookies.push(await signIn(server.url, email, SIGN_IN_PASSWORD));
  const pagePath = `/surveys/${seeded.survey.id}/ballot`;
  const probe = await fetch(`${server.url}${pagePath}`, { headers: { cookie: cookies[0]!, 'x-forwarded-proto': 'https' }, redirect: 'manual' });
  const page = probe.status === 200 && (probe.headers.get('content-type') ?? '').includes('text/html');
  await probe.arrayBuffer();
  let next = 0;
  const { result, cpuMs } = await measured(server, READ_DURATION, {
    setupRequest(request, context) {
      const c = context as { who?: number };
      c.who ??= next++;
      return page
        ? { ...request, method: 'GET', path: pagePath, headers: { cookie: cookies[c.who % cookies.length]!, 'x-forwarded-proto': 'https' } }
        : { ...request, method: 'GET', path: `/api/v1/surveys/${seeded.survey.id}`, headers: { authorization: `Bearer ${seeded.delegates[c.who % seeded.delegates.length]!.token}` } };
    },
  });
  return page
    ? { figures: figures(`ballot page views (GET ${'/surveys/:id/ballot'}, ${cookies.length} signed-in delegates)`, result, cpuMs), kind: 'page' }
    : {
      figures: figures('survey reads (GET /api/v1/surveys/:id, bearer token)', result, cpuMs),
      kind: `the ballot page answered ${probe.status}, so the read phase used GET /api/v1/surveys/:id instead`,
    };
}

/** Exactly one ballot per Member State that submitted, at its highest revision, with every acknowledged revision kept. */
async function checkDatabase(database: BenchDatabase, seeded: Seeded, acknowledged: Map<number, Acknowledged[]>): Promise<{ problems: string[]; notes: string[] }> {
  const db = await database.open();
  const problems: string[] = [];
  const notes: string[] = [];
  try {
    const surveyId = seeded.survey.id;
    const ballots = await db.readers('ballots').where({ survey_id: surveyId }).select('id', 'member_state_id', 'current_revision');
    const revisions = await db.readers('ballot_revisions as r').join('ballots as b', 'b.id', 'r.ballot_id').where('b.survey_id', surveyId)
      .select('b.member_state_id', 'r.revision', 'r.receipt');
    const ballotsOf = new Map<number, number>();
    for (const b of ballots) ballotsOf.set(Number(b.member_state_id), (ballotsOf.get(Number(b.member_state_id)) ?? 0) + 1);
    for (const [ms, n] of ballotsOf) if (n !== 1) problems.push(`Member State ${ms}: ${n} ballots rows`);
    const kept = new Map<string, string>();
    const highest = new Map<number, number>();
    const countOf = new Map<number, number>();
    for (const r of revisions) {
      const ms = Number(r.member_state_id);
      kept.set(`${ms}/${Number(r.revision)}`, String(r.receipt));
      highest.set(ms, Math.max(highest.get(ms) ?? 0, Number(r.revision)));
      countOf.set(ms, (countOf.get(ms) ?? 0) + 1);
    }
    for (const b of ballots) {
      const ms = Number(b.member_state_id);
      if (Number(b.current_revision) !== highest.get(ms)) problems.push(`Member State ${ms}: current_revision ${b.current_revision}, highest revision ${highest.get(ms)}`);
      if (countOf.get(ms) !== highest.get(ms)) problems.push(`Member State ${ms}: ${countOf.get(ms)} revisions for revision numbers up to ${highest.get(ms)}`);
    }
    let acks = 0;
    for (const [ms, list] of acknowledged) {
      if (!ballotsOf.has(ms)) problems.push(`Member State ${ms}: acknowledged but no ballots row`);
      const seen = new Set<number>();
      for (const a of list) {
        acks += 1;
        if (seen.has(a.revision)) problems.push(`Member State ${ms}: revision ${a.revision} acknowledged twice`);
        seen.add(a.revision);
        const receipt = kept.get(`${ms}/${a.revision}`);
        if (receipt === undefined) problems.push(`Member State ${ms}: acknowledged revision ${a.revision} is missing`);
        else if (receipt !== a.receipt) problems.push(`Member State ${ms}: revision ${a.revision} has receipt ${receipt}, acknowledged ${a.receipt}`);
      }
    }
    const silent = [...ballotsOf.keys()].filter((ms) => !acknowledged.has(ms));
    if (silent.length > 0) notes.push(`${silent.length} Member States have a ballot but no acknowledged submission (ids ${silent.slice(0, 10).join(', ')}${silent.length > 10 ? ', ...' : ''})`);
    const unacknowledged = revisions.length - acks;
    if (unacknowledged > 0) notes.push(`${unacknowledged} revisions stored without an acknowledgement reaching the client (cut off at the end of the phase)`);
    const audited = Number((await db.readers('audit_entries').where({ action: 'ballot.submit' }).count<{ n: number | string }[]>({ n: '*' }))[0]?.n ?? 0);
    if (audited !== revisions.length) problems.push(`${audited} ballot.submit audit entries for ${revisions.length} revisions`);
    const chain = await verifyAuditChain({ db });
    if (!chain.ok) problems.push(`audit chain broken at entry ${chain.brokenAt}`);
    notes.unshift(`${ballots.length} ballots, ${revisions.length} revisions, ${acks} acknowledged; audit chain of ${chain.entries} entries ${chain.ok ? 'intact' : 'BROKEN'}`);
  } finally {
    await db.close();
  }
  return { problems, notes };
}

const cleanups = bounded(TIME_LIMIT_MS);

async function runEngine(engine: Engine): Promise<EngineReport> {
  console.log(`\n== ${engine === 'pg' ? 'PostgreSQL' : 'SQLite'}: seeding ${MEMBERS} Member States, delegates and tokens...`);
  const database = await createBenchDatabase(engine, PG_URL);
  const removeDatabase = () => database.remove();
  cleanups.add(removeDatabase);
  const seedDb = await database.open();
  let seeded: Seeded;
  try {
    seeded = await seedBench(seedDb, database.config, MEMBERS, SIGN_INS);
  } finally {
    await seedDb.close();
  }
  const server = await startServer(database.env, args['cpu-prof'] ? { cpuProfileDir: args['cpu-prof'] } : {});
  const stopServer = () => server.stop();
  cleanups.add(stopServer);
  const loadBefore = load();
  console.log(`   server on ${server.url}; load average ${loadBefore}; ${CONNECTIONS} connections`);
  const acknowledged = new Map<number, Acknowledged[]>();
  console.log(`   submitting ballots for ${DURATION} s...`);
  const write = await runWrites(server, seeded, acknowledged);
  console.log(`   reading for ${READ_DURATION} s...`);
  const read = await runReads(server, seeded);
  const loadAfter = load();
  await server.stop();
  cleanups.delete(stopServer);
  console.log('   checking the database...');
  const { problems, notes } = await checkDatabase(database, seeded, acknowledged);
  await removeDatabase();
  cleanups.delete(removeDatabase);
  return { label: engine === 'pg' ? 'PostgreSQL' : 'SQLite', write, read: read.figures, readKind: read.kind, loadBefore, loadAfter, problems, notes };
}

type Baseline = 'bare app' | 'signed-in floor';

/**
 * The bare app under the same load: submissions from every Member State, then views of a few
 * ballots; or, for the signed-in floor, the same views by signed-in users (no submissions phase:
 * a few ballots are stored first so that there is something to show).
 */
async function runBaseline(label: Baseline): Promise<EngineReport> {
  const signedIn = label === 'signed-in floor';
  console.log(`\n== ${label} (bench/baseline-app.ts${signedIn ? ' with helmet, express-session in memory and passport' : ''})`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cb-baseline-'));
  const removeDir = async () => rmSync(dataDir, { recursive: true, force: true });
  cleanups.add(removeDir);
  const server = await startBaselineServer(dataDir, { signedIn });
  const stopServer = () => server.stop();
  cleanups.add(stopServer);
  const loadBefore = load();
  const body = JSON.stringify({ answers: [{ question: 1, ranking: [1, 2] }, { question: 2, ranking: [3, 4, 5] }] });
  const submit = (memberState: number) => ({ method: 'PUT' as const, path: `/ballots/${memberState}`, headers: { 'content-type': 'application/json' }, body });
  let write: PhaseFigures | null = null;
  if (signedIn) {
    for (let ms = 1; ms <= SIGN_INS; ms++) await (await fetch(`${server.url}${submit(ms).path}`, { ...submit(ms) })).arrayBuffer();
  } else {
    let sent = 0;
    console.log(`   submitting ballots for ${DURATION} s...`);
    const writes = await measured(server, DURATION, { setupRequest: (request) => ({ ...request, ...submit((sent++ % MEMBERS) + 1) }) });
    write = figures('', writes.result, writes.cpuMs);
  }
  const cookies: string[] = [];
  if (signedIn) {
    for (let id = 1; id <= SIGN_INS; id++) {
      const res = await fetch(`${server.url}/sign-in/${id}`);
      await res.arrayBuffer();
      cookies.push((res.headers.get('set-cookie') ?? '').split(';')[0]!);
    }
  }
  let next = 0;
  console.log(`   reading for ${READ_DURATION} s...`);
  const reads = await measured(server, READ_DURATION, {
    setupRequest(request, context) {
      const c = context as { who?: number };
      c.who ??= next++;
      const who = c.who % SIGN_INS;
      return { ...request, method: 'GET', path: `/ballots/${who + 1}`, headers: signedIn ? { cookie: cookies[who]! } : {} };
    },
  });
  const loadAfter = load();
  await server.stop();
  cleanups.delete(stopServer);
  await removeDir();
  cleanups.delete(removeDir);
  return { label, loadBefore, loadAfter, problems: [], notes: [], readKind: 'page', write, read: figures('', reads.result, reads.cpuMs) };
}

function printReports(reports: readonly EngineReport[]): void {
  const columns = reports.map((r) => r.label);
  const bare = reports.find((r) => r.label === 'bare app');
  const line = (label: string, cells: string[]) => console.log(`${label.padEnd(30)}${cells.map((c) => c.padStart(16)).join('')}`);
  console.log('');
  line('', columns);
  for (const phase of ['write', 'read'] as const) {
    const cell = (show: (f: PhaseFigures) => string) => reports.map((r) => { const f = r[phase]; return f ? show(f) : '-'; });
    console.log(reports[0]![phase]!.name);
    line('  requests', cell((f) => String(f.requests)));
    line('  requests/s', cell((f) => f.perSecond.toFixed(0)));
    const yardstick = bare?.[phase];
    if (yardstick) line('  share of the bare app\'s', cell((f) => `${((100 * f.perSecond) / yardstick.perSecond).toFixed(0)}%`));
    line('  latency p50 (ms)', cell((f) => String(f.p50)));
    line('  latency p99 (ms)', cell((f) => String(f.p99)));
    line('  errors / non-2xx', cell((f) => `${f.errors} / ${f.non2xx}`));
    line('  server CPU ms per request', cell((f) => f.cpuPerRequest?.toFixed(2) ?? 'n/a'));
  }
  line('load average before', reports.map((r) => r.loadBefore.split(' ')[0]!));
  line('load average after', reports.map((r) => r.loadAfter.split(' ')[0]!));
  for (const r of reports) {
    if (r.label === 'bare app' || r.label === 'signed-in floor') continue;
    console.log(`\n${r.label}: load average (1, 5, 15 min) ${r.loadBefore} before, ${r.loadAfter} after`);
    if (r.readKind !== 'page') console.log(`  note: ${r.readKind}`);
    for (const n of r.notes) console.log(`  ${n}`);
    if (r.problems.length === 0) console.log('  database check: OK');
    else {
      console.log(`  database check: ${r.problems.length} DISCREPANCIES`);
      for (const p of r.problems.slice(0, 50)) console.log(`    ${p}`);
    }
  }
}

async function main(): Promise<void> {
  const reports: EngineReport[] = [];
  try {
    for (const engine of ENGINES) reports.push(await runEngine(engine));
    if (args.baseline) {
      reports.push(await runBaseline('bare app'));
      reports.push(await runBaseline('signed-in floor'));
    }
  } finally {
    await cleanups.finish();
  }
  printReports(reports);
  process.exitCode = reports.some((r) => r.problems.length > 0) ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
