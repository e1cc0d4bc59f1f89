// The one place that knows SQLite from PostgreSQL.
import { mkdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import knex, { type Knex } from 'knex';
import type { DatabaseConfig } from '../config.js';
import { directReadersOf, readDirectlyFor, SqliteReaders } from './raw-reads.js';

export type Db = Knex;

// db/migrations beside server/, in the sources or in the compiled build alike.
const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');

/**
 * The migrations under the names they are recorded by (`….ts`), whether they run from the
 * TypeScript sources or compiled (`….js`): a database migrated by one is up to date for the other.
 */
const migrationSource: Knex.MigrationSource<string> = {
  async getMigrations() {
    return (await readdir(MIGRATIONS_DIR)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  },
  getMigrationName: (file) => file.replace(/\.js$/, '.ts'),
  getMigration: (file) => import(pathToFileURL(path.join(MIGRATIONS_DIR, file)).href) as Promise<Knex.Migration>,
};

type SqliteConnection = { exec(sql: string, cb: (err: Error | null) => void): void };

/** What SQLite's read-only connections run when opened, through knex or through the driver. */
export const SQLITE_READER_PRAGMAS = 'PRAGMA query_only = ON; PRAGMA busy_timeout = 5000;';

/** A knex pool hook that runs `pragmas` on each new SQLite connection. */
function runPragmas(pragmas: string) {
  return (conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void) => conn.exec(pragmas, (err) => done(err, conn));
}

export function knexConfig(database: DatabaseConfig, options: { searchPath?: string } = {}): Knex.Config {
  const migrations: Knex.MigratorConfig = { migrationSource, tableName: 'knex_migrations' };
  if (database.client === 'pg') {
    return {
      client: 'pg',
      connection: database.connectionString,
      pool: { min: 0, max: 10 },
      migrations,
      ...(options.searchPath ? { searchPath: [options.searchPath] } : {}),
    };
  }
  return {
    client: 'sqlite3',
    connection: { filename: database.filename },
    useNullAsDefault: true,
    // One connection: SQLite takes one writer at a time, and a single connection serialises
    // transactions instead of failing them with SQLITE_BUSY.
    pool: { min: 1, max: 1, afterCreate: runPragmas('PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;') },
    migrations,
  };
}

export function openDatabase(database: DatabaseConfig, options: { searchPath?: string } = {}): Db {
  if (database.client === 'sqlite3' && database.filename !== ':memory:') {
    mkdirSync(path.dirname(database.filename), { recursive: true });
  }
  return knex(knexConfig(database, options));
}

/** Read-only connections beside SQLite's one writer: through knex, and through the driver. */
const SQLITE_READERS = 4;
const SQLITE_DIRECT_READERS = 2;

/**
 * Connections for reads that need not queue behind a write. SQLite in WAL mode lets other
 * connections read while the one writer writes, and each read sees every transaction committed
 * before it began; PostgreSQL's pool already runs reads side by side, so its pool serves.
 */
export async function openReadPool(database: DatabaseConfig, writer: Db): Promise<Db> {
  if (database.client !== 'sqlite3' || database.filename === ':memory:') return writer;
  const pool = knex({
    client: 'sqlite3',
    connection: { filename: database.filename },
    useNullAsDefault: true,
    pool: { min: 1, max: SQLITE_READERS, afterCreate: runPragmas(SQLITE_READER_PRAGMAS) },
  });
  readDirectlyFor(pool, await SqliteReaders.open(database.filename, SQLITE_DIRECT_READERS));
  return pool;
}

/** Closes what openReadPool opened (nothing when it handed back the writer). */
export async function closeReadPool(pool: Db, writer: Db): Promise<void> {
  if (pool === writer) return;
  await Promise.all([pool.destroy(), directReadersOf(pool)?.close()]);
}

export async function migrateToLatest(db: Db): Promise<void> {
  await db.migrate.latest();
}

/** Which database a connection pool reaches: the same for a writer and its readers. */
export function databaseKey(db: Db): string {
  const config = db.client.config as Knex.Config & { connection?: { filename?: string } | string; searchPath?: string | string[] };
  if (config.client === 'pg') return `pg ${String(config.connection)} ${String(config.searchPath ?? '')}`;
  return `sqlite ${typeof config.connection === 'object' ? config.connection.filename : ''}`;
}

export function isPostgres(db: Db): boolean {
  return db.client.config.client === 'pg';
}

/** Turns SQLite's 0/1 and PostgreSQL's booleans into booleans. */
export function toBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

/** True when the error is a unique-key violation on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; message?: string };
  return e?.code === '23505' || (e?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/.test(e.message ?? ''));
}
