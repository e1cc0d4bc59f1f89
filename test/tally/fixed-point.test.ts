import { expect } from 'chai';
import fc from 'fast-check';
import { formatFixed5, mulDivFloor } from '../../server/tally/fixed-point.js';

describe('tally/fixed-point', () => {
  it('formats hundred-thousandths as exact five-decimal strings', () => {
    expect(formatFixed5(0)).to.equal('0.00000');
    expect(formatFixed5(1234567)).to.equal('12.34567');
    expect(formatFixed5(5)).to.equal('0.00005');
    expect(formatFixed5(100_000_000_000)).to.equal('1000000.00000');
  });

  it('computes floor(a × b ÷ c) exactly, beyond 2^53 too', () => {
    expect(mulDivFloor(2999980, 53333, 5799980)).to.equal(27585);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e11 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 1, max: 1e11 }),
        (a, b, c) => mulDivFloor(a, b, c) === Number((BigInt(a) * BigInt(b)) / BigInt(c)),
      ),
      { numRuns: 2000 },
    );
  });
});
