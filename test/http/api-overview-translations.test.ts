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

  it('finds a published overview by the words of its translations, each version stemmed in its own language, one hit per overview', async () => {
    const saved = await save(chl, {
      language: 'es', title: 'Retorno asistido', sections: [{ text: 'Las migraciones de retorno.' }, { text: 'Programas.' }], submit: true,
      translations: [
        { language: 'fr', title: 'Retour assisté', sections: [{ text: 'Les retours volontaires.' }, { text: 'Programmes.' }] },
        { language: 'en', title: 'Assisted return', sections: [{ text: 'Voluntary returns of migrants.' }, { text: 'Programmes.' }] },
      ],
    });
    const other = await save(fra, { language: 'fr', title: 'Politique française', sections: [{ text: 'Les programmes de retour.' }, { text: 'Réinsertion.' }], submit: true });
    for (const id of [saved.body.id, other.body.id]) {
      expect((await request(app).post(`/api/v1/overviews/${id}/publish`).set('Authorization', admin).send({})).status).to.equal(200);
    }
    type Hit = { id: number; language: string; originalLanguage: string; title: string; url: string; snippet: string };
    const search = async (query: Record<string, string>) => ((await request(app).get('/api/v1/overviews').query(query)).body.results as Hit[]);
    const chile = saved.body.id as number;

    // A French word: Chile's French translation, stemmed as French ("retours" finds "retour"), and France's original.
    const french = await search({ q: 'retours', lang: 'fr' });
    expect(french.map((h) => [h.id, h.language]).sort()).to.deep.equal([[chile, 'fr'], [other.body.id, 'fr']].sort());
    expect(french.find((h) => h.id === chile)).to.include({ originalLanguage: 'es', title: 'Retour assisté', url: `/overviews/${chile}/fr` });
    // An English word only in the English translation; a Spanish word, without its accent, only in the original.
    expect((await search({ q: 'voluntary migrant' })).map((h) => [h.id, h.language])).to.deep.equal([[chile, 'en']]);
    expect((await search({ q: 'migracion' })).map((h) => [h.id, h.language, h.url])).to.deep.equal([[chile, 'es', `/overviews/${chile}`]]);
    // Found in all three versions: one hit, by date its original.
    const everywhere = await search({ q: 'program', sort: 'date' });
    expect(everywhere.filter((h) => h.id === chile)).to.have.length(1);
    expect(everywhere.find((h) => h.id === chile)).to.include({ language: 'es', title: 'Retorno asistido' });
    expect((await search({ q: 'program' })).filter((h) => h.id === chile)).to.have.length(1);
    // Without a query, the language filter lists the overviews readable in it, translations included.
    expect((await search({ lang: 'en' })).map((h) => [h.id, h.language, h.title])).to.deep.equal([[chile, 'en', 'Assisted return']]);
    expect((await search({ lang: 'es' })).map((h) => h.id)).to.deep.equal([chile]);
    expect((await search({ lang: 'fr' })).map((h) => h.id).sort()).to.deep.equal([chile, other.body.id].sort());

    const csv = await request(app).get('/api/v1/overviews.csv').query({ q: 'voluntary' });
    expect(csv.text).to.contain(`,en,es,Assisted return,`).and.contain(`/overviews/${chile}/en`);
    const page = await request(app).get('/overviews').query({ q: 'voluntary' });
    expect(page.text).to.contain(`href="/overviews/${chile}/en"`).and.contain('English, a translation of the Spanish original');

    // Withdrawn: no version is found any more.
    await request(app).post(`/api/v1/overviews/${chile}/withdraw`).set('Authorization', admin).send({ reason: 'Outdated.' });
    expect(await search({ q: 'voluntary' })).to.deep.equal([]);
    expect(await search({ lang: 'en' })).to.deep.equal([]);
  });
});
