// The per-ballot trace of a count: for each distinct ranking of the ballot set, the option it
// counted for at each round (IRV) or stage (STV), and its weight there. It is recorded by the
// method's own count as it goes (irv.ts, stv.ts take a recorder), not counted a second time, so
// it cannot disagree with the rounds:
// - IRV: at the start of each round, as the round's votes are taken; weight 1. Summed over the
//   rankings (count × weight), each option's column gives the round's votes and the exhausted
//   ones (no option) the round's exhausted ballots.
// - STV: at the end of each stage, as the stage's votes are; the weight is the value of each
//   paper in hundred-thousandths (1.00000 until a surplus moves it on at its transfer value).
//   Summed, the rankings give each option's votes and the exhausted value, except for an option
//   whose surplus has been transferred: its papers count on for their next preference at their
//   transfer value, and the option keeps the quota, which no ranking then counts for (the
//   Weighted Inclusive Gregory Method). A paper whose value truncates to 0 is set aside: no
//   option, weight 0 (its value is among the "lost to truncation").
// - Methods without rounds: one step, the option each ranking counts for first (its first
//   preference), weight 1; summed, the first preferences.
import type { BallotSet } from './types.js';

/** The option of a ranking that counts for none (exhausted, or set aside at value 0). */
export const NO_OPTION = -1;

/** One round or stage: per ranking of the set (by its index), its option and its weight per ballot. */
export interface TraceStep {
  readonly options: Int32Array;
  readonly weights: Int32Array;
}

export interface BallotTrace {
  /** The weight of one whole vote: 1, or ONE for STV's hundred-thousandths (the units of the rounds' votes). */
  readonly unit: number;
  /** One per round or stage of the result, in order; one for a method without rounds. */
  readonly steps: readonly TraceStep[];
}

/** What a method's count is given to record its trace: each round or stage asks for a step and fills it. */
export interface TraceRecorder {
  /** A new step with room for `size` rankings (the set's); `unit` is the weight of a whole vote. */
  step(unit: number, size: number): TraceStep;
}

export function createTraceRecorder(): TraceRecorder & { finish(): BallotTrace } {
  const steps: TraceStep[] = [];
  let unit = 1;
  return {
    step(stepUnit, size) {
      if (steps.length > 0 && stepUnit !== unit) throw new Error(`trace steps in units of ${unit} and ${stepUnit}`);
      unit = stepUnit;
      const step = { options: new Int32Array(size), weights: new Int32Array(size) };
      steps.push(step);
      return step;
    },
    finish: () => ({ unit, steps }),
  };
}

/** The one step of a method without rounds: each ranking's first preference, weight 1. */
export function recordFirstPreferences(recorder: TraceRecorder, set: BallotSet): void {
  const step = recorder.step(1, set.size);
  for (let g = 0; g < set.size; g++) {
    step.options[g] = set.choices[set.offsets[g]!]!;
    step.weights[g] = 1;
  }
}
