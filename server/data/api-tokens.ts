import { z } from 'zod';
import { connectionOf, type Queryable, type Tx } from './database.js';
import { insertedId, nullableText, nullableWholeNumber, text, wholeNumber } from './row-schemas.js';

export async function insertApiToken(tx: Tx, token: { user_id: number; token_hash: string; created_at: string; created_by: number | null }): Promise<number> {
  const db = tx.knex;
  return insertedId(await db('api_tokens').insert(token).returning('id'));
}

/** A token as its owner and the administrators see it: never its hash. */
const API_TOKEN_ROW = z.object({
  id: wholeNumber,
  user_id: wholeNumber,
  created_at: text,
  created_by: nullableWholeNumber,
  created_by_email: nullableText,
  last_used_at: nullableText,
  revoked_at: nullableText,
});

export type ApiTokenRow = Readonly<z.output<typeof API_TOKEN_ROW>>;

function selectTokens(q: Queryable) {
  return connectionOf(q)('api_tokens')
    .leftJoin('users as creators', 'creators.id', 'api_tokens.created_by')
    .select('api_tokens.id', 'api_tokens.user_id', 'api_tokens.created_at', 'api_tokens.created_by', 'creators.email as created_by_email', 'api_tokens.last_used_at', 'api_tokens.revoked_at');
}

/** A user's tokens, newest first. */
export async function listApiTokensOfUser(q: Queryable, userId: number): Promise<ApiTokenRow[]> {
  const rows: unknown[] = await selectTokens(q).where('api_tokens.user_id', userId).orderBy('api_tokens.id', 'desc');
  return rows.map((r) => API_TOKEN_ROW.parse(r));
}

export async function findApiToken(q: Queryable, id: number): Promise<ApiTokenRow | undefined> {
  const row: unknown = await selectTokens(q).where('api_tokens.id', id).first();
  return row ? API_TOKEN_ROW.parse(row) : undefined;
}

/** Revokes the given tokens that are still active; returns the ids it revoked. */
export async function revokeApiTokens(tx: Tx, ids: readonly number[], now: string): Promise<number[]> {
  if (ids.length === 0) return [];
  const db = tx.knex;
  const active = (await db('api_tokens').whereIn('id', ids).whereNull('revoked_at').orderBy('id').pluck('id')).map((id) => wholeNumber.parse(id));
  if (active.length > 0) await db('api_tokens').whereIn('id', active).update({ revoked_at: now });
  return active;
}

/**
 * Notes that a token was used, at most once per minute (`notSince`): a script calling the API
 * many times a second costs one write a minute, and "last used" is right to the minute.
 */
export async function markApiTokenUsed(tx: Tx, id: number, now: string, notSince: string): Promise<void> {
  await tx.knex('api_tokens').where({ id })
    .andWhere((w) => w.whereNull('last_used_at').orWhere('last_used_at', '<', notSince))
    .update({ last_used_at: now });
}
