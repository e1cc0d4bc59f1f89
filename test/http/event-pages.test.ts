import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { submitBallot } from '../../server/domain/ballots.js';
import { createEvent, getEvent } from '../../server/domain/overviews/events.js';
import { saveOverview } from '../../server/domain/overviews/overviews.js';
import { closeSurvey } from '../../server/domain/surveys/lifecycle.js';
import { csrfFrom, submitForm } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { openTestSurvey } from '../helpers/delegations.js';
import { useSignedIn, type SignedIn } from '../helpers/signed-in.js';

const CALL = {
  deadline: '2026-12-15T17:00:00Z', maxWords: 500,
  sections: [{ heading: { en: 'Framework', fr: 'Cadre', es: 'Marco' }, guidance: { en: 'Laws.' } }, { heading: { en: 'Practice' } }],
};

describe('Event pages: an event, its call, editing it, and the events made from a survey’s results', () => {
  let s: SignedIn;
  let ctx: TestContext;
  let app: Express;

  useSignedIn({ memberStates: ['CHL', 'FRA', 'MEX'], observers: ['VAT'] }, async (signedIn) => {
    s = signedIn;
    ({ ctx } = s);
    app = await s.app();
  });

  it('creates an event inviting some Member States, shows it with where its call stands, and lets only the invited write', async () => {
    const admin = await s.admin.agent();
    const form = await admin.get('/admin/events/new');
    expect(form.status).to.equal(200);
    expect(form.text).to.contain('name="invited" value="VAT"').and.contain('observer');
    const newEvent = {
      title_en: 'Circular migration', title_fr: 'Migration circulaire', title_es: 'Migración circular', reference: 'IC/2008/2',
      deadline: '2026-12-20T12:00', maxWords: '1200', invitedScope: 'some',
      heading_en_0: 'Policies', heading_fr_0: 'Politiques', heading_es_0: 'Políticas', guidance_en_0: 'Describe them.',
    };
    const nobody = await submitForm(admin, '/admin/events/new', '/admin/events', newEvent);
    expect(nobody.status).to.equal(422);
    expect(nobody.text).to.contain('Tick at least one Member State, or invite every Member State.').and.contain('value="Migration circulaire"');
    expect(Number((await ctx.db('events').count({ n: '*' }).first())!.n)).to.equal(0);
    const tooLong = await submitForm(admin, '/admin/events/new', '/admin/events', { ...newEvent, invitedScope: 'all', words_0: '900', heading_en_1: 'Practice', words_1: '400' });
    expect(tooLong.status).to.equal(422);
    expect(tooLong.text).to.contain('The sections’ suggested lengths add up to 1300 words, more than the limit of 1200.').and.contain('href="#heading_en_0"');
    const created = await submitForm(admin, '/admin/events/new', '/admin/events', { ...newEvent, invitedScope: 'all', words_0: '800' });
    expect(created.status).to.equal(303);
    const eventUrl = created.headers.location!;
    expect(eventUrl).to.match(/^\/events\/\d+$/);
    const eventId = Number(eventUrl.split('/')[2]);
    expect((await getEvent(ctx.deps, s.admin.actor, eventId)).call!.invited).to.equal(null);
    expect((await getEvent(ctx.deps, s.admin.actor, eventId)).call!.sections[0]!.suggestedWords).to.equal(800);
    expect((await admin.get(`/events/${eventId}`)).text).to.contain('about 800 words');

    const edit = await admin.get(`/admin/events/${eventId}/edit`);
    expect(edit.text).to.contain('value="Circular migration"').and.contain('value="2026-12-20T12:00"');
    const fields = {
      title_en: 'Circular migration', title_fr: 'Migration circulaire', title_es: 'Migración circulaire', reference: 'IC/2008/2',
      deadline: '2026-12-20T12:00', maxWords: '1200', invitedScope: 'some', heading_en_0: 'Policies', guidance_en_0: 'Describe them.', words_0: '800',
    };
    const csrf = csrfFrom(edit.text);
    const saved = await admin.post(`/admin/events/${eventId}`).type('form')
      .send(`${new URLSearchParams({ _csrf: csrf, ...fields }).toString()}&invited=CHL&invited=VAT`);
    expect(saved.status).to.equal(303);
    expect(saved.headers.location).to.equal(`/events/${eventId}?saved=1`);
    const event = await getEvent(ctx.deps, s.admin.actor, eventId);
    expect(event.call!.invited).to.have.members([s.memberStates.CHL!.id, s.memberStates.VAT!.id]);
    expect(event.title.es).to.equal('Migración circulaire');

    const page = await admin.get(saved.headers.location!);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('The event was saved.').and.contain('Invited: 2 Member States.').and.contain('2 not started');
    expect(page.text).to.contain('(CHL)').and.contain('(VAT)').and.not.contain('(FRA)');
    expect(page.text).to.contain(`/admin/events/${eventId}/edit`);

    const chl = await (await s.createDelegate('CHL')).agent();
    expect((await chl.get(`/events/${eventId}`)).text).to.contain(`/events/${eventId}/overview`).and.not.contain('Where the call stands');
    const writing = await chl.get(`/events/${eventId}/overview`);
    expect(writing.text).to.contain('id="section_0-length"').and.contain('about 800 words').and.contain('aria-describedby="section_0-hint section_0-length"');
    const fra = await (await s.createDelegate('FRA')).agent();
    expect((await fra.get(`/events/${eventId}`)).text).not.to.contain(`/events/${eventId}/overview`);
    expect((await fra.get(`/events/${eventId}/overview`)).status).to.equal(403);

    const staff = await (await s.createStaff()).agent();
    const staffPage = await staff.get(`/events/${eventId}`);
    expect(staffPage.text).to.contain('Where the call stands').and.not.contain('/edit"');
    expect((await staff.get(`/admin/events/${eventId}/edit`)).status).to.equal(403);
    expect((await request(app).get(`/events/${eventId}`)).status).to.equal(303);
    expect((await admin.get('/events/999999')).status).to.equal(404);

    const audit = await ctx.db('audit_entries').where({ action: 'event.update', subject_id: String(eventId) });
    expect(audit).to.have.length(1);
  });

  it('keeps an event’s call in step with the overviews written for it, and changes nothing on a refusal', async () => {
    const event = await createEvent(ctx.deps, s.admin.actor, { title: { en: 'Return migration' }, call: { ...CALL, invited: ['CHL', 'FRA'] } });
    const chl = await s.createDelegate('CHL');
    await saveOverview(ctx.deps, chl.actor, event.id, { language: 'en', title: 'Chile', sections: [{ text: 'A.' }, { text: 'B.' }] });
    const admin = await s.admin.agent();
    const edit = await admin.get(`/admin/events/${event.id}/edit`);
    expect(edit.text).to.contain('you can reword them, not add or remove any');
    const base = {
      title_en: 'Return migration', deadline: '2026-12-15T17:00', maxWords: '500', invitedScope: 'some',
      heading_en_0: 'Framework', heading_en_1: 'Practice',
    };
    const post = (fields: Record<string, string>, invited: string[]) => admin.post(`/admin/events/${event.id}`).type('form')
      .send([new URLSearchParams({ _csrf: csrfFrom(edit.text), ...fields }).toString(), ...invited.map((i) => `invited=${i}`)].join('&'));

    const fewer = await post({ ...base, heading_en_1: '' }, ['CHL', 'FRA']);
    expect(fewer.status).to.equal(422);
    expect(fewer.text).to.contain('the sections can be reworded, not added or removed');
    const leftOut = await post(base, ['FRA']);
    expect(leftOut.status).to.equal(422);
    expect(leftOut.text).to.contain('must stay invited: CHL');
    const noCall = await post({ title_en: 'Return migration', invitedScope: 'all' }, []);
    expect(noCall.status).to.equal(422);
    expect(noCall.text).to.contain('its call for overviews cannot be removed');
    const badDate = await post({ ...base, deadline: 'soon' }, ['CHL']);
    expect(badDate.status).to.equal(422);
    expect(badDate.text).to.contain('href="#deadline"');
    expect(await getEvent(ctx.deps, s.admin.actor, event.id)).to.deep.equal(event);

    const reworded = await post({ ...base, heading_en_1: 'Practice and lessons', deadline: '2027-01-10T12:00' }, ['CHL', 'MEX']);
    expect(reworded.status).to.equal(303);
    const after = await getEvent(ctx.deps, s.admin.actor, event.id);
    expect(after.call!.sections[1]!.heading.en).to.equal('Practice and lessons');
    expect(after.call!.deadline).to.equal('2027-01-10T12:00:00.000Z');
    expect(after.call!.invited).to.have.members([s.memberStates.CHL!.id, s.memberStates.MEX!.id]);
  });

  it('makes the events of a closed survey’s retained options from its results page, once', async () => {
    const survey = await openTestSurvey(ctx.deps, s.admin.actor);
    const topics = survey.questions[1]!;
    for (const iso3 of ['CHL', 'FRA', 'MEX']) {
      const d = await s.createDelegate(iso3);
      await submitBallot(ctx.deps, d.actor, survey.id, {
        answers: [{ question: survey.questions[0]!.id, abstain: true }, { question: topics.id, ranking: [topics.options[3]!.id, topics.options[1]!.id] }],
      }, { channel: 'web' });
    }
    const admin = await s.admin.agent();
    expect((await admin.get(`/surveys/${survey.id}/results`)).text).not.to.contain(`/admin/surveys/${survey.id}/events`);
    const early = await admin.get(`/admin/surveys/${survey.id}/events`);
    expect(early.status).to.equal(409);
    expect(early.text).to.contain('events are made from its count once it is closed');

    await closeSurvey(ctx.deps, s.admin.actor, survey.id);
    const results = await admin.get(`/surveys/${survey.id}/results`);
    expect(results.text).to.contain(`href="/admin/surveys/${survey.id}/events"`);
    const staff = await (await s.createStaff()).agent();
    expect((await staff.get(`/surveys/${survey.id}/results`)).text).not.to.contain(`/admin/surveys/${survey.id}/events`);
    expect((await staff.get(`/admin/surveys/${survey.id}/events`)).status).to.equal(403);

    const plan = await admin.get(`/admin/surveys/${survey.id}/events`);
    expect(plan.status).to.equal(200);
    expect(plan.text).to.contain('Topic 4').and.contain('Topic 2').and.contain('2 events to create');
    expect(plan.text).to.match(new RegExp(`id="question-${topics.id}"[^>]*checked`));

    const badCall = await submitForm(admin, `/admin/surveys/${survey.id}/events`, `/admin/surveys/${survey.id}/events`, {
      question: String(topics.id), deadline: '2027-01-31T17:00', maxWords: '1500', heading_fr_0: 'Cadre',
    });
    expect(badCall.status).to.equal(422);
    expect(badCall.text).to.contain('href="#heading_en_0"');
    expect(Number((await ctx.db('events').count({ n: '*' }).first())!.n)).to.equal(0);

    const made = await submitForm(admin, `/admin/surveys/${survey.id}/events`, `/admin/surveys/${survey.id}/events`, {
      question: String(topics.id), deadline: '2027-01-31T17:00', maxWords: '1500', heading_en_0: 'Policy framework', heading_fr_0: 'Cadre',
      invitedScope: 'all',
    });
    expect(made.status).to.equal(303);
    expect(made.headers.location).to.equal('/events?created=2');
    expect((await admin.get(made.headers.location!)).text).to.contain('2 events created.').and.contain('Topic 4');
    const rows = await ctx.db('events').where({ survey_id: survey.id }).orderBy('option_id');
    expect(rows.map((r: { option_id: number }) => Number(r.option_id))).to.deep.equal([topics.options[1]!.id, topics.options[3]!.id]);
    const first = await getEvent(ctx.deps, s.admin.actor, Number(rows[0].id));
    expect(first.title).to.deep.equal({ en: 'Topic 2', fr: 'Thème 2', es: 'Tema 2' });
    expect(first.call).to.deep.include({ deadline: '2027-01-31T17:00:00.000Z', maxWords: 1500, invited: null });

    const again = await admin.get(`/admin/surveys/${survey.id}/events`);
    expect(again.text).to.contain('every retained option has its event').and.contain(`href="/events/${first.id}"`);
  });
});
