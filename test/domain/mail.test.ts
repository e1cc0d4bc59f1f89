import { expect } from 'chai';
import { createUser, resetUserPassword } from '../../server/domain/accounts.js';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor, Deps } from '../../server/domain/deps.js';
import { setMissionAddress } from '../../server/domain/mail/mission-addresses.js';
import { isValidAddress, queueMessage } from '../../server/domain/mail/outbox.js';
import { queueScheduledNotices, sendReminderNow, setReminderSchedule } from '../../server/domain/mail/reminders.js';
import { headerSafe, MailRenderer, type KindData } from '../../server/domain/mail/render.js';
import { MailWorker, smtpTransport } from '../../server/domain/mail/worker.js';
import { declineProposal, proposeTopic } from '../../server/domain/proposals.js';
import { closeSurvey, openSurvey, publishSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { Database } from '../../server/data/database.js';
import { MESSAGE_KINDS, type MessageKind } from '../../server/data/outbox.js';
import { createTestMemberState, createTestUser } from '../helpers/accounts.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp.js';
import { actorOf, createTestSurvey } from '../helpers/surveys.js';

const SURVEY = { en: 'Overarching theme', fr: 'Thème général', es: 'Tema general' };
const STATE = { en: 'France', fr: 'France', es: 'Francia' };
const URL_ = 'http://127.0.0.1:3000/somewhere';

function sampleData(kind: MessageKind): KindData[MessageKind] {
  const samples: { [K in MessageKind]: KindData[K] } = {
    invitation: { name: 'Ana', url: URL_, expiresAt: '2026-12-07T09:00:00.000Z' },
    'password-reset': { name: 'Ana', url: URL_, expiresAt: '2026-12-01T09:00:00.000Z' },
    'survey-opened': { name: 'Ana', survey: SURVEY, memberState: STATE, closesAt: '2026-12-15T17:00:00.000Z', url: URL_ },
    reminder: { name: 'Ana', survey: SURVEY, memberState: STATE, closesAt: '2026-12-15T17:00:00.000Z', url: URL_ },
    'ballot-receipt': {
      name: 'Ana', survey: SURVEY, memberState: STATE, receipt: 'ABCD-EFGH', revision: 2, channel: 'paper', submittedAt: '2026-12-01T10:00:00.000Z',
      answers: [{ question: SURVEY, abstain: false, ranking: [{ en: 'Return', fr: 'Retour', es: 'Retorno' }] }, { question: { en: 'Q2', fr: null, es: null }, abstain: true, ranking: [] }], url: URL_,
    },
    'survey-closed': { name: 'Ana', survey: SURVEY, url: URL_ },
    'results-published': { name: 'Ana', survey: SURVEY, url: URL_ },
    'proposal-accepted': { name: 'Ana', survey: SURVEY, memberState: STATE, proposal: 'Climate', url: URL_ },
    'proposal-declined': { name: 'Ana', survey: SURVEY, memberState: STATE, proposal: 'Climate', reason: 'Covered elsewhere', url: URL_ },
    'sign-in-failures': { name: 'Ana', failures: 5, since: '2026-12-01T08:00:00.000Z', url: URL_ },
    test: { name: 'Operator', url: URL_ },
  };
  return samples[kind];
}

async function messages(ctx: TestContext, where: Record<string, unknown> = {}) {
  return ctx.db('outbox_messages').where(where).orderBy('id');
}

describe('mail: rendering', () => {
  for (const kind of MESSAGE_KINDS) {
    it(`renders ${kind} in English, French and Spanish, as text and HTML with its link`, () => {
      const renderer = new MailRenderer('http://127.0.0.1:3000');
      const [en, fr, es] = (['en', 'fr', 'es'] as const).map((lang) => renderer.render(kind, lang, sampleData(kind) as never));
      for (const [lang, m] of [['en', en!], ['fr', fr!], ['es', es!]] as const) {
        expect(m.subject, lang).to.not.equal('').and.not.match(/[\r\n]/).and.not.match(/mail\./);
        expect(m.text).to.include(URL_).and.not.match(/mail\./).and.not.include('<');
        expect(m.html).to.include(`lang="${lang}"`).and.include(`href="${URL_}"`).and.include('style="');
        expect(m.links).to.deep.equal([URL_]);
      }
      expect(fr!.subject).to.not.equal(en!.subject);
      expect(es!.subject).to.not.equal(en!.subject);
      expect(fr!.text).to.not.equal(en!.text);
    });
  }

  it('writes survey titles in the recipient language, and marks an English fallback', () => {
    const renderer = new MailRenderer('http://127.0.0.1:3000');
    const fr = renderer.render('survey-opened', 'fr', { ...sampleData('survey-opened') as KindData['survey-opened'] });
    expect(fr.subject).to.include('Thème général');
    const fallback = renderer.render('survey-closed', 'es', { name: 'Ana', survey: { en: 'Only English', fr: null, es: null }, url: URL_ });
    expect(fallback.subject).to.include('Only English (todavía sin traducir: en inglés)');
    const receipt = renderer.render('ballot-receipt', 'en', sampleData('ballot-receipt') as KindData['ballot-receipt']);
    expect(receipt.text).to.include('ABCD-EFGH').and.include('1. Return').and.include('Q2: abstention');
  });

  it('escapes what users wrote in the HTML and keeps line breaks out of headers', () => {
    const renderer = new MailRenderer('http://127.0.0.1:3000');
    const m = renderer.render('proposal-declined', 'en', { ...sampleData('proposal-declined') as KindData['proposal-declined'], proposal: 'A\r\nBcc: victim@example.org <b>x</b>' });
    expect(m.subject).to.not.match(/[\r\n]/);
    expect(m.subject).to.include('A Bcc: victim@example.org');
    expect(m.html).to.include('&lt;b&gt;x&lt;/b&gt;').and.not.include('<b>x</b>');
    expect(headerSafe('a\r\nb\u2028c')).to.equal('a b c');
    expect(isValidAddress('ok@example.org')).to.equal(true);
    for (const bad of ['x@example.org\r\nBcc: y@example.org', 'a@b.org, c@d.org', 'Name <a@b.org>', 'not-an-address']) expect(isValidAddress(bad), bad).to.equal(false);
  });
});

describe('mail: outbox written with the event', () => {
  let ctx: TestContext;
  let admin: Actor;
  beforeEach(async () => {
    ctx = await createTestContext();
    admin = actorOf(await createTestUser(ctx.deps, 'admin'));
  });
  afterEach(() => ctx.close());

  it('queues the invitation of an account created without a password, in its language, with its link', async () => {
    await createTestMemberState(ctx.deps, 'FRA');
    const { user, invitation } = await createUser(ctx.deps, admin, { email: 'marie@example.org', displayName: 'Marie', role: 'delegate', memberState: 'FRA', language: 'fr' });
    const [m] = await messages(ctx, { kind: 'invitation' });
    expect(m.recipient).to.equal('marie@example.org');
    expect(m.user_id).to.equal(user.id);
    expect(m.language).to.equal('fr');
    expect(m.subject).to.equal('Votre invitation à Consultation ballots');
    expect(m.text_body).to.include(`http://127.0.0.1:3000/invitations/${invitation!.token}`);
    expect(m.status).to.equal('queued');
    expect(m.message_id).to.match(/^<[0-9a-f-]+@127\.0\.0\.1>$/);
    await resetUserPassword(ctx.deps, admin, user.id);
    expect(await messages(ctx, { kind: 'password-reset' })).to.have.length(1);
  });

  it('writes nothing when the event is rolled back', async () => {
    const before = (await messages(ctx)).length;
    const failure = new Error('the event fails after its message was queued');
    const caught = await ctx.deps.db.transaction(async (tx) => {
      await queueMessage(ctx.deps, tx, { kind: 'test', to: { email: 'x@example.org', name: 'X', language: 'en', userId: null, memberStateId: null }, data: { name: 'X', url: URL_ } });
      expect((await tx.knex('outbox_messages')).length).to.equal(before + 1);
      throw failure;
    }).catch((e: unknown) => e);
    expect(caught).to.equal(failure);
    expect(await messages(ctx)).to.have.length(before);
    // An account whose e-mail is taken is refused: no invitation is queued for it.
    await createUser(ctx.deps, admin, { email: 'dup@example.org', displayName: 'Dup', role: 'staff' });
    await createUser(ctx.deps, admin, { email: 'dup@example.org', displayName: 'Dup', role: 'staff' }).catch(() => undefined);
    expect(await messages(ctx, { recipient: 'dup@example.org' })).to.have.length(1);
  });

  it('tells every active delegate of every member State when a survey opens, closes and is published; receipts and proposal decisions go to one delegation', async () => {
    const fra = await createTestMemberState(ctx.deps, 'FRA');
    await createTestMemberState(ctx.deps, 'ESP');
    await createTestMemberState(ctx.deps, 'VAT', 'observer');
    const d1 = await createUser(ctx.deps, admin, { email: 'd1@example.org', displayName: 'D1', role: 'delegate', memberState: 'FRA', language: 'fr' }, 'correct horse battery');
    await createUser(ctx.deps, admin, { email: 'd2@example.org', displayName: 'D2', role: 'delegate', memberState: 'ESP', language: 'es' }, 'correct horse battery');
    await createUser(ctx.deps, admin, { email: 'obs@example.org', displayName: 'Obs', role: 'delegate', memberState: 'VAT', language: 'en' }, 'correct horse battery');
    const off = await createUser(ctx.deps, admin, { email: 'off@example.org', displayName: 'Off', role: 'delegate', memberState: 'ESP', language: 'en' }, 'correct horse battery');
    await ctx.db('users').where({ id: off.user.id }).update({ is_disabled: true });
    const survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin, { closesAt: '2026-12-20T12:00:00Z' })).id);
    const opened = await messages(ctx, { kind: 'survey-opened' });
    expect(opened.map((m) => [m.recipient, m.language])).to.deep.equal([['d1@example.org', 'fr'], ['d2@example.org', 'es']]);
    expect(opened[0].subject).to.equal('Enquête ouverte\u202f: Dialogue international sur la migration 2008');
    expect(opened[1].subject).to.equal('Encuesta abierta: Diálogo Internacional sobre la Migración 2008');
    expect(opened[0].text_body).to.include(`/surveys/${survey.id}/ballot`);

    const delegate = actorOf(d1.user, fra.id);
    const { receipt } = await submitBallot(ctx.deps, delegate, survey.id, {
      answers: [{ question: survey.questions[0]!.id, ranking: [survey.questions[0]!.options[1]!.id] }, { question: survey.questions[1]!.id, abstain: true }],
    }, { channel: 'web' });
    const receipts = await messages(ctx, { kind: 'ballot-receipt' });
    expect(receipts.map((m) => m.recipient)).to.deep.equal(['d1@example.org']);
    expect(receipts[0].text_body).to.include(receipt).and.include('Migration et développement').and.include('abstention');

    const proposal = await proposeTopic(ctx.deps, delegate, survey.id, { question: survey.questions[1]!.id, title: 'Climat', description: 'Migration et climat', language: 'fr' });
    await declineProposal(ctx.deps, admin, proposal.id, { reason: 'Déjà traité' });
    const declined = await messages(ctx, { kind: 'proposal-declined' });
    expect(declined.map((m) => m.recipient)).to.deep.equal(['d1@example.org']);
    expect(declined[0].text_body).to.include('Déjà traité').and.include('Climat');

    await closeSurvey(ctx.deps, admin, survey.id);
    await publishSurvey(ctx.deps, admin, survey.id);
    expect((await messages(ctx, { kind: 'survey-closed' })).map((m) => m.recipient)).to.deep.equal(['d1@example.org', 'd2@example.org']);
    const published = await messages(ctx, { kind: 'results-published' });
    expect(published.map((m) => m.recipient)).to.deep.equal(['d1@example.org', 'd2@example.org']);
    expect(published[0].text_body).to.include(`/surveys/${survey.id}/results`);
  });
});

