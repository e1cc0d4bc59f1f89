import { expect } from 'chai';
import fc from 'fast-check';
import { countQuestion, countQuestionWithTrace, formatFixed5, METHODS, NO_OPTION, ONE, rankingAt, toResultJson } from '../../server/tally/index.js';
import type { CountInput, IrvResult, StvResult, TracedCount } from '../../server/tally/index.js';
import { electionArbitrary } from './arbitraries.js';
import { buildBallots } from './build-ballots.js';

/** Each ranking as "A>B", with its option and weight per step ("-" for none), in the set's order. */
function describeTrace(traced: TracedCount): string[] {
  const { result, ballots, trace } = traced;
  const name = (o: number): string => (o === NO_OPTION ? '-' : result.options[o]!);
  const weight = (w: number): string => (trace.unit === ONE ? formatFixed5(w) : String(w));
  return Array.from({ length: ballots.size }, (_, g) => {
    const ranking = rankingAt(ballots, g).map(name).join('>');
    return `${ballots.counts[g]} ${ranking}: ${trace.steps.map((s) => `${name(s.options[g]!)} ${weight(s.weights[g]!)}`).join(' | ')}`;
  });
}

/** Per step, count × weight summed by option (NO_OPTION as the last entry). */
function sums(traced: TracedCount): number[][] {
  const { ballots, trace } = traced;
  const n = ballots.optionCount;
  return trace.steps.map((s) => {
    const total = new Array<number>(n + 1).fill(0);
    for (let g = 0; g < ballots.size; g++) {
      const o = s.options[g]!;
      const at = o === NO_OPTION ? n : o;
      total[at] = total[at]! + ballots.counts[g]! * s.weights[g]!;
    }
    return total;
  });
}

/** IRV: every round's votes per option and its exhausted ballots are the trace's sums. */
function expectIrvSums(traced: TracedCount): void {
  const result = traced.result as IrvResult;
  const n = result.options.length;
  expect(traced.trace.unit).to.equal(1);
  expect(traced.trace.steps).to.have.length(result.rounds.length);
  sums(traced).forEach((total, i) => {
    const round = result.rounds[i]!;
    expect(total.slice(0, n), `round ${round.round} votes`).to.deep.equal(round.votes);
    expect(total[n], `round ${round.round} exhausted`).to.equal(round.exhausted);
  });
}

/**
 * STV: every stage's votes per option and its exhausted value are the trace's sums, except an
 * option whose surplus has been transferred: it keeps the quota and no ranking counts for it; the
 * rest of the value is what truncation lost.
 */
function expectStvSums(traced: TracedCount): void {
  const result = traced.result as StvResult;
  const n = result.options.length;
  if (result.rounds.length > 0) expect(traced.trace.unit).to.equal(ONE);
  expect(traced.trace.steps).to.have.length(result.rounds.length);
  const transferred = new Set<number>();
  sums(traced).forEach((total, i) => {
    const stage = result.rounds[i]!;
    if (stage.action === 'surplus') transferred.add(stage.option!);
    for (let o = 0; o < n; o++) {
      if (transferred.has(o)) {
        expect(total[o], `stage ${stage.round}: option ${o} after its surplus`).to.equal(0);
        expect(stage.votes[o], `stage ${stage.round}: option ${o} keeps the quota`).to.equal(result.quota * ONE);
      } else {
        expect(total[o], `stage ${stage.round}: option ${o}`).to.equal(stage.votes[o]);
      }
    }
    expect(total[n], `stage ${stage.round} exhausted`).to.equal(stage.exhausted);
    const traced5 = total.reduce((a, b) => a + b, 0);
    expect(traced5 + transferred.size * result.quota * ONE + stage.lost, `stage ${stage.round} total`).to.equal(result.valid * ONE);
  });
}

