import type { Knex } from 'knex';

export async function insertApiToken(db: Knex, token: { user_id: number; token_hash: string; created_at: string; created_by: number | null }): Promise<number> {
  const [row] = await db('api_tokens').insert(token).returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}

export async function findActiveApiToken(db: Knex, tokenHash: string): Promise<{ id: number; user_id: number } | undefined> {
  const r = await db('api_tokens').where({ token_hash: tokenHash }).whereNull('revoked_at').first('id', 'user_id');
  return r ? { id: Number(r.id), user_id: Number(r.user_id) } : undefined;
}
