import { ConnectSessionKnexStore } from 'connect-session-knex';
import session from 'express-session';
import type { Config } from '../../config.js';
import type { Db } from '../../data/connection.js';

export const SESSION_COOKIE = 'cb.sid';
const TWELVE_HOURS = 12 * 60 * 60 * 1000;

/** Sessions live in the database, so several instances can share them. */
export function sessions(config: Config, db: Db) {
  const store = new ConnectSessionKnexStore({
    knex: db,
    tableName: 'sessions',
    createTable: true,
    cleanupInterval: 15 * 60 * 1000,
    onDbCleanupError: (err) => {
      if (config.env !== 'test') console.error('Session clean-up failed:', err);
    },
  });
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
