// The one handle on the database, made once at start-up (by the server, the command line, the
// demo, the benchmarks, each test) and passed in Deps. It owns every connection, the
// transactions, the grouped transactions and every cache filled from it.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import knex, { type Knex } from 'knex';
import type { DatabaseConfig } from '../config.js';
import type { CacheSlot, Clearable } from './cache-slot.js';
import { knexConfig, sqliteReaderConfig } from './connection.js';
import { TransactionGrouper } from './grouped-transactions.js';
import { SqliteReaders, type Row } from './sqlite-readers.js';

export type { Row } from './sqlite-readers.js';
export type Engine = 'sqlite' | 'postgres';

/** Read-only connections beside SQLite's one writer: through knex, and through the driver. */
const SQLITE_READERS = 4;
const SQLITE_DIRECT_READERS = 2;
/** PostgreSQL: the first key of the advisory lock the migrations run under (the second is the schema's). */
const MIGRATION_LOCK = 0x43424d31;

export interface OpenOptions {
  /** PostgreSQL: the schema to work in (the tests use one each). */
  readonly searchPath?: string;
}

/** What knex tells of each query, for whoever watches them (the tests count them). */
export interface QueryEvent {
  readonly sql: string;
  readonly bindings?: readonly unknown[];
}
type QueryListener = (event: QueryEvent) => void;

/** A transaction: every data function given one runs its queries on the transaction's connection. */
export class Tx {
  readonly knex: Knex.Transaction;
  readonly database: Database;

  constructor(connection: Knex.Transaction, database: Database) {
    this.knex = connection;
    this.database = database;
  }
}

/**
 * Makes the transaction knex began (a deferred BEGIN, which takes no lock yet) a BEGIN IMMEDIATE,
 * which knex cannot ask for: SQLite's write lock is taken at once, waiting (busy_timeout) while
 * another process (the operator's command line, a second server) holds it. A deferred transaction
 * that reads and then writes fails at once with SQLITE_BUSY when another process committed in
 * between, since its snapshot is stale and no waiting can help.
 */
async function beginImmediate(trx: Knex.Transaction): Promise<void> {
  await trx.raw('COMMIT');
  try {
    await trx.raw('BEGIN IMMEDIATE');
  } catch (error) {
    // Still inside a transaction for knex to roll back, so that the lock's error is the one told.
    await trx.raw('BEGIN');
    throw error;
  }
}

/** What a read takes: the Database (a read outside any transaction) or a transaction. */
export type Queryable = Database | Tx;

export class Database {
  readonly engine: Engine;
  /**
   * The connection that writes: SQLite's one connection, PostgreSQL's pool. Transactions run on
   * it; outside them only the migrations and the session store use it directly.
   */
  readonly writer: Knex;
  /** Where reads outside a transaction go: SQLite's read-only connections, PostgreSQL's pool. */
  readonly readers: Knex;
  readonly #direct: SqliteReaders | undefined;
  /** Set by close(): the connections are going, and nothing may ask the pools for one. */
  #closing = { now: false };
  readonly #grouper: TransactionGrouper<Tx> | undefined;
  readonly #caches = new Map<CacheSlot<Clearable>, Clearable>();
  readonly #queryListeners = new Set<QueryListener>();

  private constructor(engine: Engine, writer: Knex, readers: Knex, direct: SqliteReaders | undefined) {
    this.engine = engine;
    this.writer = writer;
    this.readers = readers;
    this.#direct = direct;
    // PostgreSQL's connections write side by side; SQLite's one writer gains from group commit.
    this.#grouper = engine === 'sqlite' ? new TransactionGrouper<Tx>((work) => this.transaction(work)) : undefined;
  }

  /**
   * Opens the database. SQLite in WAL mode lets other connections read while the one writer
   * writes, each read seeing every transaction committed before it began, so a file database
   * gets read-only connections beside its writer; an in-memory one reads on its writer.
   */
  static async open(database: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
    const closing = { now: false };
    const logged = (config: Knex.Config): Knex.Config => ({ ...config, log: knexLog(closing) });
    let opened: Database;
    if (database.client === 'pg') {
      const pool = knex(logged(knexConfig(database, options)));
      opened = new Database('postgres', pool, pool, undefined);
    } else if (database.filename === ':memory:') {
      const writer = knex(logged(knexConfig(database)));
      opened = new Database('sqlite', writer, writer, undefined);
    } else {
      mkdirSync(path.dirname(database.filename), { recursive: true });
      const writer = knex(logged(knexConfig(database)));
      const readers = knex(logged(sqliteReaderConfig(database.filename, SQLITE_READERS)));
      opened = new Database('sqlite', writer, readers, await SqliteReaders.open(database.filename, SQLITE_DIRECT_READERS));
    }
    opened.#closing = closing;
    return opened;
  }

  /**
   * Brings the schema up to date. On PostgreSQL, instances started together (a deployment starts
   * them all at once) would each run the migrations, and knex's own lock makes all but one fail
   * at start: so they take turns on an advisory lock of this schema, held by a transaction while
   * the migrations run on the pool's other connections, and the later ones find nothing to do.
   */
  async migrateToLatest(): Promise<void> {
    if (this.engine !== 'postgres') {
      await this.writer.migrate.latest();
      return;
    }
    await this.writer.transaction(async (trx) => {
      await trx.raw('select pg_advisory_xact_lock(?, hashtext(current_schema()))', [MIGRATION_LOCK]);
      await this.writer.migrate.latest();
    });
  }

