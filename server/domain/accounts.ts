import { z } from 'zod';
import { findAccountLinkByHash, insertAccountLink, markAccountLinkUsed, retireAccountLinks, type LinkPurpose } from '../data/account-links.js';
import { isUniqueViolation } from '../data/connection.js';
import type { Queryable, Tx } from '../data/database.js';
import { findMemberStateByIso3 } from '../data/member-states.js';
import { deleteSessionsOfUser } from '../data/sessions.js';
import { countUsers, findUserByEmail, findUserById, insertUser, listUsers, updateUser, type UserRow } from '../data/users.js';
import { LANGUAGES, type Language } from '../i18n/languages.js';
import { appendAuditEntry } from './audit.js';
import { queueAccountLink } from './mail/notices.js';
import { isoTime } from './clock.js';
import { ROLES, SYSTEM_ACTOR_LABEL, type Actor, type Deps, type Role } from './deps.js';
import { AppError } from './errors.js';
import { Refused } from './refusals.js';
import { parseInput } from './validation.js';
import { hashPassword, hashToken, newToken, PASSWORD_MIN_LENGTH, verifyPassword } from './secrets.js';

export const LINK_LIFETIME_MS: Readonly<Record<LinkPurpose, number>> = {
  setup: 60 * 60 * 1000,
  invitation: 7 * 24 * 60 * 60 * 1000,
  reset: 24 * 60 * 60 * 1000,
};

export const userInputSchema = z.object({
  email: z.string().trim().toLowerCase().email('validation.email').max(254, 'validation.tooLong'),
  displayName: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  role: z.enum(ROLES, { message: 'validation.role' }),
  memberState: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => (v ? v : undefined)),
  language: z.enum(LANGUAGES, { message: 'validation.language' }).default('en'),
}).superRefine((v, ctx) => {
  if (v.role === 'delegate' && !v.memberState) ctx.addIssue({ code: 'custom', path: ['memberState'], message: 'validation.memberStateRequired' });
  if (v.role !== 'delegate' && v.memberState) ctx.addIssue({ code: 'custom', path: ['memberState'], message: 'validation.memberStateOnlyDelegates' });
});
export type UserInput = z.input<typeof userInputSchema>;

export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH, 'validation.passwordLength').max(1000, 'validation.tooLong');

/** Who acts, as written in the audit log. */
export function actorLabel(actor: Actor | null): string {
  return actor ? actor.email : SYSTEM_ACTOR_LABEL;
}

export function requireAdmin(actor: Actor | null): void {
  if (actor && actor.role !== 'admin') throw new AppError('forbidden', 'errors.forbidden');
}

async function resolveMemberState(tx: Queryable, role: Role, iso3: string | undefined): Promise<number | null> {
  if (role !== 'delegate') {
    if (iso3) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'memberState', key: 'validation.memberStateOnlyDelegates' }]);
    return null;
  }
  if (!iso3) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'memberState', key: 'validation.memberStateRequired' }]);
  const ms = await findMemberStateByIso3(tx, iso3);
  if (!ms) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'memberState', key: 'validation.memberStateUnknown', params: { iso3 } }]);
  return ms.id;
}

export function publicUser(u: UserRow) {
  return { id: u.id, email: u.email, displayName: u.display_name, role: u.role, memberState: u.member_state_iso3, language: u.language, disabled: u.is_disabled, focalPoint: u.is_focal_point };
}
export type PublicUser = ReturnType<typeof publicUser>;

export async function issueLink(deps: Deps, tx: Tx, purpose: LinkPurpose, userId: number | null, createdBy: number | null): Promise<{ token: string; expiresAt: string }> {
  const now = deps.clock.now();
  const { token, hash } = newToken();
  if (userId != null) await retireAccountLinks(tx, userId, isoTime(now));
  const expiresAt = isoTime(new Date(now.getTime() + LINK_LIFETIME_MS[purpose]));
  await insertAccountLink(tx, { purpose, token_hash: hash, user_id: userId, created_by: createdBy, created_at: isoTime(now), expires_at: expiresAt });
  return { token, expiresAt };
}

