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

  it('serves the icon every page links, and sends a browser asking for /favicon.ico to it', async () => {
    const app = await ctx.app();
    const icon = await request(app).get('/static/favicon.svg');
    expect(icon.status).to.equal(200);
    expect(icon.headers['content-type']).to.contain('image/svg+xml');
    const legacy = await request(app).get('/favicon.ico');
    expect(legacy.status).to.equal(301);
    expect(legacy.headers.location).to.equal('/static/favicon.svg');
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
