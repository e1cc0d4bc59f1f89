import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { createTestUser } from '../helpers/accounts.js';
import { csrfFrom, signIn, submitForm, type Agent } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';

function linkIn(html: string): string {
  const match = /value="http:\/\/127\.0\.0\.1:3000(\/invitations\/[^"]+)"/.exec(html);
  if (!match) throw new Error('no link on the page');
  return match[1]!;
}

describe('user administration', () => {
  let ctx: TestContext;
  let app: Express;
  let admin: Agent;
  useSignedIn({ memberStates: ['SEN'] }, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    admin = await s.admin.agent();
  });

  it('invites a delegate, who chooses a password once and is signed in for their Member State', async () => {
    const created = await submitForm(admin, '/admin/users/new', '/admin/users', { email: 'awa@senegal.example', displayName: 'Awa Diop', role: 'delegate', memberState: 'SEN', language: 'fr' });
    expect(created.status).to.equal(201);
    const link = linkIn(created.text);
    const delegate = request.agent(app);
    const page = await delegate.get(link);
    expect(page.status).to.equal(200);
    const chosen = await delegate.post(link).type('form').send({ _csrf: csrfFrom(page.text), password: 'un mot de passe solide', confirm: 'un mot de passe solide' });
    expect(chosen.status).to.equal(303);
    const home = await delegate.get('/');
    expect(home.text).to.contain('Awa Diop').and.contain('SEN').and.contain('Vous répondez pour votre État Membre');
    expect((await request(app).get(link)).status).to.equal(410);
    await signIn(app, 'awa@senegal.example', 'un mot de passe solide');
  });

  it('opens the invitation and reset pages in the account’s language, the language switcher still taking over', async () => {
    const created = await submitForm(admin, '/admin/users/new', '/admin/users', { email: 'ana@peru.example', displayName: 'Ana Quispe', role: 'staff', memberState: '', language: 'es' });
    const link = linkIn(created.text);
    const visitor = request.agent(app);
    const page = await visitor.get(link).set('Accept-Language', 'en-GB,en;q=0.9');
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('<html lang="es"').and.contain('<label for="password">Nueva contraseña</label>');
    // A refused password is explained in the same language.
    const short = await visitor.post(link).set('Accept-Language', 'en').type('form').send({ _csrf: csrfFrom(page.text), password: 'corta', confirm: 'corta' });
    expect(short.status).to.equal(422);
    expect(short.text).to.contain('<html lang="es"').and.contain('<a href="#password">Nueva contraseña: ');
    // The reader chooses French with the switcher: the page follows the choice.
    const switched = await visitor.post('/language').type('form').send({ _csrf: csrfFrom(page.text), lang: 'fr', next: link });
    expect(switched.status).to.equal(303);
    expect(switched.headers.location).to.equal(link);
    const french = await visitor.get(link);
    expect(french.text).to.contain('<html lang="fr"').and.contain('Nouveau mot de passe');
    // A reset link of a French account opens in French.
    const fr = await createTestUser(ctx.deps, 'staff', { language: 'fr' });
    const list = await admin.get('/admin/users');
    const reset = linkIn((await admin.post(`/admin/users/${fr.id}/reset`).type('form').send({ _csrf: csrfFrom(list.text) })).text);
    expect((await request(app).get(reset)).text).to.contain('<html lang="fr"');
  });

  it('keeps the input and explains the errors of a bad user form', async () => {
    const res = await submitForm(admin, '/admin/users/new', '/admin/users', { email: 'bad', displayName: '', role: 'delegate', memberState: '', language: 'en' });
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('Enter an email address').and.contain('This field is required.').and.contain('A delegate must belong to a Member State.');
    expect(res.text).to.contain('value="bad"');
  });

  it('disables an account, which is then signed out and cannot sign in, and records it', async () => {
    const staff = await createTestUser(ctx.deps, 'staff');
    const staffAgent = await signIn(app, staff.email);
    const list = await admin.get('/admin/users');
    const res = await admin.post(`/admin/users/${staff.id}/disable`).type('form').send({ _csrf: csrfFrom(list.text) });
    expect(res.status).to.equal(303);
    expect((await staffAgent.get('/')).status).to.equal(303);
    const again = await submitForm(request.agent(app), '/sign-in', '/sign-in', { email: staff.email, password: 'correct horse battery staple' });
    expect(again.status).to.equal(401);
    const entry = await ctx.db('audit_entries').where({ action: 'user.disable' }).first();
    expect(JSON.parse(entry.details)).to.deep.include({ from: { disabled: false }, to: { disabled: true } });
  });

  it('resets a password with a new one-time link that retires the old password', async () => {
    const staff = await createTestUser(ctx.deps, 'staff');
    const list = await admin.get('/admin/users');
    const res = await admin.post(`/admin/users/${staff.id}/reset`).type('form').send({ _csrf: csrfFrom(list.text) });
    expect(res.status).to.equal(200);
    const link = linkIn(res.text);
    const old = await submitForm(request.agent(app), '/sign-in', '/sign-in', { email: staff.email, password: 'correct horse battery staple' });
    expect(old.status).to.equal(401);
    const agent = request.agent(app);
    const page = await agent.get(link);
    await agent.post(link).type('form').send({ _csrf: csrfFrom(page.text), password: 'a brand new password', confirm: 'a brand new password' });
    await signIn(app, staff.email, 'a brand new password');
  });

  it('edits a user and records what changed', async () => {
    const staff = await createTestUser(ctx.deps, 'staff');
    const res = await submitForm(admin, `/admin/users/${staff.id}`, `/admin/users/${staff.id}`, { email: staff.email, displayName: 'Renamed', role: 'delegate', memberState: 'SEN', language: 'es' });
    expect(res.status).to.equal(303);
    const row = await ctx.db('users').where({ id: staff.id }).first();
    expect(row).to.include({ display_name: 'Renamed', role: 'delegate', language: 'es' });
    const entry = await ctx.db('audit_entries').where({ action: 'user.update' }).first();
    const details = JSON.parse(entry.details);
    expect(details.from).to.include({ role: 'staff', memberState: null });
    expect(details.to).to.include({ role: 'delegate', memberState: 'SEN' });
  });

  it('shows an API token once', async () => {
    const staff = await createTestUser(ctx.deps, 'staff');
    const page = await admin.get(`/admin/users/${staff.id}`);
    const res = await admin.post(`/admin/users/${staff.id}/tokens`).type('form').send({ _csrf: csrfFrom(page.text) });
    const token = /value="(cbt_[^"]+)"/.exec(res.text)![1]!;
    const me = await request(app).get('/api/v1/me').set('Authorization', `Bearer ${token}`);
    expect(me.body.email).to.equal(staff.email);
  });
});
