import { expect } from 'chai';
import { listCurrentRevisions } from '../../server/data/ballots.js';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor } from '../../server/domain/deps.js';
import { countWith, optionNames, surveyResults } from '../../server/domain/results.js';
import { closeSurvey, openSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { createBallotSetBuilder, METHODS } from '../../server/tally/index.js';
import { createTestMemberState, createTestUser } from '../helpers/accounts.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { actorOf, createTestSurvey } from '../helpers/surveys.js';

/** Typed arrays as plain arrays, so that deep equality compares their contents. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)));

describe('domain/results: identical ballots counted once, with their number', () => {
  let ctx: TestContext;
  let admin: Actor;
  let survey: Survey;

  afterEach(() => ctx.close());

  it('gives the same ballot sets, counts and rounds as adding every ballot in turn, in ISO order, comments and revisions aside', async () => {
    ctx = await createTestContext();
    admin = actorOf(await createTestUser(ctx.deps, 'admin'));
    survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin)).id);
    const [theme, topics] = survey.questions as [Survey['questions'][number], Survey['questions'][number]];
    const t = (i: number) => theme.options[i]!.id;
    const p = (i: number) => topics.options[i]!.id;
    // Created out of ISO order, so that the order the rankings first appear in is the ISO codes', not the ids'.
    const plan: [string, unknown[], string?][] = [
      ['ZWE', [{ question: theme.id, ranking: [t(1), t(0)] }, { question: topics.id, ranking: [p(3), p(2)] }]],
      ['BRA', [{ question: theme.id, ranking: [t(0)] }, { question: topics.id, ranking: [p(0), p(1), p(2)] }]],
      ['MEX', [{ question: theme.id, ranking: [t(1), t(0)], comment: 'A comment on the "comment" key.' }, { question: topics.id, ranking: [p(3), p(2)] }], 'General remarks.'],
      ['ARG', [{ question: theme.id, abstain: true, comment: 'We abstain.' }, { question: topics.id, ranking: [p(0), p(1), p(2)] }]],
      ['KEN', [{ question: theme.id, ranking: [t(0)] }, { question: topics.id, abstain: true }]],
      ['CHL', [{ question: theme.id, ranking: [t(1), t(0)] }, { question: topics.id, ranking: [p(3), p(2)], comment: 'Topic 4 first.' }]],
      ['DEU', [{ question: theme.id, ranking: [t(0)] }, { question: topics.id, ranking: [p(1)] }]],
      ['FRA', [{ question: theme.id, abstain: true }, { question: topics.id, ranking: [p(2), p(3), p(0), p(1)] }]],
      ['ESP', [{ question: theme.id, ranking: [t(1), t(0)] }, { question: topics.id, ranking: [p(3), p(2)] }]],
      ['PER', [{ question: theme.id, ranking: [t(0)] }, { question: topics.id, ranking: [p(0), p(1), p(2)] }]],
    ];
    for (const [iso3, answers, comments] of plan) {
      const { id } = await createTestMemberState(ctx.deps, iso3);
      await submitBallot(ctx.deps, admin, survey.id, { answers, comments }, { channel: 'paper', memberStateId: id });
      // A first revision that the second replaces: only current revisions count.
      if (iso3 === 'KEN' || iso3 === 'ESP') {
        await submitBallot(ctx.deps, admin, survey.id, { answers: [{ question: theme.id, ranking: [t(1)] }, { question: topics.id, ranking: [p(1)] }] }, { channel: 'paper', memberStateId: id });
        await submitBallot(ctx.deps, admin, survey.id, { answers, comments }, { channel: 'paper', memberStateId: id });
      }
    }
    ctx.clock.advance(60_000);
    await closeSurvey(ctx.deps, admin, survey.id);

    const results = await surveyResults(ctx.deps, admin, survey.id);

    const current = await listCurrentRevisions(ctx.database, survey.id);
    expect(current.map((r) => r.memberStateIso3)).to.deep.equal([...plan.map(([iso3]) => iso3)].sort());
    expect(results.answered).to.equal(plan.length);
    for (const [k, q] of survey.questions.entries()) {
      const indexOf = new Map(q.options.map((o, i) => [o.id, i]));
      const builder = createBallotSetBuilder(q.options.length);
      let answered = 0;
      let abstentions = 0;
      for (const r of current) {
        const a = r.answers[q.id];
        if (!a) continue;
        answered += 1;
        if (a.abstain) abstentions += 1;
        else {
          const ranking = (a.ranking ?? []).map((id) => indexOf.get(id)!);
          builder.add(ranking, ranking.length, 1);
        }
      }
      const set = builder.finish();
      const names = optionNames(q);
      const got = results.questions[k]!;
      expect(got.answered, q.title.en).to.equal(answered);
      expect(got.abstentions, q.title.en).to.equal(abstentions);
      expect(plain(got.ballots), q.title.en).to.deep.equal(plain(set));
      expect(plain(got.official), q.title.en).to.deep.equal(plain(countWith(q, names, set, q.method, results.seed)));
      expect(plain(got.others), q.title.en).to.deep.equal(plain(METHODS.filter((m) => m !== q.method).map((m) => countWith(q, names, set, m, results.seed))));
    }
    // Ten ballots on the theme: two abstentions and two rankings given four times each, comments aside.
    expect(results.questions[0]!.ballots.size).to.equal(2);
    expect([...results.questions[0]!.ballots.counts]).to.deep.equal([4, 4]);
  });
});