/**
 * Creates an account. With a password it can sign in at once; without one, an invitation link is
 * issued for the person to choose their own.
 */
export async function createUser(
  deps: Deps,
  actor: Actor | null,
  input: unknown,
  password?: string,
): Promise<{ user: PublicUser; invitation: { token: string; expiresAt: string } | null }> {
  requireAdmin(actor);
  const data = parseInput(userInputSchema, input);
  const passwordHash = password === undefined ? null : await hashPassword(parseInput(z.object({ password: passwordSchema }), { password }).password, deps.config.passwordHashing);
  try {
    return await deps.db.transaction(async (tx) => {
      const memberStateId = await resolveMemberState(tx, data.role, data.memberState);
      const now = isoTime(deps.clock.now());
      const id = await insertUser(tx, { email: data.email, display_name: data.displayName, role: data.role, member_state_id: memberStateId, language: data.language, password_hash: passwordHash }, now);
      const invitation = passwordHash ? null : await issueLink(deps, tx, 'invitation', id, actor?.userId ?? null);
      await appendAuditEntry(deps, tx, {
        actorUserId: actor?.userId ?? null,
        actorLabel: actorLabel(actor),
        action: 'user.create',
        subjectType: 'user',
        subjectId: id,
        details: { to: { email: data.email, displayName: data.displayName, role: data.role, memberState: data.memberState ?? null, language: data.language } },
      });
      const user = (await findUserById(tx, id))!;
      if (invitation) await queueAccountLink(deps, tx, user, 'invitation', invitation);
      return { user: publicUser(user), invitation };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'errors.invalid', {}, [{ field: 'email', key: 'validation.emailTaken' }]);
    }
    throw error;
  }
}

export async function updateUserAccount(deps: Deps, actor: Actor, userId: number, input: unknown): Promise<PublicUser> {
  requireAdmin(actor);
  const data = parseInput(userInputSchema, input);
  try {
    return await deps.db.transaction(async (tx) => {
      const before = await findUserById(tx, userId);
      if (!before) throw new AppError('not_found', 'errors.notFound');
      if (before.id === actor.userId && data.role !== 'admin') {
        throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'role', key: 'validation.cannotDemoteSelf' }]);
      }
      const memberStateId = await resolveMemberState(tx, data.role, data.memberState);
      // A focal point is one for their own Member State's delegation: an account moved to another
      // Member State, or no longer a delegate's, stops being one.
      const staysFocalPoint = before.is_focal_point && memberStateId === before.member_state_id;
      await updateUser(tx, userId, { email: data.email, display_name: data.displayName, role: data.role, member_state_id: memberStateId, language: data.language, is_focal_point: staysFocalPoint }, isoTime(deps.clock.now()));
      const after = (await findUserById(tx, userId))!;
      await appendAuditEntry(deps, tx, {
        actorUserId: actor.userId,
        actorLabel: actorLabel(actor),
        action: 'user.update',
        subjectType: 'user',
        subjectId: userId,
        details: { from: auditView(before), to: auditView(after) },
      });
      return publicUser(after);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'errors.invalid', {}, [{ field: 'email', key: 'validation.emailTaken' }]);
    throw error;
  }
}

export function auditView(u: UserRow) {
  return { email: u.email, displayName: u.display_name, role: u.role, memberState: u.member_state_iso3, language: u.language, disabled: u.is_disabled, focalPoint: u.is_focal_point };
}

export async function setUserDisabled(deps: Deps, actor: Actor, userId: number, disabled: boolean): Promise<void> {
  requireAdmin(actor);
  if (userId === actor.userId && disabled) throw new AppError('invalid', 'errors.cannotDisableSelf');
  await deps.db.transaction(async (tx) => {
    const before = await findUserById(tx, userId);
    if (!before) throw new AppError('not_found', 'errors.notFound');
    await updateUser(tx, userId, { is_disabled: disabled }, isoTime(deps.clock.now()));
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId,
      actorLabel: actorLabel(actor),
      action: disabled ? 'user.disable' : 'user.enable',
      subjectType: 'user',
      subjectId: userId,
      details: { email: before.email, from: { disabled: before.is_disabled }, to: { disabled } },
    });
  });
}

