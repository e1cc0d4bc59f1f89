import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { createUser } from '../../server/domain/accounts.js';
import { createApiToken } from '../../server/domain/api-tokens.js';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor } from '../../server/domain/deps.js';
import { importPaperBallots } from '../../server/domain/paper-ballots.js';
import { proposeTopic } from '../../server/domain/proposals.js';
import { closeSurvey, openSurvey, publishSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { listSurveys } from '../../server/domain/surveys/queries.js';
import { createTestMemberState, createTestUser } from '../helpers/accounts.js';
import { csrfFrom, signIn, submitForm, type Agent } from '../helpers/browser-session.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { actorOf, createTestSurvey } from '../helpers/surveys.js';

/**
 * Every list page runs the same number of queries whatever the number of rows: each is counted
 * with one row and again with fifty, after a first request that fills the caches.
 */
describe('list pages: queries per page', () => {
  let ctx: TestContext;
  let app: Express;
  let admin: Actor;
  let adminAgent: Agent;
  let delegate: Actor;
  let delegateAgent: Agent;

  /** The number of queries `work` sends, on every connection of the test's database. */
  async function queriesOf(work: () => Promise<unknown>): Promise<number> {
    await work();
    let n = 0;
    const stop = ctx.database.watchQueries(() => { n += 1; });
    try {
      await work();
    } finally {
      stop();
    }
    return n;
  }

  /** A page's status and query count. */
  async function page(agent: Agent, url: string): Promise<number> {
    return queriesOf(async () => {
      const res = await agent.get(url);
      expect(res.status, url).to.equal(200);
    });
  }

  /** Three-letter codes not used by the set-up: QAA, QAB, … */
  const iso3Of = (i: number) => `Q${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`;
  const ballotFor = (survey: Survey, pick = 0) => ({ answers: survey.questions.map((q) => ({ question: q.id, ranking: [q.options[pick % q.options.length]!.id] })) });

  beforeEach(async () => {
    ctx = await createTestContext();
    app = await ctx.app();
    const adminUser = await createTestUser(ctx.deps, 'admin');
    admin = actorOf(adminUser);
    const own = await createTestMemberState(ctx.deps, 'FRA');
    delegate = actorOf(await createTestUser(ctx.deps, 'delegate', { memberState: 'FRA', email: 'delegate@example.org' }), own.id);
    adminAgent = await signIn(app, adminUser.email);
    delegateAgent = await signIn(app, 'delegate@example.org');
  });
  afterEach(() => ctx.close());

  describe('the survey list', () => {
    /** An open survey with the delegation's ballot in every other one, and a draft beside it. */
    async function addSurveys(from: number, to: number) {
      for (let i = from; i < to; i++) {
        const survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin, { reference: `REF/${i}` })).id);
        if (i % 2 === 0) await submitBallot(ctx.deps, delegate, survey.id, ballotFor(survey, i), { channel: 'web' });
        await createTestSurvey(ctx.deps, admin, { reference: `DRAFT/${i}` });
      }
    }

    async function counts() {
      return {
        adminDomain: await queriesOf(() => listSurveys(ctx.deps, admin)),
        delegateDomain: await queriesOf(() => listSurveys(ctx.deps, delegate)),
        adminPage: await page(adminAgent, '/admin/surveys'),
        delegatePage: await page(delegateAgent, '/surveys'),
      };
    }

    it('runs as many queries for 50 surveys as for 1, for an administrator and for a delegate, through the pages and the domain', async () => {
      await addSurveys(0, 1);
      const one = await counts();
      await addSurveys(1, 50);
      const fifty = await counts();
      expect((await listSurveys(ctx.deps, delegate)).filter((s) => s.ballot !== null)).to.have.length(25);
      expect(fifty).to.deep.equal(one);
    });

    it('runs as many queries through the API for 50 surveys as for 1', async () => {
      const bearer = `Bearer ${(await createApiToken(ctx.deps, null, delegate.userId)).token}`;
      const api = () => queriesOf(async () => expect((await request(app).get('/api/v1/surveys').set('Authorization', bearer)).status).to.equal(200));
      await addSurveys(0, 1);
      const one = await api();
      await addSurveys(1, 50);
      expect(await api()).to.equal(one);
    });
  });

  it('lists 50 accounts with as many queries as 1', async () => {
    const add = async (from: number, to: number) => {
      for (let i = from; i < to; i++) await createUser(ctx.deps, null, { email: `invited${i}@example.org`, displayName: `Invited ${i}`, role: 'staff' });
    };
    await add(0, 1);
    const one = await page(adminAgent, '/admin/users');
    await add(1, 50);
    expect(await page(adminAgent, '/admin/users')).to.equal(one);
  });

  it('lists 50 Member States with as many queries as 1, on the page and through the API', async () => {
    const bearer = `Bearer ${(await createApiToken(ctx.deps, null, admin.userId)).token}`;
    const api = () => queriesOf(async () => expect((await request(app).get('/api/v1/member-states').set('Authorization', bearer)).status).to.equal(200));
    const add = async (from: number, to: number) => {
      for (let i = from; i < to; i++) await createTestMemberState(ctx.deps, iso3Of(i));
    };
    await add(0, 1);
    const one = { page: await page(adminAgent, '/admin/member-states'), api: await api() };
    await add(1, 50);
    expect({ page: await page(adminAgent, '/admin/member-states'), api: await api() }).to.deep.equal(one);
  });

  describe('pages of one survey', () => {
    let survey: Survey;

    beforeEach(async () => {
      survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin)).id);
    });

    /** Member States with a ballot each, entered on paper. */
    async function addBallots(from: number, to: number) {
      for (let i = from; i < to; i++) {
        const ms = await createTestMemberState(ctx.deps, iso3Of(i));
        await submitBallot(ctx.deps, admin, survey.id, ballotFor(survey, i), { channel: 'paper', memberStateId: ms.id });
      }
    }

    it('shows participation and the survey page with as many queries for 50 ballots as for 1', async () => {
      const counts = async () => ({
        participation: await page(adminAgent, `/admin/surveys/${survey.id}/participation`),
        surveyPage: await page(adminAgent, `/admin/surveys/${survey.id}`),
      });
      await addBallots(0, 1);
      const one = await counts();
      await addBallots(1, 50);
      expect(await counts()).to.deep.equal(one);
    });

    it('lists 50 proposals with as many queries as 1, to the Administration and to the delegation', async () => {
      const topics = survey.questions.find((q) => q.allowProposals)!;
      const add = async (from: number, to: number) => {
        for (let i = from; i < to; i++) await proposeTopic(ctx.deps, delegate, survey.id, { question: topics.id, title: `Topic proposed ${i}` });
      };
      const counts = async () => ({
        admin: await page(adminAgent, `/admin/surveys/${survey.id}/proposals`),
        delegate: await page(delegateAgent, `/surveys/${survey.id}/proposals`),
      });
      await add(0, 1);
      const one = await counts();
      await add(1, 50);
      expect(await counts()).to.deep.equal(one);
    });

    it('reports a checked file of 50 paper ballots with as many queries as a file of 1, replacing ballots or not', async () => {
      const HEADER = 'iso3,channel,q1_rank_1,q1_rank_2,q2_rank_1,q2_rank_2,q2_rank_3,q2_rank_4,comments';
      const file = (n: number) => [HEADER, ...Array.from({ length: n }, (_, i) => `${iso3Of(i)},paper,A,B,(a),(b),,,`)].join('\n');
      const url = `/admin/surveys/${survey.id}/paper-ballots`;
      const check = (n: number) => queriesOf(async () => {
        const form = await adminAgent.get(url);
        const res = await adminAgent.post(`${url}/import`).field('_csrf', csrfFrom(form.text)).field('mode', 'check')
          .attach('file', Buffer.from(file(n), 'utf8'), { filename: 'ballots.csv', contentType: 'text/csv' });
        expect(res.status).to.equal(200);
      });
      const domain = (n: number) => queriesOf(async () => expect((await importPaperBallots(ctx.deps, admin, survey.id, file(n), { dryRun: true })).rejected).to.equal(0));
      // Every Member State of the file exists; the even ones have a ballot the file would replace.
      for (let i = 0; i < 50; i++) {
        const ms = await createTestMemberState(ctx.deps, iso3Of(i));
        if (i % 2 === 0) await submitBallot(ctx.deps, admin, survey.id, ballotFor(survey, i), { channel: 'paper', memberStateId: ms.id });
      }
      expect({ page: await check(50), domain: await domain(50) }).to.deep.equal({ page: await check(1), domain: await domain(1) });
    });

    it('shows a history of 50 revisions with as many queries as 1', async () => {
      const revise = async (from: number, to: number) => {
        for (let i = from; i < to; i++) await submitBallot(ctx.deps, delegate, survey.id, ballotFor(survey, i), { channel: 'web' });
      };
      await revise(0, 1);
      const one = await page(delegateAgent, `/surveys/${survey.id}/ballot/history`);
      await revise(1, 50);
      expect(await page(delegateAgent, `/surveys/${survey.id}/ballot/history`)).to.equal(one);
    });

    it('lists 50 counted receipt codes with as many queries as 1', async () => {
      const states = [delegate.memberStateId!];
      for (let i = 1; i < 50; i++) states.push((await createTestMemberState(ctx.deps, iso3Of(i))).id);
      const published = async (memberStateIds: readonly number[]) => {
        const s = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin)).id);
        for (const id of memberStateIds) await submitBallot(ctx.deps, admin, s.id, ballotFor(s, id), { channel: 'paper', memberStateId: id });
        await closeSurvey(ctx.deps, admin, s.id);
        return publishSurvey(ctx.deps, admin, s.id);
      };
      const [one, fifty] = [await published(states.slice(0, 1)), await published(states)];
      expect(await page(delegateAgent, `/surveys/${fifty.id}/counted-receipts`)).to.equal(await page(delegateAgent, `/surveys/${one.id}/counted-receipts`));
    });

    it('lists recent exports with as many queries for 50 recorded exports as for 1', async () => {
      const exportOnce = async () => expect((await submitForm(adminAgent, `/surveys/${survey.id}/exports`, `/surveys/${survey.id}/exports/participation.csv`, {})).status).to.equal(200);
      const exportsPage = () => page(adminAgent, `/surveys/${survey.id}/exports`);
      await exportOnce();
      const one = await exportsPage();
      for (let i = 1; i < 50; i++) await exportOnce();
      expect(await exportsPage()).to.equal(one);
    });
  });

  it('shows the audit log with as many queries for 50 more entries as for 1', async () => {
    const add = async (from: number, to: number) => {
      for (let i = from; i < to; i++) await createTestMemberState(ctx.deps, iso3Of(i));
    };
    await add(0, 1);
    const one = await page(adminAgent, '/admin/audit');
    await add(1, 50);
    expect(await page(adminAgent, '/admin/audit')).to.equal(one);
  });
});
