import { expect } from 'chai';
import { countQuestion, formatResultText, METHODS, toResultJson } from '../../server/tally/index.js';
import { buildBallots } from './build-ballots.js';

describe('tally/retention when the seats cover the options with votes', () => {
  // Three options, two of them ranked on some ballot; C is ranked by nobody.
  const { options, ballots } = buildBallots(`
    3: A > B
    2: B
    1: -
  `, ['A', 'B', 'C']);

  for (const method of METHODS) {
    it(`${method}: retains every option some ballot ranks, and only those, and says why`, () => {
      for (const seats of [2, 3]) {
        const result = countQuestion({ method, options, ballots, seats, seed: 'cover' });
        expect([...result.winners].sort(), `${seats} seats`).to.deep.equal([0, 1]);
        expect(result.reason).to.equal('seats-cover-options');
        expect(result.ties.filter((t) => t.kind === 'retention')).to.deep.equal([]);
        const json = toResultJson(result);
        expect(json.reason).to.equal('seats-cover-options');
        expect(formatResultText(result)).to.contain(`(${seats} seats for 2 options ranked on any ballot: every one is retained, the count does not choose)`);
      }
    });

    it(`${method}: lets the count choose, and says nothing, when the seats are fewer`, () => {
      const result = countQuestion({ method, options, ballots, seats: 1 });
      expect(result.winners).to.have.length(1);
      expect(result.reason).to.equal(null);
      expect(toResultJson(result)).not.to.have.property('reason');
    });
  }

  it('keeps the order in which the count retained the options, then first preferences', () => {
    const borda = countQuestion({ method: 'borda', options, ballots, seats: 2 });
    // Borda over 3 options: A 3×2 = 6, B 3×1 + 2×2 = 7.
    expect(borda.winners).to.deep.equal([1, 0]);
    const plurality = countQuestion({ method: 'plurality', options, ballots, seats: 3 });
    expect(plurality.winners).to.deep.equal([0, 1]);
  });

  it('retains nothing when no ballot is valid', () => {
    const blank = buildBallots('2: -', ['A', 'B']);
    const result = countQuestion({ method: 'stv', options: blank.options, ballots: blank.ballots, seats: 2 });
    expect(result.winners).to.deep.equal([]);
    expect(result.reason).to.equal(null);
  });

  it('leaves out a lot at the seat boundary that the cover made moot', () => {
    // Plurality, 3 seats: A 2, B 1, then C (ranked second only), D and E (ranked by nobody) level
    // at 0 first preferences. The count alone would draw a lot among C, D and E for the third seat;
    // as the 3 seats cover the 3 ranked options, C is retained and no lot counts.
    const tied = buildBallots(`
      2: A
      1: B > C
    `, ['A', 'B', 'C', 'D', 'E']);
    const covered = countQuestion({ method: 'plurality', options: tied.options, ballots: tied.ballots, seats: 3, seed: 'x' });
    expect(covered.reason).to.equal('seats-cover-options');
    expect(covered.winners).to.deep.equal([0, 1, 2]);
    expect(covered.ties).to.deep.equal([]);
    expect(covered.lotDrawn).to.equal(false);
    const counted = countQuestion({ method: 'plurality', options: tied.options, ballots: tied.ballots, seats: 2, seed: 'x' });
    expect(counted.reason).to.equal(null);
    expect(counted.winners).to.deep.equal([0, 1]);
  });
});
