// The tally engine's one entry: count a question with a method. Pure: ballots in, result out.
import { aggregateRankings } from './aggregate.js';
import { methodDefinition } from './methods.js';
import { countFirstPreferences } from './plurality.js';
import { rankByScore } from './ranking.js';
import { countPairwise, findCondorcetWinner, pairwiseRows } from './schulze.js';
import { createTieBreaker, DEFAULT_SEED } from './ties.js';
import { createTraceRecorder, recordFirstPreferences, type BallotTrace, type TraceRecorder } from './trace.js';
import type { BallotSet, CountInput, CountResult, OptionIndex, TieBreak } from './types.js';

export type * from './types.js';
export { assertNever } from './assert-never.js';
export { isMethod, METHOD_DEFINITIONS, METHODS, methodDefinition } from './methods.js';
export type { MethodDefinition } from './method-definition.js';
export { DEFAULT_SEED } from './ties.js';
export { aggregateRankings, createBallotSetBuilder, rankingAt } from './aggregate.js';
export type { BallotSetBuilder } from './aggregate.js';
export { createRankingValidator, describeRankingProblem, validateRanking } from './ballots.js';
export type { RankingCheck, RankingProblem, RankingProblemCode, RankingRules } from './ballots.js';
export { formatFixed5, ONE } from './fixed-point.js';
export { describeRules, toResultJson } from './result-json.js';
export type { IrvRoundJson, ResultJson, StvStageJson, TieJson } from './result-json.js';
export { formatResultText } from './format-text.js';
export { formatResultCsv } from './format-csv.js';
export { csvCell, csvRow } from './csv-cell.js';
export type { CsvCellOptions } from './csv-cell.js';
export { NO_OPTION } from './trace.js';
export type { BallotTrace, TraceRecorder, TraceStep } from './trace.js';

function isBallotSet(ballots: CountInput['ballots']): ballots is BallotSet {
  return !Array.isArray(ballots);
}

/**
 * Counts one question. `ballots` are option indices (into `options`), aggregated or not.
 * Throws RangeError on input that breaks the contract (seats not a positive integer, a ballot
 * set for another number of options); ties and empty counts are outcomes, not errors. A method
 * with rounds records them in `trace` when given one (countQuestionWithTrace does).
 */
export function countQuestion(input: CountInput, trace: TraceRecorder | null = null): CountResult {
  const { method, options } = input;
  const seats = input.seats ?? 1;
  if (!Number.isSafeInteger(seats) || seats < 1) throw new RangeError(`seats must be a positive integer, not ${seats}`);
  const set = isBallotSet(input.ballots) ? input.ballots : aggregateRankings(input.ballots, options.length);
  if (set.optionCount !== options.length) {
    throw new RangeError(`the ballots are for ${set.optionCount} options, not ${options.length}`);
  }
  const seed = input.seed ?? DEFAULT_SEED;
  const tieBreaker = createTieBreaker(options, seed);
  const outcome = methodDefinition(method).count(options, set, seats, tieBreaker, trace);
  const firstPreferences = countFirstPreferences(set);
  const firstRanking = set.valid === 0 ? [] : rankByScore(options, firstPreferences, seats, createTieBreaker(options, seed)).ranking;
  return {
    ...outcome,
    ...retention(outcome.winners, tieBreaker.ties, set, seats, firstRanking),
    seed: tieBreaker.seed,
    firstPreferences: { votes: Array.from(firstPreferences), ranking: firstRanking },
    ...pairwiseOf(outcome, set, input.withPairwise ?? false),
    // Schulze's own matrix is never replaced by null, which the compiler cannot follow through the union.
  } as CountResult;
}

/** The options that at least one ballot ranks. */
function optionsWithVotes(set: BallotSet): boolean[] {
  const ranked = new Array<boolean>(set.optionCount).fill(false);
  for (let g = 0; g < set.size; g++) {
    if (set.counts[g]! <= 0) continue;
    for (let i = set.offsets[g]!; i < set.offsets[g + 1]!; i++) ranked[set.choices[i]!] = true;
  }
  return ranked;
}

/**
 * The retained options and the ties that decided them. When the seats are at least the options
 * that some ballot ranks, every such option is retained without the count choosing among them
 * (in the count's order, then by first preferences) and a tie for the last retained place decided
 * nothing: it is left out. Otherwise the count's own winners and ties.
 */
function retention(
  winners: readonly OptionIndex[],
  ties: readonly TieBreak[],
  set: BallotSet,
  seats: number,
  firstRanking: readonly OptionIndex[],
): Pick<CountResult, 'winners' | 'ties' | 'reason' | 'lotDrawn'> {
  const ranked = optionsWithVotes(set);
  const rankedCount = ranked.filter(Boolean).length;
  if (set.valid === 0 || seats < rankedCount) {
    return { winners, ties, reason: null, lotDrawn: ties.some((t) => t.resolvedBy === 'lot') };
  }
  const order = [...winners, ...firstRanking.filter((o) => !winners.includes(o))];
  const kept = ties.filter((t) => t.kind !== 'retention');
  return {
    winners: order.filter((o) => ranked[o]),
    ties: kept,
    reason: 'seats-cover-options',
    lotDrawn: kept.some((t) => t.resolvedBy === 'lot'),
  };
}

/** A count with its per-ballot trace, and the ballot set whose rankings the trace's indices refer to. */
export interface TracedCount {
  readonly result: CountResult;
  readonly ballots: BallotSet;
  readonly trace: BallotTrace;
}

/**
 * Counts one question as countQuestion does, recording how each distinct ranking counted at each
 * round or stage (trace.ts); a method without rounds has one step, the first preferences.
 */
export function countQuestionWithTrace(input: CountInput): TracedCount {
  const ballots = isBallotSet(input.ballots) ? input.ballots : aggregateRankings(input.ballots, input.options.length);
  const recorder = createTraceRecorder();
  const result = countQuestion({ ...input, ballots }, recorder);
  if (methodDefinition(input.method).progression === null) recordFirstPreferences(recorder, ballots);
  return { result, ballots, trace: recorder.finish() };
}

/** The method's own pairwise matrix (Schulze), else one counted when asked for, else none. */
function pairwiseOf(
  outcome: { readonly pairwise?: CountResult['pairwise']; readonly condorcetWinner?: CountResult['condorcetWinner'] },
  set: BallotSet,
  wanted: boolean,
): Pick<CountResult, 'pairwise' | 'condorcetWinner'> {
  if (outcome.pairwise) return { pairwise: outcome.pairwise, condorcetWinner: outcome.condorcetWinner ?? null };
  if (!wanted) return { pairwise: null, condorcetWinner: null };
  const n = set.optionCount;
  const d = countPairwise(set);
  return { pairwise: pairwiseRows(d, n), condorcetWinner: set.valid === 0 ? null : findCondorcetWinner(d, n) };

}
