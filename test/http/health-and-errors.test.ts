import { expect } from 'chai';
import request from 'supertest';
import type { TestContext } from '../helpers/context.js';
import { useFreshDatabase } from '../helpers/signed-in.js';

describe('health and error pages', () => {
  let ctx: TestContext;
  useFreshDatabase((c) => { ctx = c; });

  it('answers 200 while the database answers', async () => {
    const res = await request(await ctx.app()).get('/healthz');
    expect(res.status).to.equal(200);
    expect(res.body.status).to.equal('ok');
  });

  it('answers 503 when the database does not', async () => {
    const app = await ctx.app();
    await ctx.database.close();
    const res = await request(app).get('/healthz');
    expect(res.status).to.equal(503);
    expect(res.body.status).to.equal('unavailable');
  });

  it('renders 404 in the visitor’s language, with security headers and no inline script allowed', async () => {
    const res = await request(await ctx.app()).get('/no/such/page').set('Accept-Language', 'fr-CH, fr;q=0.9, en;q=0.5');
    expect(res.status).to.equal(404);
    expect(res.text).to.contain('<html lang="fr">').and.contain('Page introuvable');
    expect(res.headers['content-security-policy']).to.contain("script-src 'self'").and.not.contain('unsafe-inline');
    expect(res.headers['x-content-type-options']).to.equal('nosniff');
  });

  it('answers an API call with a bad token with 401 and the JSON error body', async () => {
    const res = await request(await ctx.app()).get('/api/v1/nothing-here').set('Authorization', 'Bearer cbt_x');
    expect(res.status).to.equal(401);
    expect(res.body.error.code).to.equal('unauthenticated');
  });
});
