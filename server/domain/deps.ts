import type { Config } from '../config.js';
import type { Db } from '../data/connection.js';
import type { Clock } from './clock.js';

/** What every domain function receives, so tests control the database, time and settings. */
export interface Deps {
  readonly db: Db;
  /**
   * Where reads that need not see an uncommitted transaction may go, so that they do not queue
   * behind writes (SQLite's readers beside its one writer); `db` serves when absent.
   */
  readonly readDb?: Db;
  readonly clock: Clock;
  readonly config: Config;
}

export type Role = 'admin' | 'staff' | 'delegate';
export const ROLES: readonly Role[] = ['admin', 'staff', 'delegate'];

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

/** The connections for a read outside any transaction. */
export function readsOf(deps: Pick<Deps, 'db' | 'readDb'>): Db {
  return deps.readDb ?? deps.db;
}
