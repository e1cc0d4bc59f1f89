import { expect } from 'chai';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor } from '../../server/domain/deps.js';
import { surveyResults } from '../../server/domain/results.js';
import { closeSurvey, openSurvey, publishSurvey, reopenSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { createTestMemberState, createTestUser } from '../helpers/accounts.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { actorOf, createTestSurvey } from '../helpers/surveys.js';

describe('domain/results: counts of closed surveys kept in the process', () => {
  let ctx: TestContext;
  let admin: Actor;
  let delegates: Record<string, Actor>;
  let survey: Survey;

  const theme = () => survey.questions[0]!;
  const topics = () => survey.questions[1]!;
  /** A ballot ranking the theme option at `first` first, and the first topic. */
  const ballot = (first: number) => ({
    answers: [
      { question: theme().id, ranking: [theme().options[first]!.id, theme().options[1 - first]!.id] },
      { question: topics().id, ranking: [topics().options[0]!.id] },
    ],
  });
  const firstPreferences = async () => {
    const results = await surveyResults(ctx.deps, admin, survey.id);
    const plurality = results.questions[0]!.others.find((o) => o.method === 'plurality');
    if (!plurality || plurality.method !== 'plurality') throw new Error('no plurality count');
    return { results, scores: [...plurality.scores], answered: results.answered };
  };
  /** Rewrites a stored ballot behind the app's back: only a count read afresh can see it. */
  const rewriteStoredBallot = async (iso3: string, first: number) => {
    const row = await ctx.db('ballot_revisions as r').join('ballots as b', 'b.id', 'r.ballot_id').join('member_states as m', 'm.id', 'b.member_state_id')
      .where({ 'm.iso3': iso3, 'b.survey_id': survey.id }).whereRaw('r.revision = b.current_revision').first('r.id');
    const answers = {
      [theme().id]: { ranking: [theme().options[first]!.id, theme().options[1 - first]!.id] },
      [topics().id]: { ranking: [topics().options[0]!.id] },
    };
    await ctx.db('ballot_revisions').where({ id: row.id }).update({ answers: JSON.stringify(answers) });
  };

  beforeEach(async () => {
    ctx = await createTestContext();
    delegates = {};
    for (const iso3 of ['DEU', 'ESP', 'FRA']) {
      const { id } = await createTestMemberState(ctx.deps, iso3);
      delegates[iso3] = actorOf(await createTestUser(ctx.deps, 'delegate', { memberState: iso3 }), id);
    }
    admin = actorOf(await createTestUser(ctx.deps, 'admin'));
    survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin)).id);
    await submitBallot(ctx.deps, delegates.DEU!, survey.id, ballot(0), { channel: 'web' });
    await submitBallot(ctx.deps, delegates.ESP!, survey.id, ballot(1), { channel: 'web' });
  });
  afterEach(() => ctx.close());

  it('surveyResults of a closed survey, asked twice: the second answer is the kept count, not a new reading of the ballots', async () => {
    ctx.clock.advance(60_000);
    await closeSurvey(ctx.deps, admin, survey.id);
    const first = await firstPreferences();

    await rewriteStoredBallot('ESP', 0);
    const second = await firstPreferences();

    expect(second.scores).to.deep.equal([1, 1]);
    expect(second.results.questions[0]).to.equal(first.results.questions[0]);
    expect(second.results.stamp).to.equal('final');
  });

  it('surveyResults of an open survey: counted afresh at every request', async () => {
    const first = await firstPreferences();

    await rewriteStoredBallot('ESP', 0);
    const second = await firstPreferences();

    expect(first.scores).to.deep.equal([1, 1]);
    expect(second.scores).to.deep.equal([2, 0]);
    expect(second.results.questions[0]).not.to.equal(first.results.questions[0]);
  });

  it('surveyResults after a closed survey is reopened, given a ballot and closed again: a fresh count with the new ballot', async () => {
    ctx.clock.advance(60_000);
    await closeSurvey(ctx.deps, admin, survey.id);
    expect((await firstPreferences()).scores).to.deep.equal([1, 1]);

    ctx.clock.advance(60_000);
    await reopenSurvey(ctx.deps, admin, survey.id);
    const reopened = await firstPreferences();
    await submitBallot(ctx.deps, delegates.FRA!, survey.id, ballot(1), { channel: 'web' });
    const withBallot = await firstPreferences();
    ctx.clock.advance(60_000);
    await closeSurvey(ctx.deps, admin, survey.id);
    const closedAgain = await firstPreferences();

    expect(reopened.results.stamp).to.equal('provisional');
    expect(withBallot.scores).to.deep.equal([1, 2]);
    expect(withBallot.answered).to.equal(3);
    expect(closedAgain.scores).to.deep.equal([1, 2]);
    expect(closedAgain.answered).to.equal(3);
    expect(closedAgain.results.stamp).to.equal('final');
  });

  it('surveyResults of a closed survey whose ballot is revised regardless (written straight to the tables): the change is counted', async () => {
    ctx.clock.advance(60_000);
    await closeSurvey(ctx.deps, admin, survey.id);
    expect((await firstPreferences()).scores).to.deep.equal([1, 1]);

    const stored = await ctx.db('ballots as b').join('member_states as m', 'm.id', 'b.member_state_id').where({ 'm.iso3': 'ESP', 'b.survey_id': survey.id }).first('b.id');
    const current = await ctx.db('ballot_revisions').where({ ballot_id: stored.id, revision: 1 }).first();
    await ctx.db('ballot_revisions').insert({
      ...current, id: undefined, revision: 2, receipt: 'ZZZZ-ZZZZ-ZZZ2',
      answers: JSON.stringify({ [theme().id]: { ranking: [theme().options[0]!.id] }, [topics().id]: { abstain: true } }),
    });
    await ctx.db('ballots').where({ id: stored.id }).update({ current_revision: 2, updated_at: ctx.clock.now().toISOString() });
    const after = await firstPreferences();

    expect(after.scores).to.deep.equal([2, 0]);
    expect(after.results.questions[1]!.abstentions).to.equal(1);
  });

  it('surveyResults once published: the stamp says official and the count is the closed one, kept', async () => {
    ctx.clock.advance(60_000);
    await closeSurvey(ctx.deps, admin, survey.id);
    await publishSurvey(ctx.deps, admin, survey.id);
    const first = await firstPreferences();

    await rewriteStoredBallot('ESP', 0);
    const second = await firstPreferences();

    expect(first.results.stamp).to.equal('official');
    expect(second.scores).to.deep.equal([1, 1]);
    expect(second.results.questions[0]).to.equal(first.results.questions[0]);
  });

  it('surveyResults of two databases with the same survey id and times: each its own count', async () => {
    ctx.clock.advance(60_000);
    await closeSurvey(ctx.deps, admin, survey.id);
    const other = await createTestContext();
    try {
      const { id } = await createTestMemberState(other.deps, 'DEU');
      const delegate = actorOf(await createTestUser(other.deps, 'delegate', { memberState: 'DEU' }), id);
      const otherAdmin = actorOf(await createTestUser(other.deps, 'admin'));
      const otherSurvey = await openSurvey(other.deps, otherAdmin, (await createTestSurvey(other.deps, otherAdmin)).id);
      await submitBallot(other.deps, delegate, otherSurvey.id, ballot(1), { channel: 'web' });
      other.clock.advance(60_000);
      await closeSurvey(other.deps, otherAdmin, otherSurvey.id);
      expect(otherSurvey.id).to.equal(survey.id);

      const mine = await firstPreferences();
      const theirs = await surveyResults(other.deps, otherAdmin, otherSurvey.id);

      expect(mine.answered).to.equal(2);
      expect(theirs.answered).to.equal(1);
    } finally {
      await other.close();
    }
  });
});
