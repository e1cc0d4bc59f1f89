import { ConnectSessionKnexStore } from 'connect-session-knex';
import session, { type SessionData } from 'express-session';
import type { Config } from '../../config.js';
import type { Db } from '../../data/connection.js';

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
  readonly #reader: Db | undefined;

  /** `reader`: SQLite's read-only connections, so that finding a session does not wait for writes. */
  constructor(options: ConstructorParameters<typeof ConnectSessionKnexStore>[0], reader: Db | undefined) {
    super(options);
    this.#reader = reader !== options.knex ? reader : undefined;
  }

  override async get(sid: string, callback: (err: unknown, session?: SessionData | null) => void): Promise<SessionData | null> {
    if (!this.#reader) return super.get(sid, callback);
    try {
      await this.ready;
      // The store's own query, on SQLite (the only engine with a separate reader).
      const [row] = await this.#reader.select('sess').from(this.options.tableName).where(this.options.sidFieldName, sid)
        .andWhereRaw('datetime(?) <= datetime(expired)', [new Date().toISOString()]);
      const sess = row ? (typeof row.sess === 'string' ? JSON.parse(row.sess) : row.sess) as SessionData : null;
      callback(null, sess);
      return sess;
    } catch (error) {
      callback(error);
      throw error;
    }
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

/** Sessions live in the database, so several instances can share them. */
export function sessions(config: Config, db: Db, reader?: Db) {
  const store = new SparingStore({
    knex: db,
    tableName: 'sessions',
    createTable: true,
    cleanupInterval: 15 * 60 * 1000,
    onDbCleanupError: (err) => {
      if (config.env !== 'test') console.error('Session clean-up failed:', err);
    },
  }, reader);
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
