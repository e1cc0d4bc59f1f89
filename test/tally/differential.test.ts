// Differential tests against the `votes` package for the methods both implement. Where the rules
// differ, the comparison says how:
// - Borda: `votes` gives the r-th of n ranks n − r + 1 points (we give n − r, PRODUCT.md), both
//   give unranked options 0; so its score is ours plus the number of ballots that rank the option.
// - IRV: `votes` excludes every option tied for fewest votes at once and counts on to the last
//   option; we break ties (earlier rounds, then lot) and stop at a majority. Winners are compared
//   when our count needed no tie-break and `votes` ends with a single winner.
// - Plurality follows the same rules; `votes` leaves ties unbroken, so rankings are compared as
//   groups of equal places.
// - Schulze: the same pairwise matrix; `votes` ranks options by how many others they beat, which is
//   not Schulze's ranking when strengths are equal (test/tally/schulze.test.ts checks ours against
//   the definition), but the options that beat the most others are always among Schulze's winners.
import { expect } from 'chai';
import fc from 'fast-check';
import { Borda, FirstPastThePost, InstantRunoff, Schulze } from 'votes';
import { countQuestion } from '../../server/tally/index.js';
import type { ScoreResult, SchulzeResult } from '../../server/tally/index.js';
import type { RandomElection } from './arbitraries.js';
import { electionArbitrary } from './arbitraries.js';

const RUNS = 200;

const toVotes = (e: RandomElection) => ({
  candidates: e.options,
  ballots: e.ballots.map((b) => ({ ranking: b.ranking.map((o) => [e.options[o]!]), weight: b.count ?? 1 })),
});

/** Options grouped by equal places, best first, each group sorted. */
const groups = (options: readonly string[], ranking: readonly number[], places: readonly number[]): string[][] => {
  const out: string[][] = [];
  let last = -1;
  for (const o of ranking) {
    if (places[o] !== last) out.push([]);
    last = places[o]!;
    out.at(-1)!.push(options[o]!);
  }
  return out.map((g) => g.sort());
};

describe('tally differential tests against the votes package', () => {
  it('plurality: same scores and same ranking groups', () => {
    fc.assert(
      fc.property(electionArbitrary(6, 20, false), (e) => {
        const ours = countQuestion({ method: 'plurality', options: e.options, ballots: e.ballots }) as ScoreResult;
        const theirs = new FirstPastThePost(toVotes(e));
        const scores = theirs.scores();
        e.options.forEach((name, o) => expect(ours.scores[o]).to.equal(scores[name]));
        expect(groups(e.options, ours.ranking, ours.places)).to.deep.equal(theirs.ranking().map((g) => [...g].sort()));
      }),
      { numRuns: RUNS },
    );
  });

  it('Borda: scores equal after the one-point offset per ranked option, same ranking on full rankings', () => {
    fc.assert(
      fc.property(electionArbitrary(6, 20, false), (e) => {
        const ours = countQuestion({ method: 'borda', options: e.options, ballots: e.ballots }) as ScoreResult;
        const theirs = new Borda(toVotes(e));
        const scores = theirs.scores();
        e.options.forEach((name, o) => {
          const rankedBy = e.ballots.filter((b) => b.ranking.includes(o)).reduce((s, b) => s + (b.count ?? 1), 0);
          expect(ours.scores[o]).to.equal(scores[name]! - rankedBy);
        });
        if (e.ballots.every((b) => b.ranking.length === e.options.length)) {
          expect(groups(e.options, ours.ranking, ours.places)).to.deep.equal(theirs.ranking().map((g) => [...g].sort()));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('IRV: same winner whenever neither count had a tie to break', () => {
    let compared = 0;
    fc.assert(
      fc.property(electionArbitrary(6, 20, false), (e) => {
        const ours = countQuestion({ method: 'irv', options: e.options, ballots: e.ballots });
        const theirs = new InstantRunoff(toVotes(e)).ranking();
        if (ours.ties.length === 0 && theirs[0]!.length === 1) {
          compared++;
          expect(e.options[ours.winners[0]!]).to.equal(theirs[0]![0]);
        }
      }),
      { numRuns: RUNS },
    );
    expect(compared).to.be.greaterThan(RUNS / 3);
  });

  it('Schulze: same pairwise matrix, and the options that beat the most others are among the winners', () => {
    fc.assert(
      fc.property(electionArbitrary(6, 20, false), (e) => {
        const ours = countQuestion({ method: 'schulze', options: e.options, ballots: e.ballots }) as SchulzeResult;
        const matrix = new Borda(toVotes(e)).matrix;
        e.options.forEach((a, i) => e.options.forEach((b, j) => {
          if (i !== j) expect(ours.pairwise[i]![j], `${a} over ${b}`).to.equal(matrix.array[i]![j]);
        }));
        const theirs = new Schulze(matrix).ranking();
        expect(groups(e.options, ours.ranking, ours.places)[0]).to.include.members(theirs[0]!);
      }),
      { numRuns: RUNS },
    );
  });
});
