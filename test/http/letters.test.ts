import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { createUser } from '../../server/domain/accounts.js';
import { openSurvey } from '../../server/domain/surveys/lifecycle.js';
import { csrfFrom, type Agent } from '../helpers/browser-session.js';
import { useSignedIn, type SignedIn, type TestAccount } from '../helpers/signed-in.js';
import { createTestSurvey } from '../helpers/surveys.js';

const CLOSES_AT = '2099-03-01T12:00:00.000Z';

describe('printable letters for the missions the mail did not reach', () => {
  let s: SignedIn;
  let app: Express;
  let admin: Agent;
  let signedUp: TestAccount;
  let invitedToken: string;
  let surveyId: number;
  useSignedIn({ memberStates: ['SEN', 'PER'], observers: ['VAT'] }, async (made) => {
    s = made;
    app = await s.app();
    admin = await s.admin.agent();
    signedUp = await s.createDelegate('SEN');
    await s.createDelegate('PER');
    const { invitation } = await createUser(s.ctx.deps, null, { email: 'awa@senegal.example', displayName: 'Awa Diop', role: 'delegate', memberState: 'SEN', language: 'fr' });
    invitedToken = invitation!.token;
    surveyId = (await openSurvey(s.ctx.deps, s.admin.actor, (await createTestSurvey(s.ctx.deps, s.admin.actor, { closesAt: CLOSES_AT })).id)).id;
    // The mail server refused Senegal's messages.
    const sen = await s.ctx.db('member_states').where({ iso3: 'SEN' }).first();
    await s.ctx.db('outbox_messages').where({ member_state_id: sen.id }).update({ status: 'failed', failed_at: '2026-11-30T10:00:00.000Z', last_reply: '550 mailbox unavailable' });
  });

  const print = async (agent: Agent, fields: Record<string, string>, id = surveyId) => {
    const token = csrfFrom((await agent.get('/account')).text);
    return agent.post(`/admin/surveys/${id}/letters`).type('form').send({ _csrf: token, ...fields });
  };

  it('offers letters on the participation page for the Member States whose messages failed, to administrators', async () => {
    const page = await admin.get(`/admin/surveys/${surveyId}/participation`);
    expect(page.status).to.equal(200);
    expect(page.text).to.include('Print the letters of every Member State whose messages failed (1)');
    expect(page.text).to.include('name="memberState" value="SEN"').and.not.include('name="memberState" value="PER"');
    const staff = await (await s.createStaff()).agent();
    const staffPage = await staff.get(`/admin/surveys/${surveyId}/participation`);
    expect(staffPage.status).to.equal(200);
    expect(staffPage.text).to.not.include('/letters');
  });

  it('prints a Member State’s letter in the chosen language: the survey, its deadline, a new one-time link for a delegate without a password, a sign-in line for the others', async () => {
    const res = await print(admin, { memberState: 'sen', language: 'fr' });
    expect(res.status).to.equal(200);
    expect(res.text).to.include('<article class="letter" lang="fr"').and.include('À la Mission permanente de SEN (fr)');
    expect(res.text).to.include('Dialogue international sur la migration 2008').and.include('IC/2007/17');
    expect(res.text).to.include('Les bulletins sont acceptés jusqu’au 1 mars 2099 à 12:00 UTC.');
    expect(res.text).to.include(`http://127.0.0.1:3000/surveys/${surveyId}/ballot`);
    expect(res.text).to.include(`${signedUp.user.email}`).and.include('Se connecte sur http://127.0.0.1:3000/sign-in');
    // The page around the letters stays in the reader's language.
    expect(res.text).to.include('<html lang="en"').and.include('1 letter, one A4 page each');
    expect(res.text).to.not.include('PER (fr)');

    const link = /http:\/\/127\.0\.0\.1:3000(\/invitations\/[A-Za-z0-9_-]+)/.exec(res.text)![1]!;
    expect((await request(app).get(link)).status).to.equal(200);
    // The invitation mailed before stops working: only the printed link does.
    expect((await request(app).get(`/invitations/${invitedToken}`)).status).to.equal(410);
    const [entry] = await s.ctx.db('audit_entries').where({ action: 'letters.print' });
    expect(entry).to.include({ actor_label: s.admin.user.email, subject_type: 'survey', subject_id: String(surveyId) });
    expect(JSON.parse(entry.details)).to.deep.equal({ memberStates: ['SEN'], linksIssued: 1 });
  });

  it('prints every failed Member State’s letter at once, in the page’s language unless told, with the print styles for A4', async () => {
    const res = await print(admin, { failed: 'all' });
    expect(res.status).to.equal(200);
    expect((res.text.match(/<article class="letter"/g) ?? [])).to.have.length(1);
    expect(res.text).to.include('lang="en"').and.include('To the Permanent Mission of SEN (en)').and.include('Ballots are accepted until 1 March 2099 at 12:00 UTC.');
    const spanish = await print(admin, { failed: 'all', language: 'es' });
    expect(spanish.text).to.include('A la Misión Permanente de SEN (es)').and.include('<option value="es" lang="es" selected>');
    const css = await request(app).get('/static/css/letters.css');
    expect(css.text).to.include('size: A4').and.include('break-after: page');
  });

  it('says so when no Member State’s messages failed', async () => {
    await s.ctx.db('outbox_messages').update({ status: 'sent', failed_at: null });
    const res = await print(admin, { failed: 'all' });
    expect(res.status).to.equal(200);
    expect(res.text).to.include('there is no letter to print');
    expect((await admin.get(`/admin/surveys/${surveyId}/participation`)).text).to.not.include('/letters');
  });

  it('refuses a Member State that is unknown or not eligible (404), a missing choice (422), a survey that is not open (409)', async () => {
    expect((await print(admin, { memberState: 'VAT' })).status).to.equal(404);
    expect((await print(admin, { memberState: 'XYZ' })).status).to.equal(404);
    expect((await print(admin, {})).status).to.equal(422);
    expect((await print(admin, { memberState: 'SEN' }, 999999)).status).to.equal(404);
    const draft = await createTestSurvey(s.ctx.deps, s.admin.actor);
    expect((await print(admin, { memberState: 'SEN' }, draft.id)).status).to.equal(409);
    expect(await s.ctx.db('audit_entries').where({ action: 'letters.print' })).to.have.length(0);
  });

  it('is for administrators only', async () => {
    const staff = await (await s.createStaff()).agent();
    expect((await print(staff, { memberState: 'SEN' })).status).to.equal(403);
    expect((await print(await signedUp.agent(), { memberState: 'SEN' })).status).to.equal(403);
    expect((await request(app).post(`/admin/surveys/${surveyId}/letters`).type('form').send({ memberState: 'SEN' })).status).to.equal(403);
    expect((await request(app).get(`/invitations/${invitedToken}`)).status).to.equal(200);
  });
});
