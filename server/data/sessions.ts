import { isPostgres, type Tx } from './database.js';

// The sessions table is the session store's (connect-session-knex): sid, sess (JSON), expired.
// passport keeps the signed-in account's id at sess.passport.user.

/** Ends every session signed in to the account, but the one named (the request's own), if any. */
export async function deleteSessionsOfUser(tx: Tx, userId: number, exceptSid: string | null): Promise<number> {
  const db = tx.knex;
  const query = db('sessions').whereRaw(
    isPostgres(tx) ? "(sess::json #>> '{passport,user}') = ?" : "json_extract(sess, '$.passport.user') = ?",
    [isPostgres(tx) ? String(userId) : userId],
  );
  if (exceptSid !== null) query.andWhereNot('sid', exceptSid);
  return query.delete();
}