/**
 * Clears the password, ends every session signed in to the account (whoever holds one must sign in
 * again, with the new password) and issues a link to choose a new one. API tokens are revoked
 * separately (revokeApiTokensOfUser): scripts may need to keep running.
 */
export async function resetUserPassword(deps: Deps, actor: Actor, userId: number): Promise<{ token: string; expiresAt: string }> {
  requireAdmin(actor);
  return deps.db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('not_found', 'errors.notFound');
    await updateUser(tx, userId, { password_hash: null }, isoTime(deps.clock.now()));
    const sessionsEnded = await deleteSessionsOfUser(tx, userId, null);
    const link = await issueLink(deps, tx, 'reset', userId, actor.userId);
    await queueAccountLink(deps, tx, user, 'reset', link);
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'user.reset', subjectType: 'user', subjectId: userId, details: { email: user.email, sessionsEnded },
    });
    return link;
  });
}

const changePasswordSchema = z.object({ current: z.string().max(1000, 'validation.tooLong'), password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'validation.passwordMismatch' });

/**
 * A signed-in user changes their own password, giving the current one; every other session signed
 * in to the account ends (`keepSession` is the one the change is made from).
 */
export async function changeOwnPassword(deps: Deps, actor: Actor, input: unknown, keepSession: string | null): Promise<void> {
  const data = parseInput(changePasswordSchema, input);
  const user = await findUserById(deps.db, actor.userId);
  if (!user || user.is_disabled) throw new AppError('unauthenticated', 'errors.signInRequired');
  if (!(await verifyPassword(user.password_hash, data.current, deps.config.passwordHashing))) {
    throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'current', key: 'validation.currentPasswordWrong' }]);
  }
  const hash = await hashPassword(data.password, deps.config.passwordHashing);
  await deps.db.transaction(async (tx) => {
    const nowIso = isoTime(deps.clock.now());
    await updateUser(tx, user.id, { password_hash: hash }, nowIso);
    const sessionsEnded = await deleteSessionsOfUser(tx, user.id, keepSession);
    await appendAuditEntry(deps, tx, {
      actorUserId: user.id, actorLabel: user.email, action: 'user.password-change', subjectType: 'user', subjectId: user.id, details: { sessionsEnded },
    });
  });
}

/** On an empty database: a one-time link to create the first administrator; null once anyone exists. */
export async function issueSetupLinkIfEmpty(deps: Deps): Promise<{ token: string; expiresAt: string } | null> {
  return deps.db.transaction(async (tx) => {
    if ((await countUsers(tx)) > 0) return null;
    return issueLink(deps, tx, 'setup', null, null);
  });
}

export type LinkState = { readonly valid: true; readonly purpose: LinkPurpose; readonly user: PublicUser | null } | { readonly valid: false };

export async function inspectAccountLink(deps: Deps, token: string): Promise<LinkState> {
  const link = await findAccountLinkByHash(deps.db, hashToken(token));
  if (!link || link.used_at || link.expires_at <= isoTime(deps.clock.now())) return { valid: false };
  const user = link.user_id == null ? null : await findUserById(deps.db, link.user_id);
  if (link.user_id != null && (!user || user.is_disabled)) return { valid: false };
  return { valid: true, purpose: link.purpose, user: user ? publicUser(user) : null };
}

const setupSchema = z.object({
  email: userInputSchema.shape.email,
  displayName: userInputSchema.shape.displayName,
  language: userInputSchema.shape.language,
  password: passwordSchema,
  confirm: z.string(),
}).refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'validation.passwordMismatch' });

const choosePasswordSchema = z.object({ password: passwordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'validation.passwordMismatch' });

/**
 * Uses a one-time link: the setup link creates the first administrator; an invitation or reset link
 * sets the password. Returns the user to sign in.
 */
