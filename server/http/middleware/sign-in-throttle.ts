import { RateLimiterPostgres, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Database } from '../../data/database.js';

export interface ThrottlePolicy {
  /** Failed sign-ins allowed per account before it is locked for `accountLockSeconds`. */
  readonly accountFailures: number;
  readonly accountLockSeconds: number;
  /** Failed sign-ins allowed per IP address within an hour before it is locked for an hour. */
  readonly ipFailures: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = { accountFailures: 5, accountLockSeconds: 15 * 60, ipFailures: 30 };

export interface SignInThrottle {
  /** Seconds until the account or address may try again, or 0. */
  lockedFor(email: string, ip: string): Promise<number>;
  recordFailure(email: string, ip: string): Promise<void>;
  recordSuccess(email: string): Promise<void>;
}

function newLimiter(db: Database, keyPrefix: string, points: number, duration: number): Promise<RateLimiterAbstract> {
  return new Promise((resolve, reject) => {
    const options = { storeClient: db.writer, storeType: 'knex', tableName: 'sign_in_failures', keyPrefix, points, duration, blockDuration: duration };
    const ready = (err?: unknown) => (err ? reject(err) : resolve(limiter));
    const limiter: RateLimiterAbstract = db.engine === 'postgres'
      ? new RateLimiterPostgres(options as never, ready)
      : new RateLimiterSQLite(options as never, ready);
  });
}

/** Counts failures in the database, so every instance behind a load balancer sees the same counts. */
export async function createSignInThrottle(db: Database, policy: ThrottlePolicy = DEFAULT_THROTTLE): Promise<SignInThrottle> {
  const account = await newLimiter(db, 'account', policy.accountFailures, policy.accountLockSeconds);
  const address = await newLimiter(db, 'ip', policy.ipFailures, 60 * 60);
  const lockedSeconds = async (limiter: RateLimiterAbstract, key: string, points: number) => {
    const res = await limiter.get(key);
    return res && res.consumedPoints >= points ? Math.ceil(res.msBeforeNext / 1000) : 0;
  };
  const ignoreRejection = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      // consume() rejects with the limiter's state when the limit is passed; that is expected here.
      if (e instanceof Error) throw e;
    }
  };
  return {
    async lockedFor(email, ip) {
      const [a, b] = await Promise.all([
        lockedSeconds(account, email.toLowerCase(), policy.accountFailures),
        lockedSeconds(address, ip, policy.ipFailures),
      ]);
      return Math.max(a, b);
    },
    async recordFailure(email, ip) {
      await ignoreRejection(account.consume(email.toLowerCase()));
      await ignoreRejection(address.consume(ip));
    },
    async recordSuccess(email) {
      await account.delete(email.toLowerCase());
    },
  };
}
