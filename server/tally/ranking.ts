// Orders options by a score (most first) and retains the first `seats`. Options with equal scores
// keep equal places; only a tie across the seat boundary matters, and it is broken by lot.
import { byLabel, textTable, yesNo } from './format-helpers.js';
import type { Label, MethodJson, MethodOutcome } from './method-definition.js';
import type { ResultJson } from './result-json.js';
import type { TieBreaker } from './ties.js';
import type { BallotSet, OptionIndex, ScoreResult } from './types.js';

export interface RankedOptions {
  readonly ranking: readonly OptionIndex[];
  readonly places: readonly number[];
  readonly winners: readonly OptionIndex[];
}

export function rankByScore(
  options: readonly string[],
  scores: ArrayLike<number>,
  seats: number,
  tieBreaker: TieBreaker,
): RankedOptions {
  const n = options.length;
  const ranking = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const d = scores[b]! - scores[a]!;
    if (d !== 0) return d;
    const la = options[a]!;
    const lb = options[b]!;
    return la < lb ? -1 : la > lb ? 1 : a - b;
  });
  const places = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const o = ranking[i]!;
    const previous = i > 0 ? ranking[i - 1]! : -1;
    places[o] = previous >= 0 && scores[previous] === scores[o] ? places[previous]! : i + 1;
  }
  const retained = Math.min(seats, n);
  if (retained > 0 && retained < n) {
    const boundary = scores[ranking[retained - 1]!]!;
    if (scores[ranking[retained]!] === boundary) {
      let first = retained - 1;
      while (first > 0 && scores[ranking[first - 1]!] === boundary) first--;
      let last = retained;
      while (last + 1 < n && scores[ranking[last + 1]!] === boundary) last++;
      const order = tieBreaker.orderByLot(ranking.slice(first, last + 1), 1, 'retention');
      ranking.splice(first, order.length, ...order);
    }
  }
  return { ranking, places, winners: ranking.slice(0, retained) };
}

/** A plurality or Borda result from each option's score: ranked by score, the first `seats` retained. */
export function scoreResult(
  method: ScoreResult['method'],
  options: readonly string[],
  set: BallotSet,
  seats: number,
  scores: Float64Array,
  tieBreaker: TieBreaker,
): MethodOutcome<ScoreResult['method']> {
  const ranked = set.valid === 0 ? { ranking: [], places: [], winners: [] } : rankByScore(options, scores, seats, tieBreaker);
  return { method, options, seats, valid: set.valid, blank: set.blank, scores: Array.from(scores), ...ranked };
}

/** The JSON fields of a count by score (plurality, Borda). */
export function scoreJson(result: ScoreResult, label: Label): MethodJson {
  return {
    ranking: result.ranking.map(label),
    places: byLabel(result.ranking, label, (o) => result.places[o]!),
    scores: byLabel(result.ranking, label, (o) => result.scores[o]!),
  };
}

/** The text report's scores, best first, under a heading. */
export function scoreText(heading: string, json: ResultJson): string[] {
  return [
    heading,
    ...textTable((json.ranking ?? []).map((name) => [`${json.places?.[name]}. ${name}`, String(json.scores?.[name] ?? 0)])),
    '',
  ];
}

/** option,place,score,retained: one row per option, best first. */
export function scoreCsv(result: ScoreResult, label: Label): string[][] {
  return [
    ['option', 'place', 'score', 'retained'],
    ...result.ranking.map((o) => [label(o), String(result.places[o]), String(result.scores[o]), yesNo(result.winners.includes(o))]),
  ];
}

export const SCORE_CSV_HELP = 'option,place,score,retained';
