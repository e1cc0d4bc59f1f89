import { expect } from 'chai';
import { countQuestion, toResultJson } from '../../server/tally/index.js';
import type { Method } from '../../server/tally/index.js';
import { buildBallots } from './build-ballots.js';

const count = (method: Method, text: string, seats = 1, seed?: string, options: string[] = []) => {
  const built = buildBallots(text, options);
  return toResultJson(countQuestion({ method, options: built.options, ballots: built.ballots, seats, seed }));
};

describe('tally/plurality', () => {
  it('retains the options with the most first preferences, partial and blank ballots included', () => {
    const json = count('plurality', `
      5: A > B
      4: B
      3: C > A > B
      2: -
    `, 2);
    expect(json.scores).to.deep.equal({ A: 5, B: 4, C: 3 });
    expect(json.winners).to.deep.equal(['A', 'B']);
    expect(json.valid).to.equal(12);
    expect(json.blank).to.equal(2);
  });

  it('breaks a tie across the seat boundary by lot and leaves other ties unbroken', () => {
    const text = '3: A\n3: B\n1: C\n1: D';
    const json = count('plurality', text, 1, 'lot-seed');
    expect(json.ties).to.deep.equal([{ round: 1, kind: 'retention', between: ['A', 'B'], chosen: json.winners[0], resolvedBy: 'lot' }]);
    expect(json.places).to.deep.include({ C: 3, D: 3 });
    expect(json.seed).to.equal('lot-seed');
    expect(count('plurality', text, 2).ties).to.deep.equal([]);
  });

  it('retains nobody when there is no valid ballot', () => {
    expect(count('plurality', '3: -', 1, undefined, ['A', 'B']).winners).to.deep.equal([]);
  });
});

describe('tally/borda', () => {
  it('scores n − r for the r-th rank and 0 for unranked options', () => {
    // n = 4: ranks score 3, 2, 1, 0.
    const json = count('borda', `
      2: A > B > C > D
      3: B > C
      1: D
    `);
    expect(json.scores).to.deep.equal({ B: 13, A: 6, C: 8, D: 3 });
    expect(json.ranking).to.deep.equal(['B', 'C', 'A', 'D']);
    expect(json.winners).to.deep.equal(['B']);
  });

  it('counts options nobody ranked in n', () => {
    const json = count('borda', '1: A > B', 1, undefined, ['A', 'B', 'C']);
    expect(json.scores).to.deep.equal({ A: 2, B: 1, C: 0 });
  });

  it('breaks a tie at the last seat by lot', () => {
    const json = count('borda', '1: A > B\n1: B > A', 1, 'x');
    expect(json.ties).to.have.length(1);
    expect(json.ties[0]).to.include({ kind: 'retention', resolvedBy: 'lot' });
    expect(json.lotDrawn).to.equal(true);
  });
});
