import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { createApiToken } from '../../server/domain/api-tokens.js';
import { createTestUser } from '../helpers/accounts.js';
import { csrfFrom, signIn } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';

const ADMIN_PAGES = ['/admin/users', '/admin/users/new', '/admin/member-states/new', '/admin/member-states/import', '/admin/audit'];
const ADMIN_ACTIONS = ['/admin/users', '/admin/users/1/disable', '/admin/users/1/reset', '/admin/users/1/tokens', '/admin/member-states', '/admin/member-states/1'];

describe('role checks', () => {
  let ctx: TestContext;
  let app: Express;
  let adminId: number;
  useSignedIn({ memberStates: ['FRA'] }, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    adminId = s.admin.user.id;
  });

  for (const role of ['staff', 'delegate'] as const) {
    it(`answers 403 to a ${role} on every administrator page and action, and changes nothing`, async () => {
      const user = await createTestUser(ctx.deps, role, role === 'delegate' ? { memberState: 'FRA' } : {});
      const agent = await signIn(app, user.email);
      for (const url of ADMIN_PAGES) {
        expect((await agent.get(url)).status, url).to.equal(403);
      }
      const token = csrfFrom((await agent.get('/')).text);
      for (const url of ADMIN_ACTIONS.map((u) => u.replace('/1/', `/${adminId}/`))) {
        const res = await agent.post(url).type('form').send({ _csrf: token, email: 'x@example.org', displayName: 'X', role: 'admin', iso3: 'ABC', name_en: 'a', name_fr: 'a', name_es: 'a', status: 'member' });
        expect(res.status, url).to.equal(403);
      }
      expect(await ctx.db('users').where({ role: 'admin' }).count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 1);
      expect(await ctx.db('account_links').count({ n: '*' }).first()).to.satisfy((r: { n: string | number }) => Number(r.n) === 0);
      expect(await ctx.db('member_states').where({ iso3: 'ABC' }).first()).to.equal(undefined);
    });
  }

  it('lets staff read the Member States but not change them', async () => {
    const staff = await createTestUser(ctx.deps, 'staff');
    const agent = await signIn(app, staff.email);
    const list = await agent.get('/admin/member-states');
    expect(list.status).to.equal(200);
    expect(list.text).to.contain('FRA').and.not.contain('/admin/member-states/new');
  });

  it('sends a signed-out visitor to sign in, coming back to the page asked for', async () => {
    for (const url of ['/', ...ADMIN_PAGES]) {
      const res = await request(app).get(url);
      expect(res.status, url).to.equal(303);
      expect(res.headers.location).to.equal(`/sign-in?next=${encodeURIComponent(url)}`);
    }
  });

  it('answers 401 to the API without a token and 403 to a staff token on administrator endpoints', async () => {
    expect((await request(app).get('/api/v1/me')).status).to.equal(401);
    expect((await request(app).get('/api/v1/me').set('Authorization', 'Bearer cbt_nonsense')).status).to.equal(401);
    const staff = await createTestUser(ctx.deps, 'staff');
    const { token } = await createApiToken(ctx.deps, null, staff.id);
    const post = await request(app).post('/api/v1/users').set('Authorization', `Bearer ${token}`).send({ email: 'a@example.org', displayName: 'A', role: 'admin' });
    expect(post.status).to.equal(403);
    expect(post.body.error.code).to.equal('forbidden');
    const delegate = await createTestUser(ctx.deps, 'delegate', { memberState: 'FRA' });
    const delegateToken = (await createApiToken(ctx.deps, null, delegate.id)).token;
    expect((await request(app).get('/api/v1/member-states').set('Authorization', `Bearer ${delegateToken}`)).status).to.equal(403);
  });
});
