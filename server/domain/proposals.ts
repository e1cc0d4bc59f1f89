import { z } from 'zod';
import { nameSkeleton, normaliseName } from '../ballot-files/index.js';
import { findMemberStateById } from '../data/member-states.js';
import { decideProposal, findProposal, insertProposal, listProposals, type ProposalRow } from '../data/proposals.js';
import { findSurvey, insertOption, maxOptionPosition } from '../data/surveys.js';
import { LANGUAGES } from '../i18n/languages.js';
import { actorLabel, requireAdmin } from './accounts.js';
import { queueProposalDecision } from './mail/notices.js';
import { appendAuditEntry } from './audit.js';
import { isoTime } from './clock.js';
import type { Actor, Deps } from './deps.js';
import { AppError } from './errors.js';
import { Refused, type RefusalOf } from './refusals.js';
import { effectiveStatus, type SurveyStatus } from './surveys/model.js';
import { integerText, parseInput } from './validation.js';

const proposalSchema = z.object({
  // Posted by the proposal form, as text.
  question: integerText('validation.invalidValue', 1),
  // A proposal's title becomes an option's name when accepted: NFC, as option names are kept.
  title: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong').transform(normaliseName),
  description: z.string().trim().max(5000, 'validation.tooLong').optional().default(''),
  language: z.enum(LANGUAGES, { message: 'validation.language' }).default('en'),
});

/** Why a delegation's proposal is not taken. */
export const PROPOSAL_REFUSALS = ['closed', 'observer'] as const;
export type ProposalRefusal = RefusalOf<(typeof PROPOSAL_REFUSALS)[number]>;

/** Why an administrator's decision on a proposal is not taken. */
export const DECISION_REFUSALS = ['proposal-decided', 'options-frozen'] as const;
export type DecisionRefusal = RefusalOf<(typeof DECISION_REFUSALS)[number]>;

/** A delegation proposes a topic for a question that allows it, before or during the vote. */
export async function proposeTopic(deps: Deps, actor: Actor, surveyId: number, input: unknown): Promise<ProposalRow> {
  if (actor.role !== 'delegate' || actor.memberStateId === null) throw new AppError('forbidden', 'errors.forbidden');
  const data = parseInput(proposalSchema, input);
  return deps.db.transaction(async (tx) => {
    const survey = await findSurvey(tx, surveyId);
    if (!survey || survey.storedStatus === 'draft') throw new AppError('not_found', 'errors.notFound');
    if (effectiveStatus(survey, deps.clock.now()) !== 'open') throw new Refused({ kind: 'closed' });
    const question = survey.questions.find((q) => q.id === data.question);
    if (!question) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'question', key: 'validation.unknownQuestion', params: { id: data.question } }]);
    if (!question.allowProposals) throw new AppError('forbidden', 'errors.proposalsNotAllowed');
    const ms = await findMemberStateById(tx, actor.memberStateId!);
    if (!ms || ms.status !== 'member') throw new Refused({ kind: 'observer' });
    const id = await insertProposal(tx, {
      question_id: question.id, member_state_id: actor.memberStateId, submitted_by: actor.userId, language: data.language,
      title: data.title, description: data.description, status: 'pending', created_at: isoTime(deps.clock.now()),
    });
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'proposal.create', subjectType: 'proposal', subjectId: id,
      details: { survey: surveyId, question: question.id, memberState: ms.iso3, title: data.title, language: data.language },
    });
    return (await findProposal(tx, id))!;
  });
}

/** Administrators see every proposal; a delegation sees its own. */
export async function proposalsFor(deps: Deps, actor: Actor, surveyId: number): Promise<ProposalRow[]> {
  if (actor.role === 'delegate') return listProposals(deps.db, surveyId, actor.memberStateId ?? -1);
  return listProposals(deps.db, surveyId);
}

/**
 * Accepting makes the proposal an option, marked as proposed by its Member State: only while the
 * survey is a draft, or after its options were explicitly reopened (recorded in the audit log).
 */
/**
 * Whether accepting a proposal, which adds it to its question as an option, can work for a survey
 * in this state, and if not why: an open survey's options froze when it opened (until they are
 * reopened), and a closed survey takes no option any more. Declining works in every state.
 */
