import { expect } from 'chai';
import { createRng } from '../../server/tally/rng.js';

describe('tally/rng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const draw = (seed: string) => {
      const rng = createRng(seed);
      return Array.from({ length: 8 }, () => rng.nextUint32());
    };
    expect(draw('abc')).to.deep.equal(draw('abc'));
    expect(draw('abc')).to.not.deep.equal(draw('abd'));
  });

  it('draws integers below n roughly uniformly', () => {
    const rng = createRng('uniform');
    const seen = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) seen[rng.nextInt(6)]! += 1;
    for (const times of seen) expect(times).to.be.within(9_500, 10_500);
  });

  it('refuses to draw among no option', () => {
    expect(() => createRng('x').nextInt(0)).to.throw(RangeError);
  });
});
