import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../server/app.js';
import { setUserDisabled } from '../../server/domain/accounts.js';
import { DEFAULT_SIGN_IN_POLICY, type SignInPolicy } from '../../server/domain/sign-in.js';
import { createTestUser, PASSWORD } from '../helpers/accounts.js';
import { latestAuditEntry } from '../helpers/audit.js';
import { csrfFrom, signIn, submitForm, type Agent } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useFreshDatabase } from '../helpers/signed-in.js';

const NEUTRAL = 'The email address or password is not right, or the account cannot sign in.';

/** Small limits, so that a test reaches them in a few attempts. */
const POLICY: SignInPolicy = {
  pair: { free: 2, firstDelaySeconds: 60, maxDelaySeconds: 3600 },
  address: { free: 100, firstDelaySeconds: 10, maxDelaySeconds: 900 },
  account: { free: 4, firstDelaySeconds: 60, maxDelaySeconds: 3600 },
  device: { free: 3, firstDelaySeconds: 60, maxDelaySeconds: 3600 },
  forgetAfterSeconds: 24 * 3600,
  auditAfter: 3,
};

const attempt = (agent: Agent, email: string, password: string, headers: Record<string, string> = {}) =>
  (async () => {
    const page = await agent.get('/sign-in').set(headers);
    return agent.post('/sign-in').set(headers).type('form').send({ _csrf: csrfFrom(page.text), email, password });
  })();

async function signOut(agent: Agent): Promise<void> {
  expect((await agent.post('/sign-out').type('form').send({ _csrf: csrfFrom((await agent.get('/')).text) })).status).to.equal(303);
}

