// A domain refusal said to the reader of a page: the message REFUSALS gives it, in the reader's
// language, with a stale ballot's time in the reader's format.
import type { Request } from 'express';
import { refusalMessage, type Refusal } from '../domain/refusals.js';
import type { SurveyStatus } from '../domain/surveys/model.js';
import type { Formatters } from '../i18n/index.js';

export function refusalText(req: Request, refusal: Refusal): string {
  const fmt = (req.res!.locals as { fmt: Formatters }).fmt;
  const said = (refusal.kind === 'stale' || refusal.kind === 'overview-stale') && refusal.current
    ? { ...refusal, current: { ...refusal.current, when: fmt.dateTime(refusal.current.when) } }
    : refusal;
  const { key, params } = refusalMessage(said);
  return req.t(key, params);
}

/** Why a survey that is not open takes no ballot, as the refusal of a ballot would say it. */
export function notOpenText(req: Request, status: SurveyStatus, options: { paper?: true } = {}): string {
  return refusalText(req, { kind: status === 'draft' ? 'not-open' : 'closed', ...options });
}
