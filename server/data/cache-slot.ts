// Caches belong to the Database they were filled from: a module declares what it keeps with a
// slot, and each Database makes its own instance on first use and clears them all together.

export interface Clearable {
  clear(): void;
}

/** A kind of cache, declared once by the module that fills it. */
export interface CacheSlot<C extends Clearable> {
  readonly name: string;
  readonly create: () => C;
}

export function cacheSlot<C extends Clearable>(name: string, create: () => C): CacheSlot<C> {
  return { name, create };
}

/**
 * Values that hold while a version read with them does not change, at most `size` of them; the
 * oldest goes first when it is full.
 */
export class VersionedCache<K, V> implements Clearable {
  readonly #entries = new Map<K, { readonly version: string; readonly value: V }>();
  readonly #size: number;

  constructor(size: number) {
    this.#size = size;
  }

  get(key: K, version: string): V | undefined {
    const entry = this.#entries.get(key);
    return entry && entry.version === version ? entry.value : undefined;
  }

  set(key: K, version: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, { version, value });
    if (this.#entries.size > this.#size) this.#entries.delete(this.#entries.keys().next().value!);
  }

  clear(): void {
    this.#entries.clear();
  }
}

/** One remembered value, e.g. the last head of a chain this process wrote. */
export class Remembered<V> implements Clearable {
  #value: V | undefined;

  get(): V | undefined {
    return this.#value;
  }

  set(value: V): void {
    this.#value = value;
  }

  clear(): void {
    this.#value = undefined;
  }
}