  /** Runs `work` in a transaction of its own: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.engine !== 'sqlite') return this.writer.transaction((trx) => work(new Tx(trx, this)));
    return this.writer.transaction(async (trx) => {
      await beginImmediate(trx);
      return work(new Tx(trx, this));
    });
  }

  /**
   * Runs `work` in a transaction: on SQLite possibly together with other such works (see
   * TransactionGrouper), so `work` must write only through its Tx and may run more than once
   * (only the run that commits counts); on PostgreSQL in a transaction of its own.
   */
  groupedTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.#grouper ? this.#grouper.run(work) : this.transaction(work);
  }

  /** This database's instance of a cache, made on first use. */
  cache<C extends Clearable>(slot: CacheSlot<C>): C {
    let cache = this.#caches.get(slot);
    if (!cache) this.#caches.set(slot, (cache = slot.create()));
    return cache as C;
  }

  /** Forgets everything kept in memory from this database. */
  clearCaches(): void {
    for (const cache of this.#caches.values()) cache.clear();
  }

  /** Calls `listener` with every query sent on any of this database's connections until the returned function is called. */
  watchQueries(listener: QueryListener): () => void {
    const onQuery = (event: QueryEvent) => listener(event);
    this.#queryListeners.add(listener);
    this.writer.on('query', onQuery);
    if (this.readers !== this.writer) this.readers.on('query', onQuery);
    return () => {
      this.#queryListeners.delete(listener);
      this.writer.off('query', onQuery);
      if (this.readers !== this.writer) this.readers.off('query', onQuery);
    };
  }

  /**
   * The rows of a SELECT written with `?` placeholders in SQL both engines accept, outside any
   * transaction: on SQLite's direct read connections when there are some, else on the readers.
   */
  async rows(sql: string, bindings: readonly unknown[]): Promise<Row[]> {
    if (this.#direct) {
      for (const listener of this.#queryListeners) listener({ sql, bindings });
      return this.#direct.all(sql, bindings);
    }
    return rowsOf(this.engine, await this.readers.raw(sql, bindings as Knex.RawBinding[]));
  }

  /** Whether the database answers, on the connection that writes. */
  async ping(): Promise<void> {
    // A closed pool would abort the request for a connection and log it as a warning: the answer is known.
    if (this.#closing.now) throw new Error('The database is closed.');
    await this.writer.raw('select 1');
  }

  /** Closes every connection; closing again does nothing. */
  async close(): Promise<void> {
    if (this.#closing.now) return;
    this.#closing.now = true;
    this.clearCaches();
    if (this.readers !== this.writer) await Promise.all([this.readers.destroy(), this.#direct?.close()]);
    await this.writer.destroy();
  }
}

/**
 * knex's logging, less the one warning that closing causes on purpose: destroying a pool aborts
 * the requests still waiting for a connection (a session store's clean-up, say), and knex reports
 * each as "Acquire connection error: Error: aborted" with a stack. Every other message is printed.
 */
function knexLog(closing: { readonly now: boolean }): Knex.Logger {
  return {
    warn: (message: string) => {
      if (closing.now && message.startsWith('Acquire connection error: Error: aborted')) return;
      console.warn(message);
    },
  };
}

function rowsOf(engine: Engine, result: unknown): Row[] {
  return (engine === 'postgres' ? (result as { rows: Row[] }).rows : result) as Row[];
}

/**
 * Which connection a query runs on, decided here alone: reads outside a transaction go to the
 * readers; inside one, to its connection. Writes take a Tx, so they always run inside one.
 */
export function connectionOf(q: Queryable): Knex {
  return q instanceof Tx ? q.knex : q.readers;
}

export function isPostgres(q: Queryable): boolean {
  return (q instanceof Tx ? q.database : q).engine === 'postgres';
}

/** rows() for a read that may run inside a transaction: there, through knex on its connection. */
export async function rawRows(q: Queryable, sql: string, bindings: readonly unknown[]): Promise<Row[]> {
  if (q instanceof Tx) return rowsOf(q.database.engine, await q.knex.raw(sql, bindings as Knex.RawBinding[]));
  return q.rows(sql, bindings);
}

/**
 * Runs statements that do not depend on each other, and answers when all are done (with the first
 * failure, if any, once every one has settled, so that none runs after its transaction ends).
 * SQLite's one connection takes them all at once and runs them in order in its own thread, which
 * saves round trips through the event loop while a transaction holds the write lock. A PostgreSQL
 * connection takes one query at a time (pg deprecates queueing them on a client), so inside a
 * transaction they run one after the other; outside one, each has a connection of the pool.
 */
export async function independently<T extends readonly unknown[]>(q: Queryable, work: { readonly [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
  let values: readonly unknown[];
  if (q instanceof Tx && q.database.engine === 'postgres') {
    const out: unknown[] = [];
    for (const w of work) out.push(await w());
    values = out;
  } else {
    const settled = await Promise.allSettled(work.map((w) => w()));
    const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    values = settled.map((r) => (r.status === 'fulfilled' ? r.value : undefined));
  }
  return values as T;
}
