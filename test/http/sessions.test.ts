import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { issueSetupLinkIfEmpty } from '../../server/domain/accounts.js';
import { createTestUser } from '../helpers/accounts.js';
import { csrfFrom, signIn } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useFreshDatabase } from '../helpers/signed-in.js';

describe('sessions', () => {
  let ctx: TestContext;
  let app: Express;
  useFreshDatabase(async (c) => {
    ctx = c;
    app = await ctx.app();
  });

  const storedExpiries = async () => (await ctx.db('sessions').select('sid', 'expired').orderBy('sid')).map((r) => `${r.sid} ${String(r.expired)}`);

  it('keeps a signed-in session without rewriting it in the database on every page view', async () => {
    const user = await createTestUser(ctx.deps, 'staff');
    const agent = await signIn(app, user.email);
    expect((await agent.get('/')).text).to.contain(user.displayName);
    const before = await storedExpiries();
    for (let i = 0; i < 5; i++) {
      const res = await agent.get('/');
      expect(res.status).to.equal(200);
      expect(res.text).to.contain(user.displayName);
      // The browser's cookie still slides forward with every response.
      expect(String(res.headers['set-cookie'])).to.match(/cb\.sid=.*Expires=/);
    }
    expect(await storedExpiries()).to.deep.equal(before);
  });

  it('still ends the session at sign-out, whatever it remembers of recent views', async () => {
    const user = await createTestUser(ctx.deps, 'staff');
    const agent = await signIn(app, user.email);
    const home = await agent.get('/');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home.text)![1]!;
    expect((await agent.post('/sign-out').type('form').send({ _csrf: csrf })).status).to.equal(303);
    const after = await agent.get('/admin/surveys');
    expect(after.status).to.equal(303);
    expect(after.headers.location).to.match(/^\/sign-in/);
  });

  it('reads a signed-in session and its account in one query', async () => {
    const user = await createTestUser(ctx.deps, 'staff');
    const agent = await signIn(app, user.email);
    const sql: string[] = [];
    const record = (q: { sql: string }) => sql.push(q.sql);
    const stop = ctx.database.watchQueries(record);
    try {
      expect((await agent.get('/')).text).to.contain(user.displayName);
    } finally {
      stop();
    }
    const reads = sql.filter((q) => /^select/i.test(q));
    const sessionReads = reads.filter((q) => /sessions/.test(q));
    expect(sessionReads).to.have.length(1);
    expect(sessionReads[0]).to.match(/join ["`]?users["`]? /);
    expect(reads.filter((q) => /from ["`]users["`]/.test(q))).to.deep.equal([]);
  });

  it('writes nothing to the database for a signed-out visitor\'s pages and forms', async () => {
    const setup = await issueSetupLinkIfEmpty(ctx.deps);
    const sql: string[] = [];
    const stop = ctx.database.watchQueries((q) => sql.push(q.sql));
    try {
      for (let i = 0; i < 20; i += 1) {
        const page = await request(app).get('/sign-in');
        expect(page.status).to.equal(200);
        expect(String(page.headers['set-cookie'])).not.to.contain('cb.sid');
      }
      expect((await request(app).get(`/setup/${setup!.token}`)).status).to.equal(200);
      expect((await request(app).get('/invitations/not-a-real-token')).status).to.equal(410);
      const agent = request.agent(app);
      const page = await agent.get('/sign-in');
      const switched = await agent.post('/language').type('form').send({ _csrf: csrfFrom(page.text), lang: 'fr', next: '/sign-in' });
      expect(switched.status).to.equal(303);
      expect((await agent.get('/sign-in')).text).to.contain('Connexion');
    } finally {
      stop();
    }
    // Only reads (and, maybe, the store's clean-up of expired sessions, which runs at start).
    expect(sql.filter((q) => !/^\s*select/i.test(q) && !/^delete from .sessions. where .*expired/.test(q))).to.deep.equal([]);
    expect(Number((await ctx.db('sessions').count({ n: '*' }).first())!.n)).to.equal(0);
  });

  it('refuses a signed-out form whose token is not the one its own cookie carries', async () => {
    const user = await createTestUser(ctx.deps, 'staff');
    const mallory = request.agent(app);
    const stolen = csrfFrom((await mallory.get('/sign-in')).text);
    const victim = request.agent(app);
    const own = csrfFrom((await victim.get('/sign-in')).text);
    const send = (token: string) => victim.post('/sign-in').type('form').send({ _csrf: token, email: user.email, password: 'whatever it is' });
    expect((await send(stolen)).status, 'another visitor\'s token').to.equal(403);
    const [mac, random] = own.split('.');
    expect((await send(`${mac}.${random!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'))}`)).status, 'a token altered').to.equal(403);
    expect((await request(app).post('/sign-in').type('form').send({ _csrf: own, email: user.email, password: 'x' })).status, 'no cookie').to.equal(403);
    expect((await send(own)).status).to.equal(401);
  });

  it('deletes expired sessions, at start and then at each clean-up interval, and keeps the others', async () => {
    const user = await createTestUser(ctx.deps, 'staff');
    const expired = (sid: string) => ({ sid, sess: JSON.stringify({ cookie: {}, passport: { user: user.id } }), expired: new Date(Date.now() - 60_000).toISOString() });
    await ctx.db('sessions').insert(expired('expired-before-start'));
    const pruning = await ctx.app({ sessionCleanupInterval: 100 });
    const agent = await signIn(pruning, user.email);
    const sids = async () => (await ctx.db('sessions').pluck('sid')).map(String).sort();
    const waitUntil = async (done: (ids: string[]) => boolean) => {
      for (let i = 0; i < 100 && !done(await sids()); i += 1) await new Promise((r) => setTimeout(r, 50));
      return sids();
    };
    expect(await waitUntil((ids) => !ids.includes('expired-before-start'))).not.to.include('expired-before-start');
    await ctx.db('sessions').insert(expired('expired-later'));
    const left = await waitUntil((ids) => !ids.includes('expired-later'));
    expect(left).to.have.length(1).and.not.include('expired-later');
    expect((await agent.get('/')).status).to.equal(200);
  });
});