describe('mail: mission addresses', () => {
  let ctx: TestContext;
  let admin: Actor;
  beforeEach(async () => {
    ctx = await createTestContext();
    admin = actorOf(await createTestUser(ctx.deps, 'admin'));
  });
  afterEach(() => ctx.close());

  it('copies its Member State\'s notices to the mission address, and only its own receipts', async () => {
    const fra = await createTestMemberState(ctx.deps, 'FRA');
    const esp = await createTestMemberState(ctx.deps, 'ESP');
    const d1 = await createUser(ctx.deps, admin, { email: 'd1@example.org', displayName: 'D1', role: 'delegate', memberState: 'FRA', language: 'fr' }, 'correct horse battery');
    await createUser(ctx.deps, admin, { email: 'd2@example.org', displayName: 'D2', role: 'delegate', memberState: 'FRA', language: 'en' }, 'correct horse battery');
    await createUser(ctx.deps, admin, { email: 'd3@example.org', displayName: 'D3', role: 'delegate', memberState: 'ESP', language: 'es' }, 'correct horse battery');
    expect(await setMissionAddress(ctx.deps, admin, fra.id, { address: ' Mission.France@Example.org ' })).to.equal('mission.france@example.org');
    await setMissionAddress(ctx.deps, admin, esp.id, { address: 'mision.espana@example.org' });
    const audit = await ctx.db('audit_entries').where({ action: 'member-state.mission-address' });
    expect(audit).to.have.length(2);
    const survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin)).id);
    const opened = await messages(ctx, { kind: 'survey-opened' });
    expect(opened.map((m) => [m.recipient, m.language])).to.have.deep.members([
      ['d1@example.org', 'fr'], ['d2@example.org', 'en'], ['mission.france@example.org', 'fr'], ['d3@example.org', 'es'], ['mision.espana@example.org', 'es'],
    ]);
    await submitBallot(ctx.deps, actorOf(d1.user, fra.id), survey.id, {
      answers: [{ question: survey.questions[0]!.id, abstain: true }, { question: survey.questions[1]!.id, abstain: true }],
    }, { channel: 'web' });
    expect((await messages(ctx, { kind: 'ballot-receipt' })).map((m) => m.recipient)).to.have.members(['d1@example.org', 'd2@example.org', 'mission.france@example.org']);
    await sendReminderNow(ctx.deps, admin, survey.id);
    expect((await messages(ctx, { kind: 'reminder' })).map((m) => m.recipient)).to.have.members(['d3@example.org', 'mision.espana@example.org']);
    await setMissionAddress(ctx.deps, admin, esp.id, { address: '' });
    expect((await ctx.db('member_states').where({ id: esp.id }).first()).mission_address).to.equal(null);
    for (const bad of ['not an address', 'a@example.org\r\nBcc: b@example.org', 'a@example.org, b@example.org']) {
      const error = await setMissionAddress(ctx.deps, admin, fra.id, { address: bad }).catch((e: unknown) => e);
      expect(error, bad).to.have.property('kind', 'invalid');
    }
  });
});

