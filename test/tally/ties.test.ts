import { expect } from 'chai';
import { createTieBreaker } from '../../server/tally/ties.js';

describe('tally/ties', () => {
  const options = ['D', 'C', 'B', 'A'];

  it('for an exclusion, keeps narrowing by earlier rounds to the options with fewer votes', () => {
    const breaker = createTieBreaker(options, 's');
    // Tied now: 0, 1, 2. Round 2: 0 and 1 have 3, 2 has 4 → 2 leaves the tie. Round 1: 1 had fewer.
    const chosen = breaker.settle([0, 1, 2], [[2, 1, 5, 0], [3, 3, 4, 0], [5, 5, 5, 0]], 'fewest', 3, 'exclusion');
    expect(chosen).to.equal(1);
    expect(breaker.ties).to.deep.equal([{ round: 3, kind: 'exclusion', between: [2, 1, 0], chosen: 1, resolvedBy: 'previous-round' }]);
    expect(breaker.lotDrawn()).to.equal(false);
  });

  it('for a win, favours the option that had more', () => {
    const breaker = createTieBreaker(options, 's');
    expect(breaker.settle([0, 1], [[4, 2], [5, 5]], 'most', 2, 'election')).to.equal(0);
  });

  it('draws a lot among the options still tied, whatever the options order', () => {
    const a = createTieBreaker(['X', 'Y', 'Z'], 'seed');
    const b = createTieBreaker(['Z', 'Y', 'X'], 'seed');
    const chosenA = a.settle([0, 1, 2], [[1, 1, 1]], 'fewest', 1, 'exclusion');
    const chosenB = b.settle([0, 1, 2], [[1, 1, 1]], 'fewest', 1, 'exclusion');
    expect(['X', 'Y', 'Z'][chosenA]).to.equal(['Z', 'Y', 'X'][chosenB]);
    expect(a.ties[0]!.resolvedBy).to.equal('lot');
    expect(a.lotDrawn()).to.equal(true);
  });
});
