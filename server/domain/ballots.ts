import { independently, type Tx } from '../data/database.js';
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import {
  advanceOpenBallot, findBallot, findCurrentRevision, findRevision, findRevisionByReceipt, insertBallot, insertRevision, listRevisions,
  type Channel, type RevisionRow, type StoredAnswer,
} from '../data/ballots.js';
import { isUniqueViolation } from '../data/connection.js';
import { findMemberStateById } from '../data/member-states.js';
import { findSurvey, findSurveyStatus } from '../data/surveys.js';
import { createRankingValidator } from '../tally/index.js';
import { actorLabel } from './accounts.js';
import { insertOutboxMessages } from '../data/outbox.js';
import { prepareBallotReceipts, type BallotReceipts } from './mail/notices.js';
import { appendAuditEntry, takeAuditTurn } from './audit.js';
import { isoTime } from './clock.js';
import { type Actor, type Deps } from './deps.js';
import { AppError, type FieldError } from './errors.js';
import { Refused, type RefusalOf } from './refusals.js';
import { effectiveStatus, type Survey } from './surveys/model.js';
import { surveyViewAt, type SurveyView } from './surveys/queries.js';
import { id, integer, parseInput } from './validation.js';

const comment = z.string().trim().max(5000, 'validation.tooLong').optional();
/**
 * One answer: a ranking of option ids, or an abstention. One object rather than a union of two, so
 * that a value of the wrong type is refused at its own field (answers.0.ranking.0), not at the answer.
 */
const answerSchema = z.object({
  question: id(),
  ranking: z.array(z.union([id(), z.null()], { message: 'validation.invalidValue' })).max(200, 'validation.tooMany').optional(),
  abstain: z.boolean({ message: 'validation.invalidValue' }).optional(),
  comment,
}).superRefine((a, ctx) => {
  const ranks = a.ranking !== undefined && a.ranking.length > 0;
  if (a.abstain === true ? ranks : a.ranking === undefined) ctx.addIssue({ code: 'custom', message: 'validation.answer' });
});

export const ballotInputSchema = z.object({
  baseRevision: integer('validation.invalidValue', 0).optional(),
  answers: z.array(answerSchema).max(50, 'validation.tooMany'),
  comments: z.string().trim().max(10000, 'validation.tooLong').optional().default(''),
});
export type BallotInput = z.input<typeof ballotInputSchema>;

/** A ballot as it will be counted: per question, option ids in order, or an abstention. */
export interface CheckedBallot {
  readonly answers: Readonly<Record<string, StoredAnswer>>;
  readonly comments: string;
  readonly baseRevision: number | undefined;
}

/** Why a ballot is not taken: an expected outcome that the pages and the API tell apart by its kind. */
export const BALLOT_REFUSALS = ['stale', 'closed', 'not-open', 'observer'] as const;
export type BallotRefusal = RefusalOf<(typeof BALLOT_REFUSALS)[number]>;

export interface BallotTarget {
  readonly survey: Survey;
  readonly memberStateId: number;
}

const RECEIPT_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A receipt code like 7KQ2-M9XA-P4LD: 60 random bits, no look-alike characters. */
export function newReceiptCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** Which Member State's ballot the actor may submit, and the survey it is for; refuses anyone else. */
export async function ballotTarget(deps: Deps, actor: Actor, surveyId: number, memberStateId?: number): Promise<BallotTarget> {
  const survey = await findSurvey(deps.db, surveyId);
  if (!survey || (survey.storedStatus === 'draft' && actor.role !== 'admin')) throw new AppError('not_found', 'errors.notFound');
  let target: number;
  if (actor.role === 'delegate') {
    if (memberStateId !== undefined && memberStateId !== actor.memberStateId) throw new AppError('forbidden', 'errors.otherMemberState');
    target = actor.memberStateId!;
  } else if (actor.role === 'admin' && memberStateId !== undefined) {
    target = memberStateId;
  } else {
    throw new AppError('forbidden', 'errors.forbidden');
  }
  // A delegate's Member State was read with the account, at the start of this request.
  const status = actor.role === 'delegate' && actor.memberStateStatus !== undefined
    ? actor.memberStateStatus
    : (await findMemberStateById(deps.db, target))?.status;
  if (!status) throw new AppError('not_found', 'errors.notFound');
  if (status !== 'member') throw new Refused({ kind: 'observer' });
  return { survey, memberStateId: target };
}

