// What every benchmark needs to stop by itself: clean-ups run in reverse order on the way out,
// on a time limit, and on Ctrl-C or SIGTERM.

export interface Bounded {
  /** Adds a clean-up (a server to stop, a folder or database to remove). */
  add(fn: () => Promise<void>): void;
  delete(fn: () => Promise<void>): void;
  /** Runs the clean-ups left, newest first; a failing one is reported and the others still run. */
  cleanUp(): Promise<void>;
  /** Cleans up and lifts the time limit, once the benchmark is done. */
  finish(): Promise<void>;
}

export function bounded(timeLimitMs: number): Bounded {
  const cleanups = new Set<() => Promise<void>>();
  const cleanUp = async () => {
    for (const fn of [...cleanups].reverse()) {
      cleanups.delete(fn);
      await fn().catch((error: unknown) => console.error('Clean-up failed:', error));
    }
  };
  const limit = setTimeout(() => {
    console.error(`Time limit of ${timeLimitMs / 1000} s reached; stopping.`);
    void cleanUp().finally(() => process.exit(3));
  }, timeLimitMs);
  limit.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  return {
    add: (fn) => void cleanups.add(fn),
    delete: (fn) => void cleanups.delete(fn),
    cleanUp,
    async finish() {
      await cleanUp();
      clearTimeout(limit);
    },
  };
}