describe('mail: reminder schedule', () => {
  let ctx: TestContext;
  let admin: Actor;
  let survey: Survey;
  let fraId: number;
  let d1: Actor;
  beforeEach(async () => {
    ctx = await createTestContext();
    admin = actorOf(await createTestUser(ctx.deps, 'admin'));
    fraId = (await createTestMemberState(ctx.deps, 'FRA')).id;
    await createTestMemberState(ctx.deps, 'ESP');
    d1 = actorOf(await createTestUser(ctx.deps, 'delegate', { memberState: 'FRA', email: 'fra@example.org' }), fraId);
    await createTestUser(ctx.deps, 'delegate', { memberState: 'ESP', email: 'esp@example.org' });
    // The clock starts on 2026-11-28 09:00; the survey closes ten days later.
    survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin, { closesAt: '2026-12-08T09:00:00Z' })).id);
  });
  afterEach(() => ctx.close());

  const reminded = async () => (await messages(ctx, { kind: 'reminder' })).map((m) => m.recipient);

  it('sends each point once (7 days, then 1 day before closing), never to a Member State that answered, then the closing notice once', async () => {
    await queueScheduledNotices(ctx.deps);
    expect(await reminded()).to.deep.equal([]);
    ctx.clock.set('2026-12-01T09:00:01Z');
    await queueScheduledNotices(ctx.deps);
    await queueScheduledNotices(ctx.deps);
    expect(await reminded()).to.deep.equal(['fra@example.org', 'esp@example.org']);
    await submitBallot(ctx.deps, d1, survey.id, {
      answers: [{ question: survey.questions[0]!.id, abstain: true }, { question: survey.questions[1]!.id, abstain: true }],
    }, { channel: 'web' });
    ctx.clock.set('2026-12-07T10:00:00Z');
    await queueScheduledNotices(ctx.deps);
    expect(await reminded()).to.deep.equal(['fra@example.org', 'esp@example.org', 'esp@example.org']);
    ctx.clock.set('2026-12-08T09:00:00Z');
    await queueScheduledNotices(ctx.deps);
    await queueScheduledNotices(ctx.deps);
    expect((await messages(ctx, { kind: 'survey-closed' })).map((m) => m.recipient)).to.deep.equal(['fra@example.org', 'esp@example.org']);
    // Closing it by hand afterwards tells nobody twice.
    await closeSurvey(ctx.deps, admin, survey.id);
    expect(await messages(ctx, { kind: 'survey-closed' })).to.have.length(2);
  });

  it('follows the schedule the administrator set, skips points before the opening, and runs once across two processes', async () => {
    await setReminderSchedule(ctx.deps, admin, survey.id, { hoursBefore: '500, 48' });
    const second = await Database.open(ctx.config.database, ctx.config.database.client === 'pg' ? { searchPath: (await ctx.db.raw('select current_schema() as s')).rows[0].s } : {});
    try {
      const other: Deps = { ...ctx.deps, db: second };
      ctx.clock.set('2026-12-06T09:00:01Z');
      await Promise.all([queueScheduledNotices(ctx.deps), queueScheduledNotices(other), queueScheduledNotices(ctx.deps)]);
      expect(await reminded()).to.deep.equal(['fra@example.org', 'esp@example.org']);
    } finally {
      await second.close();
    }
  });

  it('sends a reminder now to the Member States that have not answered, recorded in the audit log', async () => {
    await submitBallot(ctx.deps, d1, survey.id, {
      answers: [{ question: survey.questions[0]!.id, abstain: true }, { question: survey.questions[1]!.id, abstain: true }],
    }, { channel: 'web' });
    expect(await sendReminderNow(ctx.deps, admin, survey.id)).to.equal(1);
    expect(await reminded()).to.deep.equal(['esp@example.org']);
    const audit = await ctx.db('audit_entries').where({ action: 'survey.remind' });
    expect(audit).to.have.length(1);
  });
});

