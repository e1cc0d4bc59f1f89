import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { createApiToken } from '../../server/domain/api-tokens.js';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor } from '../../server/domain/deps.js';
import { openSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { listSurveys } from '../../server/domain/surveys/queries.js';
import { createTestMemberState, createTestUser } from '../helpers/accounts.js';
import { signIn, type Agent } from '../helpers/browser-session.js';
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
});
