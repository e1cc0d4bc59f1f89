// Questions, options and the Member State codes options show are kept in memory (see findSurvey)
// while the content version says they have not changed: every write of them goes through
// changeContent, which moves the version in the same transaction.
import type { Knex } from 'knex';
import { connectionOf, type Queryable, type Tx } from './database.js';

/**
 * Runs `write` on the transaction's connection, then moves the content version, so no process
 * keeps questions or options from before the change; the only way data functions write them.
 */
export async function changeContent<T>(tx: Tx, write: (connection: Knex.Transaction) => Promise<T>): Promise<T> {
  const result = await write(tx.knex);
  await tx.knex('content_version').where({ id: 1 }).increment('version', 1);
  return result;
}

export async function readContentVersion(q: Queryable): Promise<string> {
  return String((await connectionOf(q)('content_version').where({ id: 1 }).first('version'))?.version);
}
