import type { Config } from '../config.js';
import type { Database } from '../data/database.js';
import type { Role } from '../data/users.js';
import type { Clock } from './clock.js';

/** What every domain function receives, so tests control the database, time and settings. */
export interface Deps {
  /** Reads outside a transaction through it go to its readers; writes go through its transactions. */
  readonly db: Database;
  readonly clock: Clock;
  readonly config: Config;
}

/** A user's role: the values the users table holds (data/users.ts), the same words in the domain. */
export { ROLES, type Role } from '../data/users.js';

/** The person (or script) acting. */
export interface Actor {
  readonly userId: number;
  readonly email: string;
  readonly role: Role;
  readonly memberStateId: number | null;
  readonly memberStateIso3: string | null;
  /** Read with the account, when it was: whether the Member State may vote. */
  readonly memberStateStatus?: 'member' | 'observer' | null;
}

/** The operator at the command line or the server itself at start-up. */
export const SYSTEM_ACTOR_LABEL = 'system';
