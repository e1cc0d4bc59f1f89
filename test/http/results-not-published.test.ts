import { expect } from 'chai';
import type { Express } from 'express';
import type { Actor } from '../../server/domain/deps.js';
import { closeSurvey, openSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { createTestUser } from '../helpers/accounts.js';
import { signIn } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';
import { createTestSurvey } from '../helpers/surveys.js';

/** The page's main text without tags, spaces collapsed (narrow no-break spaces kept). */
const mainText = (html: string) => /<main[^>]*>([\s\S]*?)<\/main>/.exec(html)![1]!.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/[ \t\n]+/g, ' ').trim();

describe('results followed by a delegation before publication', () => {
  let ctx: TestContext;
  let app: Express;
  let admin: Actor;
  let survey: Survey;
  useSignedIn({ memberStates: ['MEX', 'CIV', 'PER'] }, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    admin = s.admin.actor;
    survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin)).id);
  });

  it('answers 403 with a page that says when results show and leads back to the ballot, in the delegate’s language', async () => {
    const expected = {
      en: ['Results not published yet', 'Results are shown to delegations once the Administration publishes them.', 'This survey is still open', 'Back to your ballot'],
      fr: ['Résultats pas encore publiés', 'Les résultats sont montrés aux délégations une fois que l’Administration les a publiés.', 'Cette enquête est encore ouverte\u202f:', 'Revenir à votre bulletin'],
      es: ['Resultados aún no publicados', 'Los resultados se muestran a las delegaciones una vez que la Administración los publica.', 'Esta encuesta sigue abierta:', 'Volver a su papeleta'],
    } as const;
    for (const [lang, iso3] of [['en', 'MEX'], ['fr', 'CIV'], ['es', 'PER']] as const) {
      const delegate = await signIn(app, (await createTestUser(ctx.deps, 'delegate', { memberState: iso3, language: lang })).email);
      const res = await delegate.get(`/surveys/${survey.id}/results`);
      expect(res.status).to.equal(403);
      const [title, when, open, back] = expected[lang];
      expect(res.text).to.contain(`<h1`).and.contain(title);
      expect(mainText(res.text)).to.contain(when).and.contain(open);
      expect(res.text).to.contain(`<a href="/surveys/${survey.id}/ballot">${back}</a>`);
      expect(res.text).to.not.contain('Topic 1');
    }
  });

  it('says the survey is closed once it is, still without the results', async () => {
    await closeSurvey(ctx.deps, admin, survey.id);
    const delegate = await signIn(app, (await createTestUser(ctx.deps, 'delegate', { memberState: 'MEX' })).email);
    const res = await delegate.get(`/surveys/${survey.id}/results`);
    expect(res.status).to.equal(403);
    expect(mainText(res.text)).to.contain('This survey is closed; the Administration has not published its results yet.');
  });

  it('keeps the API’s answer: 403 with the error body', async () => {
    const delegate = await createTestUser(ctx.deps, 'delegate', { memberState: 'MEX' });
    const { createApiToken } = await import('../../server/domain/api-tokens.js');
    const token = (await createApiToken(ctx.deps, null, delegate.id)).token;
    const res = await (await import('supertest')).default(app).get(`/api/v1/surveys/${survey.id}/results`).set('Authorization', `Bearer ${token}`);
    expect(res.status).to.equal(403);
    expect(res.body.error.code).to.be.a('string');
  });
});
