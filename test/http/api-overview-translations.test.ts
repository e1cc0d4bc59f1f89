import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';

const CALL = { deadline: '2026-12-15T17:00:00Z', maxWords: 8, sections: [{ heading: { en: 'Policy', fr: 'Politique' } }, { heading: { en: 'Practice' } }] };

describe('JSON API v1: translations of policy overviews', () => {
  let ctx: TestContext;
  let app: Express;
  let admin: string;
  let chl: string;
  let fra: string;
  let eventId: number;

  useSignedIn({ memberStates: ['CHL', 'FRA'] }, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    admin = await s.admin.bearer();
    chl = await (await s.createDelegate('CHL')).bearer();
    fra = await (await s.createDelegate('FRA')).bearer();
    const event = await request(app).post('/api/v1/events').set('Authorization', admin).send({ title: { en: 'Return migration' }, call: CALL });
    eventId = event.body.id;
  });

  const save = (token: string, body: Record<string, unknown>) => request(app).put(`/api/v1/events/${eventId}/overview`).set('Authorization', token).send(body);
  const mine = (token: string) => request(app).get(`/api/v1/events/${eventId}/overview`).set('Authorization', token);
  const SECTIONS = [{ text: 'Ley de 2008.' }, { text: 'Retorno.' }];

  it('takes the translations with the overview, gives them back with their HTML, keeps them when a save leaves them out, and publishes them', async () => {
    expect((await mine(chl)).body.translations).to.deep.equal([]);
    const first = await save(chl, {
      language: 'es', title: 'Chile', sections: SECTIONS,
      translations: [{ language: 'en', title: 'Chile', sections: [{ text: 'Law of **2008**.' }, { text: 'Return <script>alert(1)</script>.' }] }],
    });
    expect(first.status, JSON.stringify(first.body)).to.equal(200);
    expect(first.body).to.include({ revision: 1, status: 'draft' });
    const read = (await mine(chl)).body;
    expect(read.translations).to.have.length(1);
    expect(read.translations[0]).to.include({ language: 'en', title: 'Chile', words: 4 });
    expect(read.translations[0].sections).to.deep.equal([
      { text: 'Law of **2008**.', html: '<p>Law of <strong>2008</strong>.</p>' },
      { text: 'Return <script>alert(1)</script>.', html: '<p>Return .</p>' },
    ]);
    expect(read.translations[0].updatedBy).to.be.a('string');

    // Absent: unchanged (a script written before translations keeps working).
    const second = await save(chl, { baseRevision: 1, language: 'es', title: 'Chile', sections: SECTIONS });
    expect(second.body.revision).to.equal(2);
    expect((await mine(chl)).body.translations.map((t: { language: string }) => t.language)).to.deep.equal(['en']);
    // Given: the whole set is replaced.
    const third = await save(chl, {
      baseRevision: 2, language: 'es', title: 'Chile', sections: SECTIONS, submit: true,
      translations: [{ language: 'fr', sections: [{ text: 'Loi de 2008.' }, { text: 'Retour.' }] }],
    });
    expect(third.body).to.include({ revision: 3, status: 'submitted' });
    expect((await mine(chl)).body.translations.map((t: { language: string; title: string }) => [t.language, t.title])).to.deep.equal([['fr', '']]);

    const published = await request(app).post(`/api/v1/overviews/${third.body.id}/publish`).set('Authorization', admin).send({});
    expect(published.body.translations.map((t: { language: string }) => t.language)).to.deep.equal(['fr']);
    const open = await request(app).get(`/api/v1/overviews/${third.body.id}`);
    expect(open.status).to.equal(200);
    expect(open.body.translations[0]).to.deep.include({ language: 'fr', sections: [{ text: 'Loi de 2008.', html: '<p>Loi de 2008.</p>' }, { text: 'Retour.', html: '<p>Retour.</p>' }] });
    expect(open.body.translations[0]).not.to.have.property('updatedBy');
  });

  it('refuses bad translations with the field named, a stale one, and another Member State\'s, writing nothing', async () => {
    await save(chl, { language: 'es', sections: SECTIONS });
    const bad = await save(chl, {
      baseRevision: 1, language: 'es', sections: SECTIONS,
      translations: [{ language: 'es', sections: SECTIONS }, { language: 'en', sections: [{ text: 'one two three four five six seven eight nine' }, { text: '' }] }],
    });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).to.deep.equal(['translations.0.language', 'translations.1.sections']);
    expect((await save(chl, { baseRevision: 1, language: 'es', sections: SECTIONS, translations: [{ language: 'de', sections: SECTIONS }] })).body.error.fields[0].field)
      .to.equal('translations.0.language');
    expect((await save(chl, { baseRevision: 1, language: 'es', sections: SECTIONS, translations: { fr: {} } })).status).to.equal(422);

    await save(chl, { baseRevision: 1, language: 'es', sections: SECTIONS, translations: [{ language: 'fr', sections: SECTIONS }] });
    const stale = await save(chl, { baseRevision: 1, language: 'es', sections: SECTIONS, translations: [] });
    expect(stale.status).to.equal(409);
    // The overview cannot take the language of one of its translations.
    const clash = await save(chl, { baseRevision: 2, language: 'fr', sections: SECTIONS });
    expect(clash.status).to.equal(422);
    expect(clash.body.error.fields).to.deep.equal([{ field: 'language', message: clash.body.error.fields[0].message }]);
    expect(clash.body.error.fields[0].message).to.contain('remove that translation');
    // France writes its own overview: Chile's translations are not touched.
    expect((await save(fra, { language: 'fr', sections: SECTIONS, translations: [{ language: 'en', sections: SECTIONS }] })).status).to.equal(200);
    const chile = (await mine(chl)).body;
    expect(chile).to.include({ revision: 2 });
    expect(chile.translations.map((t: { language: string }) => t.language)).to.deep.equal(['fr']);
    expect(await ctx.db('overview_translations').count({ n: '*' }).first().then((r) => Number(r!.n))).to.equal(2);
  });
});
