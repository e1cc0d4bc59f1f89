// Focal points: a delegate an administrator marks as their Member State's focal point manages the
// accounts of their own delegation, and nothing else. They invite colleagues (delegate accounts of
// their Member State, the invitation mailed as an administrator's is) and disable or re-enable
// them; every change is an audit entry an administrator can undo from the user's page. Focal
// points, staff, administrators and other Member States' accounts are out of their reach.
import { z } from 'zod';
import { isUniqueViolation } from '../data/connection.js';
import type { Queryable } from '../data/database.js';
import { findUserById, insertUser, listUsersOfMemberState, updateUser, type UserRow } from '../data/users.js';
import { actorLabel, auditView, issueLink, publicUser, requireAdmin, userInputSchema, type PublicUser } from './accounts.js';
import { appendAuditEntry } from './audit.js';
import { isoTime } from './clock.js';
import type { Actor, Deps } from './deps.js';
import { AppError } from './errors.js';
import { queueAccountLink } from './mail/notices.js';
import { parseInput } from './validation.js';

/** What a focal point gives to invite a colleague: never a role or a Member State, which are theirs. */
export const colleagueInputSchema = z.object({
  email: userInputSchema.shape.email,
  displayName: userInputSchema.shape.displayName,
  language: userInputSchema.shape.language,
});

const focalPointInputSchema = z.object({ focalPoint: z.enum(['yes', 'no'], { message: 'validation.focalPointChoice' }) });

/** An administrator marks a delegate as their Member State's focal point, or no longer. */
export async function setFocalPoint(deps: Deps, actor: Actor, userId: number, input: unknown): Promise<PublicUser> {
  requireAdmin(actor);
  const focalPoint = parseInput(focalPointInputSchema, input).focalPoint === 'yes';
  return deps.db.transaction(async (tx) => {
    const before = await findUserById(tx, userId);
    if (!before) throw new AppError('not_found', 'errors.notFound');
    if (focalPoint && before.role !== 'delegate') {
      throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'focalPoint', key: 'validation.focalPointDelegatesOnly' }]);
    }
    if (before.is_focal_point === focalPoint) return publicUser(before);
    await updateUser(tx, userId, { is_focal_point: focalPoint }, isoTime(deps.clock.now()));
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'user.focal-point', subjectType: 'user', subjectId: userId,
      details: { email: before.email, memberState: before.member_state_iso3, from: { focalPoint: before.is_focal_point }, to: { focalPoint } },
    });
    return publicUser((await findUserById(tx, userId))!);
  });
}

/**
 * The acting account, read again with the change: a focal point of a Member State, active, still a
 * delegate. Anyone else is refused.
 */
async function requireFocalPoint(q: Queryable, actor: Actor): Promise<UserRow & { member_state_id: number }> {
  const me = await findUserById(q, actor.userId);
  if (!me || me.is_disabled || me.role !== 'delegate' || !me.is_focal_point || me.member_state_id == null) {
    throw new AppError('forbidden', 'errors.forbidden');
  }
  return { ...me, member_state_id: me.member_state_id };
}

/** A colleague a focal point may act on: a delegate of their own Member State, not themselves, not another focal point. */
function assertColleague(me: UserRow, target: UserRow | undefined): asserts target is UserRow {
  // Another Member State's account, or staff's, does not exist for a focal point.
  if (!target || target.role !== 'delegate' || target.member_state_id !== me.member_state_id) throw new AppError('not_found', 'errors.notFound');
  if (target.id === me.id || target.is_focal_point) throw new AppError('forbidden', 'errors.notAColleague');
}

export interface DelegationAccount extends PublicUser {
  /** Whether the focal point may disable or re-enable it. */
  readonly manageable: boolean;
}

/** The focal point's delegation: every account of their Member State. */
export async function listDelegation(deps: Deps, actor: Actor): Promise<{ memberState: string; accounts: DelegationAccount[] }> {
  const me = await requireFocalPoint(deps.db, actor);
  const rows = await listUsersOfMemberState(deps.db, me.member_state_id);
  return {
    memberState: me.member_state_iso3!,
    accounts: rows.map((u) => ({ ...publicUser(u), manageable: u.role === 'delegate' && u.id !== me.id && !u.is_focal_point })),
  };
}

/** A focal point invites a colleague: a delegate account of their Member State, its invitation queued for mail. */
export async function inviteColleague(deps: Deps, actor: Actor, input: unknown): Promise<PublicUser> {
  const data = parseInput(colleagueInputSchema, input);
  try {
    return await deps.db.transaction(async (tx) => {
      const me = await requireFocalPoint(tx, actor);
      const now = isoTime(deps.clock.now());
      const id = await insertUser(tx, { email: data.email, display_name: data.displayName, role: 'delegate', member_state_id: me.member_state_id, language: data.language, password_hash: null }, now);
      const invitation = await issueLink(deps, tx, 'invitation', id, me.id);
      const user = (await findUserById(tx, id))!;
      await appendAuditEntry(deps, tx, {
        actorUserId: me.id, actorLabel: me.email, action: 'delegation.invite', subjectType: 'user', subjectId: id,
        details: { asFocalPointOf: me.member_state_iso3, to: auditView(user) },
      });
      await queueAccountLink(deps, tx, user, 'invitation', invitation);
      return publicUser(user);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', 'errors.invalid', {}, [{ field: 'email', key: 'validation.emailTaken' }]);
    throw error;
  }
}

/** A focal point disables or re-enables a colleague's account. */
export async function setColleagueDisabled(deps: Deps, actor: Actor, userId: number, disabled: boolean): Promise<PublicUser> {
  return deps.db.transaction(async (tx) => {
    const me = await requireFocalPoint(tx, actor);
    const before = await findUserById(tx, userId);
    assertColleague(me, before);
    if (before.is_disabled === disabled) return publicUser(before);
    await updateUser(tx, userId, { is_disabled: disabled }, isoTime(deps.clock.now()));
    await appendAuditEntry(deps, tx, {
      actorUserId: me.id, actorLabel: me.email, action: disabled ? 'delegation.disable' : 'delegation.enable', subjectType: 'user', subjectId: userId,
      details: { asFocalPointOf: me.member_state_iso3, email: before.email, from: { disabled: before.is_disabled }, to: { disabled } },
    });
    return publicUser((await findUserById(tx, userId))!);
  });
}
