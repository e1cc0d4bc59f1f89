// The compiled server is killed (SIGKILL, no clean shutdown) at moments drawn from a fixed seed
// while delegations submit ballots through the API, and restarted on the same database; then the
// database must hold every ballot whose submission was answered 2xx, with its receipt, nothing
// twice, one current ballot per Member State at its highest revision, and an audit chain that
// verifies. A paper-ballot import killed inside its transaction must leave nothing, and the same
// file imported afterwards everything. On SQLite, or on PostgreSQL when DATABASE_URL is set.
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Database } from '../../server/data/database.js';
import { verifyAuditChain } from '../../server/domain/audit.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { Browser, ensureServerBuilt, serverEnvFor, startCompiledServer, type CompiledServer } from '../helpers/compiled-server.js';
import { openEmptyTestDatabase, type EmptyTestDatabase } from '../helpers/context.js';
import { openTestSurvey, randomBallot, seedDelegations, seededRandom, type Delegation } from '../helpers/delegations.js';
import { systemClock } from '../../server/domain/clock.js';
import type { Deps } from '../../server/domain/deps.js';

const ENGINE = process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite';
const SEED = 20261130;
const KILLS = 3;
/** Clients submitting at once. */
const WORKERS = 8;
const DELEGATIONS = 24;
/** Rows of the paper-ballot file: enough that its transaction lasts long enough to be caught. */
const PAPER_ROWS = 400;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Acknowledged {
  readonly memberStateId: number;
  readonly revision: number;
  readonly receipt: string;
}

/** A migrated database of the test's own, with the app's tables, seeded through the domain; and the server's environment for it. */
async function preparedDatabase(): Promise<{ empty: EmptyTestDatabase; deps: Deps; env: Record<string, string> }> {
  const empty = await openEmptyTestDatabase('crash');
  await empty.database.migrateToLatest();
  return { empty, deps: { db: empty.database, clock: systemClock, config: empty.config }, env: serverEnvFor(empty, randomBytes(24).toString('hex')) };
}

const count = async (db: Database, sql: string, bindings: unknown[]) => Number((await db.rows(sql, bindings))[0]!.n);

