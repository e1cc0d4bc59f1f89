import { expect } from 'chai';
import { openDatabase } from '../../server/data/connection.js';
import { bumpContentVersion, findSurvey, updateOption } from '../../server/data/surveys.js';
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
    ctx.db.on('query', count);
    try {
      return { result: await work(), queries };
    } finally {
      ctx.db.off('query', count);
    }
  };

  it('reads only the survey\'s row while its questions and options have not changed', async () => {
    const first = await queriesOf(() => findSurvey(ctx.db, surveyId));
    const again = await queriesOf(() => findSurvey(ctx.db, surveyId));
    expect(again.result).to.deep.equal(first.result);
    expect(again.queries).to.equal(1);
    expect(first.queries).to.be.greaterThan(1);
    expect(() => (again.result!.questions as unknown[]).push(null)).to.throw(TypeError);
  });

  it('sees an option changed through the data layer, and a rolled-back change nowhere', async () => {
    const before = (await findSurvey(ctx.db, surveyId))!;
    const option = before.questions[1]!.options[0]!;
    await ctx.db.transaction(async (trx) => {
      await updateOption(trx, option.id, { title_en: 'Renamed in a transaction' });
      expect((await findSurvey(trx, surveyId))!.questions[1]!.options[0]!.title.en).to.equal('Renamed in a transaction');
      throw new Error('undone');
    }).catch(() => undefined);
    expect((await findSurvey(ctx.db, surveyId))!.questions[1]!.options[0]!.title.en).to.equal(option.title.en);
    await ctx.db.transaction((trx) => updateOption(trx, option.id, { title_en: 'Renamed' }));
    expect((await findSurvey(ctx.db, surveyId))!.questions[1]!.options[0]!.title.en).to.equal('Renamed');
  });

  it('shows a proposing Member State\'s new code', async () => {
    const ms = await createTestMemberState(ctx.deps, 'ABC');
    const option = (await findSurvey(ctx.db, surveyId))!.questions[1]!.options[0]!;
    await updateOption(ctx.db, option.id, { proposed_by: ms.id });
    expect((await findSurvey(ctx.db, surveyId))!.questions[1]!.options[0]!.proposedBy).to.equal('ABC');
    await editMemberState(ctx.deps, admin, ms.id, { iso3: 'ABD', names: ms.names, status: 'member' });
    expect((await findSurvey(ctx.db, surveyId))!.questions[1]!.options[0]!.proposedBy).to.equal('ABD');
  });

  it('sees a change another process made to the same database', async () => {
    await findSurvey(ctx.db, surveyId);
    const other = openDatabase(ctx.config.database, ctx.db.client.config.searchPath ? { searchPath: String(ctx.db.client.config.searchPath) } : {});
    try {
      const question = (await other('questions').where({ survey_id: surveyId }).orderBy('position').first('id'))!;
      await other.transaction(async (trx) => {
        await trx('questions').where({ id: question.id }).update({ title_en: 'Changed elsewhere' });
        await bumpContentVersion(trx);
      });
    } finally {
      await other.destroy();
    }
    expect((await findSurvey(ctx.db, surveyId))!.questions[0]!.title.en).to.equal('Changed elsewhere');
  });
});
