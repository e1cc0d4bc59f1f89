import { countAnsweredMembersBySurvey, listCurrentRevisions, listCurrentRevisionsOfMemberState, type RevisionRow } from '../../data/ballots.js';
import { countMemberStates, listMemberStates } from '../../data/member-states.js';
import { findSurvey, listSurveyRows } from '../../data/surveys.js';
import { type Actor, type Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { effectiveStatus, type Survey, type SurveyStatus } from './model.js';

export interface SurveyView extends Survey {
  /** The status at this moment (an open survey past its closing time is closed). */
  readonly status: SurveyStatus;
}

/** The survey as it stands at `now`. */
export function surveyViewAt(survey: Survey, now: Date): SurveyView {
  return { ...survey, status: effectiveStatus(survey, now) };
}

/** Delegates never see drafts; administrators and staff see every survey. */
export async function getSurvey(deps: Deps, actor: Actor, id: number): Promise<SurveyView> {
  const survey = await findSurvey(deps.db, id);
  if (!survey || (actor.role === 'delegate' && survey.storedStatus === 'draft')) throw new AppError('not_found', 'errors.notFound');
  return surveyViewAt(survey, deps.clock.now());
}

export interface SurveyListItem {
  readonly survey: SurveyView;
  /** For a delegate: their Member State's current ballot, if any. */
  readonly ballot: Pick<RevisionRow, 'revision' | 'submittedAt' | 'submittedByLabel' | 'channel'> | null;
}

export async function listSurveys(deps: Deps, actor: Actor): Promise<SurveyListItem[]> {
  const now = deps.clock.now();
  const surveys = await listSurveyRows(deps.db, actor.role === 'delegate' ? ['open', 'closed', 'published'] : undefined);
  if (actor.role !== 'delegate') return surveys.map((s) => ({ survey: surveyViewAt(s, now), ballot: null }));
  const bySurvey = new Map((await listCurrentRevisionsOfMemberState(deps.db, actor.memberStateId!)).map((r) => [r.surveyId, r]));
  return surveys.map((s) => {
    const current = bySurvey.get(s.id);
    return { survey: surveyViewAt(s, now), ballot: current ? { revision: current.revision, submittedAt: current.submittedAt, submittedByLabel: current.submittedByLabel, channel: current.channel } : null };
  });
}

export interface ParticipationCounts {
  /** Member States of status member. */
  readonly eligible: number;
  /** By survey id: how many of them have a ballot (none when absent). */
  readonly answered: ReadonlyMap<number, number>;
}

/** Participation of every survey at once, as the survey list shows it: the same numbers as participation(). */
export async function participationCounts(deps: Deps, actor: Actor): Promise<ParticipationCounts> {
  if (actor.role !== 'admin' && actor.role !== 'staff') throw new AppError('forbidden', 'errors.forbidden');
  const [eligible, answered] = await Promise.all([countMemberStates(deps.db, 'member'), countAnsweredMembersBySurvey(deps.db)]);
  return { eligible, answered };
}

export interface ParticipationRow {
  readonly memberStateId: number;
  readonly iso3: string;
  readonly names: { en: string; fr: string; es: string };
  readonly answered: boolean;
  readonly submittedAt: string | null;
  readonly submittedBy: string | null;
  readonly channel: string | null;
  readonly revision: number | null;
  /** Questions this Member State abstained on. */
  readonly abstentions: number;
}

export interface Participation {
  readonly survey: SurveyView;
  readonly eligible: number;
  readonly answered: number;
  readonly quorum: number | null;
  readonly quorumReached: boolean | null;
  readonly rows: readonly ParticipationRow[];
}

/** Every eligible Member State (status member) with whether, when, by whom and how it answered. */
export async function participation(deps: Deps, actor: Actor, surveyId: number): Promise<Participation> {
  if (actor.role !== 'admin' && actor.role !== 'staff') throw new AppError('forbidden', 'errors.forbidden');
  const survey = await getSurvey(deps, actor, surveyId);
  const [states, revisions] = await Promise.all([listMemberStates(deps.db), listCurrentRevisions(deps.db, surveyId)]);
  const byState = new Map(revisions.map((r) => [r.memberStateId, r]));
  const rows = states.filter((m) => m.status === 'member').map((m): ParticipationRow => {
    const r = byState.get(m.id);
    return {
      memberStateId: m.id, iso3: m.iso3, names: { en: m.name_en, fr: m.name_fr, es: m.name_es }, answered: !!r,
      submittedAt: r?.submittedAt ?? null, submittedBy: r?.submittedByLabel ?? null, channel: r?.channel ?? null, revision: r?.revision ?? null,
      abstentions: r ? Object.values(r.answers).filter((a) => a.abstain).length : 0,
    };
  });
  const answered = rows.filter((r) => r.answered).length;
  return { survey, eligible: rows.length, answered, quorum: survey.quorum, quorumReached: survey.quorum === null ? null : answered >= survey.quorum, rows };
}
