/** Most works committed together: bounds how long the first of them waits for its answer. */
const MOST_PER_GROUP = 32;

type Work<C, T> = (connection: C) => Promise<T>;
type RunInTransaction<C> = <T>(work: Work<C, T>) => Promise<T>;

interface Waiting<C> {
  readonly work: Work<C, unknown>;
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
 * a work's failure (a stale ballot, say) never costs another work anything: a work may therefore
 * run twice, and only the run that commits counts.
 */
export class TransactionGrouper<C> {
  readonly #transaction: RunInTransaction<C>;
  readonly #waiting: Waiting<C>[] = [];
  #running = false;

  constructor(transaction: RunInTransaction<C>) {
    this.#transaction = transaction;
  }

  run<T>(work: Work<C, T>): Promise<T> {
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

  async #runGroup(group: Waiting<C>[]): Promise<void> {
    if (group.length === 1) return this.#runAlone(group[0]!);
    let results: unknown[];
    try {
      results = await this.#transaction(async (connection) => {
        const out: unknown[] = [];
        for (const waiting of group) out.push(await waiting.work(connection));
        return out;
      });
    } catch {
      for (const waiting of group) await this.#runAlone(waiting);
      return;
    }
    group.forEach((waiting, i) => waiting.resolve(results[i]));
  }

  async #runAlone(waiting: Waiting<C>): Promise<void> {
    try {
      waiting.resolve(await this.#transaction(waiting.work));
    } catch (error) {
      waiting.reject(error);
    }
  }
}
