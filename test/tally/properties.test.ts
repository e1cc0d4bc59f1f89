import { expect } from 'chai';
import fc from 'fast-check';
import { countQuestion, METHODS, ONE, toResultJson } from '../../server/tally/index.js';
import type { IrvResult, Method, StvResult } from '../../server/tally/index.js';
import { electionArbitrary } from './arbitraries.js';

const RUNS = 100;

describe('tally properties', () => {
  it('gives the same result whatever the order of the ballots, for every method', () => {
    fc.assert(
      fc.property(electionArbitrary(), fc.integer({ min: 1, max: 3 }), fc.string(), fc.func(fc.integer()), (election, seats, seed, order) => {
        const shuffled = election.ballots
          .flatMap((b) => Array.from({ length: b.count ?? 1 }, () => ({ ranking: b.ranking })))
          .map((b, i) => ({ b, key: order(i) }))
          .sort((x, y) => x.key - y.key)
          .map((x) => x.b);
        for (const method of METHODS) {
          const a = countQuestion({ method, options: election.options, ballots: election.ballots, seats, seed });
          const b = countQuestion({ method, options: election.options, ballots: shuffled, seats, seed });
          expect(toResultJson(b)).to.deep.equal(toResultJson(a));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('retains a unanimous first choice, first, under every method', () => {
    fc.assert(
      fc.property(electionArbitrary(6, 15, false), fc.integer({ min: 1, max: 3 }), (election, seats) => {
        const favourite = election.ballots[0]!.ranking[0]!;
        const ballots = election.ballots.map((b) => ({ ...b, ranking: [favourite, ...b.ranking.filter((o) => o !== favourite)] }));
        for (const method of METHODS) {
          const result = countQuestion({ method, options: election.options, ballots, seats });
          expect(result.winners[0], method).to.equal(favourite);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never makes the winner lose by adding a ballot that ranks it first (plurality, Borda)', () => {
    fc.assert(
      fc.property(electionArbitrary(6, 15, false), fc.string(), fc.func(fc.integer()), (election, seed, rest) => {
        for (const method of ['plurality', 'borda'] as Method[]) {
          const before = countQuestion({ method, options: election.options, ballots: election.ballots, seed });
          const winner = before.winners[0]!;
          const others = election.options.map((_, i) => i).filter((o) => o !== winner);
          const tail = others.filter((o) => rest(o) % 2 === 0);
          const ballots = [...election.ballots, { ranking: [winner, ...tail] }];
          const after = countQuestion({ method, options: election.options, ballots, seed });
          expect(after.winners[0], method).to.equal(winner);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('conserves the ballots across IRV rounds and STV stages', () => {
    fc.assert(
      fc.property(electionArbitrary(7, 25), fc.integer({ min: 1, max: 4 }), (election, seats) => {
        const irv = countQuestion({ method: 'irv', options: election.options, ballots: election.ballots, seats }) as IrvResult;
        for (const round of irv.rounds) {
          expect(round.votes.reduce((a, b) => a + b, 0) + round.exhausted).to.equal(irv.valid);
        }
        const stv = countQuestion({ method: 'stv', options: election.options, ballots: election.ballots, seats }) as StvResult;
        for (const stage of stv.rounds) {
          expect(stage.votes.reduce((a, b) => a + b, 0) + stage.exhausted + stage.lost).to.equal(stv.valid * ONE);
        }
        const ranked = new Set(election.ballots.flatMap((b) => b.ranking)).size;
        if (stv.valid > 0) expect(stv.winners).to.have.length(seats >= ranked ? ranked : Math.min(seats, election.options.length));
      }),
      { numRuns: RUNS },
    );
  });
});
