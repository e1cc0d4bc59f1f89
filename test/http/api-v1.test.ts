import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { createApiToken } from '../../server/domain/api-tokens.js';
import { createTestMemberState, createTestUser } from '../helpers/accounts.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';

describe('JSON API v1', () => {
  let ctx: TestContext;
  let app: Express;
  let auth: string;
  useSignedIn({}, async (s) => {
    ({ ctx } = s);
    app = await s.app();
    auth = await s.admin.bearer();
  });

  it('GET /me describes the caller', async () => {
    await createTestMemberState(ctx.deps, 'KEN');
    const delegate = await createTestUser(ctx.deps, 'delegate', { memberState: 'KEN' });
    const token = (await createApiToken(ctx.deps, null, delegate.id)).token;
    const res = await request(app).get('/api/v1/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).to.equal(200);
    expect(res.body).to.include({ id: delegate.id, email: delegate.email, role: 'delegate', memberState: 'KEN' });
  });

  it('creates and lists Member States, refusing bad input and a repeated code with the error body', async () => {
    const created = await request(app).post('/api/v1/member-states').set('Authorization', auth)
      .send({ iso3: 'mex', names: { en: 'Mexico', fr: 'Mexique', es: 'México' }, status: 'member' });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ iso3: 'MEX', status: 'member' });
    const list = await request(app).get('/api/v1/member-states').set('Authorization', auth);
    expect(list.body.memberStates.map((m: { iso3: string }) => m.iso3)).to.deep.equal(['MEX']);
    const bad = await request(app).post('/api/v1/member-states').set('Authorization', auth).send({ iso3: 'MEXICO', names: { en: 'x' }, status: 'maybe' });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.code).to.equal('invalid');
    expect(bad.body.error.fields.map((f: { field: string }) => f.field)).to.include.members(['iso3', 'names.fr', 'status']);
    const again = await request(app).post('/api/v1/member-states').set('Authorization', auth)
      .send({ iso3: 'MEX', names: { en: 'Mexico', fr: 'Mexique', es: 'México' }, status: 'member' });
    expect(again.status).to.equal(409);
    const notJson = await request(app).post('/api/v1/member-states').set('Authorization', auth).set('Content-Type', 'application/json').send('{not json');
    expect(notJson.status).to.equal(400);
    expect(notJson.body.error.code).to.equal('invalid');
  });

  it('creates a user with a password, who then gets a token and can call the API', async () => {
    await createTestMemberState(ctx.deps, 'BRA');
    const res = await request(app).post('/api/v1/users').set('Authorization', auth)
      .send({ email: 'Delegate@Brazil.example', displayName: 'Delegate of Brazil', role: 'delegate', memberState: 'BRA', password: 'a password long enough' });
    expect(res.status).to.equal(201);
    expect(res.body).to.include({ email: 'delegate@brazil.example', role: 'delegate', memberState: 'BRA' });
    expect(res.body).to.not.have.property('invitation');
    const tokenRes = await request(app).post(`/api/v1/users/${res.body.id}/tokens`).set('Authorization', auth);
    expect(tokenRes.status).to.equal(201);
    const me = await request(app).get('/api/v1/me').set('Authorization', `Bearer ${tokenRes.body.token}`);
    expect(me.body.email).to.equal('delegate@brazil.example');
    const stored = await ctx.db('api_tokens').where({ user_id: res.body.id }).first();
    expect(stored.token_hash).to.have.length(64).and.not.equal(tokenRes.body.token);
  });

  it('creates a user without a password with an invitation link, and refuses a delegate without a Member State', async () => {
    const res = await request(app).post('/api/v1/users').set('Authorization', auth).send({ email: 'staff@example.org', displayName: 'Staff', role: 'staff' });
    expect(res.status).to.equal(201);
    expect(res.body.invitation.url).to.match(/^http:\/\/127\.0\.0\.1:3000\/invitations\/[\w-]{43}$/);
    const bad = await request(app).post('/api/v1/users').set('Authorization', auth).send({ email: 'd@example.org', displayName: 'D', role: 'delegate' });
    expect(bad.status).to.equal(422);
    expect(bad.body.error.fields[0]).to.deep.equal({ field: 'memberState', message: 'A delegate must belong to a Member State.' });
    expect((await request(app).post('/api/v1/users/999/tokens').set('Authorization', auth)).status).to.equal(404);
  });

  it('answers in the language asked for', async () => {
    const res = await request(app).post('/api/v1/users').set('Authorization', auth).set('Accept-Language', 'es').send({ email: 'x', displayName: 'X', role: 'staff' });
    expect(res.body.error.fields[0].message).to.equal('Escriba un correo electrónico, por ejemplo nombre@example.org.');
  });
});
