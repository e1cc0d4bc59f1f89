import { expect } from 'chai';
import fc from 'fast-check';
import { countQuestion, formatResultCsv, formatResultText, toResultJson } from '../../server/tally/index.js';
import type { RankedBallot, SchulzeResult } from '../../server/tally/index.js';
import { buildBallots } from './build-ballots.js';

/**
 * Schulze by the book, as plainly as it can be written, to check the engine against: the pairwise
 * matrix, Floyd–Warshall for the widest paths, X beats Y when p[X][Y] > p[Y][X], then the groups
 * of the ranking (the unbeaten options, set aside in turn).
 */
function referenceSchulze(n: number, ballots: readonly RankedBallot[]): { d: number[][]; p: number[][]; groups: number[][] } {
  const d = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const { ranking, count = 1 } of ballots) {
    for (let i = 0; i < ranking.length; i++) {
      for (let b = 0; b < n; b++) {
        const a = ranking[i]!;
        if (b !== a && !ranking.slice(0, i).includes(b)) d[a]![b]! += count;
      }
    }
  }
  const p = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i !== j && d[i]![j]! > d[j]![i]! ? d[i]![j]! : 0)));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      for (let k = 0; k < n; k++) {
        if (i !== k && j !== k) p[j]![k] = Math.max(p[j]![k]!, Math.min(p[j]![i]!, p[i]![k]!));
      }
    }
  }
  const beats = (x: number, y: number) => p[x]![y]! > p[y]![x]!;
  const groups: number[][] = [];
  let left = Array.from({ length: n }, (_, i) => i);
  while (left.length > 0) {
    const unbeaten = left.filter((y) => !left.some((x) => beats(x, y)));
    groups.push(unbeaten);
    left = left.filter((y) => !unbeaten.includes(y));
  }
  return { d, p, groups };
}

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

  describe('options that the strongest paths do not separate', () => {
    // The strongest paths are A→B 3, B→A 3, A→C 3, C→A 3, B→C 4, C→B 3: B beats C, and nothing
    // separates A from B or A from C. A and B are both winners; C comes after B.
    const equal = `
      2: A > B > C
      2: B > C > A
      1: C > A > B
    `;

    it('ranks the unbeaten options first, sharing a place, and settles the seat between them by lot', () => {
      const json = toResultJson(countSchulze(equal, 1, 'equal-seed'));
      expect(json.paths).to.deep.equal({ A: { B: 3, C: 3 }, B: { A: 3, C: 4 }, C: { A: 3, B: 3 } });
      expect(json.places).to.deep.equal({ ...{ A: 1, B: 1 }, C: 3 });
      expect([...json.ranking!.slice(0, 2)].sort()).to.deep.equal(['A', 'B']);
      expect(json.ranking![2]).to.equal('C');
      expect(json.ties).to.deep.equal([{ round: 1, kind: 'retention', between: ['A', 'B'], chosen: json.winners[0], resolvedBy: 'lot' }]);
      expect(json.lotDrawn).to.equal(true);
    });

    it('retains both winners without a lot when there are two seats', () => {
      const json = toResultJson(countSchulze(equal, 2));
      expect([...json.winners].sort()).to.deep.equal(['A', 'B']);
      expect(json.ties).to.deep.equal([]);
      expect(json.lotDrawn).to.equal(false);
    });

    it('gives each side of the lot with some seed, and the same side for the same seed', () => {
      const chosen = new Set<string>();
      for (let i = 0; i < 40; i++) chosen.add(toResultJson(countSchulze(equal, 1, `seed-${i}`)).winners[0]!);
      expect([...chosen].sort()).to.deep.equal(['A', 'B']);
      expect(toResultJson(countSchulze(equal, 1, 'seed-7'))).to.deep.equal(toResultJson(countSchulze(equal, 1, 'seed-7')));
    });

    it('draws the same lot whatever the order of the options', () => {
      const forward = buildBallots(equal, ['A', 'B', 'C']);
      const backward = buildBallots(equal, ['C', 'B', 'A']);
      const a = countQuestion({ method: 'schulze', options: forward.options, ballots: forward.ballots, seed: 's' });
      const b = countQuestion({ method: 'schulze', options: backward.options, ballots: backward.ballots, seed: 's' });
      expect(toResultJson(b).winners).to.deep.equal(toResultJson(a).winners);
      expect(toResultJson(b).ties).to.deep.equal(toResultJson(a).ties);
    });

    it('shows the tie in the text report and the CSV table', () => {
      const result = countSchulze(equal, 1, 'equal-seed');
      const text = formatResultText(result);
      expect(text).to.match(/ {2}1\. [AB]\n {2}1\. [AB]\n {2}3\. C\n/);
      expect(text).to.include(`round 1, retention: A, B -> ${toResultJson(result).winners[0]} (by lot)`);
      const rows = formatResultCsv(result).trim().split('\n').map((line) => line.split(','));
      expect(rows.slice(1).map((r) => [r[0], r[1]]).sort()).to.deep.equal([['A', '1'], ['B', '1'], ['C', '3']]);
    });

    it('ties two options that the ballots leave level, and separates nobody else', () => {
      // A and B: 3 against 3, with C below both.
      const json = toResultJson(countSchulze(`
        3: A > B > C
        3: B > A > C
      `, 1, 'x'));
      expect(json.places).to.deep.equal({ ...{ A: 1, B: 1 }, C: 3 });
      expect(json.ties).to.have.length(1);
      expect(json.ties[0]!.between).to.deep.equal(['A', 'B']);
    });

    it('draws no lot for a tie that does not reach the seat boundary', () => {
      // A first; B and C level below it; two seats leave one of B, C out, one seat none.
      const text = `
        4: A > B > C
        4: A > C > B
      `;
      const one = toResultJson(countSchulze(text, 1));
      expect(one.winners).to.deep.equal(['A']);
      expect(one.places).to.deep.equal({ A: 1, ...{ B: 2, C: 2 } });
      expect(one.ties).to.deep.equal([]);
      const two = toResultJson(countSchulze(text, 2, 'two'));
      expect(two.winners[0]).to.equal('A');
      expect(two.ties).to.deep.equal([{ round: 1, kind: 'retention', between: ['B', 'C'], chosen: two.winners[1], resolvedBy: 'lot' }]);
      expect(toResultJson(countSchulze(text, 3)).ties).to.deep.equal([]);
    });

    it('ties options no ballot ranks, below the ranked ones, and retains none of them', () => {
      const { options, ballots } = buildBallots('2: A', ['A', 'B', 'C']);
      const json = toResultJson(countQuestion({ method: 'schulze', options, ballots, seats: 2, seed: 'u' }));
      expect(json.places).to.deep.equal({ A: 1, ...{ B: 2, C: 2 } });
      expect(json.winners).to.deep.equal(['A']);
      expect(json.reason).to.equal('seats-cover-options');
      expect(json.ties).to.deep.equal([]);
    });

    it('places an option after a whole group when one option of the group beats it', () => {
      // Paths: A–B level, A–C level, B beats C: C is not beaten by A, yet follows the winners.
      const json = toResultJson(countSchulze(equal, 3));
      expect(json.winners.at(-1)).to.equal('C');
      expect(json.ties).to.deep.equal([]);
    });

    it('keeps a symmetric cycle of four in one group', () => {
      const json = toResultJson(countSchulze(`
        1: A > B > C > D
        1: B > C > D > A
        1: C > D > A > B
        1: D > A > B > C
      `, 2, 'four'));
      expect(Object.values(json.places!)).to.deep.equal([1, 1, 1, 1]);
      expect(json.ties).to.have.length(1);
      expect(json.ties[0]!.between).to.deep.equal(['A', 'B', 'C', 'D']);
      expect(json.winners).to.have.length(2);
    });
  });

  it('agrees with a plain Floyd–Warshall reading of the definition on thousands of small elections with many ties', () => {
    // Few options, few ballots and small counts, so that equal strengths are common.
    const election = fc.integer({ min: 2, max: 5 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        seats: fc.integer({ min: 1, max: n }),
        ballots: fc.array(
          fc.record({ ranking: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: 0, maxLength: n }), count: fc.integer({ min: 1, max: 2 }) }),
          { minLength: 1, maxLength: 7 },
        ),
      }));
    let tied = 0;
    fc.assert(
      fc.property(election, ({ n, seats, ballots }) => {
        const options = Array.from({ length: n }, (_, i) => `O${i}`);
        const result = countQuestion({ method: 'schulze', options, ballots, seats, seed: 'property' }) as SchulzeResult;
        const { d, p, groups } = referenceSchulze(n, ballots);
        expect(result.pairwise).to.deep.equal(d);
        expect(result.paths).to.deep.equal(p);
        if (result.valid === 0) {
          expect(result.winners).to.deep.equal([]);
          return;
        }
        // The relation is transitive, and the ranking never puts an option after one it beats.
        const beats = (x: number, y: number) => p[x]![y]! > p[y]![x]!;
        for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) for (let z = 0; z < n; z++) {
          if (beats(x, y) && beats(y, z)) expect(beats(x, z)).to.equal(true);
        }
        for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) if (beats(x, y)) expect(result.places[x]).to.be.lessThan(result.places[y]!);
        // Places: each group shares the place after the options of the groups before it.
        let before = 0;
        let boundary: number[] | null = null;
        const surely: number[] = [];
        for (const group of groups) {
          for (const o of group) expect(result.places[o], options[o]).to.equal(before + 1);
          if (before + group.length <= seats) surely.push(...group);
          else if (before < seats) boundary = group;
          before += group.length;
        }
        const ranked = new Set(ballots.flatMap((b) => b.ranking));
        if (seats >= ranked.size) {
          // Every option some ballot ranks is retained, and only those: the count chooses nothing.
          expect(result.reason).to.equal('seats-cover-options');
          expect([...result.winners].sort()).to.deep.equal([...ranked].sort());
          expect(result.ties).to.deep.equal([]);
          return;
        }
        expect(result.reason).to.equal(null);
        expect(result.winners).to.have.length(seats);
        expect(result.winners).to.include.members(surely);
        if (boundary === null) {
          expect(result.ties).to.deep.equal([]);
        } else {
          tied++;
          expect(result.winners.filter((o) => !surely.includes(o)).every((o) => boundary.includes(o))).to.equal(true);
          expect(result.ties).to.have.length(1);
          expect([...result.ties[0]!.between].sort()).to.deep.equal([...boundary].sort());
          expect(result.ties[0]!.resolvedBy).to.equal('lot');
          expect(result.winners).to.include(result.ties[0]!.chosen);
        }
        expect(result.winners.slice(0, groups[0]!.length <= seats ? groups[0]!.length : seats).every((o) => groups[0]!.includes(o))).to.equal(true);
      }),
      { numRuns: 3000, seed: 20261130 },
    );
    // The generator is meant to make ties at the seat boundary common.
    expect(tied).to.be.greaterThan(150);
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
