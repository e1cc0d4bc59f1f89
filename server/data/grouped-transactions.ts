import type { Knex } from 'knex';
import { isPostgres } from './connection.js';

/** Most works committed together: bounds how long the first of them waits for its answer. */
const MOST_PER_GROUP = 32;

type Work<T> = (trx: Knex.Transaction) => Promise<T>;

interface Waiting {
  readonly work: Work<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

/**
 * Group commit for SQLite's one writer. A transaction holds the write lock from BEGIN to COMMIT,
 * and under load most of that time goes on waiting for the event loop between statements, not
 * on SQLite; so the works that arrived while one transaction ran are run one after the other in
 * the next one, which pays for BEGIN, COMMIT and the hand-over of the connection once. Each work
 * learns its result only once its transaction has committed. If any work of a group fails,
 * nothing of the group is kept and each of its works runs again in a transaction of its own, so
 * a work's failure (a stale ballot, say) never costs another work anything.
 */
class Grouper {
  readonly #db: Knex;
  readonly #waiting: Waiting[] = [];
  #running = false;

  constructor(db: Knex) {
    this.#db = db;
  }

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#running) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#running = true;
    try {
      while (this.#waiting.length > 0) await this.#runGroup(this.#waiting.splice(0, MOST_PER_GROUP));
    } finally {
      this.#running = false;
    }
  }

  async #runGroup(group: Waiting[]): Promise<void> {
    if (group.length === 1) return this.#runAlone(group[0]!);
    let results: unknown[];
    try {
      results = await this.#db.transaction(async (trx) => {
        const out: unknown[] = [];
        for (const waiting of group) out.push(await waiting.work(trx));
        return out;
      });
    } catch {
      for (const waiting of group) await this.#runAlone(waiting);
      return;
    }
    group.forEach((waiting, i) => waiting.resolve(results[i]));
  }

  async #runAlone(waiting: Waiting): Promise<void> {
    try {
      waiting.resolve(await this.#db.transaction(waiting.work));
    } catch (error) {
      waiting.reject(error);
    }
  }
}

const groupers = new WeakMap<Knex, Grouper>();

/**
 * Runs `work` in a transaction of `db`: on SQLite possibly together with other such works (see
 * Grouper), so `work` must write only through `trx` and may run more than once (only the run that
 * commits counts); on PostgreSQL, whose connections write side by side, in a transaction of its own.
 */
export function inGroupedTransaction<T>(db: Knex, work: Work<T>): Promise<T> {
  if (isPostgres(db)) return db.transaction(work);
  let grouper = groupers.get(db);
  if (!grouper) groupers.set(db, (grouper = new Grouper(db)));
  return grouper.run(work);
}