/** Validates a ballot against its survey's questions, without saving it (the review step uses this). */
export function checkBallot(survey: Survey, input: unknown): CheckedBallot {
  const data = parseInput(ballotInputSchema, input);
  const fields: FieldError[] = [];
  const answers: Record<string, StoredAnswer> = {};
  const byId = new Map(survey.questions.map((q) => [q.id, q]));
  data.answers.forEach((a, i) => {
    const q = byId.get(a.question);
    if (!q) return fields.push({ field: `answers.${i}.question`, key: 'validation.unknownQuestion', params: { id: a.question } });
    if (answers[q.id]) return fields.push({ field: `q${q.id}`, key: 'validation.questionTwice' });
    if (a.comment && !q.allowComment) fields.push({ field: `q${q.id}.comment`, key: 'validation.commentNotAllowed' });
    const withComment = a.comment ? { comment: a.comment } : {};
    if (a.ranking !== undefined && a.ranking.length > 0) {
      const check = createRankingValidator({ options: q.options.map((o) => String(o.id)), maxRanks: q.maxRanks ?? undefined })(a.ranking.map((x) => (x === null ? null : String(x))));
      if (!check.ok) {
        for (const p of check.problems) fields.push({ field: `q${q.id}`, key: `ballot.problems.${p.code}`, params: { rank: p.rank, max: q.maxRanks ?? q.options.length } });
        return;
      }
      answers[q.id] = { ranking: check.ranking.map((index) => q.options[index]!.id), ...withComment };
    } else if (a.abstain === true) {
      if (!q.allowAbstain) return fields.push({ field: `q${q.id}`, key: 'validation.abstainNotAllowed' });
      answers[q.id] = { abstain: true, ...withComment };
    } else {
      fields.push({ field: `q${q.id}`, key: q.allowAbstain ? 'validation.rankOrAbstain' : 'validation.rankAtLeastOne' });
    }
  });
  for (const q of survey.questions) {
    if (!answers[q.id] && !fields.some((f) => f.field === `q${q.id}` || f.field.startsWith(`q${q.id}.`))) {
      fields.push({ field: `q${q.id}`, key: q.allowAbstain ? 'validation.rankOrAbstain' : 'validation.rankAtLeastOne' });
    }
  }
  if (fields.length) throw new AppError('invalid', 'errors.ballotInvalid', {}, fields);
  return { answers, comments: data.comments, baseRevision: data.baseRevision };
}

function assertOpen(deps: Deps, survey: Pick<Survey, 'storedStatus' | 'closesAt'>): void {
  const status = effectiveStatus(survey, deps.clock.now());
  if (status !== 'open') throw new Refused({ kind: status === 'draft' ? 'not-open' : 'closed' });
}

function staleError(current: RevisionRow | undefined): Refused<BallotRefusal> {
  return new Refused({
    kind: 'stale',
    current: current ? { who: current.submittedByLabel, when: current.submittedAt, revision: current.revision } : null,
  });
}

/**
 * When the one-statement advance did not apply: the survey is not open, the base revision is
 * stale, or this is the Member State's first ballot, which is inserted here.
 */
async function firstOrRefused(deps: Deps, tx: Tx, target: BallotTarget, ballot: CheckedBallot, now: string): Promise<{ ballotId: number; revision: number }> {
  const { survey, memberStateId } = target;
  const fresh = await findSurveyStatus(tx, survey.id);
  if (!fresh) throw new AppError('not_found', 'errors.notFound');
  assertOpen(deps, fresh);
  if (await findBallot(tx, survey.id, memberStateId)) {
    // On PostgreSQL another submission's first ballot may have committed between the advance and
    // this read: a submission that replaces whatever is there advances from it.
    const moved = ballot.baseRevision === undefined ? await advanceOpenBallot(tx, survey.id, memberStateId, undefined, now) : undefined;
    if (moved) return { ballotId: moved.id, revision: moved.revision };
    throw staleError(await findCurrentRevision(tx, survey.id, memberStateId));
  }
  if (ballot.baseRevision !== undefined && ballot.baseRevision !== 0) throw staleError(undefined);
  return { ballotId: await insertBallot(tx, survey.id, memberStateId, now), revision: 1 };
}

/**
 * Writes one revision of a Member State's ballot inside the caller's transaction: the closing time
 * checked as it arrives, the receipt code and the audit entry. Several calls in one transaction
 * write several ballots together or none of them (the CSV import of paper ballots does this).
 */
