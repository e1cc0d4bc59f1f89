import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import { verifyAuditChain } from '../../server/domain/audit.js';
import { searchPublishedOverviews } from '../../server/data/overviews.js';
import { catalogueCsv } from '../../server/domain/overviews/catalogue-csv.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';
import { buildSurveyInput } from '../helpers/surveys.js';

const CALL = {
  deadline: '2026-12-15T17:00:00Z',
  maxWords: 60,
  sections: [
    { heading: { en: 'Policy framework', fr: 'Cadre politique', es: 'Marco normativo' }, guidance: { en: 'Laws and institutions.' } },
    { heading: { en: 'Practice', fr: 'Pratique', es: 'Práctica' } },
  ],
};

describe('JSON API v1: events and policy overviews', () => {
  let ctx: TestContext;
  let app: Express;
  let admin: string;
  let chl: string;
  let chl2: string;
  let fra: string;
  let observer: string;
  let staff: string;

  const createEvent = async (call: Record<string, unknown> = CALL) => {
    const res = await request(app).post('/api/v1/events').set('Authorization', admin).send({
      title: { en: 'Return migration', fr: 'Migration de retour', es: 'Migración de retorno' },
      reference: 'IC/2008/1', startsOn: '2008-03-25', endsOn: '2008-03-26', place: 'Geneva', call,
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    return res.body as { id: number };
  };
  const save = (token: string, eventId: number, body: Record<string, unknown>) =>
    request(app).put(`/api/v1/events/${eventId}/overview`).set('Authorization', token).send(body);
  const publishNew = async (token: string, language: string, title: string, texts: [string, string]) => {
    const event = await createEvent();
    const saved = await save(token, event.id, { language, title, sections: texts.map((text) => ({ text })), submit: true });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    const published = await request(app).post(`/api/v1/overviews/${saved.body.id}/publish`).set('Authorization', admin).send({});
    expect(published.status, JSON.stringify(published.body)).to.equal(200);
    return saved.body.id as number;
  };

  useSignedIn({ memberStates: ['CHL', 'FRA', 'MEX'], observers: ['VAT'] }, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    admin = await s.admin.bearer();
    chl = await (await s.createDelegate('CHL')).bearer();
    chl2 = await (await s.createDelegate('CHL')).bearer();
    fra = await (await s.createDelegate('FRA')).bearer();
    observer = await (await s.createDelegate('VAT')).bearer();
    staff = await (await s.createStaff()).bearer();
  });

  it('creates an event with its call, shown to anyone signed in; only an administrator creates one', async () => {
    const event = await createEvent();
    const shown = await request(app).get(`/api/v1/events/${event.id}`).set('Authorization', fra);
    expect(shown.status).to.equal(200);
    expect(shown.body).to.include({ reference: 'IC/2008/1', startsOn: '2008-03-25', place: 'Geneva' });
    expect(shown.body.title).to.deep.equal({ en: 'Return migration', fr: 'Migration de retour', es: 'Migración de retorno' });
    expect(shown.body.call).to.include({ deadline: '2026-12-15T17:00:00.000Z', maxWords: 60, invited: null });
    expect(shown.body.call.sections[0].heading.fr).to.equal('Cadre politique');
    expect(shown.body.call.sections[1].heading.es).to.equal('Práctica');
    expect((await request(app).get('/api/v1/events').set('Authorization', staff)).body.events.map((e: { id: number }) => e.id)).to.include(event.id);
    expect((await request(app).post('/api/v1/events').set('Authorization', fra).send({ title: { en: 'X' } })).status).to.equal(403);
    expect((await request(app).get('/api/v1/events')).status).to.equal(401);
  });

  it('refuses a bad event with field errors and writes nothing', async () => {
    const before = (await request(app).get('/api/v1/events').set('Authorization', admin)).body.events.length;
    const bad = await request(app).post('/api/v1/events').set('Authorization', admin).send({
      title: { en: '' }, startsOn: '2008-02-30', call: { deadline: 'soon', sections: [] },
    });
    expect(bad.status).to.equal(422);
    const fields = bad.body.error.fields.map((f: { field: string }) => f.field);
    expect(fields).to.include.members(['title.en', 'startsOn', 'call.deadline', 'call.sections']);
    expect((await request(app).get('/api/v1/events').set('Authorization', admin)).body.events.length).to.equal(before);
  });

  it('changes an event and its call with PUT, keeping the sections of overviews already written', async () => {
    const event = await createEvent();
    const put = (token: string, body: Record<string, unknown>) => request(app).put(`/api/v1/events/${event.id}`).set('Authorization', token).send(body);
    const changed = await put(admin, { title: { en: 'Return and reintegration' }, place: 'Geneva', call: { ...CALL, deadline: '2027-01-15T17:00:00Z', invited: ['FRA', 'CHL'] } });
    expect(changed.status, JSON.stringify(changed.body)).to.equal(200);
    expect(changed.body).to.include({ id: event.id, reference: '', place: 'Geneva', survey: null });
    expect(changed.body.title).to.deep.equal({ en: 'Return and reintegration', fr: '', es: '' });
    expect(changed.body.call).to.include({ deadline: '2027-01-15T17:00:00.000Z' });
    expect(changed.body.call.invited).to.deep.equal(['FRA', 'CHL']);
    const suggested = { ...CALL, sections: CALL.sections.map((section, i) => ({ ...section, suggestedWords: 20 + i })) };
    const withLengths = await put(admin, { title: { en: 'Return and reintegration' }, place: 'Geneva', call: suggested });
    expect(withLengths.body.call.sections.map((x: { suggestedWords: number | null }) => x.suggestedWords)).to.deep.equal([20, 21]);
    const over = await put(admin, { title: { en: 'X' }, call: { ...suggested, maxWords: 40 } });
    expect(over.status).to.equal(422);
    expect(over.body.error.fields).to.deep.include({ field: 'call.sections', message: 'The sections’ suggested lengths add up to 41 words, more than the limit of 40.' });
    expect((await put(fra, { title: { en: 'X' } })).status).to.equal(403);
    expect((await request(app).put('/api/v1/events/999999').set('Authorization', admin).send({ title: { en: 'X' } })).status).to.equal(404);

    expect((await save(chl, event.id, { language: 'en', title: 'Chile', sections: [{ text: 'a' }, { text: 'b' }] })).status).to.equal(200);
    const oneSection = await put(admin, { title: { en: 'X' }, call: { ...CALL, sections: CALL.sections.slice(0, 1), invited: ['FRA', 'CHL'] } });
    expect(oneSection.status).to.equal(422);
    expect(oneSection.body.error.fields.map((f: { field: string }) => f.field)).to.deep.equal(['call.sections']);
    const withoutChile = await put(admin, { title: { en: 'X' }, call: { ...CALL, invited: ['FRA'] } });
    expect(withoutChile.status).to.equal(422);
    expect((await request(app).get(`/api/v1/events/${event.id}`).set('Authorization', admin)).body.title.en).to.equal('Return and reintegration');
  });

  it('goes from call to draft, submission, return, resubmission, publication and the public catalogue, audited', async () => {
    const event = await createEvent();
    expect((await request(app).get(`/api/v1/events/${event.id}/overview`).set('Authorization', chl)).body).to.include({ id: null, revision: 0 });
    const draft = await save(chl, event.id, { language: 'es', title: 'Chile: retorno', sections: [{ text: 'Ley de **migración** 2008.' }, { text: '' }] });
    expect(draft.status, JSON.stringify(draft.body)).to.equal(200);
    expect(draft.body).to.include({ revision: 1, status: 'draft' });
    // Not public, not another Member State's.
    expect((await request(app).get(`/api/v1/overviews/${draft.body.id}`)).status).to.equal(404);
    expect((await request(app).get(`/api/v1/overviews/${draft.body.id}`).set('Authorization', fra)).status).to.equal(404);
    expect((await request(app).get(`/api/v1/events/${event.id}/overview`).set('Authorization', chl2)).body).to.include({ id: draft.body.id, status: 'draft', revision: 1 });

    const submitted = await save(chl2, event.id, { baseRevision: 1, language: 'es', title: 'Chile: retorno', sections: [{ text: 'Ley de **migración** 2008.' }, { text: 'Programas de retorno.' }], submit: true });
    expect(submitted.body).to.include({ revision: 2, status: 'submitted' });
    const stale = await save(chl, event.id, { baseRevision: 1, language: 'es', sections: [{ text: 'x' }, { text: 'y' }] });
    expect(stale.status).to.equal(409);
    expect(stale.body.error.message).to.contain('(version 2)');

    expect((await request(app).post(`/api/v1/overviews/${draft.body.id}/return`).set('Authorization', admin).send({})).status).to.equal(422);
    expect((await request(app).post(`/api/v1/overviews/${draft.body.id}/publish`).set('Authorization', staff).send({})).status).to.equal(403);
    const returned = await request(app).post(`/api/v1/overviews/${draft.body.id}/return`).set('Authorization', admin).send({ comment: 'Please describe the programmes.' });
    expect(returned.status).to.equal(200);
    expect(returned.body).to.include({ status: 'returned', revision: 3, comment: 'Please describe the programmes.' });
    const mine = await request(app).get(`/api/v1/events/${event.id}/overview`).set('Authorization', chl);
    expect(mine.body).to.include({ status: 'returned', comment: 'Please describe the programmes.' });

    const resubmitted = await save(chl, event.id, { baseRevision: 3, language: 'es', title: 'Chile: políticas de retorno', sections: [{ text: 'Ley de **migración** 2008.' }, { text: 'Programas de retorno voluntario para migrantes.' }], submit: true });
    expect(resubmitted.body).to.include({ revision: 4, status: 'submitted' });
    const published = await request(app).post(`/api/v1/overviews/${draft.body.id}/publish`).set('Authorization', admin).send({ comment: 'Thank you.' });
    expect(published.body).to.include({ status: 'published', revision: 5 });
    expect(published.body.publishedAt).to.be.a('string');

    const found = await request(app).get('/api/v1/overviews').query({ q: 'migracion retornos' });
    expect(found.status).to.equal(200);
    expect(found.body.results).to.have.length(1);
    expect(found.body.results[0]).to.include({ id: draft.body.id, event: event.id, memberState: 'CHL', language: 'es', title: 'Chile: políticas de retorno' });
    expect(found.body.results[0].snippet).to.be.a('string').and.not.contain('\uE000');
    const page = await request(app).get(`/api/v1/overviews/${draft.body.id}`);
    expect(page.status).to.equal(200);
    expect(page.body.sections[0].html).to.equal('<p>Ley de <strong>migración</strong> 2008.</p>');
    expect(page.body).not.to.have.property('updatedBy');
    expect((await save(chl, event.id, { language: 'es', sections: [{ text: 'a' }, { text: 'b' }] })).status).to.equal(409);

    const withdrawn = await request(app).post(`/api/v1/overviews/${draft.body.id}/withdraw`).set('Authorization', admin).send({ reason: 'Superseded.' });
    expect(withdrawn.body).to.include({ status: 'withdrawn' });
    expect((await request(app).get('/api/v1/overviews').query({ q: 'migracion' })).body.results).to.deep.equal([]);
    // The same search as before the withdrawal: not answered from memory.
    expect((await request(app).get('/api/v1/overviews').query({ q: 'migracion retornos' })).body.results).to.deep.equal([]);
    expect((await request(app).get(`/api/v1/overviews/${draft.body.id}`)).status).to.equal(404);

    const entries = await ctx.db('audit_entries').where({ subject_type: 'overview', subject_id: String(draft.body.id) }).orderBy('seq').pluck('action');
    expect(entries).to.deep.equal(['overview.save', 'overview.submit', 'overview.return', 'overview.submit', 'overview.publish', 'overview.withdraw']);
    expect((await verifyAuditChain(ctx.deps)).ok).to.equal(true);
    expect(await ctx.db('overview_revisions').where({ overview_id: draft.body.id }).count({ n: '*' }).first().then((r) => Number(r?.n))).to.equal(6);
  });

  it('lets observers write, refuses other roles, uninvited States, an over-long text and a closed call, writing nothing', async () => {
    const event = await createEvent();
    expect((await save(observer, event.id, { language: 'fr', sections: [{ text: 'Le Saint-Siège.' }, { text: '' }] })).status).to.equal(200);
    expect((await save(admin, event.id, { language: 'fr', sections: [{ text: 'a' }, { text: '' }] })).status).to.equal(403);
    const tooLong = await save(fra, event.id, { language: 'fr', sections: [{ text: 'mot '.repeat(61) }, { text: '' }] });
    expect(tooLong.status).to.equal(422);
    expect(tooLong.body.error.fields[0]).to.include({ field: 'sections' });
    expect((await save(fra, event.id, { language: 'fr', sections: [{ text: 'a' }] })).status).to.equal(422);
    expect((await save(fra, event.id, { language: 'de', sections: [{ text: 'a' }, { text: '' }] })).status).to.equal(422);
    expect((await save(fra, event.id, { language: 'fr', sections: [{ text: 'a' }, { text: '' }], submit: false })).status).to.equal(422);
    expect((await save(fra, event.id, { language: 'fr', sections: [{ text: 5 }, { text: '' }] })).status).to.equal(422);
    expect((await save(fra, event.id, { language: 'fr', baseRevision: '0', sections: [{ text: 'a' }, { text: '' }] })).status).to.equal(422);

    const invitedOnly = await createEvent({ ...CALL, invited: ['CHL'] });
    expect((await request(app).get(`/api/v1/events/${invitedOnly.id}`).set('Authorization', staff)).body.call.invited).to.deep.equal(['CHL']);
    const refused = await save(fra, invitedOnly.id, { language: 'fr', sections: [{ text: 'a' }, { text: '' }] });
    expect(refused.status).to.equal(403);

    ctx.clock.set('2026-12-16T00:00:00Z');
    const late = await save(fra, event.id, { language: 'fr', sections: [{ text: 'a' }, { text: '' }] });
    expect(late.status).to.equal(409);
    expect((await request(app).get(`/api/v1/events/${event.id}/overview`).set('Authorization', fra)).body.id).to.equal(null);
    expect(await ctx.db('overviews').where({ event_id: event.id }).count({ n: '*' }).first().then((r) => Number(r?.n))).to.equal(1);
  });

  it('finds published overviews by stems and folded accents in each language, with filters, the same on both engines', async () => {
    const en = await publishNew(chl, 'en', 'Managing return of migrants', ['Our government supports the voluntary return of migrants.', 'Reintegration grants.']);
    const fr = await publishNew(fra, 'fr', 'Les retours volontaires', ['La politique française de retour et de réintégration.', 'Accords de réadmission.']);
    const es = await publishNew(observer, 'es', 'Política de migración', ['La migración circular y el retorno.', 'Programas de integración.']);
    const ids = async (query: Record<string, string>) => {
      const res = await request(app).get('/api/v1/overviews').query(query);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return (res.body.results as { id: number }[]).map((r) => r.id).sort((a, b) => a - b);
    };
    expect(await ids({ q: 'circular' })).to.deep.equal([es]);
    const later = await publishNew(chl, 'en', 'Circular migration schemes', ['Circular labour schemes.', 'Seasonal work.']);
    expect(await ids({ q: 'circular' })).to.deep.equal([es, later].sort((a, b) => a - b));
    expect(await ids({ q: 'migrant' })).to.deep.equal([en]);
    expect(await ids({ q: 'migrants' })).to.deep.equal([en]);
    expect(await ids({ q: 'retour' })).to.deep.equal([fr]);
    expect(await ids({ q: 'retours' })).to.deep.equal([fr]);
    expect(await ids({ q: 'reintegration' })).to.deep.equal([en, fr]);
    expect(await ids({ q: 'réintégration' })).to.deep.equal([en, fr]);
    expect(await ids({ q: 'migracion' })).to.deep.equal([es]);
    expect(await ids({ q: 'MIGRACIÓN circular' })).to.deep.equal([es]);
    expect(await ids({ q: 'readmission' })).to.deep.equal([fr]);
    expect(await ids({ q: 'nothing-like-this' })).to.deep.equal([]);
    expect(await ids({ q: '', lang: 'fr' })).to.deep.equal([fr]);
    expect(await ids({ q: '', memberState: 'vat' })).to.deep.equal([es]);
    expect(await ids({ q: '', year: '2008' })).to.deep.equal([en, fr, es, later].sort((a, b) => a - b));
    expect(await ids({ q: '', year: '2009' })).to.deep.equal([]);
    expect(await ids({ q: '"); DROP TABLE overviews; --' })).to.deep.equal([]);
    expect(await ids({ q: 'return*' })).to.deep.equal([en]);
    expect((await request(app).get('/api/v1/overviews').query({ lang: 'de' })).status).to.equal(422);
    expect((await request(app).get('/api/v1/overviews').query({ event: 'abc' })).status).to.equal(422);
  });

  it('filters the catalogue by topic, the survey option an event treats; an event without one has no topic', async () => {
    const created = await request(app).post('/api/v1/surveys').set('Authorization', admin).send(buildSurveyInput());
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const [first, second] = created.body.questions[1].options as { id: number }[];
    const publishOn = async (option: number | undefined, token: string, title: string) => {
      const event = await request(app).post('/api/v1/events').set('Authorization', admin)
        .send({ title: { en: title }, survey: created.body.id, ...(option === undefined ? {} : { option }), call: CALL });
      expect(event.status, JSON.stringify(event.body)).to.equal(201);
      const saved = await save(token, event.body.id, { language: 'en', title, sections: [{ text: 'Seasonal labour schemes.' }, { text: 'Skills.' }], submit: true });
      expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
      expect((await request(app).post(`/api/v1/overviews/${saved.body.id}/publish`).set('Authorization', admin).send({})).status).to.equal(200);
      return saved.body.id as number;
    };
    const onFirst = await publishOn(first!.id, chl, 'Seasonal schemes in Chile');
    const onFirstToo = await publishOn(first!.id, fra, 'Seasonal schemes in France');
    const onSecond = await publishOn(second!.id, chl, 'Labour schemes');
    const none = await publishOn(undefined, fra, 'Schemes without a topic');
    const found = async (query: Record<string, string>) => {
      const res = await request(app).get('/api/v1/overviews').query(query);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return res.body.results as { id: number; topic: number | null }[];
    };
    const ids = async (query: Record<string, string>) => (await found(query)).map((r) => r.id).sort((a, b) => a - b);
    expect(await ids({ topic: String(first!.id) })).to.deep.equal([onFirst, onFirstToo]);
    expect(await ids({ topic: String(second!.id), q: 'labour' })).to.deep.equal([onSecond]);
    expect(await ids({ topic: String(second!.id), q: 'seasonal', memberState: 'FRA' })).to.deep.equal([]);
    expect(await ids({ topic: String(first!.id), memberState: 'FRA' })).to.deep.equal([onFirstToo]);
    expect(await ids({ topic: '999999' })).to.deep.equal([]);
    const all = await found({ q: 'schemes' });
    expect(all.map((r) => r.id).sort((a, b) => a - b)).to.deep.equal([onFirst, onFirstToo, onSecond, none]);
    expect(all.find((r) => r.id === none)!.topic).to.equal(null);
    expect(all.find((r) => r.id === onSecond)!.topic).to.equal(second!.id);
    for (const bad of ['abc', '0', '-1', '99999999999']) {
      const res = await request(app).get('/api/v1/overviews').query({ topic: bad });
      expect(res.status, bad).to.equal(422);
      expect(res.body.error.fields.map((f: { field: string }) => f.field)).to.deep.equal(['topic']);
    }
  });

  it('gives the catalogue’s results as CSV without a token: the same filters and order, every page, formulas neutralised', async () => {
    const created = await request(app).post('/api/v1/surveys').set('Authorization', admin).send(buildSurveyInput());
    const option = (created.body.questions[1].options as { id: number }[])[0]!.id;
    const event = await request(app).post('/api/v1/events').set('Authorization', admin).send({
      title: { en: 'Remittances workshop', fr: 'Atelier sur les transferts' }, reference: 'IC/2009/2', survey: created.body.id, option, call: CALL,
    });
    const write = async (token: string, language: string, title: string) => {
      const saved = await save(token, event.body.id, { language, title, sections: [{ text: 'Remittances and diaspora bonds.' }, { text: 'Fees.' }], submit: true });
      expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
      expect((await request(app).post(`/api/v1/overviews/${saved.body.id}/publish`).set('Authorization', admin).send({})).status).to.equal(200);
      return saved.body.id as number;
    };
    const first = await write(chl, 'en', '=HYPERLINK("http://example.com","Remittances, a plan")');
    const second = await write(fra, 'fr', 'Transferts de fonds');
    const other = await publishNew(observer, 'en', 'Unrelated remittances', ['Remittances elsewhere.', 'Other.']);

    const res = await request(app).get('/api/v1/overviews.csv').query({ q: 'remittances', topic: String(option), sort: 'date', page: '2' });
    expect(res.status, res.text).to.equal(200);
    expect(res.headers['content-type']).to.equal('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).to.equal('attachment; filename="overviews.csv"');
    expect(res.headers['catalogue-rows']).to.equal('2');
    expect(res.headers).not.to.have.property('catalogue-truncated');
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).to.deep.equal(['id', 'member_state', 'member_state_name', 'event_id', 'event_title', 'event_reference', 'topic_id', 'topic', 'language', 'original_language', 'title', 'published_at', 'url']);
    // Newest first, as asked; the page number is not a filter: the file holds every page.
    expect(rows.map((r) => Number(r.id))).to.deep.equal([second, first]);
    expect(rows[1]).to.include({
      member_state: 'CHL', event_id: String(event.body.id), event_title: 'Remittances workshop', event_reference: 'IC/2009/2',
      topic_id: String(option), topic: 'Topic 1', language: 'en', title: '\'=HYPERLINK("http://example.com","Remittances, a plan")',
      url: `http://127.0.0.1:3000/overviews/${first}`,
    });
    expect(rows[1]!.member_state_name).to.be.a('string').and.not.equal('');
    expect(rows[1]!.published_at).to.match(/^\d{4}-\d{2}-\d{2}T/);
    // The same results as the JSON catalogue, in the same order.
    const json = await request(app).get('/api/v1/overviews').query({ q: 'remittances' });
    const all = parse((await request(app).get('/api/v1/overviews.csv').query({ q: 'remittances' })).text, { columns: true }) as Record<string, string>[];
    expect(all.map((r) => Number(r.id))).to.deep.equal(json.body.results.map((r: { id: number }) => r.id));
    expect(all.map((r) => Number(r.id))).to.include(other);
    expect(all.find((r) => Number(r.id) === other)).to.include({ topic_id: '', topic: '' });

    const bad = await request(app).get('/api/v1/overviews.csv').query({ topic: 'abc' });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).to.deep.equal(['topic']);

    // Bounded: past its maximum, the file stops and says so.
    const cut = await catalogueCsv(ctx.deps, { q: 'remittances' }, 'fr', 2);
    expect(cut).to.include({ rows: 2, truncated: true });
    const cutRows = parse(cut.text, { columns: true }) as Record<string, string>[];
    expect(cutRows.map((r) => Number(r.id))).to.deep.equal(all.slice(0, 2).map((r) => Number(r.id)));
    expect((await catalogueCsv(ctx.deps, { q: 'remittances', topic: String(option) }, 'fr', 2)).truncated).to.equal(false);
    const french = parse((await catalogueCsv(ctx.deps, { topic: String(option) }, 'fr')).text, { columns: true }) as Record<string, string>[];
    expect(french[0]).to.include({ event_title: 'Atelier sur les transferts', topic: 'Thème 1' });
  });

  it('creates the events of a closed survey’s retained options, titles in three languages, once', async () => {
    const created = await request(app).post('/api/v1/surveys').set('Authorization', admin).send(buildSurveyInput());
    const survey = created.body as { id: number; questions: { id: number; options: { id: number }[] }[] };
    await request(app).post(`/api/v1/surveys/${survey.id}/open`).set('Authorization', admin).send({});
    const topics = survey.questions[1]!;
    const vote = (token: string, ranking: number[]) => request(app).put(`/api/v1/surveys/${survey.id}/ballot`).set('Authorization', token)
      .send({ answers: [{ question: survey.questions[0]!.id, abstain: true }, { question: topics.id, ranking }] });
    expect((await vote(chl, [topics.options[2]!.id, topics.options[0]!.id])).status).to.equal(200);
    expect((await vote(fra, [topics.options[2]!.id, topics.options[0]!.id])).status).to.equal(200);
    const early = await request(app).post(`/api/v1/surveys/${survey.id}/events`).set('Authorization', admin).send({ question: topics.id });
    expect(early.status).to.equal(409);
    await request(app).post(`/api/v1/surveys/${survey.id}/close`).set('Authorization', admin).send({});
    expect((await request(app).post(`/api/v1/surveys/${survey.id}/events`).set('Authorization', admin).send({ question: 999999 })).status).to.equal(422);
    const made = await request(app).post(`/api/v1/surveys/${survey.id}/events`).set('Authorization', admin).send({ question: topics.id, call: CALL });
    expect(made.status, JSON.stringify(made.body)).to.equal(201);
    const events = made.body.events as { survey: number; option: number; title: { en: string; fr: string; es: string }; reference: string; call: unknown }[];
    expect(events.map((e) => e.option).sort()).to.deep.equal([topics.options[0]!.id, topics.options[2]!.id].sort());
    const options = (await request(app).get(`/api/v1/surveys/${survey.id}`).set('Authorization', admin)).body.questions[1].options as { id: number; title: { en: string; fr: string | null } }[];
    for (const e of events) {
      const option = options.find((o) => o.id === e.option)!;
      expect(e.title.en).to.equal(option.title.en);
      expect(e.title.fr).to.equal(option.title.fr ?? '');
      expect(e).to.include({ survey: survey.id, reference: 'IC/2007/17' });
      expect(e.call).to.not.equal(null);
    }
    const again = await request(app).post(`/api/v1/surveys/${survey.id}/events`).set('Authorization', admin).send({ question: topics.id });
    expect(again.body.events).to.deep.equal([]);
    expect((await request(app).post(`/api/v1/surveys/${survey.id}/events`).set('Authorization', chl).send({ question: topics.id })).status).to.equal(403);
    const bad = await request(app).post('/api/v1/events').set('Authorization', admin).send({ title: { en: 'X' }, survey: survey.id, option: 999999 });
    expect(bad.status).to.equal(422);
  });
  it('orders by relevance, equal ranks newest first, and pages through them in the same order', async () => {
    const weak: number[] = [];
    for (const token of [fra, chl, fra]) weak.push(await publishNew(token, 'en', 'Seasonal herding', ['Grazing rights for transhumance.', 'Fees.']));
    const strong = await publishNew(chl, 'en', 'Transhumance corridors', ['Transhumance routes, transhumance permits and cross-border transhumance.', 'Transhumance.']);
    const medium = await publishNew(fra, 'en', 'Herders', ['Transhumance and grazing.', 'Transhumance seasons.']);
    const ids = async (query: Record<string, string>) => {
      const res = await request(app).get('/api/v1/overviews').query(query);
      expect(res.status, JSON.stringify(res.body)).to.equal(200);
      return (res.body.results as { id: number }[]).map((r) => r.id);
    };
    const expected = [strong, medium, ...[...weak].reverse()];
    expect(await ids({ q: 'transhumance' })).to.deep.equal(expected);
    expect(await ids({ q: 'transhumance', lang: 'en' })).to.deep.equal(expected);
    expect(await ids({ q: 'transhumance', sort: 'date' })).to.deep.equal([medium, strong, ...[...weak].reverse()]);
    // Pages cut inside a run of equal ranks, with and without a filter beyond the language.
    const page = async (offset: number, memberStateIso3?: string) => (await searchPublishedOverviews(ctx.database, {
      q: 'transhumance', sort: 'relevance', limit: 2, offset, ...(memberStateIso3 ? { memberStateIso3 } : {}),
    })).map((h) => h.id);
    expect(await page(0)).to.deep.equal(expected.slice(0, 2));
    expect(await page(1)).to.deep.equal(expected.slice(1, 3));
    expect(await page(2)).to.deep.equal(expected.slice(2, 4));
    expect(await page(3)).to.deep.equal(expected.slice(3, 5));
    expect(await page(1, 'FRA')).to.deep.equal([weak[2], weak[0]]);
    expect(await page(0, 'CHL')).to.deep.equal([strong, weak[1]]);
  });
});
