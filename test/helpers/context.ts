import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { createApp, type AppOptions } from '../../server/app.js';
import { loadConfig, type Config, type PasswordHashing } from '../../server/config.js';

/** argon2id at its lowest cost (1 MiB, one pass), for tests only. */
export const TEST_PASSWORD_HASHING: PasswordHashing = Object.freeze({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
import type { Knex } from 'knex';
import { Database } from '../../server/data/database.js';
import type { Clock } from '../../server/domain/clock.js';
import type { Deps } from '../../server/domain/deps.js';

export interface TestClock extends Clock {
  set(date: Date | string): void;
  advance(ms: number): void;
}

export function buildClock(start = '2026-11-28T09:00:00.000Z'): TestClock {
  let now = new Date(start);
  return {
    now: () => new Date(now),
    set: (d) => { now = new Date(d); },
    advance: (ms) => { now = new Date(now.getTime() + ms); },
  };
}

export interface TestContext {
  readonly deps: Deps;
  /** The test's own Database, as the server would have it (fresh caches included). */
  readonly database: Database;
  /** Its writer, for the few assertions that read or arrange rows directly. */
  readonly db: Knex;
  readonly clock: TestClock;
  readonly config: Config;
  app(options?: AppOptions): Promise<Express>;
  close(): Promise<void>;
}

export interface EmptyTestDatabase {
  readonly config: Config;
  readonly database: Database;
  /** PostgreSQL: the schema it lives in (undefined on SQLite). */
  readonly schema: string | undefined;
  /** Closes the database and removes it: its folder, and its PostgreSQL schema. */
  remove(): Promise<void>;
}

/**
 * An empty database of its own, not migrated: an SQLite file in a temporary folder, or, when
 * DATABASE_URL is set, a new PostgreSQL schema dropped by remove().
 */
export async function openEmptyTestDatabase(prefix = 't'): Promise<EmptyTestDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `cb-${prefix}-`));
  const config: Config = Object.freeze({
    ...loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      SESSION_SECRET: 'test-secret-that-is-long-enough-0123456789',
      BASE_URL: 'http://127.0.0.1:3000',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    }),
    // Hashes as the server makes them (argon2id, checked the same way) at the lowest cost: each test
    // creates and signs in accounts, and the server's cost made that most of the suite's time.
    passwordHashing: TEST_PASSWORD_HASHING,
  });
  const schema = config.database.client === 'pg' ? `${prefix}_${randomBytes(6).toString('hex')}` : undefined;
  const inSchema = async (sql: string) => {
    const admin = await Database.open(config.database);
    try {
      await admin.writer.raw(sql);
    } finally {
      await admin.close();
    }
  };
  if (schema) await inSchema(`create schema ${schema}`);
  // As the server runs: on SQLite, reads on connections of their own beside the writer.
  const database = await Database.open(config.database, schema ? { searchPath: schema } : {});
  return {
    config, database, schema,
    async remove() {
      await database.close();
      if (schema) await inSchema(`drop schema ${schema} cascade`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A freshly migrated database of its own (see openEmptyTestDatabase), with deps and the app on it. */
export async function createTestContext(): Promise<TestContext> {
  const { config, database, remove } = await openEmptyTestDatabase();
  await database.migrateToLatest();
  const clock = buildClock();
  const deps: Deps = { db: database, clock, config };
  return {
    deps, database, db: database.writer, clock, config,
    app: (options) => createApp(deps, options),
    close: remove,
  };
}