export async function useAccountLink(deps: Deps, token: string, input: unknown): Promise<PublicUser> {
  const link = await findAccountLinkByHash(deps.db, hashToken(token));
  const nowIso = isoTime(deps.clock.now());
  if (!link || link.used_at || link.expires_at <= nowIso) throw new Refused({ kind: 'link-used' });
  if (link.purpose === 'setup') {
    const data = parseInput(setupSchema, input);
    const hash = await hashPassword(data.password, deps.config.passwordHashing);
    return deps.db.transaction(async (tx) => {
      if (!(await markAccountLinkUsed(tx, link.id, nowIso))) throw new Refused({ kind: 'link-used' });
      if ((await countUsers(tx)) > 0) throw new Refused({ kind: 'link-used' });
      const id = await insertUser(tx, { email: data.email, display_name: data.displayName, role: 'admin', member_state_id: null, language: data.language, password_hash: hash }, nowIso);
      await appendAuditEntry(deps, tx, {
        actorUserId: id, actorLabel: data.email, action: 'user.setup', subjectType: 'user', subjectId: id,
        details: { to: { email: data.email, displayName: data.displayName, role: 'admin' } },
      });
      return publicUser((await findUserById(tx, id))!);
    });
  }
  const data = parseInput(choosePasswordSchema, input);
  const hash = await hashPassword(data.password, deps.config.passwordHashing);
  return deps.db.transaction(async (tx) => {
    if (!(await markAccountLinkUsed(tx, link.id, nowIso))) throw new Refused({ kind: 'link-used' });
    const user = link.user_id == null ? undefined : await findUserById(tx, link.user_id);
    if (!user || user.is_disabled) throw new Refused({ kind: 'link-used' });
    await updateUser(tx, user.id, { password_hash: hash }, nowIso);
    // Whoever was signed in to the account before the new password signs in again with it.
    const sessionsEnded = await deleteSessionsOfUser(tx, user.id, null);
    await appendAuditEntry(deps, tx, {
      actorUserId: user.id, actorLabel: user.email, action: 'user.password-set', subjectType: 'user', subjectId: user.id, details: { via: link.purpose, sessionsEnded },
    });
    return publicUser(user);
  });
}

export async function getUser(deps: Deps, userId: number): Promise<PublicUser> {
  const u = await findUserById(deps.db, userId);
  if (!u) throw new AppError('not_found', 'errors.notFound');
  return publicUser(u);
}

export async function listAccounts(deps: Deps, actor: Actor): Promise<PublicUser[]> {
  requireAdmin(actor);
  return (await listUsers(deps.db)).map(publicUser);
}

export async function setPreferredLanguage(deps: Deps, userId: number, language: Language): Promise<void> {
  await deps.db.transaction((tx) => updateUser(tx, userId, { language }, isoTime(deps.clock.now())));
}

/** A Member State's name in each language, as the pages show it to readers of that language. */
export type MemberStateNames = Readonly<Record<Language, string>>;

export type SignedInActor = Actor & { displayName: string; language: Language; memberStateNames: MemberStateNames | null; isFocalPoint: boolean };

/** The acting user a row stands for; null when the account is disabled or gone. */
export function actorFromUser(u: UserRow | undefined): SignedInActor | null {
  if (!u || u.is_disabled) return null;
  return { userId: u.id, email: u.email, role: u.role, memberStateId: u.member_state_id, memberStateIso3: u.member_state_iso3, memberStateStatus: u.member_state_status, displayName: u.display_name, language: u.language,
    isFocalPoint: u.role === 'delegate' && u.is_focal_point,
    memberStateNames: u.member_state_name_en === null ? null : { en: u.member_state_name_en, fr: u.member_state_name_fr ?? u.member_state_name_en, es: u.member_state_name_es ?? u.member_state_name_en },
  };
}

/** The acting user for a signed-in session or a token; null when disabled or gone. */
export async function loadActor(deps: Deps, userId: number): Promise<SignedInActor | null> {
  return actorFromUser(await findUserById(deps.db, userId));
}

export { findUserByEmail };
