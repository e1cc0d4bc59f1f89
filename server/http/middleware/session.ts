import { ConnectSessionKnexStore } from 'connect-session-knex';
import session, { type SessionData } from 'express-session';
import type { Config } from '../../config.js';
import type { Database } from '../../data/database.js';
import { findSessionWithUser, type UserRow } from '../../data/users.js';

export const SESSION_COOKIE = 'cb.sid';
const TWELVE_HOURS = 12 * 60 * 60 * 1000;
/** How far the stored expiry may lag behind the last request: a session ends at most this early. */
export const TOUCH_INTERVAL = 5 * 60 * 1000;
const REMEMBERED_TOUCHES = 50_000;

/**
 * The knex store, except that a session's expiry in the database moves at most once per
 * TOUCH_INTERVAL: express-session touches the store on every request, and a write per page view
 * was most of what a page view cost the database. Saves and destroys go through unchanged.
 */
class SparingStore extends ConnectSessionKnexStore {
  readonly #touched = new Map<string, number>();
  readonly #database: Database;
  /** The account read with a session's data, until the session is made for its request. */
  readonly #accounts = new WeakMap<object, UserRow>();

  /** Sessions are written through the database's writer and read on its readers, so as not to wait for writes. */
  constructor(options: Omit<ConstructorParameters<typeof ConnectSessionKnexStore>[0], 'knex'>, database: Database) {
    super({ ...options, knex: database.writer });
    this.#database = database;
  }

  /** The session's data, with the signed-in account read in the same query (see accountReadWith). */
  override async get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): Promise<SessionData | null> {
    try {
      await this.ready;
      const found = await findSessionWithUser(this.#database, sid, new Date());
      const sess = found ? (typeof found.sess === 'string' ? JSON.parse(found.sess) : found.sess) as SessionData : null;
      if (sess && found?.user) this.#accounts.set(sess, found.user);
      callback(null, sess);
      return sess;
    } catch (error) {
      callback(error);
      throw error;
    }
  }

  override createSession(req: Parameters<ConnectSessionKnexStore['createSession']>[0], sess: SessionData) {
    const account = this.#accounts.get(sess);
    if (account) readWithSession.set(req, account);
    return super.createSession(req, sess);
  }

  override async touch(sid: string, sess: SessionData, callback?: () => void): Promise<void> {
    const now = Date.now();
    const last = this.#touched.get(sid);
    if (last !== undefined && now - last < TOUCH_INTERVAL) {
      callback?.();
      return;
    }
    this.#remember(sid, now);
    await super.touch(sid, sess, callback);
  }

  override async set(sid: string, sess: SessionData, callback?: (err?: unknown) => void): Promise<void> {
    this.#remember(sid, Date.now());
    await super.set(sid, sess, callback);
  }

  override async destroy(sid: string, callback?: (err?: unknown) => void): Promise<number> {
    this.#touched.delete(sid);
    return super.destroy(sid, callback);
  }

  #remember(sid: string, at: number): void {
    this.#touched.delete(sid);
    // Oldest first in a Map's order: forgetting one only costs that session an early touch.
    if (this.#touched.size >= REMEMBERED_TOUCHES) this.#touched.delete(this.#touched.keys().next().value!);
    this.#touched.set(sid, at);
  }
}

const readWithSession = new WeakMap<object, UserRow>();

/**
 * The account of the user signed in to the request's session, as read with the session at the
 * start of this request; undefined when it was not (the caller reads it then).
 */
export function accountReadWith(req: object): UserRow | undefined {
  return readWithSession.get(req);
}

/** How often expired sessions are deleted (also once at start). */
export const SESSION_CLEANUP_INTERVAL = 15 * 60 * 1000;

/** Sessions live in the database, so several instances can share them. */
export function sessions(config: Config, database: Database, cleanupInterval = SESSION_CLEANUP_INTERVAL) {
  const store = new SparingStore({
    tableName: 'sessions',
    // Made by the migrations (db/migrations/…_create_sessions.ts), before any instance serves.
    createTable: false,
    cleanupInterval,
    onDbCleanupError: (err) => {
      if (config.env !== 'test') console.error('Session clean-up failed:', err);
    },
  }, database);
  return session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.trustProxy !== false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: TWELVE_HOURS },
  });
}