describe('tally/trace', () => {
  it('follows each IRV ranking round by round, exhausted once its options are out (worked example)', () => {
    // Round 1: A 4, B 3, C 2, D 1: D is excluded, its ballot goes to C. Round 2: A 4, B 3, C 3:
    // B and C tie, C had fewer in round 1 and is excluded; C > B goes to B, D > C is exhausted.
    // Round 3: A 4, B 5 of 9 continuing: B wins.
    const { options, ballots } = buildBallots('4: A > B\n3: B > C\n2: C > B\n1: D > C');
    const traced = countQuestionWithTrace({ method: 'irv', options, ballots });
    expect(toResultJson(traced.result)).to.deep.equal(toResultJson(countQuestion({ method: 'irv', options, ballots })));
    expect(traced.result.winners).to.deep.equal([1]);
    expect(describeTrace(traced)).to.deep.equal([
      '4 A>B: A 1 | A 1 | A 1',
      '3 B>C: B 1 | B 1 | B 1',
      '2 C>B: C 1 | C 1 | B 1',
      '1 D>C: D 1 | C 1 | - 1',
    ]);
    expectIrvSums(traced);
  });

  it('starts each seat of sequential IRV from the first preferences, the options already retained set aside', () => {
    // Seat 1: A has 6 of 11 and is retained. Seat 2, A set aside: A > B counts for B, A alone is exhausted.
    const { options, ballots } = buildBallots('5: A > B\n3: B\n2: C > A\n1: A');
    const traced = countQuestionWithTrace({ method: 'irv', options, ballots, seats: 2 });
    const rounds = (traced.result as IrvResult).rounds;
    expect(rounds.map((r) => r.seat)).to.deep.equal([1, 2]);
    expect(describeTrace(traced)).to.deep.equal([
      '5 A>B: A 1 | B 1',
      '3 B: B 1 | B 1',
      '2 C>A: C 1 | C 1',
      '1 A: A 1 | - 1',
    ]);
    expectIrvSums(traced);
  });

  it('carries STV papers on at their transfer values, truncated to five decimals (worked example of the STV tests)', () => {
    // Quota 28. A's surplus 32 of 60 moves its papers to B at 0.53333; B's surplus 29.99980 of
    // 57.99980 moves B > A on at 0.51723 (A is elected: exhausted) and A > B > C on to C at 0.27585.
    const { options, ballots } = buildBallots('60: A > B > C\n26: B > A\n10: C > D\n9: D > C\n5: E');
    const traced = countQuestionWithTrace({ method: 'stv', options, ballots, seats: 3 });
    const stages = (traced.result as StvResult).rounds;
    expect(stages.slice(0, 4).map((s) => `${s.action} ${s.option === null ? '' : options[s.option]}`)).to.deep.equal(['first-count ', 'surplus A', 'surplus B', 'exclusion E']);
    expect(describeTrace(traced).map((line) => line.split(' | ').slice(0, 4).join(' | '))).to.deep.equal([
      '60 A>B>C: A 1.00000 | B 0.53333 | C 0.27585 | C 0.27585',
      '26 B>A: B 1.00000 | B 1.00000 | - 0.51723 | - 0.51723',
      '10 C>D: C 1.00000 | C 1.00000 | C 1.00000 | C 1.00000',
      '9 D>C: D 1.00000 | D 1.00000 | D 1.00000 | D 1.00000',
      '5 E: E 1.00000 | E 1.00000 | E 1.00000 | - 1.00000',
    ]);
    expectStvSums(traced);
  });

  it('sets an STV paper aside, with no option and weight 0, when its value truncates to nothing', () => {
    // Quota 100002: A's surplus of one vote over 100003 papers is 0.99997 hundred-thousandths a paper, truncated to 0.
    const { options, ballots } = buildBallots('100003: A > B\n100000: B\n100000: C');
    const traced = countQuestionWithTrace({ method: 'stv', options, ballots, seats: 2 });
    const result = traced.result as StvResult;
    expect(result.quota).to.equal(100002);
    expect(result.rounds[1]).to.include({ action: 'surplus', option: 0, lost: ONE });
    expect(describeTrace(traced)[0]!.split(' | ').slice(0, 2)).to.deep.equal(['100003 A>B: A 1.00000', '- 0.00000']);
    expectStvSums(traced);
  });

  it('holds one step, the first preferences, for the methods without rounds', () => {
    const { options, ballots } = buildBallots('4: A > B\n3: B > C\n2: C > B\n1: D > C');
    for (const method of ['schulze', 'borda', 'plurality'] as const) {
      const traced = countQuestionWithTrace({ method, options, ballots });
      expect(describeTrace(traced), method).to.deep.equal(['4 A>B: A 1', '3 B>C: B 1', '2 C>B: C 1', '1 D>C: D 1']);
      expect(sums(traced)[0]!.slice(0, 4), method).to.deep.equal(traced.result.firstPreferences.votes);
    }
  });

  it('is empty when no ballot ranks an option, and counts the same as without a trace', () => {
    const { options, ballots } = buildBallots('3: -', ['A', 'B']);
    for (const method of METHODS) {
      const traced = countQuestionWithTrace({ method, options, ballots });
      expect(traced.ballots.size, method).to.equal(0);
      expect(toResultJson(traced.result), method).to.deep.equal(toResultJson(countQuestion({ method, options, ballots })));
    }
  });

  it('sums, over random elections, to every IRV round and STV stage, and changes nothing in the count', () => {
    fc.assert(
      fc.property(electionArbitrary(7, 25), fc.integer({ min: 1, max: 3 }), fc.string({ maxLength: 4 }), (election, seats, seed) => {
        const input = (method: 'irv' | 'stv'): CountInput => ({ method, options: election.options, ballots: election.ballots, seats: Math.min(seats, election.options.length), seed });
        const irv = countQuestionWithTrace(input('irv'));
        expectIrvSums(irv);
        expect(toResultJson(irv.result)).to.deep.equal(toResultJson(countQuestion(input('irv'))));
        const stv = countQuestionWithTrace(input('stv'));
        expectStvSums(stv);
        expect(toResultJson(stv.result)).to.deep.equal(toResultJson(countQuestion(input('stv'))));
      }),
      { seed: 20261130, numRuns: 300 },
    );
  });

  it('sums, over random elections, to the first preferences for the methods without rounds', () => {
    fc.assert(
      fc.property(electionArbitrary(6, 20), (election) => {
        for (const method of ['schulze', 'borda', 'plurality'] as const) {
          const traced = countQuestionWithTrace({ method, options: election.options, ballots: election.ballots });
          expect(traced.trace.steps).to.have.length(1);
          expect(sums(traced)[0]!.slice(0, election.options.length)).to.deep.equal(traced.result.firstPreferences.votes);
        }
      }),
      { seed: 20261130, numRuns: 100 },
    );
  });
});
