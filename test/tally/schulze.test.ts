import { expect } from 'chai';
import { countQuestion, toResultJson } from '../../server/tally/index.js';
import type { SchulzeResult } from '../../server/tally/index.js';
import { buildBallots } from './build-ballots.js';

const countSchulze = (text: string, seats = 1, seed?: string): SchulzeResult => {
  const { options, ballots } = buildBallots(text, ['A', 'B', 'C', 'D', 'E'].filter((o) => text.includes(o)));
  return countQuestion({ method: 'schulze', options, ballots, seats, seed }) as SchulzeResult;
};

describe('tally/schulze', () => {
  // Markus Schulze's example (Schulze, "A new monotonic, clone-independent, reversal symmetric,
  // and Condorcet-consistent single-winner election method", 2011, example 1; also on Wikipedia).
  const example = `
    5: A > C > B > E > D
    5: A > D > E > C > B
    8: B > E > D > A > C
    3: C > A > B > E > D
    7: C > A > E > B > D
    2: C > B > A > D > E
    7: D > C > E > B > A
    8: E > B > A > D > C
  `;

  it('computes the pairwise matrix, the strongest paths and the ranking E > A > C > B > D', () => {
    const json = toResultJson(countSchulze(example));
    expect(json.pairwise!.A).to.deep.equal({ B: 20, C: 26, D: 30, E: 22 });
    expect(json.pairwise!.E).to.deep.equal({ A: 23, B: 27, C: 21, D: 31 });
    expect(json.paths!.A).to.deep.equal({ B: 28, C: 28, D: 30, E: 24 });
    expect(json.paths!.E).to.deep.equal({ A: 25, B: 28, C: 28, D: 31 });
    expect(json.ranking).to.deep.equal(['E', 'A', 'C', 'B', 'D']);
    expect(json.winners).to.deep.equal(['E']);
    expect(json.condorcetWinner).to.equal(null);
  });

  it('retains the first options of the ranking when there are several seats', () => {
    expect(toResultJson(countSchulze(example, 2)).winners).to.deep.equal(['E', 'A']);
  });

  it('counts a ranked option above every unranked one and leaves unranked ones uncompared', () => {
    const json = toResultJson(countSchulze(`
      4: A
      3: B > C
      2: C
    `));
    expect(json.pairwise).to.deep.equal({
      A: { B: 4, C: 4 },
      B: { A: 3, C: 3 },
      C: { A: 5, B: 2 },
    });
    // A > B 4-3, B > C 3-2, C > A 5-4: a cycle; the weakest defeat (B over C) gives way.
    expect(json.condorcetWinner).to.equal(null);
    expect(json.ranking).to.deep.equal(['C', 'A', 'B']);
  });

  it('names the Condorcet winner and puts it first', () => {
    const json = toResultJson(countSchulze(`
      40: A > B > C
      25: B > C
      20: C > B
      10: D > C
    `));
    expect(json.condorcetWinner).to.equal('B');
    expect(json.ranking![0]).to.equal('B');
  });

  it('settles a perfectly symmetric Condorcet cycle by lot, recorded', () => {
    const cycle = `
      3: A > B > C
      3: B > C > A
      3: C > A > B
    `;
    const result = countSchulze(cycle, 1, 'cycle-seed');
    const json = toResultJson(result);
    expect(json.condorcetWinner).to.equal(null);
    expect(json.places).to.deep.equal({ [json.ranking![0]!]: 1, [json.ranking![1]!]: 1, [json.ranking![2]!]: 1 });
    expect(json.ties).to.deep.equal([
      { round: 1, kind: 'retention', between: ['A', 'B', 'C'], chosen: json.winners[0], resolvedBy: 'lot' },
    ]);
    expect(toResultJson(countSchulze(cycle, 1, 'cycle-seed'))).to.deep.equal(json);
  });

  it('resolves an asymmetric Condorcet cycle by the strongest paths', () => {
    // A beats B 7-2, B beats C 6-3, C beats A 5-4: the weakest defeat (C over A) is dropped.
    const json = toResultJson(countSchulze(`
      4: A > B > C
      3: B > C > A
      2: C > A > B
    `));
    expect(json.condorcetWinner).to.equal(null);
    expect(json.ranking).to.deep.equal(['A', 'B', 'C']);
    expect(json.ties).to.deep.equal([]);
  });
});
