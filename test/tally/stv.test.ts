import { expect } from 'chai';
import { countQuestion, toResultJson } from '../../server/tally/index.js';
import type { StvResult, StvStageJson } from '../../server/tally/index.js';
import { buildBallots } from './build-ballots.js';

const countStv = (text: string, seats: number, seed?: string): StvResult => {
  const { options, ballots } = buildBallots(text);
  return countQuestion({ method: 'stv', options, ballots, seats, seed }) as StvResult;
};

describe('tally/stv', () => {
  // Hand-computed: quota floor(110 / 4) + 1 = 28. A's surplus 32 of 60 goes at 0.53333 a paper;
  // B's surplus 29.99980 of 57.99980 goes at 0.51723 (papers at 1) and 0.27585 (papers at 0.53333).
  const severalStages = `
    60: A > B > C
    26: B > A
    10: C > D
     9: D > C
     5: E
  `;

  it('counts surpluses over several stages with five-decimal truncated transfer values', () => {
    const result = countStv(severalStages, 3);
    const json = toResultJson(result);
    expect(json.quota).to.equal(28);
    expect(json.winners).to.deep.equal(['A', 'B', 'C']);
    expect(json.rounds).to.deep.equal([
      {
        round: 1, action: 'first-count', option: null,
        votes: { A: '60.00000', B: '26.00000', C: '10.00000', D: '9.00000', E: '5.00000' },
        transfers: null, elected: ['A'], excluded: [], exhausted: '0.00000', lost: '0.00000',
      },
      {
        round: 2, action: 'surplus', option: 'A', surplus: '32.00000',
        votes: { A: '28.00000', B: '57.99980', C: '10.00000', D: '9.00000', E: '5.00000' },
        transfers: { to: { B: '31.99980' }, exhausted: '0.00000', lost: '0.00020' },
        elected: ['B'], excluded: [], exhausted: '0.00000', lost: '0.00020',
      },
      {
        round: 3, action: 'surplus', option: 'B', surplus: '29.99980',
        votes: { A: '28.00000', B: '28.00000', C: '26.55100', D: '9.00000', E: '5.00000' },
        transfers: { to: { C: '16.55100' }, exhausted: '13.44798', lost: '0.00082' },
        elected: [], excluded: [], exhausted: '13.44798', lost: '0.00102',
      },
      {
        round: 4, action: 'exclusion', option: 'E',
        votes: { A: '28.00000', B: '28.00000', C: '26.55100', D: '9.00000' },
        transfers: { to: {}, exhausted: '5.00000', lost: '0.00000' },
        elected: [], excluded: ['E'], exhausted: '18.44798', lost: '0.00102',
      },
      {
        round: 5, action: 'exclusion', option: 'D',
        votes: { A: '28.00000', B: '28.00000', C: '35.55100' },
        transfers: { to: { C: '9.00000' }, exhausted: '0.00000', lost: '0.00000' },
        elected: ['C'], excluded: ['D'], exhausted: '18.44798', lost: '0.00102',
      },
    ]);
  });

  it('conserves the total at every stage: votes + exhausted + lost = valid ballots', () => {
    const result = countStv(severalStages, 3);
    for (const stage of result.rounds) {
      const sum = stage.votes.reduce((a, b) => a + b, 0) + stage.exhausted + stage.lost;
      expect(sum).to.equal(110 * 100_000);
    }
  });

  it('elects the continuing options at once when they are as many as the seats left', () => {
    const result = countStv(`
      10: A > B
       4: B
       3: C
    `, 2);
    // Quota 6: A elected, surplus 4 to B (8 > 6); B elected at stage 2.
    expect(toResultJson(result).winners).to.deep.equal(['A', 'B']);
    const twoLeft = countStv(`
      5: A
      4: B
      3: C
    `, 2);
    // Quota 5: A elected at the first count, no surplus; B and C compete for one seat: C excluded.
    expect(toResultJson(twoLeft).winners).to.deep.equal(['A', 'B']);
    expect(twoLeft.rounds.at(-1)!.excluded).to.deep.equal([2]);
  });

  it('excludes the option with the fewest votes, fractional transfers included', () => {
    // valid 27, quota 10: A 12 elected; surplus 2 at 2/12 → 4 papers × 0.16666 = 0.66664 to D.
    // D 4.66664 < C 5 < B 6: D excluded (its papers exhaust), then C; B takes the second seat.
    const result = countStv(`
      4: A > D
      8: A
      5: C
      4: D
      6: B
    `, 2);
    const json = toResultJson(result);
    expect(json.rounds![1]!.votes).to.deep.include({ D: '4.66664' });
    expect((json.rounds as StvStageJson[]).slice(2).map((s) => s.option)).to.deep.equal(['D', 'C']);
    expect(json.winners).to.deep.equal(['A', 'B']);
  });

  it('breaks an exclusion tie by the most recent earlier stage where the tied options differed', () => {
    // valid 20, 2 seats, quota 7. Stage 1: A 8 elected, B 4, C 5, D 3. A's surplus 1 goes at
    // 0.12500 to B (8 papers × 0.125 = 1): B 5 = C 5 at stage 2. At stage 1 B had 4 < C 5: B out.
    const result = countStv(`
      8: A > B
      4: B
      5: C
      3: D > C
    `, 2);
    // Stage 3 excludes D (3), its ballots go to C: C 8 elected. No tie was needed there.
    expect(toResultJson(result).winners).to.deep.equal(['A', 'C']);
    expect(result.ties).to.deep.equal([]);
    const tied = countStv(`
      8: A > B
      4: B
      5: C
      3: D
    `, 2);
    // Stage 3 excludes D (exhausted). Stage 4: B 5 and C 5 tie for exclusion; stage 1 had B 4, C 5.
    const json = toResultJson(tied);
    expect(json.ties).to.deep.equal([
      { round: 4, kind: 'exclusion', between: ['B', 'C'], chosen: 'B', resolvedBy: 'previous-round' },
    ]);
    expect(json.winners).to.deep.equal(['A', 'C']);
  });

  it('draws a lot, recorded with its seed, when options were tied at every stage', () => {
    const text = `
      6: A
      3: B
      3: C
    `;
    const first = countStv(text, 2, 'seed-1');
    const json = toResultJson(first);
    expect(json.ties).to.have.length(1);
    expect(json.ties[0]).to.include({ kind: 'exclusion', resolvedBy: 'lot' });
    expect(json.seed).to.equal('seed-1');
    expect(json.lotDrawn).to.equal(true);
    expect(toResultJson(countStv(text, 2, 'seed-1'))).to.deep.equal(json);
  });

  it('retains nobody and reports no stage when there are only blank ballots', () => {
    const result = countStv('4: -', 2);
    expect(result.winners).to.deep.equal([]);
    expect(result.rounds).to.deep.equal([]);
    expect(result.blank).to.equal(4);
  });
});
