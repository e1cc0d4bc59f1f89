import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { setUserDisabled } from '../../server/domain/accounts.js';
import { createTestUser, PASSWORD } from '../helpers/accounts.js';
import { csrfFrom, signIn, submitForm } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useFreshDatabase } from '../helpers/signed-in.js';

const NEUTRAL = 'The email address or password is not right, or the account cannot sign in.';

describe('sign-in', () => {
  let ctx: TestContext;
  let app: Express;
  useFreshDatabase(async (c) => {
    ctx = c;
    app = await ctx.app({ throttle: { accountFailures: 3, accountLockSeconds: 900, ipFailures: 100 } });
  });

  it('signs in with the right password, gives a new session id and shows the user', async () => {
    const user = await createTestUser(ctx.deps, 'staff');
    const agent = request.agent(app);
    const page = await agent.get('/sign-in');
    const before = /cb\.sid=([^;]+)/.exec(String(page.headers['set-cookie']))?.[1];
    const res = await agent.post('/sign-in').type('form').send({ _csrf: csrfFrom(page.text), email: user.email, password: PASSWORD });
    expect(res.status).to.equal(303);
    const after = /cb\.sid=([^;]+)/.exec(String(res.headers['set-cookie']))?.[1];
    expect(after).to.be.a('string').and.not.equal(before);
    expect(String(res.headers['set-cookie'])).to.match(/HttpOnly/).and.match(/SameSite=Lax/);
    const home = await agent.get('/');
    expect(home.status).to.equal(200);
    expect(home.text).to.contain(user.displayName);
  });

  it('answers a wrong password, an unknown email and a disabled account with the same neutral message', async () => {
    const user = await createTestUser(ctx.deps, 'staff');
    const disabled = await createTestUser(ctx.deps, 'staff');
    const admin = await createTestUser(ctx.deps, 'admin');
    await setUserDisabled(ctx.deps, { userId: admin.id, email: admin.email, role: 'admin', memberStateId: null, memberStateIso3: null }, disabled.id, true);
    const attempts = [
      { email: user.email, password: 'wrong password here' },
      { email: 'nobody@example.org', password: PASSWORD },
      { email: disabled.email, password: PASSWORD },
    ];
    for (const attempt of attempts) {
      const res = await submitForm(request.agent(app), '/sign-in', '/sign-in', attempt);
      expect(res.status).to.equal(401);
      expect(res.text).to.contain(NEUTRAL);
    }
  });

  it('locks an account after repeated failures, even for the right password, without locking other accounts', async () => {
    const staff = await createTestUser(ctx.deps, 'staff');
    for (let i = 0; i < 3; i += 1) {
      const res = await submitForm(request.agent(app), '/sign-in', '/sign-in', { email: staff.email, password: 'not the password' });
      expect(res.status).to.equal(401);
    }
    const locked = await submitForm(request.agent(app), '/sign-in', '/sign-in', { email: staff.email, password: PASSWORD });
    expect(locked.status).to.equal(429);
    expect(locked.text).to.contain('Too many failed attempts');
    // Another account from the same address is not affected.
    const other = await createTestUser(ctx.deps, 'staff');
    await signIn(app, other.email);
  });

  it('refuses a form posted without the CSRF token', async () => {
    const user = await createTestUser(ctx.deps, 'staff');
    const agent = request.agent(app);
    await agent.get('/sign-in');
    const res = await agent.post('/sign-in').type('form').send({ email: user.email, password: PASSWORD });
    expect(res.status).to.equal(403);
    expect(res.text).to.contain('This form has expired or did not come from this site');
    const signedIn = await signIn(app, user.email);
    const forged = await signedIn.post('/sign-out').type('form').send({ _csrf: 'forged' });
    expect(forged.status).to.equal(403);
    expect((await signedIn.get('/')).status).to.equal(200);
  });

  it('signs out and then sends the visitor to sign in', async () => {
    const user = await createTestUser(ctx.deps, 'staff');
    const agent = await signIn(app, user.email);
    const home = await agent.get('/');
    const out = await agent.post('/sign-out').type('form').send({ _csrf: csrfFrom(home.text) });
    expect(out.status).to.equal(303);
    const after = await agent.get('/');
    expect(after.status).to.equal(303);
    expect(after.headers.location).to.equal('/sign-in?next=%2F');
  });

  it('never redirects outside the site after signing in', async () => {
    const user = await createTestUser(ctx.deps, 'staff');
    const res = await submitForm(request.agent(app), '/sign-in', '/sign-in', { email: user.email, password: PASSWORD, next: '//evil.example/' });
    expect(res.headers.location).to.equal('/');
  });
});
