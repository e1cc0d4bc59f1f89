// Signing in with a password, and the limits that slow down guessing without letting a stranger
// lock a person out (OWASP's authentication and credential-stuffing guidance; NIST SP 800-63B,
// 5.2.2, rate limiting). Failed attempts are counted per key:
//
// - an account from one address (`pair`): a guesser at one place, against one account;
// - an address (`address`): a guesser trying many accounts from one place;
// - an account from anywhere (`account`): guessing spread over many addresses.
//
// Past a key's free failures, each further failure makes that key wait, the wait doubling each
// time up to a ceiling; failures are forgotten a while after the last. While a key waits, attempts
// through it are refused without looking at the password. A device the account signed in from
// before (a signed device cookie) is held to none of these, only to its own limit (`device`), so
// somebody guessing elsewhere, or behind the same proxy, cannot keep the owner out. A correct
// password clears the account's and the pair's counts; the address's count only gets back the
// attempt it charged in advance. The account's owner is told of failures at their next sign-in,
// and repeated failures are written to the audit log.
import { createHash } from 'node:crypto';
import {
  clearSignInFailures, countSignInFailure, deleteSpentSignInLimits, findSignInLimits, noteUnreportedFailure,
  refundSignInFailure, setSignInBlock, takeUnreportedFailures, uncountSignInFailure,
} from '../data/sign-in-limits.js';
import { findUserByEmail, type UserRow } from '../data/users.js';
import { actorFromUser, type SignedInActor } from './accounts.js';
import { appendAuditEntry } from './audit.js';
import { isoTime } from './clock.js';
import { SYSTEM_ACTOR_LABEL, type Deps } from './deps.js';
import { queueSignInFailures } from './mail/notices.js';
import { verifyPassword } from './secrets.js';

export interface DelayRule {
  /** Failures allowed before any wait. */
  readonly free: number;
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  readonly firstDelaySeconds: number;
  readonly maxDelaySeconds: number;
}

export interface SignInPolicy {
  readonly pair: DelayRule;
  readonly address: DelayRule;
  readonly account: DelayRule;
  readonly device: DelayRule;
  /** A key's failures are forgotten this long after its last one. */
  readonly forgetAfterSeconds: number;
  /** An audit entry when an account's unreported failures reach this, then twice as many, and so on. */
  readonly auditAfter: number;
}

export const DEFAULT_SIGN_IN_POLICY: SignInPolicy = {
  pair: { free: 5, firstDelaySeconds: 60, maxDelaySeconds: 60 * 60 },
  address: { free: 100, firstDelaySeconds: 10, maxDelaySeconds: 15 * 60 },
  account: { free: 10, firstDelaySeconds: 60, maxDelaySeconds: 60 * 60 },
  device: { free: 10, firstDelaySeconds: 60, maxDelaySeconds: 60 * 60 },
  forgetAfterSeconds: 24 * 60 * 60,
  auditAfter: 5,
};

/** Seconds a key waits after its `failures`-th failure. */
export function delayAfter(rule: DelayRule, failures: number): number {
  const past = failures - rule.free;
  if (past <= 0) return 0;
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** Math.min(past - 1, 30));
}

/** A device the browser's signed cookie says signed in before, and the accounts it signed in to. */
export interface KnownDevice {
  readonly id: string;
  readonly accountIds: readonly number[];
}

export interface SignInAttempt {
  readonly email: string;
  readonly password: string;
  /** The client's address as the trusted proxy (or the socket) saw it. */
  readonly address: string;
  readonly device: KnownDevice | null;
}

export interface UnreportedFailures {
  readonly count: number;
  /** When the first of them happened. */
  readonly since: string;
}

export type SignInOutcome =
  | { readonly kind: 'signed-in'; readonly actor: SignedInActor; readonly failuresSinceLastSignIn: UnreportedFailures | null }
  | { readonly kind: 'refused' }
  | { readonly kind: 'wait'; readonly seconds: number };