export async function writeRevision(
  deps: Deps, tx: Tx, actor: Actor, target: BallotTarget, ballot: CheckedBallot, channel: Channel, receipts?: BallotReceipts,
) {
  const { survey, memberStateId } = target;
  const mail = receipts ?? await prepareBallotReceipts(deps, tx, survey, memberStateId);
  // The closing time is checked here, as the ballot arrives, whatever else runs: a close made on
  // another connection meanwhile either waits for this ballot or is read by it (takeAuditTurn).
  // The questions and options were checked against the survey as it was loaded, and they are
  // frozen once it is open.
  const turn = await takeAuditTurn(tx);
  const now = isoTime(deps.clock.now());
  const moved = await advanceOpenBallot(tx, survey.id, memberStateId, ballot.baseRevision, now);
  const { ballotId, revision } = moved ? { ballotId: moved.id, revision: moved.revision } : await firstOrRefused(deps, tx, target, ballot, now);
  const receipt = newReceiptCode();
  // The revision, its audit entry and its receipt messages do not depend on each other (on SQLite
  // they are sent at once: see independently).
  const messages = mail.messages({ revision, receipt, submittedAt: now, channel, answers: ballot.answers });
  await independently(tx, [
    () => insertRevision(tx, {
      ballot_id: ballotId, revision, submitted_by: actor.userId, submitted_by_label: actorLabel(actor), submitted_at: now,
      channel, receipt, answers: JSON.stringify(ballot.answers), comments: ballot.comments,
    }),
    () => appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'ballot.submit', subjectType: 'ballot', subjectId: ballotId,
      details: { survey: survey.id, memberStateId, revision, channel, receipt, answers: ballot.answers },
    }, turn),
    () => insertOutboxMessages(tx, messages, now),
  ]);
  return { revision, receipt, submittedAt: now };
}

/**
 * Stores a new revision of the Member State's ballot. With a base revision that is no longer the
 * current one, nothing changes and the caller learns who changed the ballot and when. Expected
 * refusals are thrown as `Refused<BallotRefusal>` (see BALLOT_REFUSALS).
 */
export async function submitBallot(
  deps: Deps, actor: Actor, surveyId: number, input: unknown, options: { channel: Channel; memberStateId?: number },
): Promise<{ revision: number; receipt: string; submittedAt: string }> {
  const target = await ballotTarget(deps, actor, surveyId, options.memberStateId);
  assertOpen(deps, target.survey);
  const ballot = checkBallot(target.survey, input);
  const receipts = await prepareBallotReceipts(deps, deps.db, target.survey, target.memberStateId);
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.groupedTransaction((tx) => writeRevision(deps, tx, actor, target, ballot, options.channel, receipts));
    } catch (error) {
      // Two first submissions at once: the unique key lets one in; the other is stale, or retries
      // when it asked to replace whatever is there.
      if (!isUniqueViolation(error)) throw error;
      if (ballot.baseRevision !== undefined || attempt >= 2) throw staleError(await findCurrentRevision(deps.db, surveyId, target.memberStateId));
    }
  }
}

export async function currentBallot(deps: Deps, actor: Actor, surveyId: number): Promise<RevisionRow | undefined> {
  const target = await ballotTarget(deps, actor, surveyId);
  return findCurrentRevision(deps.db, surveyId, target.memberStateId);
}

/** For the actor's ballot page: the survey as it stands and the Member State's current ballot. */
export async function ballotFor(deps: Deps, actor: Actor, surveyId: number): Promise<{ survey: SurveyView; current: RevisionRow | undefined }> {
  const target = await ballotTarget(deps, actor, surveyId);
  return { survey: surveyViewAt(target.survey, deps.clock.now()), current: await findCurrentRevision(deps.db, surveyId, target.memberStateId) };
}

export async function ballotHistory(deps: Deps, actor: Actor, surveyId: number): Promise<RevisionRow[]> {
  const target = await ballotTarget(deps, actor, surveyId);
  return listRevisions(deps.db, surveyId, target.memberStateId);
}

/** What was recorded for a receipt, shown only to that Member State's delegation and the Administration. */
export async function lookUpReceipt(deps: Deps, actor: Actor, code: string): Promise<{ revision: RevisionRow & { isCurrent: boolean }; survey: Survey }> {
  const normalised = code.trim().toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/^(.{4})(.{4})(.{4})$/, '$1-$2-$3');
  const revision = await findRevisionByReceipt(deps.db, normalised);
  if (!revision) throw new AppError('not_found', 'errors.receiptUnknown');
  if (actor.role === 'delegate' && actor.memberStateId !== revision.memberStateId) throw new AppError('not_found', 'errors.receiptUnknown');
  const survey = (await findSurvey(deps.db, revision.surveyId))!;
  return { revision, survey };
}

export { findRevision };
