import { expect } from 'chai';
import { createRankingValidator, describeRankingProblem, validateRanking } from '../../server/tally/index.js';

const rules = { options: ['A', 'B', 'C', 'D'], maxRanks: 3 };

describe('tally/ballots validateRanking', () => {
  it('accepts a strict partial ranking and returns option indices', () => {
    expect(validateRanking(['C', 'A'], rules)).to.deep.equal({ ok: true, ranking: [2, 0] });
  });

  it('accepts empty ranks at the end and an empty ranking (a blank ballot)', () => {
    expect(validateRanking(['B', '', null, undefined], rules)).to.deep.equal({ ok: true, ranking: [1] });
    expect(validateRanking([], rules)).to.deep.equal({ ok: true, ranking: [] });
  });

  it('rejects an unknown option, a repeat, a gap and too many ranks, each with its code and rank', () => {
    expect(validateRanking(['A', 'Z'], rules)).to.deep.equal({ ok: false, problems: [{ code: 'unknown-option', rank: 2, option: 'Z' }] });
    expect(validateRanking(['A', 'B', 'A'], rules)).to.deep.equal({ ok: false, problems: [{ code: 'repeat', rank: 3, option: 'A' }] });
    expect(validateRanking(['A', '', 'B'], rules)).to.deep.equal({ ok: false, problems: [{ code: 'gap', rank: 2 }] });
    expect(validateRanking(['A', 'B', 'C', 'D'], rules)).to.deep.equal({ ok: false, problems: [{ code: 'too-many-ranks', rank: 4 }] });
  });

  it('lists every problem of a ranking', () => {
    const check = createRankingValidator({ options: ['A', 'B'] })(['A', null, 'A', 'X']);
    expect(check.ok).to.equal(false);
    const codes = check.ok ? [] : check.problems.map((p) => p.code);
    expect(codes).to.deep.equal(['gap', 'repeat', 'unknown-option', 'too-many-ranks']);
  });

  it('describes each problem in a sentence', () => {
    expect(describeRankingProblem({ code: 'repeat', rank: 3, option: 'A' })).to.equal('rank 3: "A" is ranked more than once');
    expect(describeRankingProblem({ code: 'gap', rank: 2 })).to.contain('gap');
  });
});
