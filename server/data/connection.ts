// How knex reaches each engine: the settings of its pools and where the migrations are. Only the
// Database (database.ts) and the knex command line use these.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';
import type { DatabaseConfig } from '../config.js';
import { SQLITE_READER_PRAGMAS } from './sqlite-readers.js';

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

/** A knex pool hook that runs `pragmas` on each new SQLite connection. */
function runPragmas(pragmas: string) {
  return (conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void) => conn.exec(pragmas, (err) => done(err, conn));
}

/** The writer's settings: PostgreSQL's pool, or SQLite's one connection. */
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

/** Read-only connections beside SQLite's one writer, through knex. */
export function sqliteReaderConfig(filename: string, connections: number): Knex.Config {
  return {
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: { min: 1, max: connections, afterCreate: runPragmas(SQLITE_READER_PRAGMAS) },
  };
}

/** True when the error is a unique-key violation on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; message?: string };
  return e?.code === '23505' || (e?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/.test(e.message ?? ''));
}
