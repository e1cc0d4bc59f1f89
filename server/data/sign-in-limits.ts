import { z } from 'zod';
import { connectionOf, type Queryable, type Tx } from './database.js';
import { nullableText, text, wholeNumber } from './row-schemas.js';

// One row per key the sign-in limits count: failures (forgotten once the last is old enough), the
// time until which the key must wait, and, for an account, the failures its owner has not yet been
// told of.
const SIGN_IN_LIMIT_ROW = z.object({
  key: text,
  failures: wholeNumber,
  last_failure_at: text,
  blocked_until: nullableText,
  unreported: wholeNumber,
  first_unreported_at: nullableText,
});

export type SignInLimitRow = Readonly<z.output<typeof SIGN_IN_LIMIT_ROW>>;

export async function findSignInLimits(q: Queryable, keys: readonly string[]): Promise<SignInLimitRow[]> {
  if (keys.length === 0) return [];
  const rows: unknown[] = await connectionOf(q)('sign_in_limits').whereIn('key', keys);
  return rows.map((r) => SIGN_IN_LIMIT_ROW.parse(r));
}

/**
 * Counts one failure for the key, in one statement (so that simultaneous attempts each count),
 * starting again from one when the last failure was before `forgetBefore`; returns the new count.
 */
export async function countSignInFailure(tx: Tx, key: string, now: string, forgetBefore: string): Promise<number> {
  const db = tx.knex;
  const returned: unknown[] = await db('sign_in_limits')
    .insert({ key, failures: 1, last_failure_at: now, blocked_until: null, unreported: 0, first_unreported_at: null })
    .onConflict('key')
    .merge({
      failures: db.raw('case when sign_in_limits.last_failure_at < ? then 1 else sign_in_limits.failures + 1 end', [forgetBefore]),
      last_failure_at: now,
    })
    .returning('failures');
  return z.object({ failures: wholeNumber }).parse(returned[0]).failures;
}

export async function setSignInBlock(tx: Tx, key: string, blockedUntil: string | null): Promise<void> {
  await tx.knex('sign_in_limits').where({ key }).update({ blocked_until: blockedUntil });
}

/** Gives back the failure an attempt was counted for in advance, once it turned out right. */
export async function refundSignInFailure(tx: Tx, key: string): Promise<void> {
  const db = tx.knex;
  await db('sign_in_limits').where({ key }).update({ failures: db.raw('case when failures > 0 then failures - 1 else 0 end'), blocked_until: null });
}

/** Takes back the failure just counted for an attempt refused without being heard; the wait stays. */
export async function uncountSignInFailure(tx: Tx, key: string): Promise<void> {
  const db = tx.knex;
  await db('sign_in_limits').where({ key }).update({ failures: db.raw('case when failures > 0 then failures - 1 else 0 end') });
}

/** Forgets the key's failures (after a successful sign-in); what is unreported stays. */
export async function clearSignInFailures(tx: Tx, key: string): Promise<void> {
  await tx.knex('sign_in_limits').where({ key }).update({ failures: 0, blocked_until: null });
}

/** One more failure the account's owner has not been told of; returns how many there are now. */
export async function noteUnreportedFailure(tx: Tx, key: string, now: string): Promise<{ unreported: number; since: string }> {
  const db = tx.knex;
  const returned: unknown[] = await db('sign_in_limits')
    .insert({ key, failures: 0, last_failure_at: now, blocked_until: null, unreported: 1, first_unreported_at: now })
    .onConflict('key')
    .merge({
      unreported: db.raw('sign_in_limits.unreported + 1'),
      first_unreported_at: db.raw('coalesce(sign_in_limits.first_unreported_at, ?)', [now]),
    })
    .returning(['unreported', 'first_unreported_at']);
  const row = z.object({ unreported: wholeNumber, first_unreported_at: text }).parse(returned[0]);
  return { unreported: row.unreported, since: row.first_unreported_at };
}

/** Takes the failures not yet reported to the account's owner, leaving none. */
export async function takeUnreportedFailures(tx: Tx, key: string): Promise<{ unreported: number; since: string } | null> {
  const db = tx.knex;
  const row = await db('sign_in_limits').where({ key }).first();
  if (!row) return null;
  const parsed = SIGN_IN_LIMIT_ROW.parse(row);
  if (parsed.unreported === 0 || !parsed.first_unreported_at) return null;
  await db('sign_in_limits').where({ key }).update({ unreported: 0, first_unreported_at: null });
  return { unreported: parsed.unreported, since: parsed.first_unreported_at };
}

/** Removes rows with nothing left to count, wait for or report. */
export async function deleteSpentSignInLimits(tx: Tx, forgetBefore: string, now: string): Promise<void> {
  await tx.knex('sign_in_limits')
    .where('unreported', 0)
    .andWhere((w) => w.where('failures', 0).orWhere('last_failure_at', '<', forgetBefore))
    .andWhere((w) => w.whereNull('blocked_until').orWhere('blocked_until', '<', now))
    .delete();
}
