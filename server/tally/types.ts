// The one input shape and the result family of the tally engine. Options are referred to by their
// index in `options`; the strings themselves (option ids or names) are only labels, used to order
// tied options before a lot so that a count replays the same whatever the options' order.

/** A counting method: methods.ts holds each one's definition. */
export type Method = CountResult['method'];

/** Position of an option in `CountInput.options`. */
export type OptionIndex = number;

/**
 * Aggregated valid ballots: each distinct ranking once, with how many ballots cast it.
 * Ranking i is `choices[offsets[i]] … choices[offsets[i + 1] - 1]`, most preferred first.
 */
export interface BallotSet {
  readonly optionCount: number;
  /** Number of distinct rankings. */
  readonly size: number;
  readonly offsets: Int32Array;
  readonly choices: Int32Array;
  readonly counts: Float64Array;
  /** Ballots that rank nothing: they count for turnout, not in the tally. */
  readonly blank: number;
  /** Sum of `counts`. */
  readonly valid: number;
}

/** A ranking given as option indices, most preferred first; an empty ranking is a blank ballot. */
export interface RankedBallot {
  readonly ranking: readonly OptionIndex[];
  /** How many identical ballots this stands for (default 1). */
  readonly count?: number;
}

export interface CountInput {
  readonly method: Method;
  /** Option ids or names; their positions are the indices used in ballots and results. */
  readonly options: readonly string[];
  readonly ballots: BallotSet | readonly RankedBallot[];
  /** How many options to retain (default 1). */
  readonly seats?: number;
  /** Seed of the lot (default DEFAULT_SEED). */
  readonly seed?: string;
  /** Also count the pairwise matrix (Schulze always has it), for a page that shows it whatever the method. */
  readonly withPairwise?: boolean;
}

/** Why a count retained its options without choosing among them (see ResultBase.reason). */
export type RetentionReason = 'seats-cover-options';

/** How a tie was settled. */
export type TieResolution = 'previous-round' | 'lot';

export interface TieBreak {
  /** Round or stage where the tie arose (1 for methods without rounds). */
  readonly round: number;
  /** What the tie decided: who is excluded, who is elected or transferred first, who is retained. */
  readonly kind: 'exclusion' | 'election' | 'surplus' | 'retention';
  /** The tied options, in the order their labels sort. */
  readonly between: readonly OptionIndex[];
  /** The option the tie-break picked (excluded for an exclusion, else favoured). */
  readonly chosen: OptionIndex;
  readonly resolvedBy: TieResolution;
}

interface ResultBase {
  readonly options: readonly string[];
  readonly seats: number;
  /** Ballots that rank at least one option. */
  readonly valid: number;
  readonly blank: number;
  /** Retained options, in the order retained. */
  readonly winners: readonly OptionIndex[];
  readonly ties: readonly TieBreak[];
  /**
   * Why the options were retained without the count choosing among them, or null when it chose:
   * 'seats-cover-options' when the seats are at least the options that some ballot ranks, which
   * are then all retained (an option no ballot ranks is not), whatever the method.
   */
  readonly reason: RetentionReason | null;
  readonly seed: string;
  /** Whether any tie had to be settled by lot. */
  readonly lotDrawn: boolean;
  /**
   * First preferences, whatever the method: each option's votes, and the options in the order a
   * plurality count of `seats` would rank them (a tie across that boundary ordered by lot with the
   * same seed; that lot decides nothing here and is not among `ties`). Empty when no ballot is valid.
   */
  readonly firstPreferences: { readonly votes: readonly number[]; readonly ranking: readonly OptionIndex[] };
  /** pairwise[a][b]: ballots that rank a above b; counted for Schulze, else only when asked for (`withPairwise`). */
  readonly pairwise: readonly (readonly number[])[] | null;
  /** The option that beats every other pairwise, when the pairwise matrix is counted and one does. */
  readonly condorcetWinner: OptionIndex | null;
}

/** Options ordered by score; `places` gives each option's 1-based place, equal for unbroken ties. */
export interface ScoreResult extends ResultBase {
  readonly method: 'plurality' | 'borda';
  readonly scores: readonly number[];
  readonly ranking: readonly OptionIndex[];
  readonly places: readonly number[];
}

export interface IrvRound {
  readonly round: number;
  /** Which seat this round's count is filling (sequential IRV when seats > 1). */
  readonly seat: number;
  /** Each option's ballots at this round (0 for options no longer continuing). */
  readonly votes: readonly number[];
  /** Ballots counting for a continuing option. */
  readonly continuing: number;
  /** Ballots with no continuing option left, in total so far. */
  readonly exhausted: number;
  readonly elected: readonly OptionIndex[];
  readonly excluded: readonly OptionIndex[];
  /** Where the excluded option's ballots went (they count there from the next round). */
  readonly transfers: { readonly to: readonly number[]; readonly exhausted: number } | null;
  /** Which options are in this round's count (neither excluded nor, under sequential IRV, retained for an earlier seat). */
  readonly inCount: readonly boolean[];
}

export interface IrvResult extends ResultBase {
  readonly method: 'irv';
  readonly rounds: readonly IrvRound[];
}

/** STV values below are integers counting hundred-thousandths of a vote (see fixed-point.ts). */
export interface StvStage {
  readonly round: number;
  readonly action: 'first-count' | 'surplus' | 'exclusion';
  /** The option whose surplus or ballots were transferred (null at the first count). */
  readonly option: OptionIndex | null;
  /** The surplus transferred (surplus stages), else 0. */
  readonly surplus: number;
  /** Each option's votes at the end of the stage. */
  readonly votes: readonly number[];
  /** What the stage moved: to each option, to exhausted, and lost to truncation. */
  readonly transfers: {
    readonly to: readonly number[];
    readonly exhausted: number;
    readonly lost: number;
  } | null;
  readonly elected: readonly OptionIndex[];
  readonly excluded: readonly OptionIndex[];
  /** Totals so far: value of exhausted ballots, and value lost to truncation. */
  readonly exhausted: number;
  readonly lost: number;
  /** Which options are in the count at the start of the stage (not excluded at an earlier stage). */
  readonly inCount: readonly boolean[];
  /** At a surplus stage: the surplus ÷ the option's votes at the previous stage, truncated; else null. */
  readonly transferValue: number | null;
}

export interface StvResult extends ResultBase {
  readonly method: 'stv';
  /** Droop quota, in whole votes. */
  readonly quota: number;
  readonly rounds: readonly StvStage[];
}

export interface SchulzeResult extends ResultBase {
  readonly method: 'schulze';
  /** pairwise[a][b]: ballots that rank a above b. */
  readonly pairwise: readonly (readonly number[])[];
  /** Null only when no ballot is valid. */
  readonly condorcetWinner: OptionIndex | null;
  /** paths[a][b]: strength of the strongest path from a to b (winning votes). */
  readonly paths: readonly (readonly number[])[];
  /**
   * Full Schulze order, by groups (see schulze.ts): the unbeaten options first, then those unbeaten
   * once they are set aside, and so on; `places` gives the options of one group the same place.
   */
  readonly ranking: readonly OptionIndex[];
  readonly places: readonly number[];
}

export type CountResult = ScoreResult | IrvResult | StvResult | SchulzeResult;
