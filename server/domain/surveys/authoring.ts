import type { Queryable, Tx } from '../../data/database.js';
import {
  deleteOptions, deleteQuestions, findSurvey, insertOption, insertQuestion, insertSurvey, localisedColumns,
  updateOption, updateQuestion, updateSurveyRow,
} from '../../data/surveys.js';
import { actorLabel, requireAdmin } from '../accounts.js';
import { appendAuditEntry } from '../audit.js';
import { isoTime } from '../clock.js';
import type { Actor, Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { parseInput } from '../validation.js';
import { surveyInputSchema, type QuestionInput, type SurveyInput } from './input.js';
import type { Survey } from './model.js';

function surveyColumns(input: SurveyInput) {
  return {
    ...localisedColumns('title', input.title),
    ...localisedColumns('description', input.description),
    reference: input.reference,
    closes_at: input.closesAt,
    quorum: input.quorum,
  };
}

function questionColumns(q: QuestionInput, position: number) {
  return {
    position,
    ...localisedColumns('title', q.title),
    ...localisedColumns('description', q.description),
    seats: q.seats, method: q.method, max_ranks: q.maxRanks,
    allow_abstain: q.allowAbstain, allow_comment: q.allowComment, allow_proposals: q.allowProposals,
  };
}

/** A plain description of a survey for the audit log. */
export function auditView(s: Survey) {
  return {
    title: s.title, reference: s.reference, closesAt: s.closesAt, quorum: s.quorum,
    questions: s.questions.map((q) => ({ id: q.id, title: q.title.en, seats: q.seats, method: q.method, maxRanks: q.maxRanks, options: q.options.map((o) => ({ id: o.id, label: o.label, title: o.title.en })) })),
  };
}

export async function loadSurveyOrThrow(db: Queryable, id: number): Promise<Survey> {
  const survey = await findSurvey(db, id);
  if (!survey) throw new AppError('not_found', 'errors.notFound');
  return survey;
}

async function writeQuestions(tx: Tx, surveyId: number, existing: Survey | null, questions: QuestionInput[]): Promise<void> {
  const keptQuestionIds = new Set(questions.flatMap((q) => (q.id ? [q.id] : [])));
  const existingQuestions = new Map((existing?.questions ?? []).map((q) => [q.id, q]));
  for (const id of keptQuestionIds) {
    if (!existingQuestions.has(id)) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'questions', key: 'validation.unknownQuestion', params: { id } }]);
  }
  await deleteQuestions(tx, [...existingQuestions.keys()].filter((id) => !keptQuestionIds.has(id)));
  for (const [qi, q] of questions.entries()) {
    let questionId: number;
    if (q.id) {
      questionId = q.id;
      await updateQuestion(tx, questionId, questionColumns(q, qi + 1));
    } else {
      questionId = await insertQuestion(tx, { survey_id: surveyId, ...questionColumns(q, qi + 1) });
    }
    const existingOptions = new Map((existingQuestions.get(questionId)?.options ?? []).map((o) => [o.id, o]));
    const keptOptionIds = new Set(q.options.flatMap((o) => (o.id ? [o.id] : [])));
    for (const id of keptOptionIds) {
      if (!existingOptions.has(id)) throw new AppError('invalid', 'errors.invalid', {}, [{ field: `questions.${qi}.options`, key: 'validation.unknownOption', params: { id } }]);
    }
    await deleteOptions(tx, [...existingOptions.keys()].filter((id) => !keptOptionIds.has(id)));
    for (const [oi, o] of q.options.entries()) {
      const columns = { position: oi + 1, label: o.label, ...localisedColumns('title', o.title), ...localisedColumns('description', o.description) };
      if (o.id) await updateOption(tx, o.id, columns);
      else await insertOption(tx, { question_id: questionId, ...columns });
    }
  }
}

async function insertSurveyIn(deps: Deps, tx: Tx, actor: Actor, data: SurveyInput, details: Record<string, unknown> = {}): Promise<Survey> {
  const now = isoTime(deps.clock.now());
  const id = await insertSurvey(tx, { ...surveyColumns(data), status: 'draft', created_by: actor.userId, created_at: now, updated_at: now });
  await writeQuestions(tx, id, null, data.questions);
  const survey = await loadSurveyOrThrow(tx, id);
  await appendAuditEntry(deps, tx, {
    actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'survey.create', subjectType: 'survey', subjectId: id, details: { ...details, to: auditView(survey) },
  });
  return survey;
}

export async function createSurvey(deps: Deps, actor: Actor, input: unknown): Promise<Survey> {
  requireAdmin(actor);
  const data = parseInput(surveyInputSchema, input);
  return deps.db.transaction((tx) => insertSurveyIn(deps, tx, actor, data));
}

/**
 * Replaces a draft's content. Once a survey has been opened, its questions and options are frozen;
 * only the closing time and quorum change, through the lifecycle.
 */
export async function updateSurvey(deps: Deps, actor: Actor, id: number, input: unknown): Promise<Survey> {
  requireAdmin(actor);
  const data = parseInput(surveyInputSchema, input);
  return deps.db.transaction(async (tx) => {
    const before = await loadSurveyOrThrow(tx, id);
    if (before.storedStatus !== 'draft') throw new AppError('conflict', 'errors.surveyFrozen');
    await updateSurveyRow(tx, id, { ...surveyColumns(data), updated_at: isoTime(deps.clock.now()) });
    await writeQuestions(tx, id, before, data.questions);
    const after = await loadSurveyOrThrow(tx, id);
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'survey.update', subjectType: 'survey', subjectId: id,
      details: { from: auditView(before), to: auditView(after) },
    });
    return after;
  });
}

/** A new draft with the same content (no ballots, no seed, no closing time). */
export async function duplicateSurvey(deps: Deps, actor: Actor, id: number): Promise<Survey> {
  requireAdmin(actor);
  const source = await loadSurveyOrThrow(deps.db, id);
  const copy = {
    title: source.title,
    description: source.description,
    reference: source.reference,
    closesAt: null,
    quorum: source.quorum,
    questions: source.questions.map((q) => ({
      title: q.title, description: q.description, seats: q.seats, method: q.method, maxRanks: q.maxRanks,
      allowAbstain: q.allowAbstain, allowComment: q.allowComment, allowProposals: q.allowProposals,
      options: q.options.map((o) => ({ label: o.label, title: o.title, description: o.description })),
    })),
  };
  const data = parseInput(surveyInputSchema, copy);
  return deps.db.transaction((tx) => insertSurveyIn(deps, tx, actor, data, { duplicateOf: id }));
}
