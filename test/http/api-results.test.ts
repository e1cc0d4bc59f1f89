import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor } from '../../server/domain/deps.js';
import { closeSurvey, openSurvey, publishSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';
import { createTestSurvey } from '../helpers/surveys.js';

describe('results', () => {
  let ctx: TestContext;
  let app: Express;
  let admin: Actor;
  let survey: Survey;
  let staffAuth: string;
  let delegateAuth: string;

  // Five Member States: theme B wins the first round outright; topics: STV for two seats.
  const rankings: [string, number[] | 'abstain', number[]][] = [
    ['ARG', [1, 0], [0, 1, 2]],
    ['BEL', [1], [0, 2]],
    ['CAN', [0, 1], [1, 0]],
    ['DNK', [1, 0], [2, 0, 1]],
    ['EGY', 'abstain', [3, 2]],
  ];

  useSignedIn({ memberStates: ['ARG', 'BEL', 'CAN', 'DNK', 'EGY', 'FIN'] }, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    admin = s.admin.actor;
    survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin)).id);
    const [q1, q2] = survey.questions;
    for (const [iso3, theme, topics] of rankings) {
      const ms = await ctx.db('member_states').where({ iso3 }).first();
      await submitBallot(ctx.deps, admin, survey.id, {
        answers: [
          theme === 'abstain' ? { question: q1!.id, abstain: true } : { question: q1!.id, ranking: theme.map((i) => q1!.options[i]!.id) },
          { question: q2!.id, ranking: topics.map((i) => q2!.options[i]!.id) },
        ],
      }, { channel: 'paper', memberStateId: Number(ms.id) });
    }
    staffAuth = await (await s.createStaff()).bearer();
    delegateAuth = await (await s.createDelegate('FIN')).bearer();
  });

  it('gives staff provisional results while open: turnout, abstentions, rounds and the other methods beside', async () => {
    const res = await request(app).get(`/api/v1/surveys/${survey.id}/results`).set('Authorization', staffAuth);
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ stamp: 'provisional', status: 'open', seed: survey.seed });
    expect(res.body.turnout).to.deep.equal({ eligible: 6, answered: 5 });
    const [theme, topics] = res.body.questions;
    expect(theme).to.include({ answered: 5, abstentions: 1, method: 'irv' });
    expect(theme.result.winners).to.deep.equal(['B Migration and development']);
    expect(theme.result.valid).to.equal(4);
    expect(theme.result.rounds[0].votes).to.deep.equal({ 'A Return migration': 1, 'B Migration and development': 3 });
    expect(theme.comparison.map((c: { method: string }) => c.method)).to.deep.equal(['stv', 'schulze', 'borda', 'plurality']);
    expect(theme.comparison.every((c: { agrees: boolean }) => c.agrees)).to.equal(true);
    expect(topics.result.method).to.equal('stv');
    expect(topics.result.quota).to.equal(2);
    expect(topics.result.winners).to.have.length(2);
    expect(topics.options[0]).to.include({ name: '(a) Topic 1', label: '(a)' });
  });

  it('shows delegates the results only once published, stamped official', async () => {
    expect((await request(app).get(`/api/v1/surveys/${survey.id}/results`).set('Authorization', delegateAuth)).status).to.equal(403);
    await closeSurvey(ctx.deps, admin, survey.id);
    const closed = await request(app).get(`/api/v1/surveys/${survey.id}/results`).set('Authorization', staffAuth);
    expect(closed.body.stamp).to.equal('final');
    expect((await request(app).get(`/api/v1/surveys/${survey.id}/results`).set('Authorization', delegateAuth)).status).to.equal(403);
    await publishSurvey(ctx.deps, admin, survey.id);
    const published = await request(app).get(`/api/v1/surveys/${survey.id}/results`).set('Authorization', delegateAuth);
    expect(published.status).to.equal(200);
    expect(published.body.stamp).to.equal('official');
  });
});
