import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { openSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { csrfFrom, type Agent } from '../helpers/browser-session.js';
import { useSignedIn, type SignedIn } from '../helpers/signed-in.js';
import { createTestSurvey } from '../helpers/surveys.js';

describe('mail pages and POST /users', () => {
  let s: SignedIn;
  let app: Express;
  let admin: Agent;
  useSignedIn({ memberStates: ['SEN', 'PER'] }, async (made) => {
    s = made;
    app = await s.app();
    admin = await s.admin.agent();
  });

  it('POST /api/v1/users without a password answers with the invitation and queues it in the given language', async () => {
    const res = await request(app).post('/api/v1/users').set('Authorization', await s.admin.bearer())
      .send({ email: 'rosa@peru.example', displayName: 'Rosa', role: 'delegate', memberState: 'PER', language: 'es' });
    expect(res.status).to.equal(201);
    expect(res.body.language).to.equal('es');
    const [m] = await s.ctx.db('outbox_messages').where({ recipient: 'rosa@peru.example' });
    expect(m.kind).to.equal('invitation');
    expect(m.language).to.equal('es');
    expect(m.text_body).to.include(res.body.invitation.url);
    const bad = await request(app).post('/api/v1/users').set('Authorization', await s.admin.bearer())
      .send({ email: 'x@peru.example', displayName: 'X', role: 'staff', language: 'de' });
    expect(bad.status).to.equal(422);
    expect(await s.ctx.db('outbox_messages').where({ recipient: 'x@peru.example' })).to.have.length(0);
  });

  it('shows the outbox with each message, its status, body and links, to administrators only', async () => {
    await request(app).post('/api/v1/users').set('Authorization', await s.admin.bearer())
      .send({ email: 'awa@senegal.example', displayName: 'Awa', role: 'delegate', memberState: 'SEN', language: 'fr' });
    const page = await admin.get('/admin/outbox');
    expect(page.status).to.equal(200);
    expect(page.text).to.include('awa@senegal.example').and.include('Votre invitation à Consultation ballots').and.include('SMTP_URL');
    const [m] = await s.ctx.db('outbox_messages').where({ recipient: 'awa@senegal.example' });
    const detail = await admin.get(`/admin/outbox/${m.id}`);
    expect(detail.status).to.equal(200);
    expect(detail.text).to.include(m.message_id.replace('<', '&lt;').replace('>', '&gt;')).and.include('/invitations/');
    const filtered = await admin.get('/admin/outbox?status=sent');
    expect(filtered.text).to.not.include('awa@senegal.example');
    expect((await admin.get('/admin/outbox/999999')).status).to.equal(404);
    const delegate = await (await s.createDelegate('SEN')).agent();
    expect((await delegate.get('/admin/outbox')).status).to.equal(403);
    const staff = await (await s.createStaff()).agent();
    expect((await staff.get('/admin/outbox/previews')).status).to.equal(403);
  });

  it('previews every kind of message in English, French and Spanish', async () => {
    const page = await admin.get('/admin/outbox/previews');
    expect(page.status).to.equal(200);
    for (const text of ['Your invitation to Consultation ballots', 'Votre invitation à Consultation ballots', 'Su invitación a Consultation ballots',
      'Reminder:', 'Rappel\u202f:', 'Recordatorio:', 'Ballot recorded', 'Proposition refusée', 'Resultados publicados',
      'Failed attempts to sign in to your Consultation ballots account', 'Tentatives de connexion échouées à votre compte Consultation ballots',
      'Intentos fallidos de iniciar sesión en su cuenta de Consultation ballots']) {
      expect(page.text, text).to.include(text);
    }
  });

  it('sets a Member State\'s mission address on its page, and refuses a bad one at the field', async () => {
    const page = await admin.get('/admin/mission-addresses');
    expect(page.status).to.equal(200);
    const sen = s.memberStates.SEN!;
    const bad = await admin.post(`/admin/mission-addresses/${sen.id}`).type('form').send({ _csrf: csrfFrom(page.text), address: 'nobody' });
    expect(bad.status).to.equal(422);
    expect(bad.text).to.include('Give a valid e-mail address.').and.include('value="nobody"');
    const ok = await admin.post(`/admin/mission-addresses/${sen.id}`).type('form').send({ _csrf: csrfFrom(page.text), address: 'mission@senegal.example' });
    expect(ok.status).to.equal(303);
    const after = await admin.get(ok.headers.location!.split('#')[0]!);
    expect(after.text).to.include('value="mission@senegal.example"').and.include('saved');
    const staff = await (await s.createStaff()).agent();
    expect((await staff.get('/admin/mission-addresses')).status).to.equal(403);
  });

  describe('reminders and participation', () => {
    let survey: Survey;
    beforeEach(async () => {
      await s.createDelegate('SEN');
      await s.createDelegate('PER');
      survey = await openSurvey(s.ctx.deps, s.admin.actor, (await createTestSurvey(s.ctx.deps, s.admin.actor, { closesAt: '2026-12-20T12:00:00Z' })).id);
    });

    it('saves a schedule, refuses a bad one at the field, and sends a reminder now after showing its recipients and preview', async () => {
      const page = await admin.get(`/admin/surveys/${survey.id}/reminders`);
      expect(page.status).to.equal(200);
      expect(page.text).to.include('168, 24').and.include('2 messages to 2 Member States').and.include('Send 2 reminders');
      const bad = await admin.post(`/admin/surveys/${survey.id}/reminders/schedule`).type('form').send({ _csrf: csrfFrom(page.text), hoursBefore: '72, soon' });
      expect(bad.status).to.equal(422);
      expect(bad.text).to.include('Give whole numbers of hours');
      const saved = await admin.post(`/admin/surveys/${survey.id}/reminders/schedule`).type('form').send({ _csrf: csrfFrom(page.text), hoursBefore: '72, 12' });
      expect(saved.status).to.equal(303);
      expect((await admin.get(saved.headers.location!)).text).to.include('72, 12').and.include('Schedule saved.');
      const sent = await admin.post(`/admin/surveys/${survey.id}/reminders/send`).type('form').send({ _csrf: csrfFrom(page.text) });
      expect(sent.status).to.equal(303);
      expect(await s.ctx.db('outbox_messages').where({ kind: 'reminder' })).to.have.length(2);
      const participation = await admin.get(`/admin/surveys/${survey.id}/participation`);
      expect(participation.text).to.include('invited').and.include('reminded once').and.include('last waiting since');
    });
  });
});
