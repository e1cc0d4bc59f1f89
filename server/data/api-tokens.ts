import type { Tx } from './database.js';

export async function insertApiToken(tx: Tx, token: { user_id: number; token_hash: string; created_at: string; created_by: number | null }): Promise<number> {
  const db = tx.knex;
  const [row] = await db('api_tokens').insert(token).returning('id');
  return Number(typeof row === 'object' ? row.id : row);
}
