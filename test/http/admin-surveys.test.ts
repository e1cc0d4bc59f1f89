import { expect } from 'chai';
import type { Express } from 'express';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor } from '../../server/domain/deps.js';
import { proposeTopic } from '../../server/domain/proposals.js';
import { closeSurvey, openSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { createTestMemberState, createTestUser } from '../helpers/accounts.js';
import { csrfFrom, signIn, type Agent } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';
import { actorOf, createTestSurvey } from '../helpers/surveys.js';

const decode = (s: string) => s.replace(/&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => { const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag); return m ? decode(m[1]!) : null; };

/** Every field of the form posting to `action`, as a browser would send it (checked boxes, selected options, texts). */
function formFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) throw new Error(`no form posting to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const type = attr(tag, 'type');
    if (!name || ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(tag))) continue;
    fields[name] = attr(tag, 'value') ?? '';
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) fields[attr(m[1]!, 'name')!] = decode(m[2]!);
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const selected = /<option value="([^"]*)"\s+selected/.exec(m[2]!) ?? /<option value="([^"]*)"/.exec(m[2]!);
    fields[attr(m[1]!, 'name')!] = selected ? decode(selected[1]!) : '';
  }
  return fields;
}

/** Posts a page's form with some fields changed and an editor button pressed. */
async function press(agent: Agent, html: string, action: string, changes: Record<string, string>, button = 'save') {
  return agent.post(action).type('form').send({ ...formFields(html, action), ...changes, action: button });
}

const count = async (ctx: TestContext, table: string) => Number((await ctx.db(table).count({ n: '*' }).first())!.n);

describe('administration survey pages', () => {
  let ctx: TestContext;
  let app: Express;
  let admin: Agent;
  let adminActor: Actor;

  useSignedIn({}, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    adminActor = s.admin.actor;
    admin = await s.admin.agent();
  });

  const trio = (prefix: string, en: string, fr = '', es = '') => ({ [`${prefix}_en`]: en, [`${prefix}_fr`]: fr, [`${prefix}_es`]: es });

  it('creates a survey through the form, adding an option and moving it up without JavaScript', async () => {
    const page = await admin.get('/admin/surveys/new');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('Closing time (UTC)').and.contain('Title (French)').and.contain('Title (Spanish)');
    const added = await press(admin, page.text, '/admin/surveys', {
      ...trio('title', 'Dialogue 2008', 'Dialogue 2008 (fr)', 'Diálogo 2008'), reference: 'IC/2007/17', closesAt: '2026-12-31T17:00', quorum: '2',
      ...trio('q0_title', 'Overarching theme', 'Thème général', 'Tema general'),
      ...trio('q0_o0_title', 'Return migration', 'Migration de retour', 'Migración de retorno'), q0_o0_label: '(a)',
      ...trio('q0_o1_title', 'Development', 'Développement', 'Desarrollo'), q0_o1_label: '(b)',
    }, 'add-option:0');
    expect(added.status).to.equal(200);
    expect(added.text).to.contain('name="q0_o2_label"').and.contain('autofocus');
    expect(formFields(added.text, '/admin/surveys')).to.include({ q0_o0_label: '(a)', q0_o1_label: '(b)', title_es: 'Diálogo 2008', closesAt: '2026-12-31T17:00' });

    const moved = await press(admin, added.text, '/admin/surveys', { q0_o2_label: '(c)', ...trio('q0_o2_title', 'Circular migration', 'Migration circulaire', 'Migración circular') }, 'option-up:0:2');
    expect(moved.status).to.equal(200);
    expect(formFields(moved.text, '/admin/surveys')).to.include({ q0_o0_label: '(a)', q0_o1_label: '(c)', q0_o2_label: '(b)', q0_o1_title_fr: 'Migration circulaire' });
    expect(await count(ctx, 'surveys')).to.equal(0);

    const saved = await press(admin, moved.text, '/admin/surveys', {});
    expect(saved.status).to.equal(303);
    const survey = await ctx.db('surveys').first();
    expect(survey).to.include({ title_en: 'Dialogue 2008', title_es: 'Diálogo 2008', reference: 'IC/2007/17', status: 'draft', quorum: 2 });
    expect(new Date(survey.closes_at).toISOString()).to.equal('2026-12-31T17:00:00.000Z');
    const question = await ctx.db('questions').where({ survey_id: survey.id }).first();
    expect(question).to.include({ seats: 1, method: 'irv' });
    const options = await ctx.db('options').where({ question_id: question.id }).orderBy('position');
    expect(options.map((o) => o.label)).to.deep.equal(['(a)', '(c)', '(b)']);
    expect(options[1]).to.include({ title_fr: 'Migration circulaire', title_es: 'Migración circular' });
    expect(await ctx.db('audit_entries').where({ action: 'survey.create', subject_id: survey.id }).first()).to.be.an('object');
    expect(saved.headers.location).to.equal(`/admin/surveys/${survey.id}?done=created`);
    const shown = await admin.get(String(saved.headers.location));
    expect(shown.text).to.contain('The draft was created.').and.contain('Circular migration').and.contain('Migration circulaire');
  });

  it('says of a blank survey that nothing is written yet, not that every text is translated, and counts only written texts', async () => {
    const status = (html: string) => /<p class="panel" role="status">([\s\S]*?)<\/p>/.exec(html)![1]!.replace(/[ \t\n]+/g, ' ').trim();
    const blank = await admin.get('/admin/surveys/new');
    expect(status(blank.text)).to.equal('Nothing is written yet. Start with the English texts; French and Spanish can follow, and this line will count the translations still to do.');
    // Writing in English: translations are missing for the written texts only; the empty titles are still to write.
    const started = await press(admin, blank.text, '/admin/surveys', { ...trio('title', 'Dialogue'), ...trio('q0_title', 'Theme', 'Thème') }, 'add-option:0');
    expect(status(started.text)).to.equal('Translations missing: 1 in French, 2 in Spanish. Titles still to be written in English: 3.');
    const translated = await press(admin, started.text, '/admin/surveys', { ...trio('title', 'Dialogue', 'Dialogue', 'Diálogo'), ...trio('q0_title', 'Theme', 'Thème', 'Tema') }, 'add-option:0');
    expect(status(translated.text)).to.equal('Every text written in English so far has its French and Spanish version. Titles still to be written in English: 4.');
    await admin.post('/language').type('form').send({ _csrf: csrfFrom(blank.text), lang: 'fr', next: '/admin/surveys/new' });
    expect(status((await admin.get('/admin/surveys/new')).text)).to.equal('Rien n’est encore écrit. Commencez par les textes en anglais\u202f; le français et l’espagnol peuvent suivre, et cette ligne comptera les traductions qui restent à faire.');
    await admin.post('/language').type('form').send({ _csrf: csrfFrom(blank.text), lang: 'es', next: '/admin/surveys/new' });
    expect(status((await admin.get('/admin/surveys/new')).text)).to.contain('Todavía no hay nada escrito.');
    await admin.post('/language').type('form').send({ _csrf: csrfFrom(blank.text), lang: 'en', next: '/admin/surveys/new' });
  });

  it('re-renders bad input beside its fields with 422 and writes nothing', async () => {
    const entries = await count(ctx, 'audit_entries');
    const page = await admin.get('/admin/surveys/new');
    const res = await press(admin, page.text, '/admin/surveys', {
      ...trio('title', ''), ...trio('q0_title', 'Theme'), q0_seats: '2', q0_method: 'irv', closesAt: 'tomorrow',
      ...trio('q0_o0_title', 'A'), ...trio('q0_o1_title', '', 'Seulement en français'),
    });
    expect(res.status).to.equal(422);
    expect(res.text).to.match(/id="title_en"[^>]*aria-describedby="title_en-error"[^>]*aria-invalid="true"/);
    expect(res.text).to.contain('<p class="field-error" id="title_en-error">This field is required.</p>');
    expect(res.text).to.contain('id="q0_o1_title_en-error"').and.contain('id="closesAt-error"').and.contain('Enter a date and time.');
    expect(res.text).to.contain('href="#q0_o1_title_en"');
    // The summary names each field as a person finds it on the form, and links to it.
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(res.text)![0];
    expect(summary).to.contain('<a href="#title_en">Title (English): This field is required.</a>');
    expect(summary).to.contain('<a href="#q0_o1_title_en">Question 1 › Option 2 › Title (English): This field is required.</a>');
    expect(summary).to.contain('<a href="#closesAt">Closing time (UTC): Enter a date and time.</a>');
    expect(formFields(res.text, '/admin/surveys')).to.include({ q0_o1_title_fr: 'Seulement en français', closesAt: 'tomorrow', q0_method: 'irv', q0_seats: '2' });

    const again = await press(admin, res.text, '/admin/surveys', { title_en: 'Dialogue', q0_o1_title_en: 'B', closesAt: '' });
    expect(again.status).to.equal(422);
    expect(again.text).to.contain('id="q0_method-error"').and.contain('Instant-runoff retains one option').and.contain('id="q0_seats-error"');
    expect(again.text).to.not.contain('id="title_en-error"');
    expect(again.text).to.contain('<a href="#q0_seats">Question 1 › Options to retain (seats): ');
    expect(await count(ctx, 'surveys')).to.equal(0);
    expect(await count(ctx, 'audit_entries')).to.equal(entries);
  });

  it('edits a draft in place, keeping the ids of its questions and options', async () => {
    const survey = await createTestSurvey(ctx.deps, adminActor);
    const page = await admin.get(`/admin/surveys/${survey.id}/edit`);
    expect(page.status).to.equal(200);
    const res = await press(admin, page.text, `/admin/surveys/${survey.id}/edit`, { q1_o3_title_en: 'Labour mobility', q1_o3_title_fr: '', q0_description_en: 'Pick one' });
    expect(res.status).to.equal(303);
    const option = survey.questions[1]!.options[3]!;
    const row = await ctx.db('options').where({ id: option.id }).first();
    expect(row).to.include({ title_en: 'Labour mobility', title_fr: null });
    expect(await count(ctx, 'options')).to.equal(6);
    const shown = await admin.get(`/admin/surveys/${survey.id}`);
    expect(shown.text).to.contain('French missing').and.contain('Question 2, option 4: title: French').and.contain('Question 1: description: French');
    expect(await ctx.db('audit_entries').where({ action: 'survey.update' }).first()).to.be.an('object');
  });

  it('shows an opened survey read-only and refuses to edit it with 409', async () => {
    const survey = await createTestSurvey(ctx.deps, adminActor);
    const page = await admin.get(`/admin/surveys/${survey.id}/edit`);
    await openSurvey(ctx.deps, adminActor, survey.id);
    expect((await admin.get(`/admin/surveys/${survey.id}/edit`)).headers.location).to.equal(`/admin/surveys/${survey.id}`);
    const shown = await admin.get(`/admin/surveys/${survey.id}`);
    expect(shown.text).to.contain('shown read-only').and.not.contain(`/admin/surveys/${survey.id}/edit`);
    const res = await press(admin, page.text, `/admin/surveys/${survey.id}/edit`, { title_en: 'Changed' });
    expect(res.status).to.equal(409);
    expect(res.text).to.contain('its questions and options can no longer change');
    expect((await ctx.db('surveys').where({ id: survey.id }).first()).title_en).to.equal(survey.title.en);
  });

  it('refuses to open without translations, then opens with a reason recorded in the audit log, and shows the seed', async () => {
    const survey = await createTestSurvey(ctx.deps, adminActor, { title: { en: 'Only English' } });
    const page = await admin.get(`/admin/surveys/${survey.id}`);
    expect(page.text).to.contain('Reason for opening without every translation').and.contain('Survey title: French').and.contain('Survey title: Spanish');
    expect(page.text).to.contain('Not drawn yet');
    const refused = await admin.post(`/admin/surveys/${survey.id}/open`).type('form').send({ _csrf: csrfFrom(page.text), overrideReason: '' });
    expect(refused.status).to.equal(422);
    expect(refused.text).to.contain('2 pieces of text lack their French or Spanish version.').and.contain('id="open-overrideReason-error"');
    expect((await ctx.db('surveys').where({ id: survey.id }).first()).status).to.equal('draft');

    const opened = await admin.post(`/admin/surveys/${survey.id}/open`).type('form').send({ _csrf: csrfFrom(page.text), overrideReason: 'Translations follow by note verbale' });
    expect(opened.status).to.equal(303);
    const row = await ctx.db('surveys').where({ id: survey.id }).first();
    expect(row.status).to.equal('open');
    const entry = await ctx.db('audit_entries').where({ action: 'survey.open', subject_id: survey.id }).first();
    expect(JSON.parse(entry.details)).to.include({ overrideReason: 'Translations follow by note verbale', translationsMissing: 2 });
    const shown = await admin.get(String(opened.headers.location));
    expect(shown.text).to.contain('The survey is open.').and.contain(row.seed).and.contain('Drawn at opening; every tie broken by lot replays from it.');
    expect(shown.text).to.contain('Translations follow by note verbale').and.contain('href="/admin/audit"');
  });

  it('closes, reopens with a new closing time and publishes, and answers 409 to a transition the state does not allow', async () => {
    const survey = await createTestSurvey(ctx.deps, adminActor);
    await openSurvey(ctx.deps, adminActor, survey.id);
    const page = await admin.get(`/admin/surveys/${survey.id}`);
    const csrf = csrfFrom(page.text);
    const early = await admin.post(`/admin/surveys/${survey.id}/publish`).type('form').send({ _csrf: csrf });
    expect(early.status).to.equal(409);
    expect(early.text).to.contain('A survey that is open cannot become published.').and.not.match(/\n\s+at /);
    expect((await admin.post(`/admin/surveys/${survey.id}/close`).type('form').send({ _csrf: csrf })).status).to.equal(303);
    expect((await ctx.db('surveys').where({ id: survey.id }).first()).status).to.equal('closed');
    expect((await admin.get(`/admin/surveys/${survey.id}`)).text).to.contain('This survey is closed: its questions and options are frozen');

    const past = await admin.post(`/admin/surveys/${survey.id}/reopen`).type('form').send({ _csrf: csrf, closesAt: '2020-01-01T10:00' });
    expect(past.status).to.equal(422);
    expect(past.text).to.contain('id="reopen-closesAt-error"').and.contain('The closing time must be in the future.');
    const reopened = await admin.post(`/admin/surveys/${survey.id}/reopen`).type('form').send({ _csrf: csrf, closesAt: '2026-12-01T12:30' });
    expect(reopened.status).to.equal(303);
    const row = await ctx.db('surveys').where({ id: survey.id }).first();
    expect(row.status).to.equal('open');
    expect(new Date(row.closes_at).toISOString()).to.equal('2026-12-01T12:30:00.000Z');
    const shown = await admin.get(`/admin/surveys/${survey.id}`);
    expect(shown.text).to.contain('3 d 3 h 30 min remaining');
    expect(shown.text).to.contain('This survey is open: its questions and options are frozen');

    ctx.clock.set('2026-12-01T13:00:00Z');
    expect((await admin.post(`/admin/surveys/${survey.id}/publish`).type('form').send({ _csrf: csrf })).status).to.equal(303);
    expect((await ctx.db('surveys').where({ id: survey.id }).first()).status).to.equal('published');
    // A published survey's page says so, not that it 'has been opened'.
    const published = await admin.get(`/admin/surveys/${survey.id}`);
    expect(published.text).to.contain('This survey is closed and its results are published: its questions and options are frozen').and.not.contain('has been opened');
    const again = await admin.post(`/admin/surveys/${survey.id}/close`).type('form').send({ _csrf: csrf });
    expect(again.status).to.equal(409);
    const actions = (await ctx.db('audit_entries').where({ subject_type: 'survey', subject_id: survey.id }).orderBy('seq')).map((e) => e.action);
    expect(actions).to.deep.equal(['survey.create', 'survey.open', 'survey.close', 'survey.reopen', 'survey.publish']);
  });

  it('changes the closing time of an open survey and duplicates it as a new draft', async () => {
    const survey = await createTestSurvey(ctx.deps, adminActor);
    await openSurvey(ctx.deps, adminActor, survey.id);
    const page = await admin.get(`/admin/surveys/${survey.id}`);
    const res = await admin.post(`/admin/surveys/${survey.id}/closing-time`).type('form').send({ _csrf: csrfFrom(page.text), closesAt: '2026-11-30T09:00' });
    expect(res.status).to.equal(303);
    expect(new Date((await ctx.db('surveys').where({ id: survey.id }).first()).closes_at).toISOString()).to.equal('2026-11-30T09:00:00.000Z');
    const copy = await admin.post(`/admin/surveys/${survey.id}/duplicate`).type('form').send({ _csrf: csrfFrom(page.text) });
    expect(copy.status).to.equal(303);
    const rows = await ctx.db('surveys').orderBy('id');
    expect(rows).to.have.length(2);
    expect(rows[1]).to.include({ status: 'draft', title_en: survey.title.en, closes_at: null, seed: null });
    expect(copy.headers.location).to.equal(`/admin/surveys/${rows[1].id}?done=duplicated&from=${survey.id}`);
  });

  it('lists each Member State as answered or not, with the names of those that have not answered to copy', async () => {
    const sen = await createTestMemberState(ctx.deps, 'SEN');
    await createTestMemberState(ctx.deps, 'FRA');
    await createTestMemberState(ctx.deps, 'VAT', 'observer');
    const survey: Survey = await createTestSurvey(ctx.deps, adminActor, { quorum: 2 });
    await openSurvey(ctx.deps, adminActor, survey.id);
    const delegate = await createTestUser(ctx.deps, 'delegate', { memberState: 'SEN' });
    const [theme, topics] = survey.questions;
    await submitBallot(ctx.deps, actorOf(delegate, sen.id), survey.id, {
      answers: [{ question: theme!.id, ranking: [theme!.options[1]!.id] }, { question: topics!.id, abstain: true }],
    }, { channel: 'web' });

    const res = await admin.get(`/admin/surveys/${survey.id}/participation`);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('1 of 2 eligible Member States have answered.').and.contain('Quorum: 2 Member States, not reached.');
    expect(res.text).to.contain(delegate.email).and.contain('Web page').and.contain('Answered').and.contain('Not answered');
    expect(res.text).to.match(/<textarea id="not-answered"[^>]*readonly[^>]*>FRA \(en\)<\/textarea>/);
    expect(res.text).to.not.contain('VAT (en)');
    expect(res.text).to.contain('<script src="/static/js/copy-list.js" defer></script>');
    const list = await admin.get('/admin/surveys');
    expect(list.text).to.contain('1 of 2').and.contain(survey.title.en).and.contain('Open');
    await admin.post('/language').type('form').send({ _csrf: csrfFrom(res.text), lang: 'fr', next: '/' });
    const fr = await admin.get(`/admin/surveys/${survey.id}/participation`);
    expect(fr.text).to.contain('FRA (fr)</textarea>').and.contain('A répondu');
  });

  it('accepts and declines proposals, refusing a decline without a reason', async () => {
    await createTestMemberState(ctx.deps, 'SEN');
    const sen = await ctx.db('member_states').where({ iso3: 'SEN' }).first();
    const survey = await createTestSurvey(ctx.deps, adminActor);
    await openSurvey(ctx.deps, adminActor, survey.id);
    const delegate = actorOf(await createTestUser(ctx.deps, 'delegate', { memberState: 'SEN' }), Number(sen.id));
    const topics = survey.questions[1]!;
    const one = await proposeTopic(ctx.deps, delegate, survey.id, { question: topics.id, title: 'Migration et climat', description: 'Les déplacements liés au climat', language: 'fr' });
    const two = await proposeTopic(ctx.deps, delegate, survey.id, { question: topics.id, title: 'Diaspora bonds', language: 'en' });

    const page = await admin.get(`/admin/surveys/${survey.id}/proposals`);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('Migration et climat').and.contain('Les déplacements liés au climat').and.contain('SEN').and.contain('<dd>French</dd>');
    const csrf = csrfFrom(page.text);
    const noReason = await admin.post(`/admin/surveys/${survey.id}/proposals/${two.id}/decline`).type('form').send({ _csrf: csrf, reason: '  ' });
    expect(noReason.status).to.equal(422);
    expect(noReason.text).to.contain('id="p' + two.id + '-reason-error"').and.contain('Give the reason, which the delegation will see.');
    expect((await ctx.db('proposals').where({ id: two.id }).first()).status).to.equal('pending');

    const frozen = await admin.post(`/admin/surveys/${survey.id}/proposals/${one.id}/accept`).type('form').send({ _csrf: csrf, label: '(e)' });
    expect(frozen.status).to.equal(409);
    expect(frozen.text).to.contain('The options of this survey are frozen');
    const shown = await admin.get(`/admin/surveys/${survey.id}`);
    expect(shown.text).to.contain('Review the proposals (2 pending)');
    expect((await admin.post(`/admin/surveys/${survey.id}/reopen-options`).type('form').send({ _csrf: csrf, reason: 'A topic proposed by Senegal' })).status).to.equal(303);
    const accepted = await admin.post(`/admin/surveys/${survey.id}/proposals/${one.id}/accept`).type('form').send({ _csrf: csrf, label: '(e)' });
    expect(accepted.status).to.equal(303);
    const option = await ctx.db('options').where({ question_id: topics.id, label: '(e)' }).first();
    expect(option).to.include({ title_fr: 'Migration et climat', proposed_by: Number(sen.id) });
    // The new option names the Member State that proposed it, in the reader's language.
    expect((await admin.get(`/admin/surveys/${survey.id}`)).text).to.contain('Proposed by SEN (en)');
    const senAgent = await signIn(app, (await createTestUser(ctx.deps, 'delegate', { memberState: 'SEN', language: 'fr' })).email);
    expect((await senAgent.get(`/surveys/${survey.id}/ballot`)).text).to.contain('Proposée par SEN (fr)');
    expect((await admin.post(`/admin/surveys/${survey.id}/proposals/${two.id}/decline`).type('form').send({ _csrf: csrf, reason: 'Covered by topic (b)' })).status).to.equal(303);
    const after = await admin.get(`/admin/surveys/${survey.id}/proposals`);
    expect(after.text).to.contain('No proposal is waiting.').and.contain('Accepted as an option').and.contain('Declined. Reason: Covered by topic (b)');
  });

  it('offers Accept only where it can work, says why not, and lists undecided proposals on the survey page, a closed survey’s as a warning', async () => {
    await createTestMemberState(ctx.deps, 'SEN');
    const sen = await ctx.db('member_states').where({ iso3: 'SEN' }).first();
    const survey = await createTestSurvey(ctx.deps, adminActor);
    await openSurvey(ctx.deps, adminActor, survey.id);
    const delegate = actorOf(await createTestUser(ctx.deps, 'delegate', { memberState: 'SEN' }), Number(sen.id));
    const topics = survey.questions[1]!;
    const one = await proposeTopic(ctx.deps, delegate, survey.id, { question: topics.id, title: 'Migration et climat', language: 'fr' });
    const acceptForm = `/admin/surveys/${survey.id}/proposals/${one.id}/accept`;
    const declineForm = `/admin/surveys/${survey.id}/proposals/${one.id}/decline`;

    // Open with frozen options: no Accept button, the reason and the way out instead; Decline stays.
    const open = await admin.get(`/admin/surveys/${survey.id}/proposals`);
    expect(open.text).to.not.contain(`action="${acceptForm}"`);
    expect(open.text).to.contain(`action="${declineForm}"`);
    expect(open.text).to.contain('reopen the options on the survey page to accept one, or decline it with a reason.');
    expect(open.text).to.contain('Accepting needs the options reopened (see above).');
    const shown = await admin.get(`/admin/surveys/${survey.id}`);
    expect(shown.text).to.contain('Proposals waiting for a decision: 1').and.contain('Migration et climat</span> · SEN (en) · 2. ');

    // Options reopened: Accept is offered.
    expect((await admin.post(`/admin/surveys/${survey.id}/reopen-options`).type('form').send({ _csrf: csrfFrom(open.text), reason: 'Proposals' })).status).to.equal(303);
    const reopened = await admin.get(`/admin/surveys/${survey.id}/proposals`);
    expect(reopened.text).to.contain(`action="${acceptForm}"`);
    expect(reopened.text).to.not.contain('id="why-no-accept"');

    // Closed: only declining, and the survey page warns of what is left undecided, in each language.
    await closeSurvey(ctx.deps, adminActor, survey.id);
    const closed = await admin.get(`/admin/surveys/${survey.id}/proposals`);
    expect(closed.text).to.not.contain(`action="${acceptForm}"`);
    expect(closed.text).to.contain(`action="${declineForm}"`).and.contain('Only declining is possible: the survey is closed.');
    const closedPage = await admin.get(`/admin/surveys/${survey.id}`);
    expect(closedPage.text).to.contain('<section class="panel warn" aria-labelledby="undecided-heading">')
      .and.contain('The survey is closed, so no proposal can become an option any more');
    for (const [lang, words] of [['fr', 'Propositions en attente de décision\u202f: 1'], ['es', 'Propuestas a la espera de una decisión: 1']] as const) {
      await admin.post('/language').type('form').send({ _csrf: csrfFrom(closedPage.text), lang, next: '/' });
      expect((await admin.get(`/admin/surveys/${survey.id}`)).text).to.contain(words).and.contain(`SEN (${lang})`);
    }
    await admin.post('/language').type('form').send({ _csrf: csrfFrom(closedPage.text), lang: 'en', next: '/' });
    expect((await admin.post(declineForm).type('form').send({ _csrf: csrfFrom(closedPage.text), reason: 'The survey closed' })).status).to.equal(303);
    expect((await admin.get(`/admin/surveys/${survey.id}`)).text).to.not.contain('undecided-heading');
  });

  it('lets staff view every page but change nothing, and keeps delegates out', async () => {
    const survey = await createTestSurvey(ctx.deps, adminActor);
    const staff = await signIn(app, (await createTestUser(ctx.deps, 'staff')).email);
    for (const url of ['/admin/surveys', `/admin/surveys/${survey.id}`, `/admin/surveys/${survey.id}/participation`, `/admin/surveys/${survey.id}/proposals`]) {
      const res = await staff.get(url);
      expect(res.status, url).to.equal(200);
      expect(res.text, url).to.not.contain('name="overrideReason"').and.not.contain('New survey');
    }
    expect((await staff.get('/admin/surveys/new')).status).to.equal(403);
    expect((await staff.get(`/admin/surveys/${survey.id}/edit`)).status).to.equal(403);
    const csrf = csrfFrom((await staff.get('/admin/surveys')).text);
    const changes = ['', `/${survey.id}/edit`, `/${survey.id}/duplicate`, `/${survey.id}/open`, `/${survey.id}/close`, `/${survey.id}/reopen`, `/${survey.id}/publish`,
      `/${survey.id}/closing-time`, `/${survey.id}/reopen-options`, `/${survey.id}/proposals/1/accept`, `/${survey.id}/proposals/1/decline`];
    for (const path of changes) {
      const res = await staff.post(`/admin/surveys${path}`).type('form').send({ _csrf: csrf, overrideReason: 'x', reason: 'x', title_en: 'x' });
      expect(res.status, path).to.equal(403);
    }
    expect(await count(ctx, 'surveys')).to.equal(1);
    expect((await ctx.db('surveys').first()).status).to.equal('draft');

    await createTestMemberState(ctx.deps, 'SEN');
    const delegate = await signIn(app, (await createTestUser(ctx.deps, 'delegate', { memberState: 'SEN' })).email);
    for (const url of ['/admin/surveys', `/admin/surveys/${survey.id}`, `/admin/surveys/${survey.id}/participation`]) expect((await delegate.get(url)).status, url).to.equal(403);
  });
});
