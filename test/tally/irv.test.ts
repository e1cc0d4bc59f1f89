import { expect } from 'chai';
import { countQuestion, toResultJson } from '../../server/tally/index.js';
import type { IrvResult } from '../../server/tally/index.js';
import { buildBallots } from './build-ballots.js';

const countIrv = (text: string, seats = 1, seed?: string): IrvResult => {
  const { options, ballots } = buildBallots(text);
  return countQuestion({ method: 'irv', options, ballots, seats, seed }) as IrvResult;
};

describe('tally/irv', () => {
  it('reports every round with transfers, and misses the Condorcet winner B', () => {
    const json = toResultJson(countIrv(`
      40: A > B > C
      25: B > C
      20: C > B
      10: D > C
       5: -
    `));
    expect(json.valid).to.equal(95);
    expect(json.blank).to.equal(5);
    expect(json.winners).to.deep.equal(['C']);
    expect(json.rounds).to.deep.equal([
      { round: 1, seat: 1, votes: { A: 40, B: 25, C: 20, D: 10 }, continuing: 95, exhausted: 0, elected: [], excluded: ['D'], transfers: { to: { C: 10 }, exhausted: 0 } },
      { round: 2, seat: 1, votes: { A: 40, B: 25, C: 30 }, continuing: 95, exhausted: 0, elected: [], excluded: ['B'], transfers: { to: { C: 25 }, exhausted: 0 } },
      { round: 3, seat: 1, votes: { A: 40, C: 55 }, continuing: 95, exhausted: 0, elected: ['C'], excluded: [], transfers: null },
    ]);
  });

  it('counts exhausted ballots and needs a majority of the continuing ballots only', () => {
    const result = countIrv(`
      8: A
      6: B
      5: C > B
      4: D
    `);
    // Round 1: D excluded, 4 exhausted. Round 2: A 8, B 6, C 5 of 19: C excluded → B 11 of 19.
    const json = toResultJson(result);
    expect(json.rounds!.map((r) => [r.exhausted, (r as { continuing: number }).continuing])).to.deep.equal([
      [0, 23],
      [4, 19],
      [4, 19],
    ]);
    expect(json.winners).to.deep.equal(['B']);
    for (const round of result.rounds) {
      expect(round.votes.reduce((a, b) => a + b, 0) + round.exhausted).to.equal(23);
    }
  });

  it('wins in the first round with more than half of the ballots', () => {
    const json = toResultJson(countIrv('6: A > B\n5: B > A'));
    expect(json.rounds).to.have.length(1);
    expect(json.winners).to.deep.equal(['A']);
  });

  it('breaks an exclusion tie by the most recent earlier round where the tied options differed', () => {
    // Round 1: D (1) out → C 7. Round 2: E (2) out, exhausted. Round 3: B 7 = C 7; equal at
    // round 2 too, but at round 1 C had 6 < 7: C is excluded. Round 4: A 9 of 16 wins.
    const json = toResultJson(countIrv(`
      9: A
      7: B
      6: C
      1: D > C
      2: E
    `));
    expect(json.ties).to.deep.equal([
      { round: 3, kind: 'exclusion', between: ['B', 'C'], chosen: 'C', resolvedBy: 'previous-round' },
    ]);
    expect(json.lotDrawn).to.equal(false);
    expect(json.rounds!.map((r) => r.excluded[0] ?? r.elected[0])).to.deep.equal(['D', 'E', 'C', 'A']);
  });

  it('breaks a tie with no difference in earlier rounds by a lot that replays with the same seed', () => {
    const tie = '3: A\n3: B';
    const first = toResultJson(countIrv(tie, 1, 'alpha'));
    expect(first.ties).to.deep.equal([
      { round: 1, kind: 'exclusion', between: ['A', 'B'], chosen: first.ties[0]!.chosen, resolvedBy: 'lot' },
    ]);
    expect(first.winners).to.have.length(1);
    expect(first.winners[0]).to.not.equal(first.ties[0]!.chosen);
    expect(toResultJson(countIrv(tie, 1, 'alpha'))).to.deep.equal(first);
    const winners = new Set(['s1', 's2', 's3', 's4', 's5', 's6'].map((seed) => toResultJson(countIrv(tie, 1, seed)).winners[0]));
    expect(winners).to.deep.equal(new Set(['A', 'B']));
  });

  it('fills several seats by sequential IRV, setting aside the options already retained', () => {
    const result = countIrv(`
      5: A > B
      4: B > A
      3: C > B
    `, 2);
    // Seat 1: A 5, B 4, C 3 → C out → B 7 of 12 wins. Seat 2 without B: A 9, C 3 → A.
    const json = toResultJson(result);
    expect(json.winners).to.deep.equal(['B', 'A']);
    expect(json.rounds!.map((r) => [(r as { seat: number }).seat, Object.keys(r.votes)])).to.deep.equal([
      [1, ['A', 'B', 'C']],
      [1, ['A', 'B']],
      [2, ['A', 'C']],
    ]);
  });
});
