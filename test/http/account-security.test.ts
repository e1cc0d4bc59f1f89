import { expect } from 'chai';
import type { Express } from 'express';
import request from 'supertest';
import { resetUserPassword, setUserDisabled, useAccountLink } from '../../server/domain/accounts.js';
import { createApiToken } from '../../server/domain/api-tokens.js';
import { PASSWORD } from '../helpers/accounts.js';
import { latestAuditEntry } from '../helpers/audit.js';
import { csrfFrom, signIn, submitForm } from '../helpers/browser-session.js';
import { useSignedIn, type SignedIn } from '../helpers/signed-in.js';

const NEW_PASSWORD = 'a brand new password of mine';

describe('account security: sessions after a password change, API tokens', () => {
  let s: SignedIn;
  let app: Express;
  useSignedIn({ memberStates: ['PER'] }, async (made) => {
    s = made;
    app = await s.app();
  });

  const me = (bearer: string) => request(app).get('/api/v1/me').set('authorization', bearer);

  it('ends every session of an account when an administrator resets its password, and the reset link signs in anew', async () => {
    const staff = await s.createStaff();
    const [first, second] = [await signIn(app, staff.user.email), await signIn(app, staff.user.email)];
    expect((await first.get('/')).status).to.equal(200);

    const link = await resetUserPassword(s.ctx.deps, s.admin.actor, staff.user.id);
    for (const agent of [first, second]) {
      const after = await agent.get('/');
      expect(after.status).to.equal(303);
      expect(after.headers.location).to.match(/^\/sign-in/);
    }
    expect((await latestAuditEntry(s.ctx.deps, s.admin.actor)).details).to.include({ sessionsEnded: 2 });

    await useAccountLink(s.ctx.deps, link.token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect((await (await signIn(app, staff.user.email, NEW_PASSWORD)).get('/')).status).to.equal(200);
  });

  it('changes one\'s own password with the current one, ending the account\'s other sessions but not this one', async () => {
    const delegate = await s.createDelegate('PER');
    const here = await signIn(app, delegate.user.email);
    const elsewhere = await signIn(app, delegate.user.email);

    const wrong = await submitForm(here, '/account', '/account/password', { current: 'not my password', password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(wrong.status).to.equal(422);
    expect(wrong.text).to.contain('The current password is not right.');
    expect((await elsewhere.get('/')).status).to.equal(200);

    const changed = await submitForm(here, '/account', '/account/password', { current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(changed.status).to.equal(303);
    const page = await here.get(changed.headers.location!);
    expect(page.status).to.equal(200);
    expect(page.text).to.contain('Your password was changed. Every other session signed in to your account has ended.');
    expect((await elsewhere.get('/')).status).to.equal(303);
    expect((await latestAuditEntry(s.ctx.deps, s.admin.actor))).to.deep.include({ action: 'user.password-change', details: { sessionsEnded: 1 } });
    await signIn(app, delegate.user.email, NEW_PASSWORD);
  });

  it('lists a user\'s tokens on their page with their last use, written at most once a minute', async () => {
    const staff = await s.createStaff();
    const { token, id } = await createApiToken(s.ctx.deps, s.admin.actor, staff.user.id);
    const page = async () => (await (await s.admin.agent()).get(`/admin/users/${staff.user.id}`)).text;
    expect(await page()).to.contain(`No. ${id}`).and.contain('Never');

    expect((await me(`Bearer ${token}`)).status).to.equal(200);
    const lastUsed = async () => String((await s.ctx.db('api_tokens').where({ id }).first()).last_used_at);
    expect(await lastUsed()).to.equal('2026-11-28T09:00:00.000Z');
    s.ctx.clock.advance(30_000);
    await me(`Bearer ${token}`);
    expect(await lastUsed(), 'within the minute: not written again').to.equal('2026-11-28T09:00:00.000Z');
    s.ctx.clock.advance(31_000);
    await me(`Bearer ${token}`);
    expect(await lastUsed()).to.equal('2026-11-28T09:01:01.000Z');
    expect(await page()).to.contain('28 November 2026 at 09:01 UTC');
  });

  it('lets an administrator revoke a token on the user\'s page, after which the API refuses it, and records it', async () => {
    const staff = await s.createStaff();
    const kept = await createApiToken(s.ctx.deps, s.admin.actor, staff.user.id);
    const revoked = await createApiToken(s.ctx.deps, s.admin.actor, staff.user.id);
    const admin = await s.admin.agent();
    const res = await submitForm(admin, `/admin/users/${staff.user.id}`, `/admin/users/${staff.user.id}/tokens/${revoked.id}/revoke`, {});
    expect(res.status).to.equal(303);
    const page = await admin.get(res.headers.location!);
    expect(page.text).to.contain(`Token no. ${revoked.id} was revoked`).and.contain('Revoked on 28 November 2026');

    expect((await me(`Bearer ${revoked.token}`)).status).to.equal(401);
    expect((await me(`Bearer ${kept.token}`)).status).to.equal(200);
    expect(await latestAuditEntry(s.ctx.deps, s.admin.actor)).to.deep.include({ action: 'api-token.revoke', actor: s.admin.user.email, details: { email: staff.user.email, tokenIds: [revoked.id] } });
    // A token of another user is not this user's to revoke.
    const other = await createApiToken(s.ctx.deps, s.admin.actor, s.admin.user.id);
    expect((await submitForm(admin, `/admin/users/${staff.user.id}`, `/admin/users/${staff.user.id}/tokens/${other.id}/revoke`, {})).status).to.equal(404);
    expect((await me(`Bearer ${other.token}`)).status).to.equal(200);
  });

  it('lets a user see and revoke their own tokens, and nobody else\'s', async () => {
    const delegate = await s.createDelegate('PER');
    const mine = await createApiToken(s.ctx.deps, s.admin.actor, delegate.user.id);
    const theirs = await createApiToken(s.ctx.deps, s.admin.actor, s.admin.user.id);
    const agent = await delegate.agent();
    const account = await agent.get('/account');
    expect(account.text).to.contain(`No. ${mine.id}`).and.not.contain(`No. ${theirs.id}`);

    const forged = await agent.post(`/account/tokens/${theirs.id}/revoke`).type('form').send({ _csrf: csrfFrom(account.text) });
    expect(forged.status).to.equal(404);
    expect((await me(`Bearer ${theirs.token}`)).status).to.equal(200);
    expect((await agent.get(`/admin/users/${delegate.user.id}`)).status).to.equal(403);

    const res = await submitForm(agent, '/account', `/account/tokens/${mine.id}/revoke`, {});
    expect(res.status).to.equal(303);
    expect((await me(`Bearer ${mine.token}`)).status).to.equal(401);
    expect(await latestAuditEntry(s.ctx.deps, s.admin.actor)).to.deep.include({ action: 'api-token.revoke', actor: delegate.user.email });
  });

  it('does not bring back a token revoked while the account was disabled when it is enabled again', async () => {
    const staff = await s.createStaff();
    const revoked = await createApiToken(s.ctx.deps, s.admin.actor, staff.user.id);
    const kept = await createApiToken(s.ctx.deps, s.admin.actor, staff.user.id);
    await setUserDisabled(s.ctx.deps, s.admin.actor, staff.user.id, true);
    expect((await me(`Bearer ${kept.token}`)).status).to.equal(401);
    const admin = await s.admin.agent();
    await submitForm(admin, `/admin/users/${staff.user.id}`, `/admin/users/${staff.user.id}/tokens/${revoked.id}/revoke`, {});
    await setUserDisabled(s.ctx.deps, s.admin.actor, staff.user.id, false);
    expect((await me(`Bearer ${kept.token}`)).status).to.equal(200);
    expect((await me(`Bearer ${revoked.token}`)).status).to.equal(401);
  });
});
