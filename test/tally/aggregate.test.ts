import { expect } from 'chai';
import { aggregateRankings, createBallotSetBuilder, rankingAt } from '../../server/tally/index.js';

describe('tally/aggregate', () => {
  it('stores identical rankings once with their counts, and blank ballots apart', () => {
    const set = aggregateRankings(
      [{ ranking: [0, 1] }, { ranking: [1] }, { ranking: [0, 1], count: 3 }, { ranking: [] }, { ranking: [0] }],
      3,
    );
    expect(set.size).to.equal(3);
    expect([0, 1, 2].map((i) => [rankingAt(set, i), set.counts[i]])).to.deep.equal([
      [[0, 1], 4],
      [[1], 1],
      [[0], 1],
    ]);
    expect(set.valid).to.equal(6);
    expect(set.blank).to.equal(1);
  });

  it('keeps distinct rankings apart through table growth', () => {
    const builder = createBallotSetBuilder(6, 2);
    let added = 0;
    for (let a = 0; a < 6; a++) {
      for (let b = 0; b < 6; b++) {
        if (a === b) continue;
        builder.add([a, b], 2, 1);
        builder.add([a, b], 2, 1);
        added++;
      }
    }
    const set = builder.finish();
    expect(set.size).to.equal(added);
    expect(Array.from(set.counts).every((c) => c === 2)).to.equal(true);
  });

  it('refuses an out-of-range option index or a repeated one', () => {
    expect(() => aggregateRankings([{ ranking: [3] }], 3)).to.throw(RangeError);
    expect(() => aggregateRankings([{ ranking: [1, 1] }], 3)).to.throw(RangeError);
    expect(() => aggregateRankings([{ ranking: [1], count: 0 }], 3)).to.throw(RangeError);
  });
});
