import { expect } from 'chai';
import type { Express } from 'express';
import { createTestUser } from '../helpers/accounts.js';
import { signIn } from '../helpers/browser-session.js';
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
});