describe('sign-in', () => {
  let ctx: TestContext;
  let app: Express;
  useFreshDatabase(async (c) => {
    ctx = c;
    // Behind one proxy, so that a test can come from several addresses (X-Forwarded-For).
    app = await createApp({ ...ctx.deps, config: { ...ctx.config, trustProxy: 1 } }, { signInPolicy: POLICY });
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

  it('makes an account and address that keep failing wait, longer each time, then lets the right password in', async () => {
    const staff = await createTestUser(ctx.deps, 'staff');
    const agent = request.agent(app);
    for (let i = 0; i < 2; i += 1) expect((await attempt(agent, staff.email, 'not the password')).status).to.equal(401);
    // The third failure from this address is one past the free ones: a minute's wait.
    expect((await attempt(agent, staff.email, 'not the password')).status).to.equal(401);
    const waiting = await attempt(agent, staff.email, PASSWORD);
    expect(waiting.status).to.equal(429);
    expect(waiting.headers['retry-after']).to.equal('60');
    expect(waiting.text).to.contain('Too many failed attempts. Try again in 1 minute.');

    ctx.clock.advance(61_000);
    expect((await attempt(agent, staff.email, 'still not it')).status).to.equal(401);
    const longer = await attempt(agent, staff.email, PASSWORD);
    expect(longer.status).to.equal(429);
    expect(longer.headers['retry-after']).to.equal('120');

    ctx.clock.advance(121_000);
    expect((await attempt(agent, staff.email, PASSWORD)).status).to.equal(303);
  });

  it('lets the owner in from a device that signed in before while strangers\' failures hold the account', async () => {
    const staff = await createTestUser(ctx.deps, 'staff');
    const owner = request.agent(app);
    expect((await attempt(owner, staff.email, PASSWORD)).status).to.equal(303);
    await signOut(owner);

    // Strangers from many addresses: each stays under its own pair limit, together they pass the account's.
    const strangers = async (n: number, first: number) => {
      for (let i = 0; i < n; i += 1) {
        const res = await attempt(request.agent(app), staff.email, 'a guess', { 'x-forwarded-for': `198.51.100.${first + i}` });
        expect(res.status).to.be.oneOf([401, 429]);
      }
    };
    await strangers(5, 1);
    const stranger = await attempt(request.agent(app), staff.email, PASSWORD);
    expect(stranger.status, 'a new device with the right password waits').to.equal(429);

    // A device cookie made up for the owner's account (its signature cannot be made without the secret) is no pass.
    const forger = request.agent(app);
    forger.jar.setCookie(`cb.device=d1.AAAAAAAAAAAAAAAAAAAAAAAA.${staff.id}.${'A'.repeat(43)}; Path=/sign-in`, '127.0.0.1', '/sign-in');
    expect((await attempt(forger, staff.email, PASSWORD)).status, 'a forged device cookie').to.equal(429);

    const back = await attempt(owner, staff.email, PASSWORD);
    expect(back.status, 'the known device is not held').to.equal(303);
  });

  it('slows down one address trying many accounts, but not the devices that signed in from it before', async () => {
    const policy = { ...POLICY, address: { free: 3, firstDelaySeconds: 10, maxDelaySeconds: 900 } };
    const small = await ctx.app({ signInPolicy: policy });
    const colleague = await createTestUser(ctx.deps, 'staff');
    const known = request.agent(small);
    expect((await attempt(known, colleague.email, PASSWORD)).status).to.equal(303);
    await signOut(known);

    for (let i = 0; i < 4; i += 1) expect((await attempt(request.agent(small), `nobody${i}@example.org`, 'a guess')).status).to.equal(401);
    const held = await attempt(request.agent(small), colleague.email, PASSWORD);
    expect(held.status).to.equal(429);
    expect(held.text).to.contain('Try again in 10 seconds.');
    expect((await attempt(known, colleague.email, PASSWORD)).status).to.equal(303);
  });

  it('keys the address limit on the address the trusted proxy saw, not on what the client wrote', async () => {
    const behindProxy = await createApp({ ...ctx.deps, config: { ...ctx.config, trustProxy: 1 } }, { signInPolicy: { ...POLICY, address: { free: 3, firstDelaySeconds: 10, maxDelaySeconds: 900 } } });
    for (let i = 0; i < 4; i += 1) {
      // The proxy appends the address it saw; the client wrote the rest, a new one each time.
      const res = await attempt(request.agent(behindProxy), `nobody${i}@example.org`, 'a guess', { 'x-forwarded-for': `10.9.9.${i}, 203.0.113.7` });
      expect(res.status).to.equal(401);
    }
    const held = await attempt(request.agent(behindProxy), 'nobody9@example.org', 'a guess', { 'x-forwarded-for': '10.1.2.3, 203.0.113.7' });
    expect(held.status).to.equal(429);
    const elsewhere = await attempt(request.agent(behindProxy), 'nobody9@example.org', 'a guess', { 'x-forwarded-for': '203.0.113.8' });
    expect(elsewhere.status, 'another client behind the proxy is not held').to.equal(401);
  });

  it('records repeated failures in the audit log and tells the owner once, at their next sign-in', async () => {
    const staff = await createTestUser(ctx.deps, 'staff');
    const admin = await createTestUser(ctx.deps, 'admin');
    for (let i = 0; i < 3; i += 1) await attempt(request.agent(app), staff.email, 'a guess', { 'x-forwarded-for': `198.51.100.${i}` });
    const entry = await latestAuditEntry(ctx.deps, { userId: admin.id, email: admin.email, role: 'admin', memberStateId: null, memberStateIso3: null });
    expect(entry.action).to.equal('user.sign-in-failures');
    expect(entry.subject).to.equal(`user ${staff.id}`);
    expect(entry.details).to.include({ email: staff.email, failures: 3 });

    ctx.clock.advance(3_600_000);
    const agent = request.agent(app);
    expect((await attempt(agent, staff.email, PASSWORD)).status).to.equal(303);
    const first = await agent.get('/');
    expect(first.text).to.contain('Failed attempts to sign in to your account since you last signed in: 3 (the first on 28 November 2026 at 09:00 UTC).');
    expect((await agent.get('/')).text).not.to.contain('Failed attempts to sign in');
  });

  it('keeps the default limits as the README states them', () => {
    expect(DEFAULT_SIGN_IN_POLICY).to.deep.include({ forgetAfterSeconds: 86_400, auditAfter: 5 });
    expect(DEFAULT_SIGN_IN_POLICY.pair).to.deep.equal({ free: 5, firstDelaySeconds: 60, maxDelaySeconds: 3600 });
    expect(DEFAULT_SIGN_IN_POLICY.account).to.deep.equal({ free: 10, firstDelaySeconds: 60, maxDelaySeconds: 3600 });
    expect(DEFAULT_SIGN_IN_POLICY.address).to.deep.equal({ free: 100, firstDelaySeconds: 10, maxDelaySeconds: 900 });
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
