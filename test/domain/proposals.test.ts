import { expect } from 'chai';
import type { Actor, Deps } from '../../server/domain/deps.js';
import { acceptProposal, declineProposal, proposalsFor, proposeTopic } from '../../server/domain/proposals.js';
import { closeSurvey, openSurvey, reopenOptions } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { getSurvey } from '../../server/domain/surveys/queries.js';
import { latestAuditEntry, latestAuditSeq } from '../helpers/audit.js';
import type { TestClock } from '../helpers/context.js';
import { rejection } from '../helpers/errors.js';
import { useSignedIn, type TestAccount } from '../helpers/signed-in.js';
import { createTestSurvey } from '../helpers/surveys.js';

const TOPIC = { title: 'Migration and climate change', description: 'Displacement linked to the environment.' };

describe('proposals (domain)', () => {
  let deps: Deps;
  let clock: TestClock;
  let admin: Actor;
  let staff: TestAccount;
  let senegal: Actor;
  let france: Actor;
  let observer: Actor;
  let survey: Survey;
  let theme: Survey['questions'][number];
  let topics: Survey['questions'][number];

  useSignedIn({ memberStates: ['SEN', 'FRA'], observers: ['VAT'] }, async (s) => {
    ({ deps, clock } = s.ctx);
    admin = s.admin.actor;
    staff = await s.createStaff();
    senegal = (await s.createDelegate('SEN')).actor;
    france = (await s.createDelegate('FRA')).actor;
    observer = (await s.createDelegate('VAT')).actor;
    survey = await openSurvey(deps, admin, (await createTestSurvey(deps, admin, { closesAt: '2026-12-10T17:00:00.000Z' })).id);
    [theme, topics] = [survey.questions[0]!, survey.questions[1]!];
  });

  describe('proposeTopic', () => {
    it('records a pending proposal of the delegate\'s Member State for a question that allows it, with an audit entry', async () => {
      const proposal = await proposeTopic(deps, senegal, survey.id, { question: topics.id, ...TOPIC, language: 'fr' });
      expect(proposal).to.include({
        questionId: topics.id, surveyId: survey.id, memberStateIso3: 'SEN', submittedByLabel: senegal.email, language: 'fr',
        title: TOPIC.title, description: TOPIC.description, status: 'pending', reason: null, optionId: null, createdAt: '2026-11-28T09:00:00.000Z',
      });
      expect(await proposalsFor(deps, admin, survey.id)).to.deep.equal([proposal]);
      const entry = await latestAuditEntry(deps, admin);
      expect(entry).to.include({ action: 'proposal.create', actor: senegal.email, subject: `proposal ${proposal.id}` });
      expect(entry.details).to.deep.equal({ survey: survey.id, question: topics.id, memberState: 'SEN', title: TOPIC.title, language: 'fr' });
    });

    it('refuses a question that does not take proposals, an unknown question and an empty title', async () => {
      const notAllowed = await rejection(proposeTopic(deps, senegal, survey.id, { question: theme.id, ...TOPIC }));
      expect([notAllowed.kind, notAllowed.key]).to.deep.equal(['forbidden', 'errors.proposalsNotAllowed']);
      const unknown = await rejection(proposeTopic(deps, senegal, survey.id, { question: 999_999, ...TOPIC }));
      expect(unknown.kind).to.equal('invalid');
      expect(unknown.fields.map((f) => f.key)).to.deep.equal(['validation.unknownQuestion']);
      const empty = await rejection(proposeTopic(deps, senegal, survey.id, { question: topics.id, title: '  ' }));
      expect(empty.fields).to.deep.equal([{ field: 'title', key: 'validation.required' }]);
      expect(await proposalsFor(deps, admin, survey.id)).to.deep.equal([]);
    });

    it('refuses administrators, staff and an observer\'s delegate with forbidden', async () => {
      for (const actor of [admin, staff.actor]) {
        expect((await rejection(proposeTopic(deps, actor, survey.id, { question: topics.id, ...TOPIC }))).kind, actor.role).to.equal('forbidden');
      }
      const error = await rejection(proposeTopic(deps, observer, survey.id, { question: topics.id, ...TOPIC }));
      expect([error.kind, error.key]).to.deep.equal(['forbidden', 'errors.observerCannotVote']);
      expect(await proposalsFor(deps, admin, survey.id)).to.deep.equal([]);
    });

    it('refuses a closed survey as a conflict, also once its closing time has passed unnoticed', async () => {
      clock.set('2026-12-10T17:00:00.000Z');
      const passed = await rejection(proposeTopic(deps, senegal, survey.id, { question: topics.id, ...TOPIC }));
      expect([passed.kind, passed.key]).to.deep.equal(['conflict', 'errors.surveyClosed']);
      clock.set('2026-11-28T10:00:00.000Z');
      await closeSurvey(deps, admin, survey.id);
      expect((await rejection(proposeTopic(deps, senegal, survey.id, { question: topics.id, ...TOPIC }))).kind).to.equal('conflict');
    });

    it('answers a draft or an unknown survey with not_found', async () => {
      const draft = await createTestSurvey(deps, admin);
      expect((await rejection(proposeTopic(deps, senegal, draft.id, { question: draft.questions[1]!.id, ...TOPIC }))).kind).to.equal('not_found');
      expect((await rejection(proposeTopic(deps, senegal, 999_999, { question: topics.id, ...TOPIC }))).kind).to.equal('not_found');
    });
  });

  describe('proposalsFor', () => {
    it('shows a delegation its own proposals and administrators and staff all of them', async () => {
      const mine = await proposeTopic(deps, senegal, survey.id, { question: topics.id, ...TOPIC });
      const theirs = await proposeTopic(deps, france, survey.id, { question: topics.id, title: 'Labour mobility' });
      expect((await proposalsFor(deps, senegal, survey.id)).map((p) => p.id)).to.deep.equal([mine.id]);
      expect((await proposalsFor(deps, france, survey.id)).map((p) => p.id)).to.deep.equal([theirs.id]);
      expect((await proposalsFor(deps, staff.actor, survey.id)).map((p) => p.id)).to.deep.equal([mine.id, theirs.id]);
    });
  });

  describe('acceptProposal', () => {
    it('refuses while the open survey\'s options are frozen, as a conflict that changes nothing', async () => {
      const proposal = await proposeTopic(deps, senegal, survey.id, { question: topics.id, ...TOPIC });
      const error = await rejection(acceptProposal(deps, admin, proposal.id, { label: '(e)' }));
      expect([error.kind, error.key]).to.deep.equal(['conflict', 'errors.optionsFrozen']);
      expect((await getSurvey(deps, admin, survey.id)).questions[1]!.options).to.have.length(4);
      expect((await proposalsFor(deps, admin, survey.id))[0]!.status).to.equal('pending');
    });

    it('once the options are reopened, makes the proposal an option proposed by its Member State, recorded', async () => {
      const proposal = await proposeTopic(deps, senegal, survey.id, { question: topics.id, ...TOPIC, language: 'fr' });
      await reopenOptions(deps, admin, survey.id, { reason: 'A topic proposed by a delegation' });
      const accepted = await acceptProposal(deps, admin, proposal.id, { label: '(e)' });
      expect(accepted).to.include({ status: 'accepted', decidedAt: '2026-11-28T09:00:00.000Z' });
      const option = (await getSurvey(deps, admin, survey.id)).questions[1]!.options.at(-1)!;
      expect(option).to.deep.include({ id: accepted.optionId, position: 5, label: '(e)', proposedBy: 'SEN' });
      // Proposed in French: the French text is kept, and stands in English until translated.
      expect(option.title).to.deep.equal({ en: TOPIC.title, fr: TOPIC.title, es: null });
      const entry = await latestAuditEntry(deps, admin);
      expect(entry).to.include({ action: 'proposal.accept', subject: `proposal ${proposal.id}` });
      expect(entry.details).to.deep.include({ option: accepted.optionId, memberState: 'SEN', surveyStatus: 'open' });
    });

    it('refuses a proposal whose title or label only looks like an option of the question, naming both, and keeps it pending', async () => {
      await reopenOptions(deps, admin, survey.id, { reason: 'Proposals' });
      const twin = await proposeTopic(deps, senegal, survey.id, { question: topics.id, title: 'TOPIC \u0031', description: 'The same again.' });
      const error = await rejection(acceptProposal(deps, admin, twin.id, { label: '(e)' }));
      expect([error.kind, error.key, error.params]).to.deep.equal(['invalid', 'validation.proposalLookAlike', { title: 'TOPIC 1', option: 'Topic 1' }]);
      // Proposed in French, with a Cyrillic e: it looks like the French title of topic (b).
      const cyrillic = await proposeTopic(deps, france, survey.id, { question: topics.id, title: 'Th\u00e8m\u0435 2', description: '', language: 'fr' });
      expect((await rejection(acceptProposal(deps, admin, cyrillic.id, { label: '(f)' }))).params).to.deep.equal({ title: 'Th\u00e8m\u0435 2', option: 'Th\u00e8me 2' });
      const label = await proposeTopic(deps, senegal, survey.id, { question: topics.id, ...TOPIC });
      expect((await rejection(acceptProposal(deps, admin, label.id, { label: '(A)' }))).params).to.deep.equal({ title: '(A)', option: '(a)' });
      expect((await getSurvey(deps, admin, survey.id)).questions[1]!.options).to.have.length(4);
      expect((await proposalsFor(deps, admin, survey.id)).map((p) => p.status)).to.deep.equal(['pending', 'pending', 'pending']);
      expect(await acceptProposal(deps, admin, label.id, { label: '(e)' })).to.include({ status: 'accepted' });
    });

    it('refuses a proposal decided already as a conflict, adding no second option', async () => {
      const proposal = await proposeTopic(deps, senegal, survey.id, { question: topics.id, ...TOPIC });
      await reopenOptions(deps, admin, survey.id, { reason: 'Proposals' });
      await declineProposal(deps, admin, proposal.id, { reason: 'Covered by topic (b).' });
      const before = await latestAuditSeq(deps, admin);
      const error = await rejection(acceptProposal(deps, admin, proposal.id));
      expect([error.kind, error.key]).to.deep.equal(['conflict', 'errors.proposalDecided']);
      expect((await getSurvey(deps, admin, survey.id)).questions[1]!.options).to.have.length(4);
      expect(await latestAuditSeq(deps, admin)).to.equal(before);
    });

    it('refuses an unknown proposal with not_found and staff with forbidden', async () => {
      const proposal = await proposeTopic(deps, senegal, survey.id, { question: topics.id, ...TOPIC });
      expect((await rejection(acceptProposal(deps, admin, 999_999))).kind).to.equal('not_found');
      expect((await rejection(acceptProposal(deps, staff.actor, proposal.id))).kind).to.equal('forbidden');
      expect((await rejection(acceptProposal(deps, admin, proposal.id, { label: 'x'.repeat(21) }))).kind).to.equal('invalid');
    });
  });

  describe('declineProposal', () => {
    it('declines with the reason given, recorded, and the delegation sees it', async () => {
      const proposal = await proposeTopic(deps, senegal, survey.id, { question: topics.id, ...TOPIC });
      const declined = await declineProposal(deps, admin, proposal.id, { reason: 'Covered by topic (b).' });
      expect(declined).to.include({ status: 'declined', reason: 'Covered by topic (b).', optionId: null });
      expect(await proposalsFor(deps, senegal, survey.id)).to.deep.equal([declined]);
      expect(await latestAuditEntry(deps, admin)).to.deep.include({
        action: 'proposal.decline', details: { memberState: 'SEN', title: TOPIC.title, reason: 'Covered by topic (b).' },
      });
    });

    it('refuses a decline without a reason, one decided already, an unknown proposal and staff', async () => {
      const proposal = await proposeTopic(deps, senegal, survey.id, { question: topics.id, ...TOPIC });
      const noReason = await rejection(declineProposal(deps, admin, proposal.id, { reason: ' ' }));
      expect(noReason.fields).to.deep.equal([{ field: 'reason', key: 'validation.reasonRequired' }]);
      expect((await rejection(declineProposal(deps, staff.actor, proposal.id, { reason: 'No' }))).kind).to.equal('forbidden');
      expect((await rejection(declineProposal(deps, admin, 999_999, { reason: 'No' }))).kind).to.equal('not_found');
      await declineProposal(deps, admin, proposal.id, { reason: 'No' });
      expect((await rejection(declineProposal(deps, admin, proposal.id, { reason: 'Again' }))).kind).to.equal('conflict');
      expect((await proposalsFor(deps, admin, survey.id))[0]!.reason).to.equal('No');
    });
  });
});
