// Ties, as PRODUCT.md rules: broken first by the earlier rounds (going back from the most recent
// round where the tied options' votes differed: for an exclusion, the options with fewer votes
// there stay in the tie; for a win, the ones with more), then by lot.
import type { Rng } from './rng.js';
import { createRng } from './rng.js';
import type { OptionIndex, TieBreak } from './types.js';

/** Seed of the lot when none is given. */
export const DEFAULT_SEED = 'consultation-ballots';

/** Records ties as a count settles them and draws lots lazily from the seeded generator. */
export interface TieBreaker {
  /**
   * Picks one of `tied` (at least two options). `history` holds earlier rounds' votes, oldest
   * first; `want` says whether the tie is for the fewest votes (an exclusion) or the most.
   */
  settle(
    tied: readonly OptionIndex[],
    history: readonly (ArrayLike<number>)[],
    want: 'fewest' | 'most',
    round: number,
    kind: TieBreak['kind'],
  ): OptionIndex;
  /** Orders `tied` (e.g. for retention) by lot alone, recording the tie; returns the new order. */
  orderByLot(tied: readonly OptionIndex[], round: number, kind: TieBreak['kind']): OptionIndex[];
  /** Records a tie settled by the caller (e.g. by an order already decided). */
  record(tie: TieBreak): void;
  readonly ties: TieBreak[];
  readonly seed: string;
  lotDrawn(): boolean;
}

export function createTieBreaker(options: readonly string[], seed: string = DEFAULT_SEED): TieBreaker {
  let rng: Rng | null = null;
  const ties: TieBreak[] = [];
  // Lots draw among the tied options sorted by label, so that the options' order does not matter.
  const byLabel = (list: readonly OptionIndex[]): OptionIndex[] =>
    [...list].sort((a, b) => {
      const la = options[a]!;
      const lb = options[b]!;
      return la < lb ? -1 : la > lb ? 1 : a - b;
    });
  const draw = (n: number): number => {
    rng ??= createRng(seed);
    return rng.nextInt(n);
  };

  const settle: TieBreaker['settle'] = (tied, history, want, round, kind) => {
    let remaining = byLabel(tied);
    for (let h = history.length - 1; h >= 0 && remaining.length > 1; h--) {
      const votes = history[h]!;
      let best = votes[remaining[0]!]!;
      for (const o of remaining) {
        const v = votes[o]!;
        if (want === 'fewest' ? v < best : v > best) best = v;
      }
      remaining = remaining.filter((o) => votes[o] === best);
    }
    let chosen: OptionIndex;
    let resolvedBy: TieBreak['resolvedBy'];
    if (remaining.length === 1) {
      chosen = remaining[0]!;
      resolvedBy = 'previous-round';
    } else {
      chosen = remaining[draw(remaining.length)]!;
      resolvedBy = 'lot';
    }
    ties.push({ round, kind, between: byLabel(tied), chosen, resolvedBy });
    return chosen;
  };

  const orderByLot: TieBreaker['orderByLot'] = (tied, round, kind) => {
    const pool = byLabel(tied);
    const order: OptionIndex[] = [];
    while (pool.length > 0) order.push(pool.splice(draw(pool.length), 1)[0]!);
    ties.push({ round, kind, between: byLabel(tied), chosen: order[0]!, resolvedBy: 'lot' });
    return order;
  };

  const record = (tie: TieBreak): void => {
    ties.push({ ...tie, between: byLabel(tie.between) });
  };

  return { settle, orderByLot, record, ties, seed, lotDrawn: () => rng !== null };
}
