import { expect } from 'chai';
import { countQuestion, METHODS, ONE } from '../../server/tally/index.js';
import type { IrvResult, SchulzeResult, ScoreResult, StvResult } from '../../server/tally/index.js';
import { buildBallots } from './build-ballots.js';

const BALLOTS = `
  6: A > B > C
  5: B > C > A
  4: C > B
  3: D > C
  2: -
`;

describe('tally/result sections every method carries', () => {
  const built = buildBallots(BALLOTS, ['E']);
  const count = (method: (typeof METHODS)[number], withPairwise = false, seats = 2) =>
    countQuestion({ method, options: built.options, ballots: built.ballots, seats, seed: 'sections', withPairwise });

  it('gives the first preferences in the order and with the votes of a plurality count, whatever the method', () => {
    const plurality = count('plurality') as ScoreResult;
    for (const method of METHODS) {
      const result = count(method);
      expect(result.firstPreferences.votes, method).to.deep.equal(plurality.scores);
      expect(result.firstPreferences.ranking, method).to.deep.equal(plurality.ranking);
    }
  });

  it('carries the pairwise matrix and the Condorcet winner of a Schulze count when asked, and not otherwise', () => {
    const schulze = count('schulze') as SchulzeResult;
    for (const method of METHODS) {
      const asked = count(method, true);
      expect(asked.pairwise, method).to.deep.equal(schulze.pairwise);
      expect(asked.condorcetWinner, method).to.equal(schulze.condorcetWinner);
      if (method !== 'schulze') expect(count(method).pairwise, method).to.equal(null);
    }
  });

  it('marks per IRV round the options in its count, setting aside under sequential IRV those already retained', () => {
    const irv = count('irv') as IrvResult;
    expect(irv.rounds[0]!.inCount.every(Boolean)).to.equal(true);
    irv.rounds.forEach((round, i) => {
      const next = irv.rounds[i + 1];
      if (next && next.seat === round.seat) for (const o of round.excluded) expect(next.inCount[o], `round ${next.round}`).to.equal(false);
    });
    const firstOfSecondSeat = irv.rounds.find((r) => r.seat === 2)!;
    expect(firstOfSecondSeat.inCount[irv.winners[0]!]).to.equal(false);
    expect(firstOfSecondSeat.inCount.filter(Boolean)).to.have.length(built.options.length - 1);
  });

  it('gives each STV surplus stage its transfer value, the surplus over the previous stage’s votes truncated, and marks excluded options out', () => {
    const surplus = buildBallots('10: A > B\n3: B > C\n4: C > B\n2: D > C');
    const stv = countQuestion({ method: 'stv', options: surplus.options, ballots: surplus.ballots, seats: 2 }) as StvResult;
    expect(stv.rounds.some((s) => s.action === 'surplus')).to.equal(true);
    stv.rounds.forEach((s, i) => {
      if (s.action !== 'surplus') return expect(s.transferValue, `stage ${s.round}`).to.equal(null);
      const total = stv.rounds[i - 1]!.votes[s.option!]!;
      expect(s.transferValue, `stage ${s.round}`).to.equal(Math.floor((s.surplus * ONE) / total));
    });
    stv.rounds.forEach((s, i) => {
      const excludedBefore = new Set(stv.rounds.slice(0, i).flatMap((t) => t.excluded));
      expect(s.inCount, `stage ${s.round}`).to.deep.equal(surplus.options.map((_, o) => !excludedBefore.has(o)));
    });
  });
});
