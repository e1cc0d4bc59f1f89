import { expect } from 'chai';
import {
  createUser, getUser, inspectAccountLink, listAccounts, loadActor, resetUserPassword, setUserDisabled, updateUserAccount, useAccountLink,
} from '../../server/domain/accounts.js';
import type { Actor, Deps } from '../../server/domain/deps.js';
import { latestAuditEntry, latestAuditSeq } from '../helpers/audit.js';
import { rejection } from '../helpers/errors.js';
import { useSignedIn, type TestAccount } from '../helpers/signed-in.js';
import type { TestClock } from '../helpers/context.js';

const NEW_PASSWORD = { password: 'a password of my own', confirm: 'a password of my own' };

describe('accounts (domain)', () => {
  let deps: Deps;
  let clock: TestClock;
  let admin: Actor;
  let staff: TestAccount;

  useSignedIn({ memberStates: ['SEN'] }, async (s) => {
    ({ deps, clock } = s.ctx);
    admin = s.admin.actor;
    staff = await s.createStaff();
  });

  const delegateInput = (overrides: Record<string, unknown> = {}) => ({
    email: 'Awa.Diop@Senegal.example', displayName: 'Awa Diop', role: 'delegate', memberState: 'sen', language: 'fr', ...overrides,
  });

  describe('createUser', () => {
    it('creates a delegate with a password: normalised, no invitation, readable back, recorded in the audit log', async () => {
      const { user, invitation } = await createUser(deps, admin, delegateInput(), 'a long enough password');
      expect(user).to.include({ email: 'awa.diop@senegal.example', displayName: 'Awa Diop', role: 'delegate', memberState: 'SEN', language: 'fr', disabled: false });
      expect(invitation).to.equal(null);
      expect(await getUser(deps, user.id)).to.deep.equal(user);
      const entry = await latestAuditEntry(deps, admin);
      expect(entry).to.include({ action: 'user.create', actor: admin.email, subject: `user ${user.id}` });
      expect(entry.details.to).to.deep.equal({ email: 'awa.diop@senegal.example', displayName: 'Awa Diop', role: 'delegate', memberState: 'SEN', language: 'fr' });
    });

    it('creates an account without a password with a one-time invitation that sets it once', async () => {
      const { user, invitation } = await createUser(deps, admin, { email: 'new@example.org', displayName: 'New Officer', role: 'staff' });
      expect(invitation!.expiresAt).to.equal('2026-12-05T09:00:00.000Z');
      const link = await inspectAccountLink(deps, invitation!.token);
      expect(link).to.deep.include({ valid: true, purpose: 'invitation' });
      expect(link.valid && link.user!.id).to.equal(user.id);

      const chosen = await useAccountLink(deps, invitation!.token, NEW_PASSWORD);
      expect(chosen.id).to.equal(user.id);
      expect(await latestAuditEntry(deps, admin)).to.deep.include({ action: 'user.password-set', actor: 'new@example.org', details: { via: 'invitation', sessionsEnded: 0 } });
      expect(await inspectAccountLink(deps, invitation!.token)).to.deep.equal({ valid: false });
      expect((await rejection(useAccountLink(deps, invitation!.token, NEW_PASSWORD))).kind).to.equal('gone');
    });

    it('refuses a staff member with forbidden and writes nothing', async () => {
      const before = await latestAuditSeq(deps, admin);
      const error = await rejection(createUser(deps, staff.actor, delegateInput(), 'a long enough password'));
      expect(error.kind).to.equal('forbidden');
      expect(await latestAuditSeq(deps, admin)).to.equal(before);
      expect((await listAccounts(deps, admin)).map((u) => u.email)).to.not.include('awa.diop@senegal.example');
    });

    it('refuses a delegate without a Member State, with an unknown one, and staff with one, each at the memberState field', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ memberState: '' }, 'validation.memberStateRequired'],
        [{ memberState: 'XYZ' }, 'validation.memberStateUnknown'],
        [{ role: 'staff' }, 'validation.memberStateOnlyDelegates'],
      ];
      for (const [overrides, key] of cases) {
        const error = await rejection(createUser(deps, admin, delegateInput(overrides), 'a long enough password'));
        expect(error.kind, key).to.equal('invalid');
        expect(error.fields.map((f) => [f.field, f.key]), key).to.deep.equal([['memberState', key]]);
      }
    });

    it('refuses a bad email, an empty name and a short password as invalid, naming each field', async () => {
      const error = await rejection(createUser(deps, admin, delegateInput({ email: 'not an email', displayName: ' ' })));
      expect(error.kind).to.equal('invalid');
      expect(error.fields.map((f) => f.field)).to.have.members(['email', 'displayName']);
      const short = await rejection(createUser(deps, admin, delegateInput(), 'short'));
      expect(short.fields).to.deep.equal([{ field: 'password', key: 'validation.passwordLength' }]);
    });

    it('refuses an email already taken, whatever its case, as a conflict, and keeps one account', async () => {
      await createUser(deps, admin, delegateInput(), 'a long enough password');
      const before = await latestAuditSeq(deps, admin);
      const error = await rejection(createUser(deps, admin, delegateInput({ email: 'AWA.DIOP@senegal.example' }), 'a long enough password'));
      expect(error.kind).to.equal('conflict');
      expect(error.fields).to.deep.equal([{ field: 'email', key: 'validation.emailTaken' }]);
      expect((await listAccounts(deps, admin)).filter((u) => u.email === 'awa.diop@senegal.example')).to.have.length(1);
      expect(await latestAuditSeq(deps, admin)).to.equal(before);
    });
  });

  describe('updateUserAccount', () => {
    it('changes an account and records what it was and what it became', async () => {
      const updated = await updateUserAccount(deps, admin, staff.user.id, { email: staff.user.email, displayName: 'Head of Unit', role: 'admin', language: 'es' });
      expect(updated).to.include({ id: staff.user.id, displayName: 'Head of Unit', role: 'admin', language: 'es' });
      expect(await getUser(deps, staff.user.id)).to.deep.equal(updated);
      const entry = await latestAuditEntry(deps, admin);
      expect(entry).to.include({ action: 'user.update', subject: `user ${staff.user.id}` });
      expect(entry.details.from).to.include({ role: 'staff', displayName: staff.user.displayName });
      expect(entry.details.to).to.include({ role: 'admin', displayName: 'Head of Unit', language: 'es' });
    });

    it('refuses an administrator demoting themselves, an unknown account, a taken email and a staff member', async () => {
      const self = await rejection(updateUserAccount(deps, admin, admin.userId, { email: admin.email, displayName: 'Me', role: 'staff' }));
      expect(self.kind).to.equal('invalid');
      expect(self.fields).to.deep.equal([{ field: 'role', key: 'validation.cannotDemoteSelf' }]);
      expect((await rejection(updateUserAccount(deps, admin, 999_999, { email: 'x@example.org', displayName: 'X', role: 'staff' }))).kind).to.equal('not_found');
      const taken = await rejection(updateUserAccount(deps, admin, staff.user.id, { email: admin.email, displayName: 'X', role: 'staff' }));
      expect(taken.kind).to.equal('conflict');
      expect((await rejection(updateUserAccount(deps, staff.actor, staff.user.id, { email: staff.user.email, displayName: 'X', role: 'admin' }))).kind).to.equal('forbidden');
      expect((await getUser(deps, admin.userId)).role).to.equal('admin');
      expect((await getUser(deps, staff.user.id)).role).to.equal('staff');
    });
  });

  describe('setUserDisabled', () => {
    it('disables an account, which then acts as nobody, and enables it again, each recorded', async () => {
      await setUserDisabled(deps, admin, staff.user.id, true);
      expect((await getUser(deps, staff.user.id)).disabled).to.equal(true);
      expect(await loadActor(deps, staff.user.id)).to.equal(null);
      expect(await latestAuditEntry(deps, admin)).to.deep.include({ action: 'user.disable', details: { email: staff.user.email, from: { disabled: false }, to: { disabled: true } } });

      await setUserDisabled(deps, admin, staff.user.id, false);
      expect((await loadActor(deps, staff.user.id))!.userId).to.equal(staff.user.id);
      expect((await latestAuditEntry(deps, admin)).action).to.equal('user.enable');
    });

    it('refuses an administrator disabling themselves, an unknown account and a staff member', async () => {
      expect((await rejection(setUserDisabled(deps, admin, admin.userId, true))).key).to.equal('errors.cannotDisableSelf');
      expect((await rejection(setUserDisabled(deps, admin, 999_999, true))).kind).to.equal('not_found');
      expect((await rejection(setUserDisabled(deps, staff.actor, admin.userId, true))).kind).to.equal('forbidden');
      expect((await getUser(deps, admin.userId)).disabled).to.equal(false);
    });
  });

  describe('resetUserPassword', () => {
    it('issues a reset link that sets a new password once, and records the reset', async () => {
      const link = await resetUserPassword(deps, admin, staff.user.id);
      expect(link.expiresAt).to.equal('2026-11-29T09:00:00.000Z');
      expect(await latestAuditEntry(deps, admin)).to.deep.include({ action: 'user.reset', subject: `user ${staff.user.id}`, details: { email: staff.user.email, sessionsEnded: 0 } });
      expect(await inspectAccountLink(deps, link.token)).to.deep.include({ valid: true, purpose: 'reset' });
      expect((await useAccountLink(deps, link.token, NEW_PASSWORD)).id).to.equal(staff.user.id);
    });

    it('gives a reset link that has expired as gone', async () => {
      const link = await resetUserPassword(deps, admin, staff.user.id);
      clock.advance(24 * 60 * 60 * 1000);
      expect(await inspectAccountLink(deps, link.token)).to.deep.equal({ valid: false });
      const error = await rejection(useAccountLink(deps, link.token, NEW_PASSWORD));
      expect(error.kind).to.equal('gone');
    });

    it('refuses passwords that differ, keeping the link usable', async () => {
      const link = await resetUserPassword(deps, admin, staff.user.id);
      const error = await rejection(useAccountLink(deps, link.token, { password: 'a password of my own', confirm: 'another password' }));
      expect(error.kind).to.equal('invalid');
      expect(error.fields).to.deep.equal([{ field: 'confirm', key: 'validation.passwordMismatch' }]);
      expect((await inspectAccountLink(deps, link.token)).valid).to.equal(true);
    });

    it('refuses an unknown account and a staff member', async () => {
      expect((await rejection(resetUserPassword(deps, admin, 999_999))).kind).to.equal('not_found');
      expect((await rejection(resetUserPassword(deps, staff.actor, admin.userId))).kind).to.equal('forbidden');
    });
  });

  describe('listAccounts', () => {
    it('lists every account to an administrator and refuses anyone else', async () => {
      expect((await listAccounts(deps, admin)).map((u) => u.id)).to.have.members([admin.userId, staff.user.id]);
      expect((await rejection(listAccounts(deps, staff.actor))).kind).to.equal('forbidden');
    });
  });
});
