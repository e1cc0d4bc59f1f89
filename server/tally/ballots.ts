// Ballot validation, shared by the app and the ballot-file reader: a ranking is strict, has no
// repeats, no gaps, no unknown options and at most `maxRanks` ranks. Validate once at the edge;
// the counting code trusts what passes.
import type { OptionIndex } from './types.js';

export type RankingProblemCode = 'unknown-option' | 'repeat' | 'gap' | 'too-many-ranks';

export interface RankingProblem {
  readonly code: RankingProblemCode;
  /** 1-based rank where the problem is (for too-many-ranks: the first rank over the limit). */
  readonly rank: number;
  /** The option concerned (unknown-option, repeat). */
  readonly option?: string;
}

export type RankingCheck =
  | { readonly ok: true; readonly ranking: readonly OptionIndex[] }
  | { readonly ok: false; readonly problems: readonly RankingProblem[] };

export interface RankingRules {
  /** The question's options (ids or names), as given to countQuestion. */
  readonly options: readonly string[];
  /** The most ranks a ballot may give (default: all options). */
  readonly maxRanks?: number;
}

/**
 * A validator for one question. A ranking lists options most preferred first; an empty cell
 * (null, undefined or '') is an unused rank: allowed at the end, a gap before a later rank.
 * An accepted empty ranking is a blank ballot.
 */
export function createRankingValidator(
  rules: RankingRules,
): (ranking: readonly (string | null | undefined)[]) => RankingCheck {
  const indexOf = new Map<string, OptionIndex>();
  rules.options.forEach((option, i) => indexOf.set(option, i));
  const maxRanks = rules.maxRanks ?? rules.options.length;
  return (ranking) => {
    const problems: RankingProblem[] = [];
    const indices: OptionIndex[] = [];
    const seen = new Set<OptionIndex>();
    let pendingGap = 0;
    for (let r = 0; r < ranking.length; r++) {
      const cell = ranking[r];
      if (cell === null || cell === undefined || cell === '') {
        if (pendingGap === 0) pendingGap = r + 1;
        continue;
      }
      if (pendingGap !== 0) {
        problems.push({ code: 'gap', rank: pendingGap });
        pendingGap = 0;
      }
      const index = indexOf.get(cell);
      if (index === undefined) {
        problems.push({ code: 'unknown-option', rank: r + 1, option: cell });
      } else if (seen.has(index)) {
        problems.push({ code: 'repeat', rank: r + 1, option: cell });
      } else {
        seen.add(index);
        indices.push(index);
      }
    }
    const ranked = ranking.filter((cell) => cell !== null && cell !== undefined && cell !== '').length;
    if (ranked > maxRanks) problems.push({ code: 'too-many-ranks', rank: maxRanks + 1 });
    return problems.length > 0 ? { ok: false, problems } : { ok: true, ranking: indices };
  };
}

/** Validates one ranking; see createRankingValidator to check many against the same question. */
export function validateRanking(
  ranking: readonly (string | null | undefined)[],
  rules: RankingRules,
): RankingCheck {
  return createRankingValidator(rules)(ranking);
}

/** An English sentence for a problem (the app translates the codes itself). */
export function describeRankingProblem(problem: RankingProblem): string {
  switch (problem.code) {
    case 'unknown-option':
      return `rank ${problem.rank}: unknown option "${problem.option ?? ''}"`;
    case 'repeat':
      return `rank ${problem.rank}: "${problem.option ?? ''}" is ranked more than once`;
    case 'gap':
      return `rank ${problem.rank} is empty but a later rank is filled (gap)`;
    case 'too-many-ranks':
      return `more than ${problem.rank - 1} ranks`;
  }
}
