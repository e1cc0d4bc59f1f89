import { findApiToken, insertApiToken, listApiTokensOfUser, markApiTokenUsed, revokeApiTokens, type ApiTokenRow } from '../data/api-tokens.js';
import { findUserByActiveApiToken, findUserById } from '../data/users.js';
import { actorFromUser, actorLabel, requireAdmin, type SignedInActor } from './accounts.js';
import { appendAuditEntry } from './audit.js';
import { isoTime } from './clock.js';
import { type Actor, type Deps } from './deps.js';
import { AppError } from './errors.js';
import { hashToken, newToken } from './secrets.js';

export const API_TOKEN_PREFIX = 'cbt_';
/** A token's last use is written at most this often. */
export const TOKEN_USE_RESOLUTION_MS = 60 * 1000;

/** A token as its owner and the administrators see it (its secret is never kept). */
export interface ApiToken {
  readonly id: number;
  readonly userId: number;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

function apiToken(r: ApiTokenRow): ApiToken {
  return { id: r.id, userId: r.user_id, createdAt: r.created_at, createdBy: r.created_by_email, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at };
}

/** Administrators see anyone's tokens; everyone else only their own. `null` is the operator. */
function requireAdminOrSelf(actor: Actor | null, userId: number): void {
  if (actor && actor.role !== 'admin' && actor.userId !== userId) throw new AppError('forbidden', 'errors.forbidden');
}

/** Creates a personal API token for a user; the token is returned once and only its hash is kept. */
export async function createApiToken(deps: Deps, actor: Actor | null, userId: number): Promise<{ token: string; id: number }> {
  requireAdmin(actor);
  return deps.db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('not_found', 'errors.notFound');
    if (user.is_disabled) throw new AppError('conflict', 'errors.userDisabled');
    const { token, hash } = newToken(API_TOKEN_PREFIX);
    const id = await insertApiToken(tx, { user_id: userId, token_hash: hash, created_at: isoTime(deps.clock.now()), created_by: actor?.userId ?? null });
    await appendAuditEntry(deps, tx, {
      actorUserId: actor?.userId ?? null, actorLabel: actorLabel(actor), action: 'api-token.create', subjectType: 'user', subjectId: userId,
      details: { email: user.email, tokenId: id },
    });
    return { token, id };
  });
}

/** A user's tokens, newest first, revoked ones included. */
export async function listApiTokens(deps: Deps, actor: Actor | null, userId: number): Promise<ApiToken[]> {
  requireAdminOrSelf(actor, userId);
  return (await listApiTokensOfUser(deps.db, userId)).map(apiToken);
}

/**
 * Revokes tokens of one user: the one named, or all that are active. Administrators revoke anyone's,
 * a user their own. Returns the ids revoked (none when they were revoked already).
 */
export async function revokeApiTokensOfUser(deps: Deps, actor: Actor | null, userId: number, tokenId?: number): Promise<number[]> {
  requireAdminOrSelf(actor, userId);
  return deps.db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('not_found', 'errors.notFound');
    let ids: number[];
    if (tokenId === undefined) {
      ids = (await listApiTokensOfUser(tx, userId)).map((t) => t.id);
    } else {
      const token = await findApiToken(tx, tokenId);
      if (!token || token.user_id !== userId) throw new AppError('not_found', 'errors.notFound');
      ids = [token.id];
    }
    const revoked = await revokeApiTokens(tx, ids, isoTime(deps.clock.now()));
    if (revoked.length > 0) {
      await appendAuditEntry(deps, tx, {
        actorUserId: actor?.userId ?? null, actorLabel: actorLabel(actor), action: 'api-token.revoke', subjectType: 'user', subjectId: userId,
        details: { email: user.email, tokenIds: revoked },
      });
    }
    return revoked;
  });
}

/** The owner of a token, for an operator who knows only its id. */
export async function ownerOfApiToken(deps: Deps, tokenId: number): Promise<number> {
  const token = await findApiToken(deps.db, tokenId);
  if (!token) throw new AppError('not_found', 'errors.notFound');
  return token.user_id;
}

/**
 * The acting user a bearer token stands for (token and account read in one query), or null; notes
 * the token's use, at most once a minute.
 */
export async function actorForApiToken(deps: Deps, token: string): Promise<SignedInActor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const found = await findUserByActiveApiToken(deps.db, hashToken(token));
  const actor = actorFromUser(found?.user);
  if (!found || !actor) return null;
  const now = deps.clock.now();
  const notSince = isoTime(new Date(now.getTime() - TOKEN_USE_RESOLUTION_MS));
  if (found.lastUsedAt === null || found.lastUsedAt < notSince) {
    await deps.db.transaction((tx) => markApiTokenUsed(tx, found.tokenId, isoTime(now), notSince));
  }
  return actor;
}
