import { insertApiToken } from '../data/api-tokens.js';
import { findUserByActiveApiToken, findUserById } from '../data/users.js';
import { actorFromUser, actorLabel, requireAdmin, type SignedInActor } from './accounts.js';
import { appendAuditEntry } from './audit.js';
import { isoTime } from './clock.js';
import { type Actor, type Deps } from './deps.js';
import { AppError } from './errors.js';
import { hashToken, newToken } from './secrets.js';

export const API_TOKEN_PREFIX = 'cbt_';

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

/** The acting user a bearer token stands for (token and account read in one query), or null. */
export async function actorForApiToken(deps: Deps, token: string): Promise<SignedInActor | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  return actorFromUser(await findUserByActiveApiToken(deps.db, hashToken(token)));
}
