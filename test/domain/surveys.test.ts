import { expect } from 'chai';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor, Deps } from '../../server/domain/deps.js';
import { createSurvey, duplicateSurvey, updateSurvey } from '../../server/domain/surveys/authoring.js';
import { closeSurvey, openSurvey, publishSurvey, reopenOptions, reopenSurvey, setClosingTime } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { getSurvey, listSurveys, participation } from '../../server/domain/surveys/queries.js';
import { latestAuditEntry, latestAuditSeq } from '../helpers/audit.js';
import type { TestClock } from '../helpers/context.js';
import { rejection } from '../helpers/errors.js';
import { useSignedIn, type TestAccount } from '../helpers/signed-in.js';
import { buildSurveyInput, createTestSurvey } from '../helpers/surveys.js';

/** The input that would save a survey as it is, with the ids of its questions and options. */
function inputOf(s: Survey) {
  return {
    title: s.title, description: s.description, reference: s.reference, closesAt: s.closesAt, quorum: s.quorum,
    questions: s.questions.map((q) => ({
      id: q.id, title: q.title, description: q.description, seats: q.seats, method: q.method, maxRanks: q.maxRanks,
      allowAbstain: q.allowAbstain, allowComment: q.allowComment, allowProposals: q.allowProposals,
      options: q.options.map((o) => ({ id: o.id, label: o.label, title: o.title, description: o.description })),
    })),
  };
}

const ballotFor = (s: Survey) => ({ answers: s.questions.map((q) => ({ question: q.id, ranking: [q.options[0]!.id] })) });

