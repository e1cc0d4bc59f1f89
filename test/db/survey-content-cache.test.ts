import { expect } from 'chai';
import { changeContent } from '../../server/data/content-version.js';
import { Database } from '../../server/data/database.js';
import { findSurvey, updateOption } from '../../server/data/surveys.js';
import { editMemberState } from '../../server/domain/member-states.js';
import type { Actor } from '../../server/domain/deps.js';
import { createTestMemberState } from '../helpers/accounts.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';
import { createTestSurvey } from '../helpers/surveys.js';

describe('a survey\'s questions and options kept in memory', () => {
  let ctx: TestContext;
  let admin: Actor;
  let surveyId: number;
  useSignedIn({}, async (s) => {
    ({ ctx } = s);
    admin = s.admin.actor;
    surveyId = (await createTestSurvey(ctx.deps, admin)).id;
  });

  const queriesOf = async <T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> => {
    let queries = 0;
    const count = () => { queries += 1; };
    const stop = ctx.database.watchQueries(count);
    try {
      return { result: await work(), queries };
    } finally {
      stop();
    }
  };

  it('reads only the survey\'s row while its questions and options have not changed', async () => {
    const first = await queriesOf(() => findSurvey(ctx.database, surveyId));
    const again = await queriesOf(() => findSurvey(ctx.database, surveyId));
    expect(again.result).to.deep.equal(first.result);
    expect(again.queries).to.equal(1);
    expect(first.queries).to.be.greaterThan(1);
    expect(() => (again.result!.questions as unknown[]).push(null)).to.throw(TypeError);
  });

  it('sees an option changed through the data layer, and a rolled-back change nowhere', async () => {
    const before = (await findSurvey(ctx.database, surveyId))!;
    const option = before.questions[1]!.options[0]!;
    await ctx.database.transaction(async (tx) => {
      await updateOption(tx, option.id, { title_en: 'Renamed in a transaction' });
      expect((await findSurvey(tx, surveyId))!.questions[1]!.options[0]!.title.en).to.equal('Renamed in a transaction');
      throw new Error('undone');
    }).catch(() => undefined);
    expect((await findSurvey(ctx.database, surveyId))!.questions[1]!.options[0]!.title.en).to.equal(option.title.en);
    await ctx.database.transaction((tx) => updateOption(tx, option.id, { title_en: 'Renamed' }));
    expect((await findSurvey(ctx.database, surveyId))!.questions[1]!.options[0]!.title.en).to.equal('Renamed');
  });

  it('shows a proposing Member State\'s new code', async () => {
    const ms = await createTestMemberState(ctx.deps, 'ABC');
    const option = (await findSurvey(ctx.database, surveyId))!.questions[1]!.options[0]!;
    await ctx.database.transaction((tx) => updateOption(tx, option.id, { proposed_by: ms.id }));
    expect((await findSurvey(ctx.database, surveyId))!.questions[1]!.options[0]!.proposedBy).to.equal('ABC');
    await editMemberState(ctx.deps, admin, ms.id, { iso3: 'ABD', names: ms.names, status: 'member' });
    expect((await findSurvey(ctx.database, surveyId))!.questions[1]!.options[0]!.proposedBy).to.equal('ABD');
  });

  it('sees a change another process made to the same database', async () => {
    await findSurvey(ctx.database, surveyId);
    const other = await Database.open(ctx.config.database, ctx.db.client.config.searchPath ? { searchPath: String(ctx.db.client.config.searchPath) } : {});
    try {
      const question = (await other.readers('questions').where({ survey_id: surveyId }).orderBy('position').first('id'))!;
      await other.transaction((tx) => changeContent(tx, (db) => db('questions').where({ id: question.id }).update({ title_en: 'Changed elsewhere' })));
    } finally {
      await other.close();
    }
    expect((await findSurvey(ctx.database, surveyId))!.questions[0]!.title.en).to.equal('Changed elsewhere');
  });
});
