import { expect } from 'chai';
import { readContentVersion } from '../../server/data/content-version.js';
import type { Tx } from '../../server/data/database.js';
import * as memberStates from '../../server/data/member-states.js';
import * as surveys from '../../server/data/surveys.js';
import type { Actor } from '../../server/domain/deps.js';
import { createTestMemberState, createTestUser } from '../helpers/accounts.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { actorOf, createTestSurvey } from '../helpers/surveys.js';

/** Writes of what the survey content kept in memory is made of: questions, options, and the codes of Member States that options show. */
const CONTENT_TABLE = /^\s*((insert\s+into|update|delete\s+from)\s+["`]?(questions|options)["`]?|update\s+["`]?member_states["`]?)\s/i;
const MOVES_VERSION = /^\s*update\s+["`]?content_version["`]?\s/i;

type Call = (tx: Tx, ids: { surveyId: number; questionId: number; optionId: number; memberStateId: number }) => Promise<unknown>;

/** Every data function that writes, with arguments that make it write. */
const WRITERS: Readonly<Record<string, Call>> = {
  insertSurvey: (tx) => surveys.insertSurvey(tx, { title_en: 'Another', reference: 'X', status: 'draft', created_at: '2026-11-28T09:00:00.000Z', updated_at: '2026-11-28T09:00:00.000Z' }),
  updateSurveyRow: (tx, { surveyId }) => surveys.updateSurveyRow(tx, surveyId, { reference: 'Y' }),
  transitionSurvey: (tx, { surveyId }) => surveys.transitionSurvey(tx, surveyId, 'draft', { reference: 'Z' }),
  insertQuestion: (tx, { surveyId }) => surveys.insertQuestion(tx, { survey_id: surveyId, position: 9, title_en: 'Q', seats: 1, method: 'irv' }),
  updateQuestion: (tx, { questionId }) => surveys.updateQuestion(tx, questionId, { title_en: 'Q2' }),
  deleteQuestions: (tx, { questionId }) => surveys.deleteQuestions(tx, [questionId]),
  insertOption: (tx, { questionId }) => surveys.insertOption(tx, { question_id: questionId, position: 9, label: 'z', title_en: 'O' }),
  updateOption: (tx, { optionId }) => surveys.updateOption(tx, optionId, { title_en: 'O2' }),
  deleteOptions: (tx, { optionId }) => surveys.deleteOptions(tx, [optionId]),
  insertMemberState: (tx) => memberStates.insertMemberState(tx, { iso3: 'NEW', name_en: 'n', name_fr: 'n', name_es: 'n', status: 'member' }, '2026-11-28T09:00:00.000Z'),
  updateMemberState: (tx, { memberStateId }) => memberStates.updateMemberState(tx, memberStateId, { iso3: 'ABD', name_en: 'n', name_fr: 'n', name_es: 'n', status: 'member' }, '2026-11-28T09:00:00.000Z'),
};

/** Functions of these modules that only read. */
// lockSurveyForChange writes nothing: it holds the survey's row for a change of status.
const READERS = new Set(['lockSurveyForChange', 'findSurvey', 'findSurveyStatus', 'listSurveyRows', 'maxOptionPosition', 'listMemberStates', 'countMemberStates', 'findMemberStateById', 'findMemberStateByIso3', 'localisedColumns']);

describe('data: the content version', () => {
  let ctx: TestContext;
  let ids: { surveyId: number; questionId: number; optionId: number; memberStateId: number };
  beforeEach(async () => {
    ctx = await createTestContext();
    const admin: Actor = actorOf(await createTestUser(ctx.deps, 'admin'));
    const survey = await createTestSurvey(ctx.deps, admin);
    const memberState = await createTestMemberState(ctx.deps, 'ABC');
    ids = { surveyId: survey.id, questionId: survey.questions[1]!.id, optionId: survey.questions[1]!.options[0]!.id, memberStateId: memberState.id };
  });
  afterEach(() => ctx.close());

  it('knows every function of the survey and Member State data modules as a reader or a writer', () => {
    const exported = [...Object.entries(surveys), ...Object.entries(memberStates)].filter(([, value]) => typeof value === 'function').map(([name]) => name);
    const unknown = exported.filter((name) => !READERS.has(name) && !(name in WRITERS));
    expect(unknown, 'classify each new data function here, as a reader or with a call that makes it write').to.deep.equal([]);
  });

  for (const [name, call] of Object.entries(WRITERS)) {
    it(`${name}: moves the content version in the same transaction whenever it writes questions, options or Member States`, async () => {
      const statements: string[] = [];
      const before = await readContentVersion(ctx.database);
      const stop = ctx.database.watchQueries((q) => statements.push(q.sql));
      try {
        await ctx.database.transaction((tx) => call(tx, ids));
      } finally {
        stop();
      }
      const writesContent = statements.some((sql) => CONTENT_TABLE.test(sql));
      const moved = statements.some((sql) => MOVES_VERSION.test(sql));
      expect(moved, statements.join('\n')).to.equal(writesContent);
      expect(await readContentVersion(ctx.database) !== before).to.equal(writesContent);
    });
  }

  it('writes of content elsewhere than through these functions are caught by the same check', () => {
    expect(CONTENT_TABLE.test('update "options" set "title_en" = ?')).to.equal(true);
    expect(CONTENT_TABLE.test('insert into `questions` (`a`) values (?)')).to.equal(true);
    expect(CONTENT_TABLE.test('update "surveys" set "reference" = ?')).to.equal(false);
  });
});
