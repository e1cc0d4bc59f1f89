// What a counting method is to the rest of the engine and the app: how it counts, what its count
// goes by (rounds, stages or one step), its rules in a sentence, and its own sections of the JSON
// result, the text report and the CSV table. Each method's file exports one; methods.ts lists them.
import type { ResultJson } from './result-json.js';
import type { TieBreaker } from './ties.js';
import type { TraceRecorder } from './trace.js';
import type { BallotSet, CountResult, Method, OptionIndex } from './types.js';

/** The result of a method's count (plurality and Borda share one shape). */
export type ResultOf<M extends Method> = CountResult extends infer R ? (R extends CountResult ? (M extends R['method'] ? R : never) : never) : never;

/** Fields of every result that countQuestion adds to a method's count. */
type Common = 'seed' | 'lotDrawn' | 'ties' | 'reason' | 'firstPreferences';

/**
 * What a method's count returns; countQuestion adds the ties, the seed, whether a lot was drawn and
 * the first preferences, and the pairwise matrix when the method has not counted it.
 */
export type MethodOutcome<M extends Method> = ResultOf<M> extends infer R
  ? (R extends CountResult ? Omit<R, Common | 'pairwise' | 'condorcetWinner'> & Partial<Pick<R, 'pairwise' | 'condorcetWinner'>> : never)
  : never;

/** The method's own fields of the JSON result, in the order they are printed. */
export type MethodJson = Pick<ResultJson, 'quota' | 'rounds' | 'ranking' | 'places' | 'scores' | 'pairwise' | 'paths' | 'condorcetWinner'>;

export type Label = (o: OptionIndex) => string;

export interface MethodDefinition<M extends Method> {
  readonly method: M;
  /** Counts; a method with rounds or stages records each one in `trace` when given one (trace.ts). */
  readonly count: (options: readonly string[], set: BallotSet, seats: number, tieBreaker: TieBreaker, trace?: TraceRecorder | null) => MethodOutcome<M>;
  /** Rounds (IRV), stages (STV), or a single count. */
  readonly progression: 'rounds' | 'stages' | null;
  /** One sentence of the rules, in English, for the JSON result and the text report. */
  readonly rules: (seats: number) => string;
  /** The key of the rules sentence under `results.rules` in the catalogues, for the results page. */
  readonly rulesKey: (seats: number) => string;
  /** Between the JSON result's `winners` and `ties`. */
  readonly json: (result: ResultOf<M>, label: Label) => MethodJson;
  /** The text report's lines between the header and the retained options. */
  readonly text: (json: ResultJson) => string[];
  /** The CSV table (header row first), before quoting. */
  readonly csv: (result: ResultOf<M>, label: Label) => string[][];
  /** The CSV table's shape, as the command line's help describes it. */
  readonly csvHelp: string;
}
