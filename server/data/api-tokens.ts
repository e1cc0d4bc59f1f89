import type { Knex } from 'knex';

export async function insertApiToken(db: Knex, token: { user_id: number; token_hash: string; created_at: string; created_by: number | null }): Promise<number> {
  const [row] = await db('api_tokens').insert(token).returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}
