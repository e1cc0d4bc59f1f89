// Two processes of the compiled server on one PostgreSQL database, as behind a load balancer: a
// session made on one is good on the other, simultaneous submissions from one revision split
// across both let exactly one in, the closing time and the sign-in limit hold on both, and the
// audit chain they both append to verifies. PostgreSQL only: an SQLite file belongs to one server.
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { createApiToken } from '../../server/domain/api-tokens.js';
import { verifyAuditChain } from '../../server/domain/audit.js';
import { systemClock } from '../../server/domain/clock.js';
import type { Deps } from '../../server/domain/deps.js';
import { setClosingTime } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { createTestUser, PASSWORD } from '../helpers/accounts.js';
import { Browser, ensureServerBuilt, serverEnvFor, startCompiledServer, type CompiledServer } from '../helpers/compiled-server.js';
import { openEmptyTestDatabase, type EmptyTestDatabase } from '../helpers/context.js';
import { openTestSurvey, randomBallot, seedDelegations, seededRandom, type Delegations } from '../helpers/delegations.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (!process.env.DATABASE_URL) {
  console.log('  (two instances on one database: PostgreSQL only, run with DATABASE_URL set)');
} else {
  describe('two instances of the compiled server on one PostgreSQL database', function () {
    this.timeout(60_000);
    let empty: EmptyTestDatabase;
    let deps: Deps;
    let seeded: Delegations;
    let a: CompiledServer | undefined;
    let b: CompiledServer | undefined;
    const random = seededRandom(20261130);

    before(async function () {
      this.timeout(180_000);
      await ensureServerBuilt();
      empty = await openEmptyTestDatabase('two');
      // One secret for both, as the README asks of instances behind one load balancer.
      const env = serverEnvFor(empty, randomBytes(24).toString('hex'));
      [a, b] = await Promise.all([startCompiledServer(env), startCompiledServer(env)]);
      deps = { db: empty.database, clock: systemClock, config: empty.config };
      seeded = await seedDelegations(deps, { memberStates: 6, delegates: 6 });
    });

    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await empty?.remove();
    });

    const put = async (server: CompiledServer, token: string, surveyId: number, body: unknown) => {
      const res = await fetch(`${server.url}/api/v1/surveys/${surveyId}/ballot`, {
        method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() as { revision?: number; receipt?: string; error?: { code: string; message: string } } };
    };

    it('start together on an empty database, which is migrated once, as when a deployment starts its instances at once (three here)', async () => {
      const fresh = await openEmptyTestDatabase('start');
      try {
        const env = serverEnvFor(fresh, randomBytes(24).toString('hex'));
        const started = await Promise.allSettled([startCompiledServer(env), startCompiledServer(env), startCompiledServer(env)]);
        await Promise.all(started.map((s) => (s.status === 'fulfilled' ? s.value.stop() : undefined)));
        const failed = started.filter((s): s is PromiseRejectedResult => s.status === 'rejected').map((s) => String(s.reason));
        expect(failed, 'instances that did not start').to.deep.equal([]);
        const applied = await fresh.database.rows('select name, count(*) as n from knex_migrations group by name', []);
        expect(applied.length).to.be.greaterThan(0);
        expect(applied.filter((m) => Number(m.n) !== 1), 'migrations applied more than once').to.deep.equal([]);
      } finally {
        await fresh.remove();
      }
    });

    it('shares sessions: signed in on one, signed in on the other; signed out on the other, signed out on both', async () => {
      const staff = await createTestUser(deps, 'staff');
      const browser = new Browser();
      const signedIn = await browser.submit(`${a!.url}/sign-in`, `${a!.url}/sign-in`, { email: staff.email, password: PASSWORD, next: '/' });
      expect(signedIn.status).to.equal(303);
      const onB = await browser.get(`${b!.url}/`);
      expect(onB.status).to.equal(200);
      expect(onB.text).to.contain(staff.displayName);
      const signedOut = await browser.submit(`${b!.url}/`, `${b!.url}/sign-out`, {});
      expect(signedOut.status).to.equal(303);
      const onA = await browser.get(`${a!.url}/`);
      expect(onA.status).to.be.within(300, 399);
      expect(onA.location).to.match(/^\/sign-in/);
    });

    it('takes exactly one of ten simultaneous submissions from one revision split across both, and refuses the nine with 409', async () => {
      const survey = await openTestSurvey(deps, seeded.admin.actor);
      const delegation = seeded.delegates[0]!;
      // From no ballot at all (revision 0), then from each revision the round before made.
      for (let base = 0; base < 3; base++) {
        const answers = await Promise.all(Array.from({ length: 10 }, (_, i) =>
          put(i % 2 === 0 ? a! : b!, delegation.token, survey.id, { baseRevision: base, ...randomBallot(survey, random) })));
        const taken = answers.filter((r) => r.status === 200);
        expect(taken, `round from revision ${base}: ${answers.map((r) => r.status)}`).to.have.length(1);
        expect(taken[0]!.body.revision).to.equal(base + 1);
        expect(answers.filter((r) => r.status === 409)).to.have.length(9);
      }
      const stored = await empty.database.rows(
        'select r.revision, r.receipt from ballot_revisions r join ballots b on b.id = r.ballot_id where b.survey_id = ? order by r.revision', [survey.id],
      );
      expect(stored.map((r) => Number(r.revision))).to.deep.equal([1, 2, 3]);
      const current = await fetch(`${b!.url}/api/v1/surveys/${survey.id}/ballot`, { headers: { authorization: `Bearer ${delegation.token}` } });
      expect(await current.json()).to.include({ revision: 3, receipt: stored[2]!.receipt });
    });

    it('refuses ballots on both once the closing time has passed, and once the survey is closed on one of them', async () => {
      const survey: Survey = await openTestSurvey(deps, seeded.admin.actor);
      const [first, second] = seeded.delegates.slice(1, 3);
      expect((await put(a!, first!.token, survey.id, randomBallot(survey, random))).status).to.equal(200);
      expect((await put(b!, second!.token, survey.id, randomBallot(survey, random))).status).to.equal(200);
      const closesAt = new Date(Date.now() + 1500);
      await setClosingTime(deps, seeded.admin.actor, survey.id, { closesAt: closesAt.toISOString() });
      await sleep(Math.max(0, closesAt.getTime() - Date.now()) + 100);
      for (const [server, delegation] of [[a!, first!], [b!, second!], [a!, second!], [b!, first!]] as const) {
        const late = await put(server, delegation.token, survey.id, randomBallot(survey, random));
        expect(late.status).to.equal(409);
        expect(late.body.error!.message).to.contain('closed');
      }

      // Closed by hand through one instance's API, refused at once by the other.
      const other = await openTestSurvey(deps, seeded.admin.actor);
      const adminToken = await adminBearer();
      const closed = await fetch(`${a!.url}/api/v1/surveys/${other.id}/close`, { method: 'POST', headers: { authorization: adminToken, 'content-type': 'application/json' }, body: '{}' });
      expect(closed.status).to.equal(200);
      const refused = await put(b!, first!.token, other.id, randomBallot(survey, random));
      expect(refused.status).to.equal(409);
      expect(refused.body.error!.message).to.contain('closed');
      const stored = await empty.database.rows('select count(*) as n from ballots where survey_id in (?, ?)', [survey.id, other.id]);
      expect(Number(stored[0]!.n)).to.equal(2);
    });

    it('takes no ballot recorded after the closing time when the survey is closed on one while both take ballots', async () => {
      for (let round = 0; round < 3; round++) {
        const survey = await openTestSurvey(deps, seeded.admin.actor);
        let closed = false;
        const submitting = seeded.delegates.flatMap((delegation, i) => [a!, b!].map(async (server, j) => {
          // Each keeps submitting until it is refused for the close, then once more on the other instance.
          for (let n = 0; n < 500; n++) {
            const res = await put((i + j) % 2 === 0 ? server : server === a ? b! : a!, delegation.token, survey.id, randomBallot(survey, random));
            if (res.status !== 200) {
              expect(res.status).to.equal(409);
              if (closed) return;
            }
          }
        }));
        await sleep(150);
        const adminToken = await adminBearer();
        const close = await fetch(`${a!.url}/api/v1/surveys/${survey.id}/close`, { method: 'POST', headers: { authorization: adminToken, 'content-type': 'application/json' }, body: '{}' });
        expect(close.status).to.equal(200);
        closed = true;
        await Promise.all(submitting);
        const closesAt = String((await empty.database.rows('select closes_at from surveys where id = ?', [survey.id]))[0]!.closes_at);
        const late = await empty.database.rows(
          'select r.submitted_at from ballot_revisions r join ballots b on b.id = r.ballot_id where b.survey_id = ? and r.submitted_at >= ?', [survey.id, closesAt],
        );
        const taken = await empty.database.rows('select count(*) as n from ballot_revisions r join ballots b on b.id = r.ballot_id where b.survey_id = ?', [survey.id]);
        expect(Number(taken[0]!.n), 'ballots taken before the close').to.be.greaterThan(0);
        expect(late.map((r) => r.submitted_at), `ballots recorded at or after the closing time ${closesAt}`).to.deep.equal([]);
      }
    });

    it('counts failed sign-ins on both: an account limited on one is limited on the other', async () => {
      const staff = await createTestUser(deps, 'staff');
      const attempt = (server: CompiledServer) => new Browser().submit(`${server.url}/sign-in`, `${server.url}/sign-in`, { email: staff.email, password: 'not the password at all', next: '/' });
      let failures = 0;
      for (;;) {
        const res = await attempt(a!);
        if (res.status === 429) break;
        expect(res.status).to.equal(401);
        failures += 1;
        expect(failures, 'failed sign-ins on one instance without its limit').to.be.below(50);
      }
      expect(failures).to.be.greaterThan(0);
      // The other instance has seen none of those failures itself.
      expect((await attempt(b!)).status).to.equal(429);
    });

    it('keeps one audit chain, written by both, that verifies', async () => {
      const chain = await verifyAuditChain({ db: empty.database });
      expect(chain.ok, `audit chain broken at entry ${chain.brokenAt}`).to.equal(true);
      const [revisions, audited] = await Promise.all([
        empty.database.rows('select count(*) as n from ballot_revisions', []),
        empty.database.rows("select count(*) as n from audit_entries where action = 'ballot.submit'", []),
      ]);
      expect(Number(audited[0]!.n)).to.equal(Number(revisions[0]!.n)).and.greaterThan(0);
    });

    let bearer: string | undefined;
    /** The administrator's API token, made once. */
    async function adminBearer(): Promise<string> {
      if (!bearer) {
        bearer = `Bearer ${(await createApiToken(deps, seeded.admin.actor, seeded.admin.actor.userId)).token}`;
      }
      return bearer;
    }
  });
}