describe(`crash safety: the compiled server killed and restarted (${ENGINE})`, function () {
  this.timeout(60_000);
  let prepared: Awaited<ReturnType<typeof preparedDatabase>> | undefined;
  let server: CompiledServer | undefined;

  before(async function () {
    this.timeout(180_000);
    await ensureServerBuilt();
  });

  afterEach(async () => {
    await server?.kill('SIGKILL');
    server = undefined;
    await prepared?.empty.remove();
    prepared = undefined;
  });

  it(`keeps every acknowledged ballot, once, through ${KILLS} SIGKILLs under load, with the audit chain intact`, async () => {
    prepared = await preparedDatabase();
    const { deps, env } = prepared;
    const db = prepared.empty.database;
    const seeded = await seedDelegations(deps, { memberStates: DELEGATIONS, delegates: DELEGATIONS });
    const survey = await openTestSurvey(deps, seeded.admin.actor);
    const random = seededRandom(SEED);
    const killAfter = Array.from({ length: KILLS }, () => 100 + Math.floor(random() * 700));

    server = await startCompiledServer(env);
    let up = true;
    let stopping = false;
    let inFlight = 0;
    const acknowledged: Acknowledged[] = [];
    const latest = new Map<number, number>();
    const unexpected: string[] = [];

    const submitOnce = async (delegation: Delegation, url: string) => {
      const base = random() < 0.5 ? latest.get(delegation.memberStateId) : undefined;
      const body = { ...(base === undefined ? {} : { baseRevision: base }), ...randomBallot(survey, random) };
      inFlight += 1;
      try {
        const res = await fetch(`${url}/api/v1/surveys/${survey.id}/ballot`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${delegation.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const text = await res.text();
        if (res.status >= 200 && res.status < 300) {
          const reply = JSON.parse(text) as { revision: number; receipt: string };
          acknowledged.push({ memberStateId: delegation.memberStateId, revision: reply.revision, receipt: reply.receipt });
          latest.set(delegation.memberStateId, Math.max(latest.get(delegation.memberStateId) ?? 0, reply.revision));
        } else if (res.status !== 409) {
          // 409: submitted from a revision another submission had replaced, as expected.
          unexpected.push(`${res.status} ${text.slice(0, 200)}`);
        }
      } finally {
        inFlight -= 1;
      }
    };
    const worker = async () => {
      while (!stopping) {
        const current = server;
        if (!up || !current) {
          await sleep(10);
          continue;
        }
        const delegation = seeded.delegates[Math.floor(random() * seeded.delegates.length)]!;
        try {
          await submitOnce(delegation, current.url);
        } catch {
          // The server was killed under this request: its outcome is unknown, and it was not acknowledged.
          await sleep(10);
        }
      }
    };
    const workers = Array.from({ length: WORKERS }, () => worker());

    const inFlightAtKill: number[] = [];
    try {
      for (const delay of killAfter) {
        // The kill comes at a drawn moment after the (restarted) server has taken a ballot again.
        const before = acknowledged.length;
        const deadline = Date.now() + 20_000;
        while (acknowledged.length === before && unexpected.length === 0) {
          if (Date.now() > deadline) throw new Error(`no ballot acknowledged within 20 s of a start:\n${server!.output()}`);
          await sleep(5);
        }
        await sleep(delay);
        inFlightAtKill.push(inFlight);
        up = false;
        await server!.kill('SIGKILL');
        server = await startCompiledServer(env);
        up = true;
      }
      await sleep(400);
    } finally {
      stopping = true;
      await Promise.all(workers);
    }

    expect(unexpected, 'answers other than 2xx or 409').to.deep.equal([]);
    // Each kill came while submissions were being answered.
    expect(inFlightAtKill.every((n) => n > 0), `requests in flight at each kill: ${inFlightAtKill}`).to.equal(true);

    // The restarted server tells each delegation its current ballot: the highest revision stored.
    const surveyId = survey.id;
    const highest = new Map<number, { revision: number; receipt: string }>();
    for (const r of await db.rows(
      `select b.member_state_id, r.revision, r.receipt from ballot_revisions r join ballots b on b.id = r.ballot_id
        where b.survey_id = ? and r.revision = (select max(r2.revision) from ballot_revisions r2 where r2.ballot_id = r.ballot_id)`, [surveyId],
    )) highest.set(Number(r.member_state_id), { revision: Number(r.revision), receipt: String(r.receipt) });
    for (const d of seeded.delegates) {
      const res = await fetch(`${server!.url}/api/v1/surveys/${surveyId}/ballot`, { headers: { authorization: `Bearer ${d.token}` } });
      const body = await res.json() as { revision: number; receipt?: string };
      expect(res.status).to.equal(200);
      expect({ revision: body.revision, receipt: body.receipt }, `current ballot of ${d.iso3}`).to.deep.equal(highest.get(d.memberStateId) ?? { revision: 0, receipt: undefined });
    }
    await server!.stop();
    server = undefined;

    const ballots = await db.rows('select id, member_state_id, current_revision from ballots where survey_id = ?', [surveyId]);
    const revisions = await db.rows(
      'select b.member_state_id, r.revision, r.receipt from ballot_revisions r join ballots b on b.id = r.ballot_id where b.survey_id = ?', [surveyId],
    );
    // One ballot per Member State, at its highest revision, with revisions 1 to it and none twice.
    const ballotsOf = new Map<number, number>();
    for (const b of ballots) ballotsOf.set(Number(b.member_state_id), (ballotsOf.get(Number(b.member_state_id)) ?? 0) + 1);
    expect([...ballotsOf.values()].every((n) => n === 1), 'one ballot per Member State').to.equal(true);
    const stored = new Map<string, string>();
    for (const r of revisions) {
      const key = `${r.member_state_id}/${r.revision}`;
      expect(stored.has(key), `revision ${key} stored twice`).to.equal(false);
      stored.set(key, String(r.receipt));
    }
    for (const b of ballots) {
      const ms = Number(b.member_state_id);
      const numbers = revisions.filter((r) => Number(r.member_state_id) === ms).map((r) => Number(r.revision)).sort((x, y) => x - y);
      expect(numbers, `revisions of Member State ${ms}`).to.deep.equal(Array.from({ length: Number(b.current_revision) }, (_, i) => i + 1));
    }
    expect(new Set(revisions.map((r) => r.receipt)).size, 'receipts are unique').to.equal(revisions.length);
    // Every acknowledged submission is there with the receipt it was given, and none was acknowledged twice.
    const acknowledgedKeys = new Set<string>();
    for (const a of acknowledged) {
      const key = `${a.memberStateId}/${a.revision}`;
      expect(acknowledgedKeys.has(key), `revision ${key} acknowledged twice`).to.equal(false);
      acknowledgedKeys.add(key);
      expect(stored.get(key), `acknowledged revision ${key}`).to.equal(a.receipt);
    }
    // Every stored revision has its audit entry, and the chain verifies.
    const audited = await db.rows("select details from audit_entries where action = 'ballot.submit'", []);
    const auditedReceipts = audited.map((e) => (JSON.parse(String(e.details)) as { receipt: string }).receipt).sort();
    expect(auditedReceipts).to.deep.equal(revisions.map((r) => String(r.receipt)).sort());
    const chain = await verifyAuditChain({ db });
    expect(chain.ok, `audit chain broken at entry ${chain.brokenAt}`).to.equal(true);
  });

  it(`leaves nothing of a paper-ballot import killed inside its transaction, and all of it once imported again`, async () => {
    prepared = await preparedDatabase();
    const { deps, env } = prepared;
    const db = prepared.empty.database;
    const seeded = await seedDelegations(deps, { memberStates: PAPER_ROWS, delegates: 0 });
    const survey: Survey = await openTestSurvey(deps, seeded.admin.actor);
    const random = seededRandom(SEED + 1);
    const rows = seeded.memberStates.map(({ iso3 }) => {
      const b = randomBallot(survey, random).answers;
      const label = (q: number, id: number) => survey.questions[q]!.options.find((o) => o.id === id)!.label;
      const ranks = (q: number, width: number) => Array.from({ length: width }, (_, k) => (b[q]!.ranking[k] === undefined ? '' : label(q, b[q]!.ranking[k]!)));
      return [iso3, random() < 0.5 ? 'paper' : 'note-verbale', ...ranks(0, 2), ...ranks(1, 4)].join(',');
    });
    const csv = ['iso3,channel,q1_rank_1,q1_rank_2,q2_rank_1,q2_rank_2,q2_rank_3,q2_rank_4', ...rows].join('\n');
    const writtenFor = () => count(db, 'select count(*) as n from ballot_revisions r join ballots b on b.id = r.ballot_id where b.survey_id = ?', [survey.id]);
    const ballotsFor = () => count(db, 'select count(*) as n from ballots where survey_id = ?', [survey.id]);
    const auditedFor = () => count(db, "select count(*) as n from audit_entries where action = 'ballot.submit'", []);

    server = await startCompiledServer(env);
    const browser = new Browser();
    const signedIn = await browser.submit(`${server.url}/sign-in`, `${server.url}/sign-in`, { email: seeded.admin.email, password: seeded.admin.password, next: '/' });
    expect(signedIn.status).to.equal(303);
    const page = `/admin/surveys/${survey.id}/paper-ballots`;
    const upload = (url: string) => browser.upload(`${url}${page}`, `${url}${page}/import`, { mode: 'import' }, { field: 'file', name: 'ballots.csv', type: 'text/csv', content: csv });

    // Caught inside the transaction: it has written and not committed. Seen writing for 10 ms
    // running, which a session's one-statement write never is.
    const inTransaction = await transactionProbe(prepared.empty, server.pid);
    const importing = upload(server.url).then((r) => `answered ${r.status}`, () => 'cut off');
    const deadline = Date.now() + 30_000;
    let writingSince: number | null = null;
    while (writingSince === null || Date.now() - writingSince < 10) {
      if (Date.now() > deadline) throw new Error(`the import transaction was not seen writing (the upload ${await Promise.race([importing, sleep(0).then(() => 'is still running')])})`);
      if (await inTransaction.writing()) writingSince ??= Date.now();
      else writingSince = null;
      await sleep(1);
    }
    await server.kill('SIGKILL');
    expect(await importing).to.equal('cut off');

    server = await startCompiledServer(env);
    expect(await writtenFor(), 'revisions left by the killed import').to.equal(0);
    expect(await ballotsFor(), 'ballots left by the killed import').to.equal(0);
    expect(await auditedFor(), 'audit entries left by the killed import').to.equal(0);
    expect((await verifyAuditChain({ db })).ok).to.equal(true);

    // The same file, on the restarted server (the session survived it): every row, once.
    const again = await upload(server.url);
    expect(again.status).to.equal(200);
    expect(again.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')).to.contain(`Imported: ${PAPER_ROWS} new ballot(s) and 0 replaced, in one go.`);
    expect(await writtenFor()).to.equal(PAPER_ROWS);
    expect(await ballotsFor()).to.equal(PAPER_ROWS);
    expect(await auditedFor()).to.equal(PAPER_ROWS);
    const chain = await verifyAuditChain({ db });
    expect(chain.ok, `audit chain broken at entry ${chain.brokenAt}`).to.equal(true);
  });
});

/**
 * Tells, without taking any lock itself, whether the server is inside a transaction that has
 * written: on PostgreSQL, a granted row-exclusive lock on the schema's ballot_revisions held by
 * another connection; on SQLite, the server process's POSIX lock on the WAL write-lock byte (120)
 * of the database's shared-memory file, which SQLite holds from a transaction's first write to its
 * commit (as /proc/locks lists it; a probe that took the lock itself would make the server wait).
 */
async function transactionProbe(empty: EmptyTestDatabase, serverPid: number): Promise<{ writing(): Promise<boolean> }> {
  if (empty.config.database.client === 'pg') {
    const db = empty.database;
    return {
      writing: async () => (await db.writer.raw(
        `select count(*) as n from pg_locks l join pg_class c on c.oid = l.relation join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = ? and c.relname = 'ballot_revisions' and l.mode = 'RowExclusiveLock' and l.granted and l.pid <> pg_backend_pid()`,
        [empty.schema!],
      )).rows[0].n > 0,
    };
  }
  const inode = String(statSync(`${empty.config.database.filename}-shm`).ino);
  return {
    async writing() {
      // "1: POSIX  ADVISORY  WRITE 4242 08:01:1234567 120 120"
      return (await readFile('/proc/locks', 'utf8')).split('\n').some((line) => {
        const f = line.trim().split(/\s+/);
        return f[1] === 'POSIX' && f[3] === 'WRITE' && f[4] === String(serverPid) && f[5]?.split(':')[2] === inode && f[6] === '120';
      });
    },
  };
}
