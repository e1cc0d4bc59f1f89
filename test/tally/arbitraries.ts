// fast-check generators of ballot sets for the property and differential tests.
import fc from 'fast-check';
import type { RankedBallot } from '../../server/tally/index.js';

export interface RandomElection {
  readonly options: string[];
  readonly ballots: RankedBallot[];
}

/** Partial strict rankings over 2 … maxOptions options, in groups with counts 1 … 5. */
export function electionArbitrary(maxOptions = 6, maxGroups = 20, allowBlank = true): fc.Arbitrary<RandomElection> {
  return fc.integer({ min: 2, max: maxOptions }).chain((n) => {
    const options = Array.from({ length: n }, (_, i) => `O${i}`);
    const ranking = fc
      .shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: allowBlank ? 0 : 1, maxLength: n })
      .map((r) => r);
    const ballot = fc.record({ ranking, count: fc.integer({ min: 1, max: 5 }) });
    return fc.array(ballot, { minLength: 1, maxLength: maxGroups }).map((ballots) => ({ options, ballots }));
  });
}
