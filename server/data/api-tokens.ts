import type { Tx } from './database.js';
import { insertedId } from './row-schemas.js';

export async function insertApiToken(tx: Tx, token: { user_id: number; token_hash: string; created_at: string; created_by: number | null }): Promise<number> {
  const db = tx.knex;
  return insertedId(await db('api_tokens').insert(token).returning('id'));
}
