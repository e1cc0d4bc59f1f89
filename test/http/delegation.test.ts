import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { createTestUser } from '../helpers/accounts.js';
import { csrfFrom, signIn, submitForm, type Agent } from '../helpers/browser-session.js';
import { useSignedIn, type SignedIn, type TestAccount } from '../helpers/signed-in.js';

/** POSTs a form with the CSRF token of the agent's session, taken from a page it may open. */
async function post(agent: Agent, url: string, fields: Record<string, string> = {}) {
  const token = csrfFrom((await agent.get('/account')).text);
  return agent.post(url).type('form').send({ _csrf: token, ...fields });
}

describe('focal points and their delegation page', () => {
  let s: SignedIn;
  let app: Express;
  let admin: Agent;
  let focal: TestAccount;
  let focalAgent: Agent;
  useSignedIn({ memberStates: ['SEN', 'PER'] }, async (made) => {
    s = made;
    app = await s.app();
    admin = await s.admin.agent();
    focal = await s.createDelegate('SEN');
    const marked = await post(admin, `/admin/users/${focal.user.id}/focal-point`, { focalPoint: 'yes' });
    expect(marked.status).to.equal(303);
    focalAgent = await focal.agent();
  });

  const audit = (action: string) => s.ctx.db('audit_entries').where({ action }).orderBy('id');

  it('lets an administrator mark a delegate as focal point on the user page, records it, and remove it again', async () => {
    const page = await admin.get(`/admin/users/${focal.user.id}`);
    expect(page.text).to.include('This delegate is the focal point of SEN.').and.include('Remove as focal point');
    const [entry] = await audit('user.focal-point');
    expect(entry.actor_label).to.equal(s.admin.user.email);
    expect(JSON.parse(entry.details)).to.deep.include({ email: focal.user.email, memberState: 'SEN', from: { focalPoint: false }, to: { focalPoint: true } });
    expect((await admin.get('/admin/users')).text).to.include('Delegate (focal point)');

    expect((await post(admin, `/admin/users/${focal.user.id}/focal-point`, { focalPoint: 'no' })).status).to.equal(303);
    expect(await audit('user.focal-point')).to.have.length(2);
    // The next request of the former focal point is refused, and the header no longer links to the page.
    expect((await focalAgent.get('/delegation')).status).to.equal(403);
    expect((await focalAgent.get('/surveys')).text).to.not.include('href="/delegation"');
  });

  it('refuses to make staff a focal point, and takes a bad choice as bad input', async () => {
    const staff = await createTestUser(s.ctx.deps, 'staff');
    expect((await post(admin, `/admin/users/${staff.id}/focal-point`, { focalPoint: 'yes' })).status).to.equal(422);
    expect((await post(admin, `/admin/users/${focal.user.id}/focal-point`, { focalPoint: 'maybe' })).status).to.equal(422);
    expect((await post(admin, '/admin/users/999999/focal-point', { focalPoint: 'yes' })).status).to.equal(404);
    expect(await audit('user.focal-point')).to.have.length(1);
  });

  it('moving a focal point to another Member State or role ends the function', async () => {
    const res = await submitForm(admin, `/admin/users/${focal.user.id}`, `/admin/users/${focal.user.id}`, { email: focal.user.email, displayName: 'Moved', role: 'delegate', memberState: 'PER', language: 'en' });
    expect(res.status).to.equal(303);
    expect((await s.ctx.db('users').where({ id: focal.user.id }).first()).is_focal_point).to.be.oneOf([false, 0]);
    expect((await focalAgent.get('/delegation')).status).to.equal(403);
  });

  it('shows the focal point their own delegation only, linked from the header', async () => {
    const colleague = await s.createDelegate('SEN');
    const foreign = await s.createDelegate('PER');
    const page = await focalAgent.get('/delegation');
    expect(page.status).to.equal(200);
    expect(page.text).to.include('href="/delegation"').and.include(colleague.user.email).and.include(focal.user.email);
    expect(page.text).to.not.include(foreign.user.email).and.not.include(s.admin.user.email);
    // A button for the colleague, none for the focal point themselves.
    expect(page.text).to.include(`/delegation/accounts/${colleague.user.id}/disable`).and.not.include(`/delegation/accounts/${focal.user.id}/disable`);
    const french = await focalAgent.get('/delegation').set('Accept-Language', 'fr');
    expect(french.status).to.equal(200);
  });

  it('invites a colleague as a delegate of the focal point’s Member State, mailed and recorded, whatever role the form claims', async () => {
    const res = await submitForm(focalAgent, '/delegation', '/delegation/invitations', { email: 'Fatou@Senegal.example', displayName: 'Fatou Sow', language: 'fr', role: 'admin', memberState: 'PER' });
    expect(res.status).to.equal(303);
    const row = await s.ctx.db('users').where({ email: 'fatou@senegal.example' }).first();
    expect(row).to.include({ role: 'delegate', language: 'fr', password_hash: null });
    const sen = await s.ctx.db('member_states').where({ iso3: 'SEN' }).first();
    expect(row.member_state_id).to.equal(sen.id);
    expect(row.is_focal_point).to.be.oneOf([false, 0]);
    const [message] = await s.ctx.db('outbox_messages').where({ recipient: 'fatou@senegal.example' });
    expect(message).to.include({ kind: 'invitation', language: 'fr' });
    const [entry] = await audit('delegation.invite');
    expect(entry).to.include({ actor_label: focal.user.email, subject_id: String(row.id) });
    expect(JSON.parse(entry.details)).to.deep.include({ asFocalPointOf: 'SEN' });
    const after = await focalAgent.get(res.headers.location!);
    expect(after.text).to.include('An invitation for Fatou Sow (fatou@senegal.example) has been sent');

    // The invited colleague follows the mailed link and signs in as a delegate of Senegal.
    const link = /\/invitations\/[A-Za-z0-9_-]+/.exec(message.text_body)![0];
    const visitor = request.agent(app);
    const form = await visitor.get(link);
    expect((await visitor.post(link).type('form').send({ _csrf: csrfFrom(form.text), password: 'un mot de passe solide', confirm: 'un mot de passe solide' })).status).to.equal(303);
    await signIn(app, 'fatou@senegal.example', 'un mot de passe solide');
  });

  it('explains a bad or taken address on the page and writes nothing', async () => {
    const bad = await submitForm(focalAgent, '/delegation', '/delegation/invitations', { email: 'not an address', displayName: '', language: 'en' });
    expect(bad.status).to.equal(422);
    expect(bad.text).to.include('Enter an email address').and.include('This field is required.').and.include('value="not an address"');
    const taken = await submitForm(focalAgent, '/delegation', '/delegation/invitations', { email: s.admin.user.email, displayName: 'Someone', language: 'en' });
    expect(taken.status).to.equal(422);
    expect(await audit('delegation.invite')).to.have.length(0);
    expect(await s.ctx.db('outbox_messages').where({ kind: 'invitation' })).to.have.length(0);
  });

  it('disables and re-enables a colleague, each change audited, and an administrator can undo it', async () => {
    const colleague = await s.createDelegate('SEN');
    const colleagueAgent = await colleague.agent();
    const disabled = await post(focalAgent, `/delegation/accounts/${colleague.user.id}/disable`);
    expect(disabled.status).to.equal(303);
    expect((await colleagueAgent.get('/surveys')).status).to.equal(303);
    const refused = await submitForm(request.agent(app), '/sign-in', '/sign-in', { email: colleague.user.email, password: 'correct horse battery staple' });
    expect(refused.status).to.equal(401);
    const [entry] = await audit('delegation.disable');
    expect(entry).to.include({ actor_label: focal.user.email, subject_id: String(colleague.user.id) });
    expect(JSON.parse(entry.details)).to.deep.include({ asFocalPointOf: 'SEN', from: { disabled: false }, to: { disabled: true } });

    expect((await post(focalAgent, `/delegation/accounts/${colleague.user.id}/enable`)).status).to.equal(303);
    expect(await audit('delegation.enable')).to.have.length(1);
    await signIn(app, colleague.user.email);

    // The focal point disables again; the administrator sees it on the user's page and re-enables the account.
    await post(focalAgent, `/delegation/accounts/${colleague.user.id}/disable`);
    const userPage = await admin.get(`/admin/users/${colleague.user.id}`);
    expect(userPage.text).to.include(`action="/admin/users/${colleague.user.id}/enable"`);
    expect((await post(admin, `/admin/users/${colleague.user.id}/enable`)).status).to.equal(303);
    expect(await audit('user.enable')).to.have.length(1);
    await signIn(app, colleague.user.email);
  });

  it('cannot touch another Member State’s account, staff or an administrator (404), nor themselves or another focal point (403)', async () => {
    const foreign = await s.createDelegate('PER');
    const staff = await createTestUser(s.ctx.deps, 'staff');
    for (const id of [foreign.user.id, staff.id, s.admin.user.id, 999999]) {
      expect((await post(focalAgent, `/delegation/accounts/${id}/disable`)).status, `account ${id}`).to.equal(404);
    }
    expect((await post(focalAgent, `/delegation/accounts/${focal.user.id}/disable`)).status).to.equal(403);
    const otherFocal = await s.createDelegate('SEN');
    await post(admin, `/admin/users/${otherFocal.user.id}/focal-point`, { focalPoint: 'yes' });
    expect((await post(focalAgent, `/delegation/accounts/${otherFocal.user.id}/disable`)).status).to.equal(403);
    const disabledRows = await s.ctx.db('users').where({ is_disabled: true });
    expect(disabledRows).to.have.length(0);
    expect(await audit('delegation.disable')).to.have.length(0);
  });

  it('gives a delegate who is not a focal point, staff and administrators no delegation page', async () => {
    const plain = await (await s.createDelegate('SEN')).agent();
    const colleague = await s.createDelegate('SEN');
    expect((await plain.get('/delegation')).status).to.equal(403);
    expect((await plain.get('/surveys')).text).to.not.include('href="/delegation"');
    expect((await post(plain, `/delegation/accounts/${colleague.user.id}/disable`)).status).to.equal(403);
    expect((await post(plain, '/delegation/invitations', { email: 'x@senegal.example', displayName: 'X', language: 'en' })).status).to.equal(403);
    const staff = await (await s.createStaff()).agent();
    expect((await staff.get('/delegation')).status).to.equal(403);
    expect((await admin.get('/delegation')).status).to.equal(403);
    expect((await request(app).get('/delegation')).status).to.equal(303);
    expect(await s.ctx.db('users').where({ email: 'x@senegal.example' })).to.have.length(0);
  });

  it('gains the focal point no administrator’s right', async () => {
    for (const url of ['/admin/users', `/admin/users/${focal.user.id}`, '/admin/outbox', '/admin/audit']) {
      expect((await focalAgent.get(url)).status, url).to.equal(403);
    }
    expect((await post(focalAgent, `/admin/users/${focal.user.id}/focal-point`, { focalPoint: 'no' })).status).to.equal(403);
    expect((await post(focalAgent, `/admin/users/${focal.user.id}`, { email: focal.user.email, displayName: 'X', role: 'admin', memberState: '', language: 'en' })).status).to.equal(403);
    expect((await s.ctx.db('users').where({ id: focal.user.id }).first()).role).to.equal('delegate');
  });
});
