// Input that attacks found refused badly: numbers beyond what PostgreSQL's integer columns hold,
// bodies their parsers refuse, malformed multipart, and JSON values of the wrong type. Each gets the
// right status and the normal error page (or API.md's error body), on SQLite and PostgreSQL alike.
import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../server/app.js';
import type { Config } from '../../server/config.js';
import { openSurvey } from '../../server/domain/surveys/lifecycle.js';
import { csrfFrom, type Agent } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn, type SignedIn } from '../helpers/signed-in.js';
import { buildSurveyInput, createTestSurvey } from '../helpers/surveys.js';
import { withLoggedErrors } from '../helpers/errors.js';

const TOO_BIG = '2147483648';
const count = async (ctx: TestContext, table: string) => Number((await ctx.db(table).count({ n: '*' }).first())!.n);

/** What a client must never see: a stack, server paths, template source, the body parser's own words. */
function expectNoLeak(html: string): void {
  expect(html).not.to.match(/at [\w.<>]+ \(|node_modules|\/server\/|\.ejs|csrfToken is not|<pre>/);
}

/** A multipart body written by hand, so that it can be malformed. */
function multipart(boundary: string, parts: string): Buffer {
  return Buffer.from(parts.replace(/\n/g, '\r\n').replaceAll('BOUNDARY', boundary), 'utf8');
}

describe('request refusals', () => {
  let s: SignedIn;
  let ctx: TestContext;
  let app: Express;
  let adminToken: string;
  let delegateToken: string;
  let adminAgent: Agent;
  let surveyId: number;
  let questionIds: number[];
  let optionIds: number[][];

  useSignedIn({ memberStates: ['CHL'] }, async (signedIn) => {
    s = signedIn;
    ({ ctx } = s);
    app = await s.app();
    adminToken = await s.admin.bearer();
    delegateToken = await (await s.createDelegate('CHL')).bearer();
    adminAgent = await s.admin.agent();
    const survey = await openSurvey(ctx.deps, s.admin.actor, (await createTestSurvey(ctx.deps, s.admin.actor)).id);
    surveyId = survey.id;
    questionIds = survey.questions.map((q) => q.id);
    optionIds = survey.questions.map((q) => q.options.map((o) => o.id));
  });

  describe('ids and numbers of 2³¹ and more', () => {
    it('answers 404 for a route id beyond the integer range, on the API and the pages', async () => {
      for (const path of [`/api/v1/surveys/${TOO_BIG}`, '/api/v1/surveys/9999999999', `/api/v1/surveys/${TOO_BIG}/results`, `/api/v1/surveys/${TOO_BIG}/ballot`]) {
        const token = path.endsWith('/ballot') ? delegateToken : adminToken;
        const res = await request(app).get(path).set('Authorization', token);
        expect(res.status, path).to.equal(404);
        expect(res.body.error.code, path).to.equal('not_found');
      }
      for (const path of [`/admin/users/${TOO_BIG}`, `/admin/member-states/${TOO_BIG}`, `/admin/surveys/${TOO_BIG}`, `/surveys/${TOO_BIG}/results`]) {
        const res = await adminAgent.get(path);
        expect(res.status, path).to.equal(404);
        expect(res.text, path).to.contain('Page not found');
      }
      expect((await adminAgent.get('/admin/users/2147483647')).status).to.equal(404);
    });

    it('refuses a baseRevision or a quorum beyond the integer range with 422 naming the field, and writes nothing', async () => {
      const ballot = { baseRevision: Number(TOO_BIG), answers: [{ question: questionIds[0], ranking: [optionIds[0]![0]] }, { question: questionIds[1], abstain: true }] };
      const put = await request(app).put(`/api/v1/surveys/${surveyId}/ballot`).set('Authorization', delegateToken).send(ballot);
      expect(put.status).to.equal(422);
      expect(put.body.error.fields.map((f: { field: string }) => f.field)).to.deep.equal(['baseRevision']);
      expect(await count(ctx, 'ballot_revisions')).to.equal(0);

      const created = await request(app).post('/api/v1/surveys').set('Authorization', adminToken).send(buildSurveyInput({ quorum: 1_000_000_000_000 }));
      expect(created.status).to.equal(422);
      expect(created.body.error.fields.map((f: { field: string }) => f.field)).to.deep.equal(['quorum']);
      expect(await count(ctx, 'surveys')).to.equal(1);
    });

    it('refuses option and question ids beyond the range inside a ballot with 422', async () => {
      const put = await request(app).put(`/api/v1/surveys/${surveyId}/ballot`).set('Authorization', delegateToken)
        .send({ answers: [{ question: Number(TOO_BIG), ranking: [Number(TOO_BIG)] }] });
      expect(put.status).to.equal(422);
      expect(put.body.error.fields.map((f: { field: string }) => f.field)).to.deep.equal(['answers.0.question', 'answers.0.ranking.0']);
    });

    it('refuses a quorum beyond the range typed in the survey form with the field explained', async () => {
      const page = await adminAgent.get('/admin/surveys/new');
      const res = await adminAgent.post('/admin/surveys').type('form').send({
        _csrf: csrfFrom(page.text), title_en: 'T', quorum: '99999999999', q0_title_en: 'Q', q0_seats: '1', q0_o0_title_en: 'A', q0_o1_title_en: 'B',
      });
      expect(res.status).to.equal(422);
      expect(res.text).to.contain('id="quorum-error"');
      expect(await count(ctx, 'surveys')).to.equal(1);
    });

    it('refuses a paper ballot for a Member State id beyond the range as an unknown Member State', async () => {
      const url = `/admin/surveys/${surveyId}/paper-ballots`;
      expect((await adminAgent.get(`${url}?memberState=${TOO_BIG}`)).status).to.equal(200);
      const page = await adminAgent.get(url);
      const res = await adminAgent.post(url).type('form').send({
        _csrf: csrfFrom(page.text), memberState: TOO_BIG, channel: 'paper', baseRevision: '', [`rank_${questionIds[0]}_${optionIds[0]![0]}`]: '1', [`abstain_${questionIds[1]}`]: '1',
      });
      expect(res.status).to.equal(422);
      expect(await count(ctx, 'ballot_revisions')).to.equal(0);
    });
  });

  describe('bodies their parsers refuse', () => {
    it('answers a form over 200 kB with 413 and the translated error page, header and all, to a signed-out visitor', async () => {
      const res = await request(app).post('/sign-in').set('Accept-Language', 'fr').type('form').send(`email=${'a'.repeat(210 * 1024)}`);
      expect(res.status).to.equal(413);
      expect(res.text).to.contain('<html lang="fr">').and.contain('Trop de données envoyées à la fois').and.contain('name="_csrf"');
      expectNoLeak(res.text);
    });

    it('answers a form of 1,200 fields with 413', async () => {
      const body = Array.from({ length: 1200 }, (_, i) => `f${i}=x`).join('&');
      const res = await request(app).post('/sign-in').type('form').send(body);
      expect(res.status).to.equal(413);
      expect(res.text).to.contain('Too much sent at once');
      expectNoLeak(res.text);
    });

    it('answers a form in UTF-16 with 415 and the page in Spanish', async () => {
      const res = await request(app).post('/sign-in').set('Accept-Language', 'es').set('Content-Type', 'application/x-www-form-urlencoded; charset=utf-16')
        .send(Buffer.from('email=a', 'utf16le'));
      expect(res.status).to.equal(415);
      expect(res.text).to.contain('Este contenido no se puede leer');
      expectNoLeak(res.text);
    });

    it('answers an upload over 5 MB with 413 and writes nothing', async () => {
      const page = await adminAgent.get('/admin/member-states/import');
      const res = await adminAgent.post('/admin/member-states/import').field('_csrf', csrfFrom(page.text))
        .attach('file', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'), { filename: 'm.csv', contentType: 'text/csv' });
      expect(res.status).to.equal(413);
      expect(res.text).to.contain('Too much sent at once').and.contain('Sign out');
      expectNoLeak(res.text);
      expect(await count(ctx, 'member_states')).to.equal(1);
    });

    it('answers a malformed multipart body with 400 and the error page, signed out, on any POST URL', async () => {
      const broken = multipart('XyZ', '--BOUNDARY\nContent-Disposition: form-data; name="a"\nno colon here\n\nvalue\n--BOUNDARY--\n');
      for (const path of ['/sign-in', '/admin/member-states/import', '/no/such/page']) {
        const res = await request(app).post(path).set('Content-Type', 'multipart/form-data; boundary=XyZ').send(broken);
        expect(res.status, path).to.equal(400);
        expect(res.text, path).to.contain('The uploaded form is malformed');
        expectNoLeak(res.text);
      }
      const unterminated = await request(app).post('/sign-in').set('Content-Type', 'multipart/form-data; boundary=XyZ')
        .send(multipart('XyZ', '--BOUNDARY\nContent-Disposition: form-data; name="a"\n\nvalue'));
      expect(unterminated.status).to.equal(400);
      const noBoundary = await request(app).post('/sign-in').set('Content-Type', 'multipart/form-data').send('x');
      expect(noBoundary.status).to.equal(400);
    });

    it('answers the API’s refused bodies with API.md’s error body', async () => {
      const big = await request(app).post('/api/v1/surveys').set('Authorization', adminToken).set('Content-Type', 'application/json')
        .send(`{"title":"${'a'.repeat(1024 * 1024)}"}`);
      expect(big.status).to.equal(413);
      expect(big.body.error.code).to.equal('invalid');
      const malformed = await request(app).post('/api/v1/surveys').set('Authorization', adminToken).set('Content-Type', 'application/json').send('{"title":');
      expect(malformed.status).to.equal(400);
      expect(malformed.body.error.code).to.equal('invalid');
      const utf16 = await request(app).post('/api/v1/surveys').set('Authorization', adminToken).set('Content-Type', 'application/json; charset=iso-8859-1').send('{}');
      expect(utf16.status).to.equal(415);
    });
  });

  describe('unexpected errors', () => {
    async function appWith(config: Partial<Config>): Promise<Express> {
      return createApp({ ...ctx.deps, config: { ...ctx.config, ...config } });
    }

    it('never shows the stack, in development as in production, unless asked for', async () => {
      for (const config of [{ env: 'development' as const, showErrorDetails: false }, { env: 'production' as const, showErrorDetails: false }]) {
        const broken = await appWith(config);
        await ctx.db.raw(ctx.config.database.client === 'pg' ? 'alter table account_links rename to account_links_gone' : 'alter table account_links rename to account_links_gone');
        try {
          const { result: res, logged } = await withLoggedErrors(() => request(broken).get('/invitations/some-token'));
          expect(res.status, config.env).to.equal(500);
          // The operator finds the error in the log by the reference the page gives.
          const reference = /\[([0-9a-f-]{36})\]/.exec(logged.join('\n'))?.[1];
          expect(reference, 'logged with its reference').to.be.a('string');
          expect(res.text).to.contain(reference!);
          expect(res.text).to.contain('Something went wrong').and.contain('name="_csrf"');
          expect(res.text).not.to.contain('class="stack"');
          expectNoLeak(res.text);
        } finally {
          await ctx.db.raw('alter table account_links_gone rename to account_links');
        }
      }
      const detailed = await appWith({ env: 'development', showErrorDetails: true });
      await ctx.db.raw('alter table account_links rename to account_links_gone');
      try {
        const { result: res } = await withLoggedErrors(() => request(detailed).get('/invitations/some-token'));
        expect(res.status).to.equal(500);
        expect(res.text).to.contain('class="stack"');
      } finally {
        await ctx.db.raw('alter table account_links_gone rename to account_links');
      }
    });
  });

  describe('JSON values of the wrong type', () => {
    const fieldsOf = (res: request.Response) => (res.body.error?.fields ?? []).map((f: { field: string }) => f.field) as string[];
    const put = (body: unknown) => request(app).put(`/api/v1/surveys/${surveyId}/ballot`).set('Authorization', delegateToken).send(body as object);
    const answers = () => [{ question: questionIds[0], ranking: [optionIds[0]![0]] }, { question: questionIds[1], abstain: true }];

    it('refuses rankings, questions and revisions that are not plain numbers, and stores nothing', async () => {
      const cases: [string, unknown][] = [
        ['answers.0.ranking.0', { answers: [{ question: questionIds[0], ranking: [[optionIds[0]![0]]] }, answers()[1]] }],
        ['answers.0.ranking.0', { answers: [{ question: questionIds[0], ranking: [String(optionIds[0]![0])] }, answers()[1]] }],
        ['answers.0.question', { answers: [{ question: [questionIds[0]], ranking: [optionIds[0]![0]] }, answers()[1]] }],
        ['answers.0.question', { answers: [{ question: `0x${questionIds[0]!.toString(16)}`, ranking: [optionIds[0]![0]] }, answers()[1]] }],
        ['answers.1.abstain', { answers: [answers()[0], { question: questionIds[1], abstain: 'true' }] }],
        ['answers.1', { answers: [answers()[0], { question: questionIds[1], abstain: true, ranking: [optionIds[1]![0]] }] }],
        ['baseRevision', { baseRevision: null, answers: answers() }],
        ['baseRevision', { baseRevision: [], answers: answers() }],
        ['baseRevision', { baseRevision: true, answers: answers() }],
        ['baseRevision', { baseRevision: '0', answers: answers() }],
        ['comments', { comments: 12, answers: answers() }],
      ];
      for (const [field, body] of cases) {
        const res = await put(body);
        expect(res.status, JSON.stringify(body)).to.equal(422);
        expect(res.body.error.code).to.equal('invalid');
        expect(fieldsOf(res)[0], JSON.stringify(body)).to.equal(field);
      }
      expect(await count(ctx, 'ballot_revisions')).to.equal(0);
      expect((await put({ baseRevision: 0, answers: answers() })).status).to.equal(200);
    });

    it('refuses survey numbers and flags given as text, and Member State names that are not text', async () => {
      const cases: [string, Record<string, unknown>][] = [
        ['quorum', { quorum: '3' }],
        ['questions.0.seats', { questions: [{ ...buildSurveyInput().questions[0], seats: '1' }] }],
        ['questions.0.allowAbstain', { questions: [{ ...buildSurveyInput().questions[0], allowAbstain: 'false' }] }],
        ['questions.0.options.0.id', { questions: [{ ...buildSurveyInput().questions[0], options: [{ id: '1', title: 'A' }, { title: 'B' }] }] }],
      ];
      for (const [field, override] of cases) {
        const res = await request(app).post('/api/v1/surveys').set('Authorization', adminToken).send(buildSurveyInput(override));
        expect(res.status, field).to.equal(422);
        expect(fieldsOf(res), field).to.include(field);
      }
      const ms = await request(app).post('/api/v1/member-states').set('Authorization', adminToken).send({ iso3: 'ARG', names: { en: 1, fr: 'Argentine', es: 'Argentina' }, status: 'member' });
      expect(ms.status).to.equal(422);
      expect(fieldsOf(ms)).to.deep.equal(['names.en']);
      expect(await count(ctx, 'surveys')).to.equal(1);
    });
  });
});
