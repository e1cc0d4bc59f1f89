import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { createEvent } from '../../server/domain/overviews/events.js';
import { reviewOverview, saveOverview } from '../../server/domain/overviews/overviews.js';
import { csrfFrom, submitForm, type Agent } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn, type SignedIn, type TestAccount } from '../helpers/signed-in.js';
import { createTestSurvey } from '../helpers/surveys.js';

describe('Policy overview pages', () => {
  let s: SignedIn;
  let ctx: TestContext;
  let app: Express;
  let delegate: TestAccount;
  let eventId: number;

  useSignedIn({ memberStates: ['CHL', 'FRA'] }, async (signedIn) => {
    s = signedIn;
    ({ ctx } = s);
    app = await s.app();
    delegate = await s.createDelegate('CHL');
    eventId = (await createEvent(ctx.deps, s.admin.actor, {
      title: { en: 'Return migration', fr: 'Migration de retour', es: 'Migración de retorno' }, startsOn: '2008-03-25',
      call: { deadline: '2026-12-15T17:00:00Z', maxWords: 40, sections: [{ heading: { en: 'Framework', fr: 'Cadre', es: 'Marco' }, guidance: { en: 'Laws.' } }, { heading: { en: 'Practice' } }] },
    })).id;
  });

  const publish = async (language: 'en' | 'fr' | 'es', title: string, texts: [string, string]) => {
    const fra = await s.createDelegate('FRA');
    const { id } = await saveOverview(ctx.deps, fra.actor, eventId, { language, title, sections: texts.map((text) => ({ text })), submit: true });
    await reviewOverview(ctx.deps, s.admin.actor, id, 'publish', {});
    return id;
  };

  it('shows the public catalogue in each language without a session, finds by full text and marks the words found', async () => {
    const id = await publish('fr', 'Les retours <b>volontaires</b>', ['La politique de **retour** volontaire.<script>alert(1)</script>', '[x](javascript:alert(1))']);
    for (const [lang, heading] of [['en', 'Migration policy database'], ['fr', 'Base de données des politiques migratoires'], ['es', 'Base de datos de políticas migratorias']] as const) {
      const page = await request(app).get('/overviews').query({ q: 'retours' }).set('Accept-Language', lang);
      expect(page.status).to.equal(200);
      expect(page.text).to.contain(`<html lang="${lang}">`);
      expect(page.text).to.contain(heading);
      expect(page.text).to.contain(`href="/overviews/${id}"`);
      expect(page.text).to.contain('<mark>retour</mark>');
      expect(page.text).to.contain('Les retours &lt;b&gt;volontaires&lt;/b&gt;');
    }
    // The Member State filter lists those with a published overview, by name, and keeps the one chosen.
    const byState = await request(app).get('/overviews').query({ memberState: 'fra' });
    expect(byState.text).to.match(/<option value="FRA" selected>FRA \(en\) \(FRA\)<\/option>/);
    expect(byState.text).not.to.contain('value="CHL"');
    const none = await request(app).get('/overviews').query({ q: 'nothing-like-this' });
    expect(none.text).to.contain('No published overview matches.');
    const bad = await request(app).get('/overviews').query({ year: 'soon' });
    expect(bad.status).to.equal(422);

    const shown = await request(app).get(`/overviews/${id}`).set('Accept-Language', 'es');
    expect(shown.status).to.equal(200);
    expect(shown.text).to.contain('<article class="overview" lang="fr">');
    expect(shown.text).to.contain('<strong>retour</strong>');
    expect(shown.text).not.to.match(/<script>alert|javascript:/);
    expect(shown.text).to.contain('Migración de retorno');
    expect(shown.text).to.contain('<dd>FRA (es) (FRA)</dd>');
  });

  it('filters the catalogue by topic, listing only the topics with published overviews, titled in the page’s language', async () => {
    const survey = await createTestSurvey(ctx.deps, s.admin.actor);
    const [first, second, third] = survey.questions[1]!.options;
    const call = { deadline: '2026-12-15T17:00:00Z', maxWords: 40, sections: [{ heading: { en: 'Framework' } }] };
    const eventOn = async (option: number) => (await createEvent(ctx.deps, s.admin.actor, { title: { en: `Workshop on ${option}` }, survey: survey.id, option, call })).id;
    const fra = await s.createDelegate('FRA');
    const write = async (event: number, title: string, publish: boolean) => {
      const { id } = await saveOverview(ctx.deps, fra.actor, event, { language: 'en', title, sections: [{ text: 'Diaspora engagement.' }], submit: true });
      if (publish) await reviewOverview(ctx.deps, s.admin.actor, id, 'publish', {});
      return id;
    };
    const onFirst = await write(await eventOn(first!.id), 'Diaspora bonds', true);
    const onSecond = await write(await eventOn(second!.id), 'Diaspora networks', true);
    await write(await eventOn(third!.id), 'Diaspora, not yet published', false);

    const select = (html: string) => /<select id="f-topic" name="topic"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
    for (const [lang, title, any] of [['en', 'Topic 1', 'Any topic'], ['fr', 'Thème 1', 'Tous les thèmes'], ['es', 'Tema 1', 'Todos los temas']] as const) {
      const page = await request(app).get('/overviews').set('Accept-Language', lang);
      expect(page.status).to.equal(200);
      const options = select(page.text);
      expect(options).to.contain(any);
      expect(options).to.contain(`<option value="${first!.id}"  lang="${lang}">${title}</option>`);
      expect(options).to.contain(`value="${second!.id}"`);
      // An event whose overview is not published adds no topic.
      expect(options).not.to.contain(`value="${third!.id}"`);
    }
    const filtered = await request(app).get('/overviews').query({ q: 'diaspora', topic: String(second!.id) });
    expect(filtered.status).to.equal(200);
    expect(filtered.text).to.contain(`href="/overviews/${onSecond}"`).and.not.contain(`href="/overviews/${onFirst}"`);
    expect(select(filtered.text)).to.contain(`<option value="${second!.id}" selected`);
    const bad = await request(app).get('/overviews').query({ topic: 'abc' });
    expect(bad.status).to.equal(422);
    expect(bad.text).to.contain('href="#f-topic"');
  });

  it('links the results to a CSV of them, with the same filters, names and titles in the page’s language', async () => {
    const id = await publish('en', 'Return schemes', ['Assisted voluntary return.', 'Reintegration.']);
    const page = await request(app).get('/overviews').query({ q: 'assisted', lang: 'en', page: '1' }).set('Accept-Language', 'fr');
    expect(page.status).to.equal(200);
    const href = /<a href="([^"]+)" download>Télécharger ces résultats en CSV<\/a>/.exec(page.text)?.[1];
    expect(href).to.equal('/overviews.csv?q=assisted&amp;lang=en');
    expect(page.text).to.contain('au plus 5');
    const before = await ctx.db('audit_entries').count({ n: '*' }).first().then((r) => Number(r?.n));
    const csv = await request(app).get('/overviews.csv').query({ q: 'assisted', lang: 'en' }).set('Accept-Language', 'fr');
    expect(csv.status).to.equal(200);
    expect(csv.headers['content-type']).to.equal('text/csv; charset=utf-8');
    expect(csv.headers['set-cookie']).to.equal(undefined);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).to.equal('id,member_state,member_state_name,event_id,event_title,event_reference,topic_id,topic,language,original_language,title,published_at,url');
    expect(lines[1]).to.match(new RegExp(`^${id},FRA,[^,]+,${eventId},Migration de retour,,,,en,en,Return schemes,\\d{4}-`));
    expect(lines[1]).to.match(new RegExp(`,http://127\\.0\\.0\\.1:3000/overviews/${id}$`));
    expect(lines).to.have.length(3);
    expect(await ctx.db('audit_entries').count({ n: '*' }).first().then((r) => Number(r?.n))).to.equal(before);
    // Nothing found: no link.
    expect((await request(app).get('/overviews').query({ q: 'nothing-like-this' })).text).not.to.contain('/overviews.csv');
    const bad = await request(app).get('/overviews.csv').query({ year: 'soon' });
    expect(bad.status).to.equal(422);
  });

  it('serves a catalogue page seen before with one query, and shows a new publication, event or topic at once', async () => {
    await publish('en', 'Labour mobility', ['Labour mobility partnerships.', 'Skills.']);
    const survey = await createTestSurvey(ctx.deps, s.admin.actor);
    const option = survey.questions[1]!.options[3]!;
    const view = () => request(app).get('/overviews').query({ q: 'mobility' });
    await view();
    const sql: string[] = [];
    const stop = ctx.database.watchQueries((q) => sql.push(q.sql));
    let again;
    try {
      again = await view();
    } finally {
      stop();
    }
    expect(again.status).to.equal(200);
    // The catalogue's version alone: the results, their snippets and the filters' lists come from memory.
    expect(sql).to.have.length(1);
    expect(again.text).to.contain('<mark>mobility</mark>');

    const event = await createEvent(ctx.deps, s.admin.actor, {
      title: { en: 'Skills partnerships' }, survey: survey.id, option: option.id,
      call: { deadline: '2026-12-15T17:00:00Z', maxWords: 40, sections: [{ heading: { en: 'Framework' } }] },
    });
    const selectOf = (html: string, name: string) => new RegExp(`<select id="f-${name}" name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
    const withEvent = await view();
    expect(selectOf(withEvent.text, 'event')).to.contain(`<option value="${event.id}" `);
    expect(selectOf(withEvent.text, 'topic')).not.to.contain(`<option value="${option.id}" `);
    const fra = await s.createDelegate('FRA');
    const { id } = await saveOverview(ctx.deps, fra.actor, event.id, { language: 'en', title: 'Mobility of skills', sections: [{ text: 'Mobility schemes.' }], submit: true });
    await reviewOverview(ctx.deps, s.admin.actor, id, 'publish', {});
    const withTopic = await view();
    expect(withTopic.text).to.contain(`href="/overviews/${id}"`);
    expect(selectOf(withTopic.text, 'topic')).to.match(new RegExp(`<option value="${option.id}" +lang="en">Topic 4</option>`));
  });

  it('lets a delegate save a draft and submit it without JavaScript, with the length against the limit, and refuses a stale form', async () => {
    const agent: Agent = await delegate.agent();
    const form = await agent.get(`/events/${eventId}/overview`);
    expect(form.status).to.equal(200);
    expect(form.text).to.contain('name="section_0"').and.contain('name="section_1"').and.contain('Laws.');
    expect(form.text).to.contain('Length: 0 of at most 40 words.');

    const draft = await submitForm(agent, `/events/${eventId}/overview`, `/events/${eventId}/overview`, {
      baseRevision: '0', language: 'en', title: 'Chile', section_0: 'Our law of 2008.', section_1: 'Assisted return.', action: 'draft',
    });
    expect(draft.status).to.equal(303);
    const after = await agent.get(draft.headers.location!);
    expect(after.text).to.contain('Saved: version 1, draft.');
    expect(after.text).to.contain('Length: 6 of at most 40 words.');
    expect(after.text).to.contain('Our law of 2008.');

    const tooLong = await submitForm(agent, `/events/${eventId}/overview`, `/events/${eventId}/overview`, {
      baseRevision: '1', language: 'en', title: 'Chile', section_0: 'word '.repeat(41), section_1: '', action: 'submit',
    });
    expect(tooLong.status).to.equal(422);
    expect(tooLong.text).to.contain('The overview has 41 words; the limit is 40.');
    expect(tooLong.text).to.contain('word word');
    expect(tooLong.text).to.contain('Length: 41 of at most 40 words. That is over the limit');

    const stale = await agent.post(`/events/${eventId}/overview`).type('form').send({
      _csrf: csrfFrom(form.text), baseRevision: '0', language: 'en', section_0: 'x', section_1: 'y', action: 'submit',
    });
    expect(stale.status).to.equal(409);
    expect(stale.text).to.contain('version 1');

    const submitted = await submitForm(agent, `/events/${eventId}/overview`, `/events/${eventId}/overview`, {
      baseRevision: '1', language: 'en', title: 'Chile', section_0: 'Our law of 2008.', section_1: 'Assisted return.', action: 'submit',
    });
    expect(submitted.status).to.equal(303);
    expect((await agent.get(submitted.headers.location!)).text).to.contain('Saved: version 2, submitted.');
  });

  it('lets an administrator create an event with its call, and return and publish an overview from the review page', async () => {
    const admin = await s.admin.agent();
    const created = await submitForm(admin, '/admin/events/new', '/admin/events', {
      title_en: 'Circular migration', title_fr: 'Migration circulaire', title_es: 'Migración circular', reference: 'IC/2008/2',
      startsOn: '2008-07-08', endsOn: '2008-07-09', place: 'Geneva', deadline: '2026-12-20T12:00', maxWords: '1200',
      heading_en_0: 'Policies', heading_fr_0: 'Politiques', heading_es_0: 'Políticas', guidance_en_0: 'Describe them.',
    });
    expect(created.status).to.equal(303);
    const list = await admin.get('/events');
    expect(list.text).to.contain('Circular migration').and.contain('IC/2008/2');
    const row = await ctx.db('event_calls').join('events', 'events.id', 'event_calls.event_id').where('events.reference', 'IC/2008/2').first();
    expect(row.deadline).to.equal('2026-12-20T12:00:00.000Z');
    expect(row.max_words).to.equal(1200);

    const bad = await submitForm(admin, '/admin/events/new', '/admin/events', { title_en: '', deadline: '' });
    expect(bad.status).to.equal(422);
    expect(bad.text).to.contain('This field is required.');

    const { id } = await saveOverview(ctx.deps, delegate.actor, eventId, { language: 'en', title: 'Chile', sections: [{ text: 'A.' }, { text: 'B.' }], submit: true });
    const review = await admin.get('/admin/overviews');
    expect(review.text).to.contain(`/admin/overviews/${id}/return`);
    const returned = await submitForm(admin, '/admin/overviews', `/admin/overviews/${id}/return`, { comment: 'More on practice, please.' });
    expect(returned.status).to.equal(303);
    const seen = await (await delegate.agent()).get(`/events/${eventId}/overview`);
    expect(seen.text).to.contain('More on practice, please.');
    await saveOverview(ctx.deps, delegate.actor, eventId, { language: 'en', title: 'Chile', sections: [{ text: 'A.' }, { text: 'B and C.' }], submit: true });
    const published = await submitForm(admin, '/admin/overviews', `/admin/overviews/${id}/publish`, { comment: '' });
    expect(published.status).to.equal(303);
    expect((await request(app).get(`/overviews/${id}`)).status).to.equal(200);
    const staff = await (await s.createStaff()).agent();
    const staffView = await staff.get('/admin/overviews');
    expect(staffView.status).to.equal(200);
    expect(staffView.text).not.to.contain(`/admin/overviews/${id}/withdraw`);
  });
});