describe('surveys (domain)', () => {
  let deps: Deps;
  let clock: TestClock;
  let admin: Actor;
  let staff: TestAccount;
  let delegate: TestAccount;

  useSignedIn({ memberStates: ['ARG', 'BEL'], observers: ['VAT'] }, async (s) => {
    ({ deps, clock } = s.ctx);
    admin = s.admin.actor;
    staff = await s.createStaff();
    delegate = await s.createDelegate('ARG');
  });

  describe('authoring: createSurvey', () => {
    it('creates a draft with its questions and options in order, a counting method for each, and an audit entry', async () => {
      const survey = await createSurvey(deps, admin, buildSurveyInput());
      expect(survey).to.include({ storedStatus: 'draft', reference: 'IC/2007/17', seed: null, closesAt: null, openedAt: null, createdAt: '2026-11-28T09:00:00.000Z' });
      expect(survey.questions.map((q) => [q.position, q.seats, q.method, q.options.length])).to.deep.equal([[1, 1, 'irv', 2], [2, 2, 'stv', 4]]);
      expect(survey.questions[1]!.options.map((o) => o.label)).to.deep.equal(['(a)', '(b)', '(c)', '(d)']);
      expect(await getSurvey(deps, admin, survey.id)).to.deep.equal({ ...survey, status: 'draft' });
      const entry = await latestAuditEntry(deps, admin);
      expect(entry).to.include({ action: 'survey.create', actor: admin.email, subject: `survey ${survey.id}` });
      expect((entry.details.to as { reference: string }).reference).to.equal('IC/2007/17');
    });

    it('keeps option names in NFC and refuses options of one question whose names only look different', async () => {
      const input = buildSurveyInput();
      const theme = input.questions[0]!;
      input.questions[0] = { ...theme, options: [{ label: 'A', title: { en: ' Educacio\u0301n ', fr: 'Éducation', es: 'Educación' } }, theme.options[1]!] };
      const survey = await createSurvey(deps, admin, input);
      expect(survey.questions[0]!.options[0]!.title.en).to.equal('Educaci\u00f3n');

      const twins = buildSurveyInput();
      twins.questions[0] = { ...theme, options: [...theme.options, { label: 'C', title: { en: 'Return migrati\u043en', fr: 'Retour', es: 'Retorno' } }] };
      twins.questions[1] = { ...twins.questions[1]!, options: [...twins.questions[1]!.options.slice(0, 3), { label: '(A)', title: { en: 'Topic 5', fr: 'Thème 5', es: 'Tema 5' } }] };
      const error = await rejection(createSurvey(deps, admin, twins));
      expect(error.kind).to.equal('invalid');
      expect(error.fields.map((f) => [f.field, f.key])).to.have.deep.members([
        ['questions.0.options.2.title.en', 'validation.optionLookAlike'],
        ['questions.1.options.3.label', 'validation.optionLookAlike'],
      ]);
    });

    it('refuses input without an English title, with more seats than options or no question, naming each field', async () => {
      const input = buildSurveyInput({ title: { en: ' ', fr: 'Sans anglais' } });
      input.questions[1] = { ...input.questions[1]!, seats: 4 };
      const error = await rejection(createSurvey(deps, admin, input));
      expect(error.kind).to.equal('invalid');
      expect(error.fields.map((f) => [f.field, f.key])).to.have.deep.members([['title.en', 'validation.required'], ['questions.1.seats', 'validation.seatsVsOptions']]);
      const none = await rejection(createSurvey(deps, admin, buildSurveyInput({ questions: [] })));
      expect(none.fields).to.deep.equal([{ field: 'questions', key: 'validation.oneQuestion' }]);
      expect(await listSurveys(deps, admin)).to.deep.equal([]);
    });

    it('refuses staff and delegates with forbidden', async () => {
      for (const actor of [staff.actor, delegate.actor]) {
        expect((await rejection(createSurvey(deps, actor, buildSurveyInput()))).kind, actor.role).to.equal('forbidden');
      }
      expect(await listSurveys(deps, admin)).to.deep.equal([]);
    });
  });

  describe('authoring: updateSurvey', () => {
    it('replaces a draft\'s content, keeping the options it names and removing the others, and records before and after', async () => {
      const draft = await createTestSurvey(deps, admin);
      const input = inputOf(draft);
      const [a, , c] = input.questions[1]!.options;
      input.questions[1]!.options = [c!, a!, { label: '(e)', title: { en: 'Topic 5', fr: 'Thème 5', es: 'Tema 5' }, description: { en: '', fr: null, es: null } } as never];
      input.title = { ...input.title, en: 'IDM 2008' };
      const updated = await updateSurvey(deps, admin, draft.id, input);
      expect(updated.title.en).to.equal('IDM 2008');
      const options = updated.questions[1]!.options;
      expect(options.map((o) => o.label)).to.deep.equal(['(c)', '(a)', '(e)']);
      expect(options.slice(0, 2).map((o) => o.id)).to.deep.equal([c!.id, a!.id]);
      expect(await getSurvey(deps, admin, draft.id)).to.deep.equal({ ...updated, status: 'draft' });
      const entry = await latestAuditEntry(deps, admin);
      expect(entry).to.include({ action: 'survey.update', subject: `survey ${draft.id}` });
      expect((entry.details.from as { title: { en: string } }).title.en).to.equal('International Dialogue on Migration 2008');
      expect((entry.details.to as { title: { en: string } }).title.en).to.equal('IDM 2008');
    });

    it('refuses an option id of another question as invalid, changing nothing', async () => {
      const draft = await createTestSurvey(deps, admin);
      const input = inputOf(draft);
      input.questions[0]!.options[0] = { ...input.questions[0]!.options[0]!, id: draft.questions[1]!.options[0]!.id };
      const error = await rejection(updateSurvey(deps, admin, draft.id, input));
      expect(error.kind).to.equal('invalid');
      expect(error.fields.map((f) => f.key)).to.deep.equal(['validation.unknownOption']);
      expect(await getSurvey(deps, admin, draft.id)).to.deep.equal({ ...draft, status: 'draft' });
    });

    it('refuses an opened survey as a conflict (its options are frozen), an unknown survey and staff', async () => {
      const opened = await openSurvey(deps, admin, (await createTestSurvey(deps, admin)).id);
      const error = await rejection(updateSurvey(deps, admin, opened.id, inputOf(opened)));
      expect([error.kind, error.key]).to.deep.equal(['conflict', 'errors.surveyFrozen']);
      expect((await rejection(updateSurvey(deps, admin, 999_999, buildSurveyInput()))).kind).to.equal('not_found');
      expect((await rejection(updateSurvey(deps, staff.actor, opened.id, inputOf(opened)))).kind).to.equal('forbidden');
    });
  });

  describe('authoring: duplicateSurvey', () => {
    it('makes a new draft with the same content, new ids, no seed and no closing time, recording its source', async () => {
      const source = await openSurvey(deps, admin, (await createTestSurvey(deps, admin, { closesAt: '2026-12-31T17:00:00.000Z' })).id);
      const copy = await duplicateSurvey(deps, admin, source.id);
      expect(copy).to.include({ storedStatus: 'draft', seed: null, closesAt: null, reference: source.reference });
      expect(copy.id).to.not.equal(source.id);
      expect(copy.title).to.deep.equal(source.title);
      expect(copy.questions.map((q) => q.options.map((o) => o.title.en))).to.deep.equal(source.questions.map((q) => q.options.map((o) => o.title.en)));
      expect(copy.questions[0]!.options[0]!.id).to.not.equal(source.questions[0]!.options[0]!.id);
      expect(await latestAuditEntry(deps, admin)).to.deep.include({ action: 'survey.create', subject: `survey ${copy.id}` });
      expect((await latestAuditEntry(deps, admin)).details.duplicateOf).to.equal(source.id);
    });

    it('refuses an unknown survey with not_found and staff with forbidden', async () => {
      const source = await createTestSurvey(deps, admin);
      expect((await rejection(duplicateSurvey(deps, admin, 999_999))).kind).to.equal('not_found');
      expect((await rejection(duplicateSurvey(deps, staff.actor, source.id))).kind).to.equal('forbidden');
    });
  });

  describe('lifecycle: openSurvey', () => {
    it('opens a draft with a seed drawn now, recorded in the audit log', async () => {
      const draft = await createTestSurvey(deps, admin);
      const opened = await openSurvey(deps, admin, draft.id);
      expect(opened).to.include({ storedStatus: 'open', openedAt: '2026-11-28T09:00:00.000Z', translationOverride: null });
      expect(opened.seed).to.match(/^[0-9a-f]{32}$/);
      expect((await getSurvey(deps, delegate.actor, draft.id)).status).to.equal('open');
      const entry = await latestAuditEntry(deps, admin);
      expect(entry).to.include({ action: 'survey.open', subject: `survey ${draft.id}` });
      expect(entry.details).to.deep.include({ from: { status: 'draft' } });
      expect((entry.details.to as { seed: string }).seed).to.equal(opened.seed);
    });

    it('refuses missing translations unless a reason is given, then records the reason', async () => {
      const draft = await createTestSurvey(deps, admin, { title: { en: 'English only' } });
      const error = await rejection(openSurvey(deps, admin, draft.id));
      expect([error.kind, error.key, error.params]).to.deep.equal(['invalid', 'errors.translationsMissing', { count: 2 }]);
      expect((await getSurvey(deps, admin, draft.id)).status).to.equal('draft');
      const opened = await openSurvey(deps, admin, draft.id, { overrideReason: 'Translations follow by note verbale' });
      expect(opened.translationOverride).to.equal('Translations follow by note verbale');
      expect((await latestAuditEntry(deps, admin)).details).to.deep.include({ translationsMissing: 2, overrideReason: 'Translations follow by note verbale' });
    });

    it('refuses a question without options and a closing time already past as invalid', async () => {
      const input = buildSurveyInput();
      input.questions[0] = { ...input.questions[0]!, options: [] };
      const noOption = await createTestSurvey(deps, admin, input);
      const few = await rejection(openSurvey(deps, admin, noOption.id));
      expect([few.kind, few.key]).to.deep.equal(['invalid', 'errors.cannotOpen']);
      expect(few.fields.map((f) => f.key)).to.include('surveys.problems.fewOptions');
      const late = await createTestSurvey(deps, admin, { closesAt: '2026-11-28T08:00:00.000Z' });
      const past = await rejection(openSurvey(deps, admin, late.id));
      expect(past.fields).to.deep.equal([{ field: 'closesAt', key: 'validation.closesInPast' }]);
    });

    it('refuses a survey open already as a conflict, an unknown one with not_found and staff with forbidden', async () => {
      const draft = await createTestSurvey(deps, admin);
      expect((await rejection(openSurvey(deps, staff.actor, draft.id))).kind).to.equal('forbidden');
      await openSurvey(deps, admin, draft.id);
      const before = await latestAuditSeq(deps, admin);
      const again = await rejection(openSurvey(deps, admin, draft.id));
      expect([again.kind, again.key]).to.deep.equal(['conflict', 'errors.surveyTransition']);
      expect((await rejection(openSurvey(deps, admin, 999_999))).kind).to.equal('not_found');
      expect(await latestAuditSeq(deps, admin)).to.equal(before);
    });
  });

  describe('lifecycle: close, reopen and publish', () => {
    let survey: Survey;
    beforeEach(async () => {
      survey = await openSurvey(deps, admin, (await createTestSurvey(deps, admin, { closesAt: '2026-12-10T17:00:00.000Z' })).id);
    });

    it('closes an open survey now, recorded, and takes no ballot after', async () => {
      clock.set('2026-11-29T12:00:00.000Z');
      const closed = await closeSurvey(deps, admin, survey.id);
      expect(closed).to.include({ storedStatus: 'closed', closesAt: '2026-11-29T12:00:00.000Z' });
      expect(await latestAuditEntry(deps, admin)).to.deep.include({ action: 'survey.close', subject: `survey ${survey.id}` });
      const error = await rejection(submitBallot(deps, delegate.actor, survey.id, ballotFor(survey), { channel: 'web' }));
      expect(error.kind).to.equal('conflict');
    });

    it('counts a survey past its closing time as closed, and closing it by hand keeps that time', async () => {
      clock.set('2026-12-11T09:00:00.000Z');
      expect((await getSurvey(deps, admin, survey.id)).status).to.equal('closed');
      const closed = await closeSurvey(deps, admin, survey.id);
      expect(closed.closesAt).to.equal('2026-12-10T17:00:00.000Z');
      expect((await rejection(closeSurvey(deps, admin, survey.id))).kind).to.equal('conflict');
    });

    it('reopens a closed survey with a new closing time, recorded, and refuses a time already past', async () => {
      await closeSurvey(deps, admin, survey.id);
      const past = await rejection(reopenSurvey(deps, admin, survey.id, { closesAt: '2026-11-01T00:00:00.000Z' }));
      expect(past.fields).to.deep.equal([{ field: 'closesAt', key: 'validation.closesInPast' }]);
      const reopened = await reopenSurvey(deps, admin, survey.id, { closesAt: '2026-12-20T17:00:00+01:00' });
      expect(reopened).to.include({ storedStatus: 'open', closesAt: '2026-12-20T16:00:00.000Z' });
      expect(await latestAuditEntry(deps, admin)).to.deep.include({ action: 'survey.reopen' });
      expect((await rejection(reopenSurvey(deps, admin, survey.id))).kind).to.equal('conflict');
    });

    it('publishes only a closed survey, recorded', async () => {
      const early = await rejection(publishSurvey(deps, admin, survey.id));
      expect([early.kind, early.params]).to.deep.equal(['conflict', { from: 'open', to: 'published' }]);
      await closeSurvey(deps, admin, survey.id);
      expect((await rejection(publishSurvey(deps, staff.actor, survey.id))).kind).to.equal('forbidden');
      const published = await publishSurvey(deps, admin, survey.id);
      expect(published.storedStatus).to.equal('published');
      expect((await getSurvey(deps, delegate.actor, survey.id)).status).to.equal('published');
      expect(await latestAuditEntry(deps, admin)).to.deep.include({ action: 'survey.publish', details: { from: { status: 'closed' }, to: { status: 'published' } } });
    });

    it('moves the closing time of an open survey, recorded, and refuses it on a closed survey or in the past', async () => {
      const moved = await setClosingTime(deps, admin, survey.id, { closesAt: '2026-12-01T17:00:00.000Z' });
      expect(moved.closesAt).to.equal('2026-12-01T17:00:00.000Z');
      expect(await latestAuditEntry(deps, admin)).to.deep.include({
        action: 'survey.closing-time', details: { from: { closesAt: '2026-12-10T17:00:00.000Z' }, to: { closesAt: '2026-12-01T17:00:00.000Z' } },
      });
      expect((await rejection(setClosingTime(deps, admin, survey.id, { closesAt: '2026-11-01T00:00:00.000Z' }))).kind).to.equal('invalid');
      expect((await rejection(setClosingTime(deps, admin, survey.id, { closesAt: 'tomorrow' }))).fields[0]!.key).to.equal('validation.dateTime');
      await closeSurvey(deps, admin, survey.id);
      expect((await rejection(setClosingTime(deps, admin, survey.id, { closesAt: '2026-12-31T17:00:00.000Z' }))).kind).to.equal('conflict');
    });

    it('lets an open survey take new options with a recorded reason, and refuses without one or once closed', async () => {
      expect((await rejection(reopenOptions(deps, admin, survey.id, { reason: '' }))).fields).to.deep.equal([{ field: 'reason', key: 'validation.required' }]);
      const reopened = await reopenOptions(deps, admin, survey.id, { reason: 'A topic proposed by a delegation' });
      expect(reopened.optionsReopened).to.equal(true);
      expect(await latestAuditEntry(deps, admin)).to.deep.include({ action: 'survey.reopen-options', details: { reason: 'A topic proposed by a delegation' } });
      await closeSurvey(deps, admin, survey.id);
      const closed = await rejection(reopenOptions(deps, admin, survey.id, { reason: 'Late' }));
      expect([closed.kind, closed.key]).to.deep.equal(['conflict', 'errors.surveyNotOpen']);
    });
  });

  describe('queries', () => {
    it('getSurvey hides a draft from delegates, shows it to staff, and answers an unknown survey with not_found', async () => {
      const draft = await createTestSurvey(deps, admin);
      expect((await rejection(getSurvey(deps, delegate.actor, draft.id))).kind).to.equal('not_found');
      expect((await getSurvey(deps, staff.actor, draft.id)).status).to.equal('draft');
      expect((await rejection(getSurvey(deps, admin, 999_999))).kind).to.equal('not_found');
    });

    it('listSurveys gives delegates the surveys they may see with their Member State\'s ballot, and staff every survey', async () => {
      const draft = await createTestSurvey(deps, admin);
      const open = await openSurvey(deps, admin, (await createTestSurvey(deps, admin)).id);
      expect((await listSurveys(deps, delegate.actor)).map((i) => [i.survey.id, i.ballot])).to.deep.equal([[open.id, null]]);
      await submitBallot(deps, delegate.actor, open.id, ballotFor(open), { channel: 'web' });
      const [item] = await listSurveys(deps, delegate.actor);
      expect(item!.ballot).to.deep.equal({ revision: 1, submittedAt: '2026-11-28T09:00:00.000Z', submittedByLabel: delegate.user.email, channel: 'web' });
      expect((await listSurveys(deps, staff.actor)).map((i) => i.survey.id)).to.have.members([draft.id, open.id]);
    });

    it('participation lists the members (not observers) with who answered, and the quorum', async () => {
      const open = await openSurvey(deps, admin, (await createTestSurvey(deps, admin, { quorum: 2 })).id);
      await submitBallot(deps, delegate.actor, open.id, { answers: [{ question: open.questions[0]!.id, abstain: true }, ballotFor(open).answers[1]!] }, { channel: 'web' });
      const p = await participation(deps, staff.actor, open.id);
      expect(p).to.include({ eligible: 2, answered: 1, quorum: 2, quorumReached: false });
      expect(p.rows.map((r) => [r.iso3, r.answered, r.revision, r.abstentions, r.submittedBy])).to.deep.equal([
        ['ARG', true, 1, 1, delegate.user.email], ['BEL', false, null, 0, null],
      ]);
      expect((await rejection(participation(deps, delegate.actor, open.id))).kind).to.equal('forbidden');
    });
  });
});
