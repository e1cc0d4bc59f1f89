import type { Request, Response } from 'express';
import type { Deps } from '../../domain/deps.js';
import { AppError, HTTP_STATUS } from '../../domain/errors.js';
import { proposalAcceptance, proposalsFor } from '../../domain/proposals.js';
import { assertNever, refusalOf, refusalStatus } from '../../domain/refusals.js';
import { LIFECYCLE_REFUSALS } from '../../domain/surveys/lifecycle.js';
import { refusalText } from '../refusal-text.js';
import { getSurvey, participation } from '../../domain/surveys/queries.js';
import type { FieldMessages } from '../forms/field-errors.js';
import { actionsFor, gapsOf, questionTitles, remaining, textCells, titleIn } from '../view-models/admin-surveys.js';
import { idFromText } from '../forms/params.js';

const DONE = new Set(['created', 'saved', 'duplicated', 'open', 'close', 'reopen', 'publish', 'closingTime', 'reopenOptions']);

export interface ActionState {
  /** Which form the messages belong to. */
  readonly action: string;
  /** Messages without a field, shown at the top. */
  readonly general: string[];
  /** Messages by the id of their field. */
  readonly fields: FieldMessages;
  /** What was typed, shown again. */
  readonly values: Record<string, string>;
}

/**
 * An expected failure of a lifecycle action as messages for the survey page: the general message
 * and one per field, keyed by the field's id ("open-overrideReason"); null for other errors.
 */
export function actionErrors(error: unknown, req: Request, action: string, fieldsOfForm: readonly string[], values: Record<string, string>): { status: number; state: ActionState } | null {
  const refusal = refusalOf(error, LIFECYCLE_REFUSALS);
  if (refusal) {
    switch (refusal.kind) {
      case 'transition':
      case 'survey-changed':
      case 'not-open':
        return { status: refusalStatus(refusal), state: { action, general: [refusalText(req, refusal)], fields: {}, values } };
      default:
        return assertNever(refusal);
    }
  }
  if (!(error instanceof AppError) || (error.kind !== 'invalid' && error.kind !== 'conflict')) return null;
  const general: string[] = [];
  const fields: FieldMessages = {};
  if (error.key !== 'errors.invalid' || error.fields.length === 0) general.push(req.t(error.key, error.params));
  for (const f of error.fields) {
    const message = req.t(f.key, f.params);
    if (fieldsOfForm.includes(f.field)) fields[`${action}-${f.field}`] ??= message;
    else general.push(message);
  }
  return { status: HTTP_STATUS[error.kind], state: { action, general, fields, values } };
}

/** Renders everything about a survey, with the outcome of an action when there is one. */
export async function renderSurveyPage(deps: Deps, req: Request, res: Response, id: number, status = 200, state: ActionState | null = null): Promise<void> {
  const actor = req.user!;
  const survey = await getSurvey(deps, actor, id);
  const [p, proposals] = await Promise.all([participation(deps, actor, id), proposalsFor(deps, actor, id)]);
  const now = deps.clock.now();
  const done = typeof req.query.done === 'string' && DONE.has(req.query.done) && status === 200 ? req.query.done : null;
  const from = String(idFromText(req.query.from) ?? '');
  const title = titleIn(survey, req.lang);
  res.status(status).render('admin/surveys/show', {
    title: title.text,
    titleLang: title.lang,
    survey,
    participation: p,
    pendingProposals: proposals.filter((x) => x.status === 'pending').length,
    undecided: proposals.filter((x) => x.status === 'pending'),
    proposalAcceptance: proposalAcceptance(survey.status, survey.optionsReopened),
    questionTitles: questionTitles(survey, req.lang),
    hasProposalQuestions: survey.questions.some((q) => q.allowProposals) || proposals.length > 0,
    gaps: gapsOf(survey, req.t),
    remaining: survey.status === 'open' ? remaining(survey.closesAt, now) : null,
    closingPassed: survey.closesAt !== null && survey.closesAt <= now.toISOString(),
    actions: actor.role === 'admin' ? actionsFor(survey.status, survey.optionsReopened) : [],
    canChange: actor.role === 'admin',
    done,
    doneFrom: from,
    state,
    errors: state?.fields ?? {},
    textCells,
  });
}
