import { expect } from 'chai';
import request from 'supertest';
import { issueSetupLinkIfEmpty } from '../../server/domain/accounts.js';
import { verifyAuditChain } from '../../server/domain/audit.js';
import { createTestUser } from '../helpers/accounts.js';
import { csrfFrom, submitForm } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useFreshDatabase } from '../helpers/signed-in.js';

const FIRST_ADMIN = { email: 'Chief@Example.org', displayName: 'Chief Officer', language: 'fr', password: 'a long enough password', confirm: 'a long enough password' };

describe('first administrator through the setup link', () => {
  let ctx: TestContext;
  useFreshDatabase((c) => { ctx = c; });

  it('creates the first administrator, signs them in and records it in the audit log', async () => {
    const link = await issueSetupLinkIfEmpty(ctx.deps);
    const app = await ctx.app();
    const agent = request.agent(app);
    const res = await submitForm(agent, `/setup/${link!.token}`, `/setup/${link!.token}`, FIRST_ADMIN);
    expect(res.status).to.equal(303);
    const home = await agent.get('/');
    expect(home.status).to.equal(200);
    expect(home.text).to.contain('Chief Officer').and.contain('lang="fr"');
    const user = await ctx.db('users').first();
    expect(user).to.include({ email: 'chief@example.org', role: 'admin', language: 'fr' });
    expect(user.password_hash).to.match(/^\$argon2id\$/);
    const entry = await ctx.db('audit_entries').where({ action: 'user.setup' }).first();
    expect(entry.actor_label).to.equal('chief@example.org');
    expect((await verifyAuditChain(ctx.deps)).ok).to.equal(true);
  });

  it('refuses the same link a second time with 410 and creates nobody else', async () => {
    const link = await issueSetupLinkIfEmpty(ctx.deps);
    const app = await ctx.app();
    await submitForm(request.agent(app), `/setup/${link!.token}`, `/setup/${link!.token}`, FIRST_ADMIN);
    const again = await request(app).get(`/setup/${link!.token}`);
    expect(again.status).to.equal(410);
    expect(again.text).to.contain('This link has already been used or has expired');
    const agent = request.agent(app);
    const page = await agent.get('/sign-in');
    const post = await agent.post(`/setup/${link!.token}`).type('form').send({ _csrf: csrfFrom(page.text), ...FIRST_ADMIN, email: 'second@example.org' });
    expect(post.status).to.equal(410);
    expect(await ctx.db('users').count({ n: '*' }).first()).to.satisfy((r: { n: number | string }) => Number(r.n) === 1);
  });

  it('refuses an expired link and a made-up one', async () => {
    const link = await issueSetupLinkIfEmpty(ctx.deps);
    const app = await ctx.app();
    ctx.clock.advance(61 * 60 * 1000);
    expect((await request(app).get(`/setup/${link!.token}`)).status).to.equal(410);
    expect((await request(app).get('/setup/not-a-real-token')).status).to.equal(410);
  });

  it('keeps the user input and explains each bad field, writing nothing', async () => {
    const link = await issueSetupLinkIfEmpty(ctx.deps);
    const app = await ctx.app();
    const res = await submitForm(request.agent(app), `/setup/${link!.token}`, `/setup/${link!.token}`, { ...FIRST_ADMIN, email: 'not-an-email', password: 'short', confirm: 'other' });
    expect(res.status).to.equal(422);
    expect(res.text).to.contain('Enter an email address').and.contain('at least 12 characters').and.contain('value="Chief Officer"');
    expect(res.text).to.contain('<a href="#email">Email address: Enter an email address')
      .and.contain('<a href="#password">New password: ').and.contain('<a href="#confirm">Repeat the password: ');
    expect(await ctx.db('users').count({ n: '*' }).first()).to.satisfy((r: { n: number | string }) => Number(r.n) === 0);
    expect((await request(app).get(`/setup/${link!.token}`)).status).to.equal(200);
  });

  it('issues no setup link once an account exists', async () => {
    await createTestUser(ctx.deps, 'admin');
    expect(await issueSetupLinkIfEmpty(ctx.deps)).to.equal(null);
  });
});