describe('mail: the worker against an SMTP server', () => {
  let ctx: TestContext;
  let smtp: TestSmtpServer;
  let deps: Deps;
  const workers: MailWorker[] = [];

  beforeEach(async () => {
    ctx = await createTestContext();
    smtp = await startTestSmtpServer();
    deps = { ...ctx.deps, config: { ...ctx.config, mail: { ...ctx.config.mail, smtpUrl: smtp.url, ratePerSecond: 1000, maxAttempts: 3 } } };
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    await smtp.close();
    await ctx.close();
  });

  const worker = (d: Deps = deps) => {
    const w = new MailWorker(d, smtpTransport(d.config.mail), { backoffMs: 60_000, schedule: false });
    workers.push(w);
    return w;
  };
  const queueTest = (to: string) => deps.db.transaction((tx) => queueMessage(deps, tx, { kind: 'test', to: { email: to, name: 'Op', language: 'fr', userId: null, memberStateId: null }, data: { name: 'Op', url: URL_ } }));

  it('delivers a queued message with its Message-ID and records the reply', async () => {
    await queueTest('one@example.org');
    const report = await worker().deliver();
    expect(report).to.include({ sent: 1, claimed: 1 });
    const [mail] = await smtp.waitFor(1);
    const [row] = await messages(ctx);
    expect(mail!.messageId).to.equal(row.message_id);
    expect(mail!.subject).to.equal('Message d’essai de Consultation ballots');
    expect(mail!.text).to.include(URL_);
    expect(mail!.html).to.include(URL_);
    expect(row.status).to.equal('sent');
    expect(row.last_reply).to.match(/^250/);
    expect(row.sent_at).to.be.a('string');
    expect((await worker().deliver()).claimed).to.equal(0);
  });

  it('retries after a 4xx reply with a growing delay, then delivers', async () => {
    await queueTest('busy@example.org');
    smtp.mode = 'temporary';
    const w = worker();
    expect(await w.deliver()).to.include({ retried: 1 });
    let [row] = await messages(ctx);
    expect(row).to.include({ status: 'queued', attempts: 1 });
    expect(row.last_reply).to.match(/^451/);
    expect(row.next_attempt_at).to.equal('2026-11-28T09:01:00.000Z');
    expect((await w.deliver()).claimed, 'not due yet').to.equal(0);
    smtp.mode = 'accept';
    ctx.clock.advance(60_000);
    expect(await w.deliver()).to.include({ sent: 1 });
    [row] = await messages(ctx);
    expect(row).to.include({ status: 'sent', attempts: 2 });
    expect(smtp.received).to.have.length(1);
  });

  it('retries after the server was down, and gives up after the last attempt', async () => {
    await queueTest('later@example.org');
    const port = smtp.port;
    await smtp.close();
    const w = worker();
    expect(await w.deliver()).to.include({ retried: 1 });
    let [row] = await messages(ctx);
    expect(row.status).to.equal('queued');
    expect(row.last_reply).to.match(/ECONNECTION|ECONNREFUSED|ESOCKET/);
    smtp = await startTestSmtpServer(port);
    ctx.clock.advance(60_000);
    expect(await w.deliver()).to.include({ sent: 1 });
    await smtp.waitFor(1);

    await queueTest('never@example.org');
    smtp.mode = 'temporary';
    for (let i = 0; i < 3; i++) {
      await w.deliver();
      ctx.clock.advance(10 * 60_000);
    }
    [row] = await messages(ctx, { recipient: 'never@example.org' });
    expect(row).to.include({ status: 'failed', attempts: 3 });
    expect(row.last_reply).to.match(/^Gave up after 3 attempts/);
  });

  it('marks a message failed with the server reply after a 5xx', async () => {
    await queueTest('nobody@example.org');
    smtp.mode = 'permanent';
    expect(await worker().deliver()).to.include({ failed: 1 });
    const [row] = await messages(ctx);
    expect(row).to.include({ status: 'failed', attempts: 1 });
    expect(row.last_reply).to.match(/^550/);
    expect(row.failed_at).to.be.a('string');
  });

  it('two workers on one database never send a message twice', async function () {
    this.timeout(60_000);
    for (let i = 0; i < 60; i++) await queueTest(`r${i}@example.org`);
    const searchPath = ctx.config.database.client === 'pg' ? (await ctx.db.raw('select current_schema() as s')).rows[0].s as string : undefined;
    const second = ctx.config.database.client === 'pg' ? await Database.open(ctx.config.database, { searchPath }) : ctx.deps.db;
    try {
      const a = new MailWorker(deps, smtpTransport(deps.config.mail), { batchSize: 7, schedule: false });
      const b = new MailWorker({ ...deps, db: second }, smtpTransport(deps.config.mail), { batchSize: 7, schedule: false });
      workers.push(a, b);
      const drain = async (w: MailWorker) => { while ((await w.deliver()).claimed > 0) { /* next batch */ } };
      await Promise.all([drain(a), drain(b), drain(a), drain(b)]);
      await smtp.waitFor(60);
      const ids = smtp.received.map((m) => m.messageId);
      expect(new Set(ids).size).to.equal(60);
      expect(ids).to.have.length(60);
      expect(await messages(ctx, { status: 'sent' })).to.have.length(60);
    } finally {
      if (second !== ctx.deps.db) await second.close();
    }
  });

  it('sends the invitation of an account created without a password when running', async () => {
    const admin = actorOf(await createTestUser(ctx.deps, 'admin'));
    const { invitation } = await createUser(deps, admin, { email: 'new@example.org', displayName: 'New', role: 'staff', language: 'es' });
    const w = new MailWorker(deps, smtpTransport(deps.config.mail), { pollMs: 50, schedule: false });
    workers.push(w);
    w.start();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.subject).to.equal('Su invitación a Consultation ballots');
    expect(mail!.text).to.include(`/invitations/${invitation!.token}`);
  });
});