export type ProposalAcceptance = 'possible' | 'options-frozen' | 'closed';

export function proposalAcceptance(status: SurveyStatus, optionsReopened: boolean): ProposalAcceptance {
  if (status === 'draft' || (status === 'open' && optionsReopened)) return 'possible';
  return status === 'open' ? 'options-frozen' : 'closed';
}

export async function acceptProposal(deps: Deps, actor: Actor, proposalId: number, input: unknown = {}): Promise<ProposalRow> {
  requireAdmin(actor);
  const { label } = parseInput(z.object({ label: z.string().trim().max(20, 'validation.tooLong').optional().default('').transform(normaliseName) }), input ?? {});
  return deps.db.transaction(async (tx) => {
    const proposal = await findProposal(tx, proposalId);
    if (!proposal) throw new AppError('not_found', 'errors.notFound');
    const survey = (await findSurvey(tx, proposal.surveyId))!;
    const status = effectiveStatus(survey, deps.clock.now());
    if (proposalAcceptance(status, survey.optionsReopened) !== 'possible') throw new Refused({ kind: 'options-frozen' });
    // An option that only looks like one the question has would split one choice in two.
    const question = survey.questions.find((q) => q.id === proposal.questionId);
    const names = (question?.options ?? []).flatMap((o) => [o.title.en, o.title[proposal.language], o.label]).filter((n): n is string => !!n && n.trim() !== '');
    const twin = names.find((name) => nameSkeleton(name) === nameSkeleton(proposal.title) || (label !== '' && nameSkeleton(name) === nameSkeleton(label)));
    if (twin !== undefined) throw new AppError('invalid', 'validation.proposalLookAlike', { title: label !== '' && nameSkeleton(twin) === nameSkeleton(label) ? label : proposal.title, option: twin });
    const text = { en: null as string | null, fr: null as string | null, es: null as string | null };
    const description = { ...text };
    text[proposal.language] = proposal.title;
    description[proposal.language] = proposal.description;
    const optionId = await insertOption(tx, {
      question_id: proposal.questionId, position: (await maxOptionPosition(tx, proposal.questionId)) + 1, label,
      // English is required: a proposal in French or Spanish stands in English until translated.
      title_en: text.en ?? proposal.title, title_fr: text.fr, title_es: text.es,
      description_en: description.en ?? proposal.description, description_fr: description.fr, description_es: description.es,
      proposed_by: proposal.memberStateId,
    });
    if (!(await decideProposal(tx, proposalId, { status: 'accepted', decided_by: actor.userId, decided_at: isoTime(deps.clock.now()), option_id: optionId }))) {
      throw new Refused({ kind: 'proposal-decided' });
    }
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'proposal.accept', subjectType: 'proposal', subjectId: proposalId,
      details: { survey: survey.id, question: proposal.questionId, option: optionId, memberState: proposal.memberStateIso3, title: proposal.title, surveyStatus: status },
    });
    await queueProposalDecision(deps, tx, survey, proposal.memberStateId, proposal.title, { accepted: true });
    return (await findProposal(tx, proposalId))!;
  });
}

export async function declineProposal(deps: Deps, actor: Actor, proposalId: number, input: unknown): Promise<ProposalRow> {
  requireAdmin(actor);
  const { reason } = parseInput(z.object({ reason: z.string().trim().min(1, 'validation.reasonRequired').max(5000, 'validation.tooLong') }), input ?? {});
  return deps.db.transaction(async (tx) => {
    const proposal = await findProposal(tx, proposalId);
    if (!proposal) throw new AppError('not_found', 'errors.notFound');
    if (!(await decideProposal(tx, proposalId, { status: 'declined', reason, decided_by: actor.userId, decided_at: isoTime(deps.clock.now()) }))) {
      throw new Refused({ kind: 'proposal-decided' });
    }
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'proposal.decline', subjectType: 'proposal', subjectId: proposalId,
      details: { memberState: proposal.memberStateIso3, title: proposal.title, reason },
    });
    const survey = await findSurvey(tx, proposal.surveyId);
    if (survey) await queueProposalDecision(deps, tx, survey, proposal.memberStateId, proposal.title, { accepted: false, reason });
    return (await findProposal(tx, proposalId))!;
  });
}
