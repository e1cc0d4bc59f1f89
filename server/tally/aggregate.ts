// Aggregation of rankings into a BallotSet: identical rankings are stored once with their count,
// found through an open-addressing hash table over typed arrays, so that counting costs grow with
// the distinct rankings rather than the raw ballots.
import type { BallotSet, OptionIndex, RankedBallot } from './types.js';

export interface BallotSetBuilder {
  /**
   * Adds `count` ballots ranking `ranking[start … start + length - 1]`; length 0 is a blank
   * ballot. Returns the ranking's group, for addToGroup (BLANK_GROUP for a blank ballot).
   */
  add(ranking: ArrayLike<number>, length: number, count: number, start?: number): number;
  /** Adds `count` more ballots to a group that `add` returned. */
  addToGroup(group: number, count: number): void;
  finish(): BallotSet;
}

export const BLANK_GROUP = -1;

const EMPTY = -1;

export function createBallotSetBuilder(optionCount: number, expectedDistinct = 1024): BallotSetBuilder {
  let capacity = 16;
  while (capacity < expectedDistinct * 2) capacity *= 2;
  let table = new Int32Array(capacity).fill(EMPTY);
  let hashes = new Int32Array(Math.max(16, expectedDistinct));
  let offsets = new Int32Array(Math.max(16, expectedDistinct) + 1);
  let counts = new Float64Array(Math.max(16, expectedDistinct));
  let choices = new Int32Array(Math.max(64, expectedDistinct * 4));
  let size = 0;
  let used = 0;
  let blank = 0;
  let valid = 0;

  const grow = (): void => {
    const n = hashes.length * 2;
    const h = new Int32Array(n);
    h.set(hashes);
    hashes = h;
    const o = new Int32Array(n + 1);
    o.set(offsets);
    offsets = o;
    const c = new Float64Array(n);
    c.set(counts);
    counts = c;
  };

  const rehash = (): void => {
    capacity *= 2;
    table = new Int32Array(capacity).fill(EMPTY);
    const mask = capacity - 1;
    for (let g = 0; g < size; g++) {
      let slot = hashes[g]! & mask;
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask;
      table[slot] = g;
    }
  };

  const addToGroup = (group: number, count: number): void => {
    if (group === BLANK_GROUP) blank += count;
    else counts[group] = counts[group]! + count;
    if (group !== BLANK_GROUP) valid += count;
  };

  const add = (ranking: ArrayLike<number>, length: number, count: number, start = 0): number => {
    if (length === 0) {
      blank += count;
      return BLANK_GROUP;
    }
    let hash = 0x811c9dc5 | 0;
    for (let i = 0; i < length; i++) {
      hash = Math.imul(hash ^ (ranking[start + i]! + 1), 0x01000193);
    }
    hash = Math.imul(hash ^ length, 0x5bd1e995) ^ (hash >>> 15);
    const mask = capacity - 1;
    let slot = hash & mask;
    for (;;) {
      const g = table[slot]!;
      if (g === EMPTY) break;
      if (hashes[g] === hash) {
        const at = offsets[g]!;
        if (offsets[g + 1]! - at === length) {
          let same = true;
          for (let i = 0; i < length; i++) {
            if (choices[at + i] !== ranking[start + i]) {
              same = false;
              break;
            }
          }
          if (same) {
            counts[g] = counts[g]! + count;
            valid += count;
            return g;
          }
        }
      }
      slot = (slot + 1) & mask;
    }
    for (let i = 0; i < length; i++) {
      const option = ranking[start + i]!;
      if (!Number.isInteger(option) || option < 0 || option >= optionCount) {
        throw new RangeError(`option index ${option} is out of range`);
      }
      for (let j = 0; j < i; j++) {
        if (ranking[start + j] === option) throw new RangeError(`option index ${option} is ranked twice`);
      }
    }
    if (size + 1 >= hashes.length) grow();
    if (used + length > choices.length) {
      const c = new Int32Array(Math.max(choices.length * 2, used + length));
      c.set(choices);
      choices = c;
    }
    for (let i = 0; i < length; i++) choices[used + i] = ranking[start + i]!;
    const g = size;
    offsets[g] = used;
    used += length;
    offsets[g + 1] = used;
    hashes[g] = hash;
    counts[g] = count;
    valid += count;
    table[slot] = g;
    size += 1;
    if (size * 2 > capacity) rehash();
    return g;
  };

  const finish = (): BallotSet => ({
    optionCount,
    size,
    offsets: offsets.slice(0, size + 1),
    choices: choices.slice(0, used),
    counts: counts.slice(0, size),
    blank,
    valid,
  });

  return { add, addToGroup, finish };
}

/** Aggregates ranked ballots (option indices, most preferred first). */
export function aggregateRankings(ballots: readonly RankedBallot[], optionCount: number): BallotSet {
  const builder = createBallotSetBuilder(optionCount, Math.min(ballots.length, 1 << 16));
  for (const ballot of ballots) {
    const count = ballot.count ?? 1;
    if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`bad ballot count ${count}`);
    builder.add(ballot.ranking, ballot.ranking.length, count);
  }
  return builder.finish();
}

/** Ranking i of a set, as a plain array. */
export function rankingAt(set: BallotSet, i: number): OptionIndex[] {
  return Array.from(set.choices.subarray(set.offsets[i]!, set.offsets[i + 1]!));
}
