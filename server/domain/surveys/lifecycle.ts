import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { lockSurveyForChange, transitionSurvey, updateSurveyRow } from '../../data/surveys.js';
import { actorLabel, requireAdmin } from '../accounts.js';
import type { Tx } from '../../data/database.js';
import { appendAuditEntry, takeAuditTurn } from '../audit.js';
import { queueResultsPublished, queueSurveyClosed, queueSurveyOpened } from '../mail/notices.js';
import { isoTime } from '../clock.js';
import type { Actor, Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { Refused, type RefusalOf } from '../refusals.js';
import { parseInput } from '../validation.js';
import { loadSurveyOrThrow } from './authoring.js';
import { effectiveStatus, missingTranslations, type Survey, type SurveyStatus } from './model.js';

const openSchema = z.object({
  overrideReason: z.string().trim().max(2000, 'validation.tooLong').nullish().transform((v) => (v ? v : null)),
});

const reopenSchema = z.object({
  closesAt: z.union([z.iso.datetime({ offset: true, message: 'validation.dateTime' }), z.literal(''), z.null()]).optional()
    .transform((v) => (v ? new Date(v).toISOString() : null)),
});

/** Why a change of a survey's status or options is not made: not allowed from its status, another change came first, or not open. */
export const LIFECYCLE_REFUSALS = ['transition', 'survey-changed', 'not-open'] as const;
export type LifecycleRefusal = RefusalOf<(typeof LIFECYCLE_REFUSALS)[number]>;

/** Problems that keep a draft from opening, as translation keys with parameters. */
export function openingProblems(survey: Survey): { key: string; params: Record<string, string | number> }[] {
  const problems: { key: string; params: Record<string, string | number> }[] = [];
  survey.questions.forEach((q, i) => {
    if (q.options.length < 2) problems.push({ key: 'surveys.problems.fewOptions', params: { question: i + 1 } });
    else if (q.seats >= q.options.length) problems.push({ key: 'surveys.problems.seats', params: { question: i + 1 } });
  });
  if (survey.questions.length === 0) problems.push({ key: 'surveys.problems.noQuestion', params: {} });
  return problems;
}

async function transition(
  deps: Deps, actor: Actor, id: number, action: string, allowedFrom: readonly SurveyStatus[], to: SurveyStatus,
  extra: (survey: Survey, now: string) => Record<string, unknown>, details: (survey: Survey) => Record<string, unknown> = () => ({}),
): Promise<Survey> {
  requireAdmin(actor);
  return deps.db.transaction(async (tx) => {
    // The moment of the change is read in this transaction's turn, after every ballot that took
    // its turn before has been recorded; ballots after it wait, then read the change (takeAuditTurn).
    await lockSurveyForChange(tx, id);
    const turn = await takeAuditTurn(tx);
    const survey = await loadSurveyOrThrow(tx, id);
    const now = deps.clock.now();
    const from = effectiveStatus(survey, now);
    if (!allowedFrom.includes(from) || (survey.storedStatus === to && from === to)) throw new Refused({ kind: 'transition', from, to });
    const fields = { status: to, updated_at: isoTime(now), ...extra(survey, isoTime(now)) };
    if (!(await transitionSurvey(tx, id, survey.storedStatus, fields))) throw new Refused({ kind: 'survey-changed' });
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action,
      subjectType: 'survey', subjectId: id, details: { from: { status: from }, to: { ...fields, updated_at: undefined }, ...details(survey) },
    }, turn);
    const after = await loadSurveyOrThrow(tx, id);
    await queueStatusNotice(deps, tx, after, from, isoTime(now));
    return after;
  });
}

/** The notice of a change of status, queued with it: opened (or reopened), closed, results published. */
async function queueStatusNotice(deps: Deps, tx: Tx, survey: Survey, from: SurveyStatus, now: string): Promise<void> {
  if (survey.storedStatus === 'open') await queueSurveyOpened(deps, tx, survey);
  // Once per closing time: when it had passed, the reminder worker may have sent the notice already.
  else if (survey.storedStatus === 'closed' && from !== 'published') await queueSurveyClosed(deps, tx, survey, survey.closesAt ?? now);
  else if (survey.storedStatus === 'published') await queueResultsPublished(deps, tx, survey);
}

/**
 * Opens a draft. The lot's seed is drawn now and recorded, before any ballot exists, so nobody can
 * choose it after seeing the ballots. Every text needs its French and Spanish version unless the
 * administrator overrides that with a recorded reason.
 */
