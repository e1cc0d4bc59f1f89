// The few reads made at every page view, as SQL that both engines understand, run without knex's
// query building and pool where SQLite's read connections allow it.
import sqlite3 from 'sqlite3';
import type { Knex } from 'knex';
import { isPostgres, SQLITE_READER_PRAGMAS } from './connection.js';

export type Row = Record<string, unknown>;

/** Prepared statements are kept per connection; a handful of SQL texts ever reach this. */
const STATEMENTS_KEPT = 64;

interface Connection {
  readonly db: sqlite3.Database;
  readonly statements: Map<string, sqlite3.Statement>;
}

/**
 * Read-only SQLite connections used through the driver itself: one of these reads cost about
 * 160 µs of CPU through knex's query builder and pool, 40 µs through the driver with a prepared
 * statement.
 */
export class SqliteReaders {
  readonly #connections: Connection[];
  #next = 0;

  private constructor(connections: Connection[]) {
    this.#connections = connections;
  }

  static async open(filename: string, count: number): Promise<SqliteReaders> {
    const connections = await Promise.all(Array.from({ length: count }, () => new Promise<Connection>((resolve, reject) => {
      const db = new sqlite3.Database(filename, (openError) => {
        if (openError) return reject(openError);
        db.exec(SQLITE_READER_PRAGMAS, (error) => (error ? reject(error) : resolve({ db, statements: new Map() })));
      });
    })));
    return new SqliteReaders(connections);
  }

  all(sql: string, bindings: readonly unknown[]): Promise<Row[]> {
    const connection = this.#connections[this.#next]!;
    this.#next = (this.#next + 1) % this.#connections.length;
    let statement = connection.statements.get(sql);
    if (!statement) {
      if (connection.statements.size >= STATEMENTS_KEPT) this.#forget(connection);
      statement = connection.db.prepare(sql);
      connection.statements.set(sql, statement);
    }
    const prepared = statement;
    return new Promise((resolve, reject) => {
      prepared.all(bindings as unknown[], (error: Error | null, rows: Row[]) => (error ? reject(error) : resolve(rows)));
    });
  }

  #forget(connection: Connection): void {
    for (const statement of connection.statements.values()) statement.finalize();
    connection.statements.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.#connections.map((connection) => {
      this.#forget(connection);
      return new Promise<void>((resolve, reject) => connection.db.close((error) => (error ? reject(error) : resolve())));
    }));
  }
}

const directReaders = new WeakMap<Knex, SqliteReaders>();

/** From now on, raw reads given `pool` run on `readers` (the same database, read-only). */
export function readDirectlyFor(pool: Knex, readers: SqliteReaders): void {
  directReaders.set(pool, readers);
}

export function directReadersOf(pool: Knex): SqliteReaders | undefined {
  return directReaders.get(pool);
}

/**
 * The rows of a SELECT written with `?` placeholders in SQL both engines accept: on SQLite's
 * direct read connections when `db` has them, else through knex (a transaction, the writer,
 * PostgreSQL), with the same values either way.
 */
export async function rawRows(db: Knex, sql: string, bindings: readonly unknown[]): Promise<Row[]> {
  const direct = directReaders.get(db);
  if (direct) {
    // As knex does for its own queries, so that whoever watches the pool's queries sees these too.
    if (db.listenerCount('query') > 0) db.emit('query', { method: 'raw', sql, bindings });
    return direct.all(sql, bindings);
  }
  const result = await db.raw(sql, bindings as Knex.RawBinding[]);
  return (isPostgres(db) ? (result as { rows: Row[] }).rows : result) as Row[];
}
