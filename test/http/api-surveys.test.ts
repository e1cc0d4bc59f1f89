import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { verifyAuditChain } from '../../server/domain/audit.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';
import { buildSurveyInput } from '../helpers/surveys.js';

interface SurveyJson {
  id: number;
  status: string;
  seed: string | null;
  questions: { id: number; options: { id: number }[] }[];
}

describe('JSON API v1: surveys and ballots', () => {
  let ctx: TestContext;
  let app: Express;
  let admin: string;
  let delegateA: string;
  let delegateB: string;
  let observer: string;

  const ballotOf = (s: SurveyJson, baseRevision?: number) => ({
    ...(baseRevision === undefined ? {} : { baseRevision }),
    answers: [
      { question: s.questions[0]!.id, ranking: [s.questions[0]!.options[0]!.id] },
      { question: s.questions[1]!.id, abstain: true },
    ],
    comments: 'Merci.',
  });
  const openSurvey = async (): Promise<SurveyJson> => {
    const created = await request(app).post('/api/v1/surveys').set('Authorization', admin).send(buildSurveyInput());
    const opened = await request(app).post(`/api/v1/surveys/${created.body.id}/open`).set('Authorization', admin).send({});
    return opened.body;
  };

  useSignedIn({ memberStates: ['CHL'], observers: ['VAT'] }, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    admin = await s.admin.bearer();
    delegateA = await (await s.createDelegate('CHL')).bearer();
    delegateB = await (await s.createDelegate('CHL')).bearer();
    observer = await (await s.createDelegate('VAT')).bearer();
  });

  it('creates a draft with the ids of its questions and options, invisible to delegates until opened', async () => {
    const created = await request(app).post('/api/v1/surveys').set('Authorization', admin).send(buildSurveyInput());
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ status: 'draft', seed: null, reference: 'IC/2007/17' });
    expect(created.body.questions[1]).to.include({ seats: 2, method: 'stv', allowProposals: true });
    expect(created.body.questions[0].method).to.equal('irv');
    expect(created.body.questions[1].options).to.have.length(4);
    expect((await request(app).get(`/api/v1/surveys/${created.body.id}`).set('Authorization', delegateA)).status).to.equal(404);
    expect((await request(app).get('/api/v1/surveys').set('Authorization', delegateA)).body.surveys).to.deep.equal([]);
    const opened = await request(app).post(`/api/v1/surveys/${created.body.id}/open`).set('Authorization', admin).send({});
    expect(opened.status).to.equal(200);
    expect(opened.body.status).to.equal('open');
    expect(opened.body.seed).to.match(/^[0-9a-f]{32}$/);
    const list = await request(app).get('/api/v1/surveys').set('Authorization', delegateA);
    expect(list.body.surveys[0]).to.include({ id: created.body.id, ballot: null });
  });

  it('refuses a bad survey with the fields at fault and writes nothing', async () => {
    const res = await request(app).post('/api/v1/surveys').set('Authorization', admin)
      .send({ title: { fr: 'Sans anglais' }, questions: [{ title: 'Q', seats: 3, method: 'irv', options: [{ title: 'A' }, { title: 'B' }] }] });
    expect(res.status).to.equal(422);
    const fields = res.body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).to.include.members(['title.en', 'questions.0.seats']);
    expect(await ctx.db('surveys').count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 0);
    expect((await request(app).post('/api/v1/surveys').set('Authorization', delegateA).send(buildSurveyInput())).status).to.equal(403);
  });

  it('refuses to open while translations are missing unless a reason is given, and records it', async () => {
    const input = buildSurveyInput();
    (input.questions[0]!.options[0]!.title as { es?: string }).es = undefined;
    const created = await request(app).post('/api/v1/surveys').set('Authorization', admin).send(input);
    const refused = await request(app).post(`/api/v1/surveys/${created.body.id}/open`).set('Authorization', admin).send({});
    expect(refused.status).to.equal(422);
    expect(refused.body.error.message).to.equal('1 pieces of text lack their French or Spanish version.');
    const opened = await request(app).post(`/api/v1/surveys/${created.body.id}/open`).set('Authorization', admin).send({ overrideReason: 'Spanish text follows by note verbale.' });
    expect(opened.status).to.equal(200);
    const entry = await ctx.db('audit_entries').where({ action: 'survey.open' }).first();
    expect(JSON.parse(entry.details)).to.include({ overrideReason: 'Spanish text follows by note verbale.', translationsMissing: 1 });
  });

  it('takes a ballot, returns it with its revision and receipt, and refuses a stale one with 409', async () => {
    const survey = await openSurvey();
    const empty = await request(app).get(`/api/v1/surveys/${survey.id}/ballot`).set('Authorization', delegateA);
    expect(empty.body).to.deep.equal({ revision: 0, answers: [], comments: '' });
    const first = await request(app).put(`/api/v1/surveys/${survey.id}/ballot`).set('Authorization', delegateA).send(ballotOf(survey, 0));
    expect(first.status).to.equal(200);
    expect(first.body.revision).to.equal(1);
    const current = await request(app).get(`/api/v1/surveys/${survey.id}/ballot`).set('Authorization', delegateB);
    expect(current.body).to.include({ revision: 1, channel: 'api', receipt: first.body.receipt, comments: 'Merci.' });
    expect(current.body.answers[1]).to.deep.equal({ question: survey.questions[1]!.id, abstain: true });
    const stale = await request(app).put(`/api/v1/surveys/${survey.id}/ballot`).set('Authorization', delegateB).send(ballotOf(survey, 0));
    expect(stale.status).to.equal(409);
    expect(stale.body).to.deep.equal({ error: {
      code: 'conflict',
      message: `Your ballot was changed by ${current.body.submittedBy} on ${current.body.submittedAt} (version 1) after you started. Nothing was saved: review the current ballot and submit again.`,
    } });
    const replaced = await request(app).put(`/api/v1/surveys/${survey.id}/ballot`).set('Authorization', delegateB).send(ballotOf(survey));
    expect(replaced.body.revision).to.equal(2);
  });

  it('lets exactly one of simultaneous submissions from the same revision win, losing none and duplicating none', async () => {
    const survey = await openSurvey();
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) =>
      request(app).put(`/api/v1/surveys/${survey.id}/ballot`).set('Authorization', i % 2 ? delegateA : delegateB).send(ballotOf(survey, 0))));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).to.deep.equal([200, 409, 409, 409, 409, 409, 409, 409]);
    const rows = await ctx.db('ballot_revisions').select('revision', 'receipt');
    expect(rows).to.have.length(1);
    expect(rows[0].receipt).to.equal(responses.find((r) => r.status === 200)!.body.receipt);
    expect((await verifyAuditChain(ctx.deps)).ok).to.equal(true);
  });

  it('refuses observers, tampered ballots and ballots after closing, changing nothing', async () => {
    const survey = await openSurvey();
    const refused = await request(app).put(`/api/v1/surveys/${survey.id}/ballot`).set('Authorization', observer).send(ballotOf(survey));
    expect(refused.status).to.equal(403);
    expect(refused.body).to.deep.equal({ error: { code: 'forbidden', message: 'Observers do not vote.' } });
    const tampered = await request(app).put(`/api/v1/surveys/${survey.id}/ballot`).set('Authorization', delegateA)
      .send({ answers: [{ question: survey.questions[0]!.id, ranking: [123456] }, { question: survey.questions[1]!.id, abstain: true }] });
    expect(tampered.status).to.equal(422);
    expect(tampered.body.error.fields[0].message).to.equal('Rank 1 names an option that is not part of this question.');
    expect((await request(app).put(`/api/v1/surveys/${survey.id}/ballot`).set('Authorization', admin).send(ballotOf(survey))).status).to.equal(403);
    await request(app).post(`/api/v1/surveys/${survey.id}/close`).set('Authorization', admin).send({});
    const late = await request(app).put(`/api/v1/surveys/${survey.id}/ballot`).set('Authorization', delegateA).send(ballotOf(survey));
    expect(late.status).to.equal(409);
    expect(late.body).to.deep.equal({ error: { code: 'conflict', message: 'This survey is closed: no more ballots are taken.' } });
    expect(await ctx.db('ballot_revisions').count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 0);
  });

  it('walks the lifecycle and refuses a transition that does not exist', async () => {
    const survey = await openSurvey();
    const early = await request(app).post(`/api/v1/surveys/${survey.id}/publish`).set('Authorization', admin).send({});
    expect(early.status).to.equal(409);
    expect(early.body).to.deep.equal({ error: { code: 'conflict', message: 'A survey that is open cannot become published.' } });
    expect((await request(app).post(`/api/v1/surveys/${survey.id}/close`).set('Authorization', admin).send({})).body.status).to.equal('closed');
    expect((await request(app).post(`/api/v1/surveys/${survey.id}/reopen`).set('Authorization', admin).send({ closesAt: '2026-12-01T10:00:00Z' })).body).to.include({ status: 'open', closesAt: '2026-12-01T10:00:00.000Z' });
    ctx.clock.set('2026-12-01T10:00:00Z');
    expect((await request(app).get(`/api/v1/surveys/${survey.id}`).set('Authorization', delegateA)).body.status).to.equal('closed');
    expect((await request(app).post(`/api/v1/surveys/${survey.id}/publish`).set('Authorization', admin).send({})).body.status).to.equal('published');
    const actions = (await ctx.db('audit_entries').orderBy('seq').pluck('action')).filter((a: string) => a.startsWith('survey.'));
    expect(actions).to.deep.equal(['survey.create', 'survey.open', 'survey.close', 'survey.reopen', 'survey.publish']);
  });
});