export async function openSurvey(deps: Deps, actor: Actor, id: number, input: unknown = {}): Promise<Survey> {
  const { overrideReason } = parseInput(openSchema, input ?? {});
  const check = await loadSurveyOrThrow(deps.db, id);
  const problems = openingProblems(check);
  if (problems.length) throw new AppError('invalid', 'errors.cannotOpen', {}, problems.map((p) => ({ field: 'survey', key: p.key, params: p.params })));
  const missing = missingTranslations(check);
  if (missing.length > 0 && !overrideReason) {
    throw new AppError('invalid', 'errors.translationsMissing', { count: missing.length }, [{ field: 'overrideReason', key: 'validation.overrideReason' }]);
  }
  if (check.closesAt && check.closesAt <= isoTime(deps.clock.now())) {
    throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'closesAt', key: 'validation.closesInPast' }]);
  }
  return transition(deps, actor, id, 'survey.open', ['draft'], 'open', (survey, now) => ({
    seed: survey.seed ?? randomBytes(16).toString('hex'),
    opened_at: now,
    translation_override: missing.length > 0 ? overrideReason : null,
  }), () => (missing.length > 0 ? { translationsMissing: missing.length, overrideReason } : {}));
}

export function closeSurvey(deps: Deps, actor: Actor, id: number): Promise<Survey> {
  // An open survey whose closing time has passed is closed already; closing it by hand records it.
  return transition(deps, actor, id, 'survey.close', ['open', 'closed'], 'closed', (survey, now) => ({
    closes_at: survey.closesAt && survey.closesAt <= now ? survey.closesAt : now,
  }));
}

/** Opens a closed survey again, e.g. to extend a deadline, with a new closing time or none. */
export async function reopenSurvey(deps: Deps, actor: Actor, id: number, input: unknown = {}): Promise<Survey> {
  const { closesAt } = parseInput(reopenSchema, input ?? {});
  if (closesAt && closesAt <= isoTime(deps.clock.now())) {
    throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'closesAt', key: 'validation.closesInPast' }]);
  }
  return transition(deps, actor, id, 'survey.reopen', ['closed'], 'open', () => ({ closes_at: closesAt }));
}

export function publishSurvey(deps: Deps, actor: Actor, id: number): Promise<Survey> {
  return transition(deps, actor, id, 'survey.publish', ['closed'], 'published', () => ({}));
}

/** Changes the closing time of an open survey (earlier or later, not in the past). */
export async function setClosingTime(deps: Deps, actor: Actor, id: number, input: unknown): Promise<Survey> {
  requireAdmin(actor);
  const { closesAt } = parseInput(reopenSchema, input ?? {});
  if (closesAt && closesAt <= isoTime(deps.clock.now())) {
    throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'closesAt', key: 'validation.closesInPast' }]);
  }
  return deps.db.transaction(async (tx) => {
    await lockSurveyForChange(tx, id);
    const turn = await takeAuditTurn(tx);
    const survey = await loadSurveyOrThrow(tx, id);
    const status = effectiveStatus(survey, deps.clock.now());
    if (status !== 'open' && status !== 'draft') throw new Refused({ kind: 'transition', from: status, to: status });
    await updateSurveyRow(tx, id, { closes_at: closesAt, updated_at: isoTime(deps.clock.now()) });
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'survey.closing-time', subjectType: 'survey', subjectId: id,
      details: { from: { closesAt: survey.closesAt }, to: { closesAt } },
    }, turn);
    return loadSurveyOrThrow(tx, id);
  });
}

/** Lets an open survey take new options (an accepted proposal); recorded, as it changes what delegations rank. */
export async function reopenOptions(deps: Deps, actor: Actor, id: number, input: unknown): Promise<Survey> {
  requireAdmin(actor);
  const { reason } = parseInput(z.object({ reason: z.string().trim().min(1, 'validation.required').max(2000, 'validation.tooLong') }), input ?? {});
  return deps.db.transaction(async (tx) => {
    const survey = await loadSurveyOrThrow(tx, id);
    if (effectiveStatus(survey, deps.clock.now()) !== 'open') throw new Refused({ kind: 'not-open' });
    await updateSurveyRow(tx, id, { options_reopened: true, updated_at: isoTime(deps.clock.now()) });
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'survey.reopen-options', subjectType: 'survey', subjectId: id, details: { reason },
    });
    return loadSurveyOrThrow(tx, id);
  });
}
