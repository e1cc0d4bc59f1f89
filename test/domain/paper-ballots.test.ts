import { expect } from 'chai';
import { submitBallot } from '../../server/domain/ballots.js';
import { verifyAuditChain } from '../../server/domain/audit.js';
import type { Actor } from '../../server/domain/deps.js';
import { enterPaperBallot, importPaperBallots } from '../../server/domain/paper-ballots.js';
import { closeSurvey, openSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { Refused } from '../../server/domain/refusals.js';
import { createTestMemberState, createTestUser } from '../helpers/accounts.js';
import { createTestContext, type TestContext } from '../helpers/context.js';
import { rejection } from '../helpers/errors.js';
import { refusalFrom } from '../helpers/refusals.js';
import { actorOf, createTestSurvey } from '../helpers/surveys.js';


const HEADER = 'iso3,channel,q1_rank_1,q1_rank_2,q2_rank_1,q2_rank_2,q2_rank_3,q2_rank_4,comments';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const count = async (ctx: TestContext, table: string) => Number((await ctx.db(table).count({ n: '*' }).first())!.n);

describe('domain/paper-ballots', () => {
  let ctx: TestContext;
  let admin: Actor;
  let staff: Actor;
  let delegate: Actor;
  let survey: Survey;
  let ids: Record<string, number>;

  beforeEach(async () => {
    ctx = await createTestContext();
    ids = {};
    for (const iso3 of ['DEU', 'ESP', 'FRA', 'ITA']) ids[iso3] = (await createTestMemberState(ctx.deps, iso3)).id;
    await createTestMemberState(ctx.deps, 'VAT', 'observer');
    admin = actorOf(await createTestUser(ctx.deps, 'admin'));
    staff = actorOf(await createTestUser(ctx.deps, 'staff'));
    delegate = actorOf(await createTestUser(ctx.deps, 'delegate', { memberState: 'FRA' }), ids.FRA!);
    survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin)).id);
  });
  afterEach(() => ctx.close());

  const [theme, topics] = [() => survey.questions[0]!, () => survey.questions[1]!];

  it('imports a good file in one go: a revision per row with its channel, the administrator as submitter, a receipt and an audit entry', async () => {
    await submitBallot(ctx.deps, delegate, survey.id, { answers: [{ question: theme().id, ranking: [theme().options[0]!.id] }, { question: topics().id, ranking: [topics().options[0]!.id] }] }, { channel: 'web' });
    const report = await importPaperBallots(ctx.deps, admin, survey.id, `\uFEFF${csv(
      'deu,paper,B,A,(c),(a),,,',
      'FRA,note-verbale,Migration de retour,,Topic 2,Tema 4,,,"Note verbale, 3 November"',
      'ESP,,  Migración y desarrollo ,,d,,,,',
    )}\n`, { dryRun: false });

    expect(report).to.include({ written: true, dryRun: false, newBallots: 2, replacements: 1, rejected: 0 });
    expect(report.rows.map((r) => [r.line, r.iso3, r.outcome, r.channel])).to.deep.equal([
      [2, 'DEU', 'new', 'paper'], [3, 'FRA', 'replaces', 'note-verbale'], [4, 'ESP', 'new', 'paper'],
    ]);
    expect(report.rows[1]!.replaces).to.include({ revision: 1, submittedBy: delegate.email, channel: 'web' });
    expect(report.rows[1]!.written).to.include({ revision: 2 });
    const revisions = await ctx.db('ballot_revisions as r').join('ballots as b', 'b.id', 'r.ballot_id').join('member_states as m', 'm.id', 'b.member_state_id')
      .where('r.submitted_by', admin.userId).orderBy('m.iso3').select('m.iso3', 'r.revision', 'r.channel', 'r.receipt', 'r.answers', 'r.comments', 'r.submitted_by_label');
    expect(revisions.map((r) => [r.iso3, r.revision, r.channel, r.submitted_by_label])).to.deep.equal([
      ['DEU', 1, 'paper', admin.email], ['ESP', 1, 'paper', admin.email], ['FRA', 2, 'note-verbale', admin.email],
    ]);
    expect(JSON.parse(revisions[0].answers)).to.deep.equal({
      [theme().id]: { ranking: [theme().options[1]!.id, theme().options[0]!.id] },
      [topics().id]: { ranking: [topics().options[2]!.id, topics().options[0]!.id] },
    });
    expect(JSON.parse(revisions[2].answers)[topics().id]).to.deep.equal({ ranking: [topics().options[1]!.id, topics().options[3]!.id] });
    expect(revisions[2].comments).to.equal('Note verbale, 3 November');
    expect(new Set(revisions.map((r) => r.receipt)).size).to.equal(3);
    expect(report.rows.map((r) => r.written!.receipt).sort()).to.deep.equal(revisions.map((r) => r.receipt).sort());
    const audit = await ctx.db('audit_entries').where({ action: 'ballot.submit', actor_user_id: admin.userId });
    expect(audit.map((a) => JSON.parse(a.details).channel).sort()).to.deep.equal(['note-verbale', 'paper', 'paper']);
    expect((await verifyAuditChain(ctx.deps)).ok).to.equal(true);
  });

  it('on a dry run writes nothing and reports what would change, with the revision each row would replace', async () => {
    await submitBallot(ctx.deps, delegate, survey.id, { answers: [{ question: theme().id, ranking: [theme().options[0]!.id] }, { question: topics().id, ranking: [topics().options[0]!.id] }] }, { channel: 'web' });
    const before = { revisions: await count(ctx, 'ballot_revisions'), audit: await count(ctx, 'audit_entries') };
    const report = await importPaperBallots(ctx.deps, admin, survey.id, csv('FRA,paper,A,,(b),,,,', 'ITA,note-verbale,B,,(a),(b),,,'), { dryRun: true });
    expect(report).to.include({ dryRun: true, written: false, newBallots: 1, replacements: 1, rejected: 0 });
    expect(report.rows[0]).to.deep.include({ iso3: 'FRA', outcome: 'replaces', written: null });
    expect(report.rows[0]!.replaces).to.deep.equal({ revision: 1, submittedAt: '2026-11-28T09:00:00.000Z', submittedBy: delegate.email, channel: 'web' });
    expect(report.rows[1]!.answers).to.deep.equal({ [theme().id]: { ranking: [theme().options[1]!.id] }, [topics().id]: { ranking: [topics().options[0]!.id, topics().options[1]!.id] } });
    expect({ revisions: await count(ctx, 'ballot_revisions'), audit: await count(ctx, 'audit_entries') }).to.deep.equal(before);
  });

  it('reports every bad row with its line and reason and writes nothing, not even the good rows', async () => {
    const report = await importPaperBallots(ctx.deps, admin, survey.id, csv(
      'DEU,paper,A,,(a),,,,',
      'XXX,paper,A,,(a),,,,',
      'VAT,paper,A,,(a),,,,',
      'ESP,paper,Z,,(a),,,,',
      'ITA,paper,A,,(a),(a),,,',
      'FRA,paper,A,,(a),,(c),,',
      'DEU,paper,B,,(b),,,,',
      'FRA,telegram,A,,(a),,,,',
    ), { dryRun: false });
    expect(report).to.include({ written: false, rejected: 7 });
    const reasons = Object.fromEntries(report.rows.map((r) => [r.line, r.reasons.map((x) => x.key)]));
    expect(reasons).to.deep.equal({
      2: [],
      3: ['validation.paperBallots.iso3Unknown'],
      4: ['validation.paperBallots.observer'],
      5: ['validation.paperBallots.unknownOption'],
      6: ['ballot.problems.repeat'],
      7: ['ballot.problems.gap'],
      8: ['validation.paperBallots.iso3Repeated'],
      9: ['validation.paperBallots.iso3Repeated', 'validation.paperBallots.channel'],
    });
    expect(report.rows[6]!.reasons[0]!.params).to.deep.equal({ iso3: 'DEU', line: 2 });
    expect(report.rows[3]!.reasons[0]).to.deep.include({ field: `q${theme().id}`, params: { question: 1, rank: 1, value: 'Z' } });
    expect(await count(ctx, 'ballot_revisions')).to.equal(0);
    expect(await count(ctx, 'ballots')).to.equal(0);
  });

  it('takes an option name typed with a combining accent as the option, and refuses one that only looks like an option, naming both', async () => {
    const good = await importPaperBallots(ctx.deps, admin, survey.id, csv(
      'DEU,paper,Migracio\u0301n de retorno,,(a),,,,',
      'ESP,paper,\u00a0Return migration\u00a0,,Topic 2,,,,',
    ), { dryRun: true });
    expect(good.rows.map((r) => r.reasons)).to.deep.equal([[], []]);
    expect(good.rows[0]!.answers![theme().id]).to.deep.include({ ranking: [theme().options[0]!.id] });

    const report = await importPaperBallots(ctx.deps, admin, survey.id, csv(
      'DEU,paper,Return migrati\u043en,,(a),,,,',
      'ESP,paper,A,,(A),,,,',
      'FRA,paper,A,,Topic\u00a0\u00a01,,,,',
      'ITA,paper,RETURN MIGRATION,,(a),,,,',
    ), { dryRun: false });
    expect(report).to.include({ written: false, rejected: 4 });
    const reasons = report.rows.map((r) => ({ line: r.line, reasons: r.reasons.map((x) => ({ key: x.key, params: x.params })) }));
    expect(reasons).to.deep.equal([
      { line: 2, reasons: [{ key: 'validation.paperBallots.lookAlikeOption', params: { question: 1, rank: 1, value: 'Return migrati\u043en', option: 'Return migration' } }] },
      { line: 3, reasons: [{ key: 'validation.paperBallots.lookAlikeOption', params: { question: 2, rank: 1, value: '(A)', option: '(a)' } }] },
      { line: 4, reasons: [{ key: 'validation.paperBallots.lookAlikeOption', params: { question: 2, rank: 1, value: 'Topic\u00a0\u00a01', option: 'Topic 1' } }] },
      { line: 5, reasons: [{ key: 'validation.paperBallots.lookAlikeOption', params: { question: 1, rank: 1, value: 'RETURN MIGRATION', option: 'Return migration' } }] },
    ]);
    expect(await count(ctx, 'ballot_revisions')).to.equal(0);
  });

  it('takes an abstention only where the file says so and the question allows it', async () => {
    const abstaining = await createTestSurvey(ctx.deps, admin, {
      questions: [
        { title: { en: 'Theme' }, seats: 1, allowAbstain: true, allowComment: true, options: [{ label: 'A', title: { en: 'One' } }, { label: 'B', title: { en: 'Two' } }] },
        { title: { en: 'Topics' }, seats: 1, allowAbstain: false, options: [{ label: 'A', title: { en: 'Three' } }, { label: 'B', title: { en: 'Four' } }] },
      ],
    });
    const open = await openSurvey(ctx.deps, admin, abstaining.id, { overrideReason: 'English only in this test' });
    const file = (...rows: string[]) => ['iso3,q1_rank_1,q1_abstain,q1_comment,q2_rank_1,q2_abstain', ...rows].join('\r\n');
    const bad = await importPaperBallots(ctx.deps, admin, open.id, file('DEU,,,,A,', 'ESP,A,yes,,A,', 'FRA,A,maybe,,B,', 'ITA,A,,,,yes'), { dryRun: true });
    expect(bad.rows.map((r) => r.reasons.map((x) => x.key))).to.deep.equal([
      ['validation.rankOrAbstain'], ['validation.paperBallots.rankAndAbstain'], ['validation.paperBallots.abstainValue'], ['validation.abstainNotAllowed'],
    ]);
    const good = await importPaperBallots(ctx.deps, admin, open.id, file('DEU,,YES,"Not instructed",B,no'), { dryRun: false });
    expect(good.rows[0]!.answers).to.deep.equal({ [open.questions[0]!.id]: { abstain: true, comment: 'Not instructed' }, [open.questions[1]!.id]: { ranking: [open.questions[1]!.options[1]!.id] } });
  });

  it('refuses a file that cannot be read, lacks columns or names columns the survey does not have, writing nothing', async () => {
    const malformed = await rejection(importPaperBallots(ctx.deps, admin, survey.id, csv('DEU,"paper,A,,(a),,,,'), { dryRun: false }));
    expect(malformed).to.include({ kind: 'invalid', key: 'errors.csvQuoteNotClosed' });
    const ragged = await rejection(importPaperBallots(ctx.deps, admin, survey.id, csv('DEU,paper,A'), { dryRun: false }));
    expect(ragged).to.deep.include({ key: 'errors.csvRowWidth', params: { line: 2, separator: ',', encoding: 'UTF-8', cells: 3, expected: 9 } });
    expect((await rejection(importPaperBallots(ctx.deps, admin, survey.id, HEADER, { dryRun: false }))).key).to.equal('errors.csvEmpty');
    const noQ2 = await rejection(importPaperBallots(ctx.deps, admin, survey.id, 'iso3,q1_rank_1\nDEU,A', { dryRun: false }));
    expect(noQ2).to.deep.include({ key: 'errors.csvColumns', params: { columns: 'q2_rank_1', separator: ',', encoding: 'UTF-8', found: 'iso3,q1_rank_1' } });
    const unknown = await rejection(importPaperBallots(ctx.deps, admin, survey.id, 'iso3,q1_rank_1,q2_rank_1,q3_rank_1,q1_rnk_2\nDEU,A,(a),x,', { dryRun: false }));
    expect(unknown).to.deep.include({ key: 'errors.paperBallots.unknownColumns', params: { columns: 'q3_rank_1, q1_rnk_2', questions: 2, separator: ',', encoding: 'UTF-8', found: 'iso3,q1_rank_1,q2_rank_1,q3_rank_1,q1_rnk_2' } });
    const twice = await rejection(importPaperBallots(ctx.deps, admin, survey.id, 'iso3,q1_rank_1,q2_rank_1,q1_rank_1\nDEU,A,(a),B', { dryRun: false }));
    expect(twice.key).to.equal('errors.paperBallots.repeatedColumns');
    expect(await count(ctx, 'ballot_revisions')).to.equal(0);
  });

  it('refuses paper ballots for a closed survey, saying that it can be reopened, and for anyone but an administrator', async () => {
    ctx.clock.advance(60_000);
    await closeSurvey(ctx.deps, admin, survey.id);
    const closed = await rejection(importPaperBallots(ctx.deps, admin, survey.id, csv('DEU,paper,A,,(a),,,,'), { dryRun: true }));
    expect(closed).to.include({ kind: 'conflict', key: 'errors.paperBallots.closed' });
    expect(closed).to.be.instanceOf(Refused).and.to.have.deep.property('refusal', { kind: 'closed', paper: true });
    const single = await refusalFrom(enterPaperBallot(ctx.deps, admin, survey.id, { memberState: ids.DEU, channel: 'paper', ballot: { answers: [] } }));
    expect(single).to.deep.equal({ kind: 'closed', paper: true });
    expect((await rejection(importPaperBallots(ctx.deps, staff, survey.id, csv('DEU,paper,A,,(a),,,,'), { dryRun: true }))).kind).to.equal('forbidden');
    expect((await rejection(enterPaperBallot(ctx.deps, delegate, survey.id, { memberState: ids.FRA, channel: 'paper', ballot: { answers: [] } }))).kind).to.equal('forbidden');
  });

  it('refuses paper ballots for a survey still in draft as not open, said to the administrator', async () => {
    const draft = await createTestSurvey(ctx.deps, admin);
    const single = await rejection(enterPaperBallot(ctx.deps, admin, draft.id, { memberState: ids.DEU, channel: 'paper', ballot: { answers: [] } }));
    expect(single).to.be.instanceOf(Refused).and.to.have.deep.property('refusal', { kind: 'not-open', paper: true });
    expect(single).to.include({ kind: 'conflict', key: 'errors.paperBallots.draft' });
    expect(await refusalFrom(importPaperBallots(ctx.deps, admin, draft.id, csv('DEU,paper,A,,(a),,,,'), { dryRun: true }))).to.deep.equal({ kind: 'not-open', paper: true });
  });

  it('refuses a survey whose closing time has passed, though nobody closed it', async () => {
    const timed = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin, { closesAt: '2026-11-28T10:00:00.000Z' })).id);
    ctx.clock.set('2026-11-28T10:00:00.000Z');
    const refusal = await refusalFrom(importPaperBallots(ctx.deps, admin, timed.id, csv('DEU,paper,A,,(a),,,,'), { dryRun: false }));
    expect(refusal).to.deep.equal({ kind: 'closed', paper: true });
  });

  it('records one hand-entered ballot received by note verbale, and refuses an observer, a bad channel or a stale base revision', async () => {
    const ballot = { baseRevision: 0, answers: [{ question: theme().id, ranking: [theme().options[1]!.id] }, { question: topics().id, ranking: [topics().options[3]!.id] }] };
    const result = await enterPaperBallot(ctx.deps, admin, survey.id, { memberState: String(ids.ITA), channel: 'note-verbale', ballot });
    expect(result.revision).to.equal(1);
    const row = await ctx.db('ballot_revisions').where({ receipt: result.receipt }).first();
    expect(row).to.include({ channel: 'note-verbale', submitted_by_label: admin.email });
    const observer = await ctx.db('member_states').where({ iso3: 'VAT' }).first();
    const refused = await rejection(enterPaperBallot(ctx.deps, admin, survey.id, { memberState: observer.id, channel: 'telegram', ballot }));
    expect(refused.fields.map((f) => [f.field, f.key])).to.deep.equal([['channel', 'validation.paperBallots.channel'], ['memberState', 'errors.observerCannotVote']]);
    const stale = await refusalFrom(enterPaperBallot(ctx.deps, admin, survey.id, { memberState: ids.ITA, channel: 'paper', ballot }));
    expect(stale).to.deep.equal({ kind: 'stale', current: { who: admin.email, when: row.submitted_at, revision: 1 } });
    expect(await count(ctx, 'ballot_revisions')).to.equal(1);
  });
});
