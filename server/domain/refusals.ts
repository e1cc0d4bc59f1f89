import { AppError, HTTP_STATUS, type ErrorKind } from './errors.js';
import type { SurveyStatus } from './surveys/model.js';

/**
 * Expected refusals of a user's action, as values: the pages and the API branch on `kind`, never on
 * a message. Each kind's error kind (so its HTTP status) and message are given once, in REFUSALS.
 */
export type Refusal =
  /** The ballot changed since the submission's base revision; `current` is who changed it, when, to which revision. */
  | { readonly kind: 'stale'; readonly current: StaleCurrent | null }
  /** The survey takes no ballot or proposal any more. `paper`: said to the administrator entering ballots received on paper. */
  | { readonly kind: 'closed'; readonly paper?: true }
  /** The survey is not open (yet): a draft for ballots. */
  | { readonly kind: 'not-open'; readonly paper?: true }
  /** An observer Member State does not vote or propose. */
  | { readonly kind: 'observer' }
  /** The proposal was accepted or declined already. */
  | { readonly kind: 'proposal-decided' }
  /** The survey's options take no new option now. */
  | { readonly kind: 'options-frozen' }
  /** The survey's status does not allow that change. */
  | { readonly kind: 'transition'; readonly from: SurveyStatus; readonly to: SurveyStatus }
  /** Another change of the survey's status came first. */
  | { readonly kind: 'survey-changed' }
  /** A one-time account link that was used already, has expired, or whose account cannot use it. */
  | { readonly kind: 'link-used' }
  /** A delegation asked for results that the Administration has not published yet. */
  | { readonly kind: 'results-not-published' }
  /** The overview changed since the revision the change was made from; `current` is who changed it, when, to which revision. */
  | { readonly kind: 'overview-stale'; readonly current: StaleCurrent | null }
  /** The event's call for overviews has passed its deadline, or the event has no call. */
  | { readonly kind: 'call-closed' }
  /** The event's call does not invite the delegate's Member State. */
  | { readonly kind: 'not-invited' }
  /** The overview's status does not allow that change (e.g. publishing a draft). */
  | { readonly kind: 'overview-transition'; readonly from: string; readonly to: string };

export type RefusalKind = Refusal['kind'];
export type RefusalOf<K extends RefusalKind> = Extract<Refusal, { kind: K }>;

export interface StaleCurrent {
  readonly who: string;
  /** ISO time of the current revision. */
  readonly when: string;
  readonly revision: number;
}

interface RefusalRule<R extends Refusal> {
  readonly error: ErrorKind;
  readonly message: (refusal: R) => { readonly key: string; readonly params?: Readonly<Record<string, string | number>> };
}

type RefusalRules = { readonly [K in RefusalKind]: RefusalRule<RefusalOf<K>> };

/** The one place where a refusal gets its status and its message; the compiler asks for every kind. */
export const REFUSALS: RefusalRules = {
  stale: {
    error: 'conflict',
    message: (r) => ({ key: 'errors.staleBallot', params: r.current ? { ...r.current } : { who: '?', when: '', revision: 0 } }),
  },
  closed: { error: 'conflict', message: (r) => ({ key: r.paper ? 'errors.paperBallots.closed' : 'errors.surveyClosed' }) },
  'not-open': { error: 'conflict', message: (r) => ({ key: r.paper ? 'errors.paperBallots.draft' : 'errors.surveyNotOpen' }) },
  observer: { error: 'forbidden', message: () => ({ key: 'errors.observerCannotVote' }) },
  'proposal-decided': { error: 'conflict', message: () => ({ key: 'errors.proposalDecided' }) },
  'options-frozen': { error: 'conflict', message: () => ({ key: 'errors.optionsFrozen' }) },
  transition: { error: 'conflict', message: (r) => ({ key: 'errors.surveyTransition', params: { from: r.from, to: r.to } }) },
  'survey-changed': { error: 'conflict', message: () => ({ key: 'errors.surveyChanged' }) },
  'link-used': { error: 'gone', message: () => ({ key: 'errors.linkUsedOrExpired' }) },
  'results-not-published': { error: 'forbidden', message: () => ({ key: 'errors.resultsNotPublished' }) },
  'overview-stale': { error: 'conflict', message: (r) => ({ key: 'errors.staleOverview', params: r.current ? { ...r.current } : { who: '?', when: '', revision: 0 } }) },
  'call-closed': { error: 'conflict', message: () => ({ key: 'errors.callClosed' }) },
  'not-invited': { error: 'forbidden', message: () => ({ key: 'errors.notInvited' }) },
  'overview-transition': { error: 'conflict', message: (r) => ({ key: 'errors.overviewTransition', params: { from: r.from, to: r.to } }) },
};

function messageOf<K extends RefusalKind>(kind: K, refusal: RefusalOf<K>) {
  return REFUSALS[kind].message(refusal);
}

/** The translation key and parameters that say `refusal` to people, as REFUSALS gives them. */
export function refusalMessage(refusal: Refusal): { readonly key: string; readonly params: Readonly<Record<string, string | number>> } {
  const { key, params } = messageOf(refusal.kind, refusal);
  return { key, params: params ?? {} };
}

/** The HTTP status that answers `refusal`, pages and API alike. */
export function refusalStatus(refusal: Refusal): number {
  return HTTP_STATUS[REFUSALS[refusal.kind].error];
}

/** An expected refusal thrown as an AppError, so that a transaction rolls back and the error pages and API body need nothing new. */
export class Refused<R extends Refusal = Refusal> extends AppError {
  constructor(readonly refusal: R) {
    const { key, params } = refusalMessage(refusal);
    super(REFUSALS[refusal.kind].error, key, params);
    this.name = 'Refused';
  }
}

/** The refusal carried by `error` when it is one of `kinds`; undefined for anything else. */
export function refusalOf<K extends RefusalKind>(error: unknown, kinds: readonly K[]): RefusalOf<K> | undefined {
  if (!(error instanceof Refused)) return undefined;
  const { refusal } = error;
  return (kinds as readonly RefusalKind[]).includes(refusal.kind) ? (refusal as RefusalOf<K>) : undefined;
}

/** For the default branch of a switch that handles every kind: the compiler refuses it when one is missing. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
