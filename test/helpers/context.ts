import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { createApp, type AppOptions } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
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

/**
 * A freshly migrated database of its own: an SQLite file in a temporary folder, or, when
 * DATABASE_URL is set, a new PostgreSQL schema dropped afterwards.
 */
export async function createTestContext(): Promise<TestContext> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cb-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    SESSION_SECRET: 'test-secret-that-is-long-enough-0123456789',
    BASE_URL: 'http://127.0.0.1:3000',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  });
  let schema: string | undefined;
  if (config.database.client === 'pg') {
    schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = await Database.open(config.database);
    await admin.writer.raw(`create schema ${schema}`);
    await admin.close();
  }
  // As the server runs: on SQLite, reads on connections of their own beside the writer.
  const database = await Database.open(config.database, schema ? { searchPath: schema } : {});
  await database.migrateToLatest();
  const clock = buildClock();
  const deps: Deps = { db: database, clock, config };
  return {
    deps, database, db: database.writer, clock, config,
    app: (options) => createApp(deps, options),
    async close() {
      await database.close();
      if (schema) {
        const admin = await Database.open(config.database);
        await admin.writer.raw(`drop schema ${schema} cascade`);
        await admin.close();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