const digest = (...parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('base64url');

/** Keys name what they count without keeping the email addresses typed, which may be anybody's. */
const keys = {
  account: (email: string) => `account:${digest(email)}`,
  pair: (email: string, address: string) => `pair:${digest(email, address)}`,
  address: (address: string) => `address:${address}`,
  device: (deviceId: string, userId: number) => `device:${digest(deviceId, String(userId))}`,
};

/** Checks an email and password against the limits above; signs in, refuses, or says how long to wait. */
export async function attemptSignIn(deps: Deps, policy: SignInPolicy, attempt: SignInAttempt): Promise<SignInOutcome> {
  const email = attempt.email.trim().toLowerCase();
  const now = deps.clock.now();
  const nowIso = isoTime(now);
  const forgetBefore = isoTime(new Date(now.getTime() - policy.forgetAfterSeconds * 1000));
  const user = await findUserByEmail(deps.db, email);
  const known = user && attempt.device?.accountIds.includes(user.id) ? attempt.device : null;
  const accountKey = keys.account(email);
  const addressKey = keys.address(attempt.address);
  const limits: readonly { key: string; rule: DelayRule }[] = known
    ? [{ key: keys.device(known.id, user!.id), rule: policy.device }]
    : [
      { key: keys.pair(email, attempt.address), rule: policy.pair },
      { key: addressKey, rule: policy.address },
      { key: accountKey, rule: policy.account },
    ];

  // The attempt is counted as a failure before the password is checked, so that attempts made at
  // the same moment cannot all slip in under the limit; a right password gives it back. Counting
  // first also takes the keys' rows in turn (PostgreSQL locks each row until the transaction ends),
  // so the waits read next include those of every attempt counted before this one.
  const wait = await deps.db.transaction(async (tx) => {
    const counts = [];
    for (const { key } of limits) counts.push(await countSignInFailure(tx, key, nowIso, forgetBefore));
    const rows = await findSignInLimits(tx, limits.map((l) => l.key));
    const until = rows.map((r) => r.blocked_until).filter((b): b is string => b !== null && b > nowIso).sort().at(-1);
    if (until) {
      // Refused unheard: not counted, so waiting out the delay is enough.
      for (const { key } of limits) await uncountSignInFailure(tx, key);
      return Math.ceil((Date.parse(until) - now.getTime()) / 1000);
    }
    for (const [i, { key, rule }] of limits.entries()) {
      const delay = delayAfter(rule, counts[i]!);
      if (delay > 0) await setSignInBlock(tx, key, isoTime(new Date(now.getTime() + delay * 1000)));
    }
    return 0;
  });
  if (wait > 0) return { kind: 'wait', seconds: wait };

  const passwordRight = await verifyPassword(user?.password_hash ?? null, attempt.password, deps.config.passwordHashing);
  const actor = passwordRight ? actorFromUser(user) : null;
  if (!actor) {
    if (user) await reportFailure(deps, policy, accountKey, user, attempt.address);
    return { kind: 'refused' };
  }
  const failuresSinceLastSignIn = await deps.db.transaction(async (tx) => {
    for (const { key } of limits) {
      if (key === addressKey) await refundSignInFailure(tx, key);
      else await clearSignInFailures(tx, key);
    }
    const unreported = await takeUnreportedFailures(tx, accountKey);
    await deleteSpentSignInLimits(tx, forgetBefore, nowIso);
    return unreported ? { count: unreported.unreported, since: unreported.since } : null;
  });
  return { kind: 'signed-in', actor, failuresSinceLastSignIn };
}

/**
 * Keeps the failure for the owner's next sign-in; when they pile up, writes an audit entry and
 * tells the owner by mail, in the same transaction.
 */
async function reportFailure(deps: Deps, policy: SignInPolicy, accountKey: string, user: UserRow, address: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const { unreported, since } = await noteUnreportedFailure(tx, accountKey, isoTime(deps.clock.now()));
    if (unreported < policy.auditAfter || !Number.isInteger(Math.log2(unreported / policy.auditAfter))) return;
    await appendAuditEntry(deps, tx, {
      actorUserId: null, actorLabel: SYSTEM_ACTOR_LABEL, action: 'user.sign-in-failures', subjectType: 'user', subjectId: user.id,
      details: { email: user.email, failures: unreported, since, lastAddress: address },
    });
    await queueSignInFailures(deps, tx, user, { count: unreported, since });
  });
}
