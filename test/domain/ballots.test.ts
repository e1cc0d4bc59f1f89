import { expect } from 'chai';
import { currentBallot, lookUpReceipt, submitBallot } from '../../server/domain/ballots.js';
import { verifyAuditChain } from '../../server/domain/audit.js';
import { Refused } from '../../server/domain/refusals.js';
import { closeSurvey, openSurvey, reopenSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import type { Actor } from '../../server/domain/deps.js';
import { createTestMemberState, createTestUser } from '../helpers/accounts.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { rejection } from '../helpers/errors.js';
import { refusalFrom } from '../helpers/refusals.js';
import { actorOf, createTestSurvey } from '../helpers/surveys.js';


describe('domain/ballots', () => {
  let ctx: TestContext;
  let admin: Actor;
  let delegateA: Actor;
  let delegateB: Actor;
  let survey: Survey;
  const ballotFor = (s: Survey, extra: Record<string, unknown> = {}) => ({
    answers: [
      { question: s.questions[0]!.id, ranking: [s.questions[0]!.options[1]!.id] },
      { question: s.questions[1]!.id, ranking: s.questions[1]!.options.slice(0, 3).map((o) => o.id) },
    ],
    ...extra,
  });

  beforeEach(async () => {
    ctx = await createTestContext();
    const fra = await createTestMemberState(ctx.deps, 'FRA');
    await createTestMemberState(ctx.deps, 'VAT', 'observer');
    admin = actorOf(await createTestUser(ctx.deps, 'admin'));
    delegateA = actorOf(await createTestUser(ctx.deps, 'delegate', { memberState: 'FRA' }), fra.id);
    delegateB = actorOf(await createTestUser(ctx.deps, 'delegate', { memberState: 'FRA' }), fra.id);
    survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin)).id);
  });
  afterEach(() => ctx.close());

  it('stores one ballot per Member State with a new revision and receipt per submission, all kept', async () => {
    const first = await submitBallot(ctx.deps, delegateA, survey.id, ballotFor(survey, { baseRevision: 0 }), { channel: 'web' });
    const second = await submitBallot(ctx.deps, delegateB, survey.id, ballotFor(survey, { baseRevision: 1 }), { channel: 'api' });
    expect(first.revision).to.equal(1);
    expect(second.revision).to.equal(2);
    expect(first.receipt).to.match(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/).and.not.equal(second.receipt);
    expect(await ctx.db('ballots').count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 1);
    expect(await ctx.db('ballot_revisions').count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 2);
    const current = await currentBallot(ctx.deps, delegateA, survey.id);
    expect(current).to.include({ revision: 2, channel: 'api', submittedByLabel: delegateB.email });
    const receipt = await lookUpReceipt(ctx.deps, delegateA, first.receipt.toLowerCase().replace(/-/g, ''));
    expect(receipt.revision).to.include({ revision: 1, isCurrent: false });
    expect((await verifyAuditChain(ctx.deps)).ok).to.equal(true);
  });

  it('refuses a submission from an out-of-date revision, naming who changed the ballot, and changes nothing', async () => {
    await submitBallot(ctx.deps, delegateA, survey.id, ballotFor(survey, { baseRevision: 0 }), { channel: 'web' });
    const refusal = await refusalFrom(submitBallot(ctx.deps, delegateB, survey.id, ballotFor(survey, { baseRevision: 0 }), { channel: 'web' }));
    expect(refusal).to.deep.equal({ kind: 'stale', current: { who: delegateA.email, revision: 1, when: '2026-11-28T09:00:00.000Z' } });
    expect(await ctx.db('ballot_revisions').count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 1);
  });

  it('lets exactly one of two simultaneous submissions from the same revision win', async () => {
    await submitBallot(ctx.deps, delegateA, survey.id, ballotFor(survey, { baseRevision: 0 }), { channel: 'web' });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => submitBallot(ctx.deps, i % 2 ? delegateA : delegateB, survey.id, ballotFor(survey, { baseRevision: 1 }), { channel: 'web' })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(won).to.have.length(1);
    expect(lost.every((r) => r.reason instanceof Refused && r.reason.refusal.kind === 'stale')).to.equal(true);
    const revisions = await ctx.db('ballot_revisions').orderBy('revision').pluck('revision');
    expect(revisions.map(Number)).to.deep.equal([1, 2]);
  });

  it('takes ballots of many Member States arriving at once, refusing only the stale one among them', async () => {
    const delegates: Actor[] = [];
    for (const iso3 of ['DEU', 'ESP', 'ITA', 'NLD', 'POL', 'PRT', 'SWE', 'AUT']) {
      const ms = await createTestMemberState(ctx.deps, iso3);
      delegates.push(actorOf(await createTestUser(ctx.deps, 'delegate', { memberState: iso3 }), ms.id));
    }
    await submitBallot(ctx.deps, delegateA, survey.id, ballotFor(survey, { baseRevision: 0 }), { channel: 'web' });
    const first = await Promise.allSettled([
      ...delegates.map((d) => submitBallot(ctx.deps, d, survey.id, ballotFor(survey, { baseRevision: 0 }), { channel: 'api' })),
      submitBallot(ctx.deps, delegateB, survey.id, ballotFor(survey, { baseRevision: 0 }), { channel: 'web' }),
    ]);
    const stale = first.pop() as PromiseRejectedResult;
    expect(stale.status).to.equal('rejected');
    expect(stale.reason).to.be.instanceOf(Refused).and.to.have.nested.property('refusal.kind', 'stale');
    expect(first.every((r) => r.status === 'fulfilled')).to.equal(true);
    const second = await Promise.all(delegates.map((d) => submitBallot(ctx.deps, d, survey.id, ballotFor(survey), { channel: 'api' })));
    const receipts = [...first.map((r) => (r as PromiseFulfilledResult<{ receipt: string }>).value), ...second].map((r) => r.receipt);
    expect(new Set(receipts).size).to.equal(receipts.length);
    const rows = await ctx.db('ballot_revisions as r').join('ballots as b', 'b.id', 'r.ballot_id').select('b.member_state_id', 'r.revision', 'r.receipt', 'b.current_revision');
    expect(rows).to.have.length(1 + 2 * delegates.length);
    for (const d of delegates) {
      const own = rows.filter((r) => Number(r.member_state_id) === d.memberStateId);
      expect(own.map((r) => Number(r.revision)).sort()).to.deep.equal([1, 2]);
      expect(own.every((r) => Number(r.current_revision) === 2)).to.equal(true);
    }
    expect(rows.map((r) => String(r.receipt)).sort()).to.include.members(receipts);
    const chain = await verifyAuditChain(ctx.deps);
    expect(chain).to.include({ ok: true });
    expect(await ctx.db('audit_entries').where({ action: 'ballot.submit' }).count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === rows.length);
  });

  it('keeps every submission that replaces the ballot without a base revision, numbering them in order', async () => {
    // Many at once, so that on PostgreSQL some find the first ballot committed only after they tried to advance it.
    const results = await Promise.all(Array.from({ length: 10 }, () => submitBallot(ctx.deps, delegateA, survey.id, ballotFor(survey), { channel: 'api' })));
    expect(results.map((r) => r.revision).sort((a, b) => a - b)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const ballot = await ctx.db('ballots').first();
    expect(Number(ballot.current_revision)).to.equal(10);
  });

  it('takes no ballot after the closing time, even if nobody closed the survey', async () => {
    const timed = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin, { closesAt: '2026-11-28T12:00:00Z' })).id);
    await submitBallot(ctx.deps, delegateA, timed.id, ballotFor(timed), { channel: 'web' });
    ctx.clock.set('2026-11-28T12:00:00.000Z');
    expect(await refusalFrom(submitBallot(ctx.deps, delegateA, timed.id, ballotFor(timed), { channel: 'web' }))).to.deep.equal({ kind: 'closed' });
    await reopenSurvey(ctx.deps, admin, timed.id, { closesAt: '2026-11-30T12:00:00Z' });
    expect((await submitBallot(ctx.deps, delegateA, timed.id, ballotFor(timed), { channel: 'web' })).revision).to.equal(2);
    await closeSurvey(ctx.deps, admin, timed.id);
    expect(await refusalFrom(submitBallot(ctx.deps, delegateA, timed.id, ballotFor(timed), { channel: 'web' }))).to.deep.equal({ kind: 'closed' });
  });

  it('refuses a ballot for a survey that is not open yet as not open, and a stale first ballot with no current revision', async () => {
    const draft = await createTestSurvey(ctx.deps, admin);
    const forFrance = { channel: 'paper' as const, memberStateId: delegateA.memberStateId! };
    expect(await refusalFrom(submitBallot(ctx.deps, admin, draft.id, ballotFor(draft), forFrance))).to.deep.equal({ kind: 'not-open' });
    expect(await refusalFrom(submitBallot(ctx.deps, delegateA, survey.id, ballotFor(survey, { baseRevision: 3 }), { channel: 'web' }))).to.deep.equal({ kind: 'stale', current: null });
    expect(await ctx.db('ballot_revisions').count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 0);
  });

  it('refuses unknown options, repeats, gaps, a missing answer and abstention where it is not allowed', async () => {
    const [q1, q2] = survey.questions;
    const cases: [unknown, string][] = [
      [{ answers: [{ question: q1!.id, ranking: [999] }, { question: q2!.id, abstain: true }] }, 'ballot.problems.unknown-option'],
      [{ answers: [{ question: q1!.id, ranking: [q1!.options[0]!.id, q1!.options[0]!.id] }, { question: q2!.id, abstain: true }] }, 'ballot.problems.repeat'],
      [{ answers: [{ question: q1!.id, ranking: [q1!.options[0]!.id] }, { question: q2!.id, ranking: [q2!.options[0]!.id, null, q2!.options[1]!.id] }] }, 'ballot.problems.gap'],
      [{ answers: [{ question: q1!.id, ranking: [q1!.options[0]!.id] }] }, 'validation.rankOrAbstain'],
      [{ answers: [{ question: q1!.id, ranking: [] }, { question: q2!.id, abstain: true }] }, 'validation.rankOrAbstain'],
    ];
    for (const [input, key] of cases) {
      const refusal = await rejection(submitBallot(ctx.deps, delegateA, survey.id, input, { channel: 'web' }));
      expect(refusal.kind).to.equal('invalid');
      expect(refusal.fields.map((f) => f.key), key).to.include(key);
    }
    expect(await ctx.db('ballot_revisions').count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 0);
  });

  it('refuses observers, staff and delegates of another Member State', async () => {
    const vat = (await ctx.db('member_states').where({ iso3: 'VAT' }).first()).id;
    const observer = actorOf(await createTestUser(ctx.deps, 'delegate', { memberState: 'VAT' }), Number(vat));
    expect(await refusalFrom(submitBallot(ctx.deps, observer, survey.id, ballotFor(survey), { channel: 'web' }))).to.deep.equal({ kind: 'observer' });
    const staff = actorOf(await createTestUser(ctx.deps, 'staff'));
    expect((await rejection(submitBallot(ctx.deps, staff, survey.id, ballotFor(survey), { channel: 'web' }))).kind).to.equal('forbidden');
    expect((await rejection(submitBallot(ctx.deps, delegateA, survey.id, ballotFor(survey), { channel: 'web', memberStateId: Number(vat) }))).kind).to.equal('forbidden');
  });
});
