import { z } from 'zod';
import {
  deleteCall, findEvent, insertCall, insertEvent, listEvents, listEventOptionsOfSurvey, listOverviewAuthors, listOverviewStates, replaceCall, updateEventFields,
  type CallFields, type EventFields, type EventRow,
} from '../../data/events.js';
import { surveyResults } from '../results.js';
import type { Tx } from '../../data/database.js';
import { listMemberStates } from '../../data/member-states.js';
import { listAllMemberStates, type MemberState } from '../member-states.js';
import { findSurvey } from '../../data/surveys.js';
import { actorLabel } from '../accounts.js';
import { appendAuditEntry } from '../audit.js';
import { isoTime } from '../clock.js';
import type { Actor, Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { id, integer, parseInput } from '../validation.js';

const line = (max: number) => z.string({ message: 'validation.invalidValue' }).trim().max(max, 'validation.tooLong');
const required = (max: number) => line(max).min(1, 'validation.required');
/** English required, French and Spanish optional (a missing translation falls back to English). */
const texts = (max: number) => z.object({ en: required(max), fr: line(max).optional(), es: line(max).optional() }, { message: 'validation.invalidValue' });
const optionalTexts = (max: number) => z.object({ en: line(max), fr: line(max).optional(), es: line(max).optional() }, { message: 'validation.invalidValue' });
const day = z.string({ message: 'validation.invalidValue' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.dayOrTime')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'validation.dayOrTime');
const moment = z.string({ message: 'validation.invalidValue' }).refine((d) => !Number.isNaN(Date.parse(d)) && /^\d{4}-\d{2}-\d{2}/.test(d), 'validation.dayOrTime');

/** The largest limit a call may set: about 2–3 pages is some 1,500 words; ten times that is refused. */
export const MAX_WORDS = 15000;

const callSchema = z.object({
  deadline: moment,
  maxWords: integer('validation.invalidValue', 1).max(MAX_WORDS, 'validation.tooMany').optional(),
  sections: z.array(z.object({
    heading: texts(300), guidance: optionalTexts(2000).optional(),
    suggestedWords: integer('validation.invalidValue', 1).max(MAX_WORDS, 'validation.tooMany').optional(),
  }, { message: 'validation.invalidValue' }), { message: 'validation.invalidValue' })
    .min(1, 'validation.required').max(20, 'validation.tooMany'),
  invited: z.array(z.string().regex(/^[A-Z]{3}$/, 'validation.invalidValue')).min(1, 'validation.invitedNone').max(300, 'validation.tooMany').optional(),
}, { message: 'validation.invalidValue' }).superRefine((call, ctx) => {
  const suggested = call.sections.reduce((n, s) => n + (s.suggestedWords ?? 0), 0);
  const max = call.maxWords ?? DEFAULT_MAX_WORDS;
  if (suggested > max) ctx.addIssue({ code: 'custom', path: ['sections'], message: 'validation.suggestedOverLimit', params: { suggested, max } });
});

const eventShape = z.object({
  title: texts(500),
  reference: line(100).optional(),
  startsOn: day.optional(),
  endsOn: day.optional(),
  place: line(300).optional(),
  survey: id().optional(),
  option: id().optional(),
  call: callSchema.optional(),
}, { message: 'validation.invalidValue' });

function datesInOrder(e: { startsOn?: string | undefined; endsOn?: string | undefined }, ctx: z.RefinementCtx): void {
  if (e.startsOn && e.endsOn && e.endsOn < e.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'validation.endsBeforeStart' });
}

export const eventInputSchema = eventShape.superRefine(datesInOrder);

export interface Texts { readonly en: string; readonly fr: string; readonly es: string }

export interface CallSection {
  readonly heading: Texts;
  readonly guidance: Texts;
  /** The length suggested for the section, in words; null: none. */
  readonly suggestedWords: number | null;
}

export interface EventCall {
  readonly deadline: string;
  readonly maxWords: number;
  readonly sections: readonly CallSection[];
  /** Ids of the invited Member States; null: every Member State, members and observers alike. */
  readonly invited: readonly number[] | null;
}

export interface PolicyEvent {
  readonly id: number;
  readonly title: Texts;
  readonly reference: string;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly place: string;
  readonly surveyId: number | null;
  readonly optionId: number | null;
  readonly createdAt: string;
  readonly call: EventCall | null;
}

export const DEFAULT_MAX_WORDS = 1500;

export function eventFromRow(r: EventRow): PolicyEvent {
  return {
    id: r.id, title: { en: r.title_en, fr: r.title_fr, es: r.title_es }, reference: r.reference, startsOn: r.starts_on, endsOn: r.ends_on,
    place: r.place, surveyId: r.survey_id, optionId: r.option_id, createdAt: r.created_at,
    call: r.deadline !== null && r.sections !== null
      ? { deadline: r.deadline, maxWords: r.max_words ?? DEFAULT_MAX_WORDS, sections: r.sections, invited: r.invited }
      : null,
  };
}

/** Whether the call still takes overviews at `now`. */
export function isCallOpen(call: EventCall | null, now: Date): call is EventCall {
  return call !== null && now.getTime() <= Date.parse(call.deadline);
}

type EventInput = z.output<typeof eventInputSchema>;
type CallInput = z.output<typeof callSchema>;

/** The invited Member States' ids, from their ISO3 codes; null (every Member State) when not given. */
async function invitedIds(tx: Tx, invited: readonly string[] | undefined): Promise<number[] | null> {
  if (!invited) return null;
  const known = new Map((await listMemberStates(tx)).map((m) => [m.iso3, m] as const));
  const ids: number[] = [];
  for (const [i, iso3] of invited.entries()) {
    const state = known.get(iso3);
    if (!state) throw new AppError('invalid', 'errors.invalid', {}, [{ field: `call.invited.${i}`, key: 'validation.unknownInvitedState', params: { iso3 } }]);
    if (!ids.includes(state.id)) ids.push(state.id);
  }
  return ids;
}

function callFields(call: CallInput, invited: number[] | null): CallFields {
  return {
    deadline: new Date(call.deadline).toISOString(),
    max_words: call.maxWords ?? DEFAULT_MAX_WORDS,
    sections: call.sections.map((s) => ({
      heading: { en: s.heading.en, fr: s.heading.fr ?? '', es: s.heading.es ?? '' },
      guidance: { en: s.guidance?.en ?? '', fr: s.guidance?.fr ?? '', es: s.guidance?.es ?? '' },
      suggestedWords: s.suggestedWords ?? null,
    })),
    invited,
  };
}

function eventFields(data: EventInput): Omit<EventFields, 'survey_id' | 'option_id'> {
  return {
    title_en: data.title.en, title_fr: data.title.fr ?? '', title_es: data.title.es ?? '', reference: data.reference ?? '',
    starts_on: data.startsOn ?? null, ends_on: data.endsOn ?? null, place: data.place ?? '',
  };
}

function callSummary(call: CallInput | undefined) {
  return call ? { deadline: call.deadline, maxWords: call.maxWords ?? DEFAULT_MAX_WORDS, sections: call.sections.length, invited: call.invited ?? null } : null;
}

/** Writes one event and its call inside the caller's transaction, with its audit entry. */
async function writeEvent(deps: Deps, tx: Tx, actor: Actor, data: EventInput, now: string): Promise<number> {
  const invited = data.call ? await invitedIds(tx, data.call.invited) : null;
  if (data.survey !== undefined || data.option !== undefined) {
    const survey = data.survey === undefined ? undefined : await findSurvey(tx, data.survey);
    if (!survey) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'survey', key: 'validation.invalidValue' }]);
    if (data.option !== undefined && !survey.questions.some((q) => q.options.some((o) => o.id === data.option))) {
      throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'option', key: 'validation.invalidValue' }]);
    }
  }
  const eventId = await insertEvent(tx, { ...eventFields(data), survey_id: data.survey ?? null, option_id: data.option ?? null }, now);
  if (data.call) await insertCall(tx, eventId, callFields(data.call, invited));
  await appendAuditEntry(deps, tx, {
    actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'event.create', subjectType: 'event', subjectId: eventId,
    details: { title: data.title.en, reference: data.reference ?? '', survey: data.survey ?? null, option: data.option ?? null, call: callSummary(data.call) },
  });
  return eventId;
}

const updateSchema = eventShape.omit({ survey: true, option: true }).superRefine(datesInOrder);

/**
 * An administrator changes an event and its call (the link to a survey's option stays as it was).
 * Once a Member State has written an overview, the call's sections may be reworded but not added
 * or removed (each overview's texts follow the template's order), the call may not be taken away,
 * and that Member State may not be left out of the invited ones.
 */
export async function updateEvent(deps: Deps, actor: Actor, eventId: number, input: unknown): Promise<PolicyEvent> {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'errors.forbidden');
  const data = parseInput(updateSchema, input);
  await deps.db.transaction(async (tx) => {
    const before = await findEvent(tx, eventId);
    if (!before) throw new AppError('not_found', 'errors.notFound');
    const authors = await listOverviewAuthors(tx, eventId);
    const call = data.call;
    if (authors.length > 0) {
      if (!call) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'call', key: 'validation.callHasOverviews' }]);
      if (before.sections !== null && call.sections.length !== before.sections.length) {
        throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'call.sections', key: 'validation.sectionsFixed', params: { count: before.sections.length } }]);
      }
    }
    const invited = call ? await invitedIds(tx, call.invited) : null;
    if (invited) {
      const left = authors.filter((a) => !invited.includes(a.id)).map((a) => a.iso3);
      if (left.length > 0) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'call.invited', key: 'validation.invitedHasOverview', params: { iso3: left.join(', ') } }]);
    }
    await updateEventFields(tx, eventId, eventFields({ ...data, survey: undefined, option: undefined }));
    if (call) await replaceCall(tx, eventId, callFields(call, invited));
    else await deleteCall(tx, eventId);
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'event.update', subjectType: 'event', subjectId: eventId,
      details: {
        title: data.title.en, reference: data.reference ?? '',
        before: { title: before.title_en, deadline: before.deadline, maxWords: before.max_words, sections: before.sections?.length ?? null, invited: before.invited },
        call: callSummary(call),
      },
    });
  });
  return getEvent(deps, actor, eventId);
}

/** An administrator creates an event, with its call for overviews if given. */
export async function createEvent(deps: Deps, actor: Actor, input: unknown): Promise<PolicyEvent> {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'errors.forbidden');
  const data = parseInput(eventInputSchema, input);
  const eventId = await deps.db.transaction((tx) => writeEvent(deps, tx, actor, data, isoTime(deps.clock.now())));
  return getEvent(deps, actor, eventId);
}

export async function listPolicyEvents(deps: Deps, _actor: Actor | null): Promise<PolicyEvent[]> {
  return (await listEvents(deps.db)).map(eventFromRow);
}

/** One event with its call; every signed-in user may see it, and the public catalogue names it. */
export async function getEvent(deps: Deps, _actor: Actor | null, eventId: number): Promise<PolicyEvent> {
  const row = await findEvent(deps.db, eventId);
  if (!row) throw new AppError('not_found', 'errors.notFound');
  return eventFromRow(row);
}

const fromSurveySchema = z.object({ question: id(), call: callSchema.optional() }, { message: 'validation.invalidValue' });

/**
 * From the count of a closed (or published) survey, one event per retained option of a question,
 * its title copied in the three languages and linked to the survey and option, each with the call
 * given, if any. Options that have an event already are left as they are, so the action can be
 * repeated. Answers with the events it created.
 */
export async function createEventsFromSurvey(deps: Deps, actor: Actor, surveyId: number, input: unknown): Promise<PolicyEvent[]> {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'errors.forbidden');
  const data = parseInput(fromSurveySchema, input);
  const results = await surveyResults(deps, actor, surveyId);
  if (results.stamp === 'provisional') throw new AppError('conflict', 'errors.surveyNotCounted');
  const q = results.questions.find((x) => x.question.id === data.question);
  if (!q) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'question', key: 'validation.unknownQuestion', params: { id: data.question } }]);
  const retained = q.official.winners.map((i) => q.question.options[i]!);
  const created = await deps.db.transaction(async (tx) => {
    const now = isoTime(deps.clock.now());
    const done = new Set(await listEventOptionsOfSurvey(tx, surveyId));
    const ids: number[] = [];
    for (const option of retained) {
      if (done.has(option.id)) continue;
      ids.push(await writeEvent(deps, tx, actor, {
        title: { en: option.title.en, fr: option.title.fr ?? undefined, es: option.title.es ?? undefined },
        reference: results.survey.reference ?? undefined, survey: surveyId, option: option.id, call: data.call,
      }, now));
    }
    return ids;
  });
  return Promise.all(created.map((eventId) => getEvent(deps, actor, eventId)));
}

/** How many Member States have written an overview (in any state) for the event: once some have, its sections are fixed. */
export async function countWrittenOverviews(deps: Deps, actor: Actor, eventId: number): Promise<number> {
  if (actor.role !== 'admin' && actor.role !== 'staff') throw new AppError('forbidden', 'errors.forbidden');
  return (await listOverviewAuthors(deps.db, eventId)).length;
}

export interface CallProgressRow {
  readonly memberState: MemberState;
  readonly invited: boolean;
  readonly overview: { readonly id: number; readonly status: string; readonly revision: number; readonly language: string; readonly updatedAt: string; readonly submittedAt: string | null } | null;
}

/**
 * Where the call stands, for the Administration: every invited Member State (and any other that
 * wrote before it was left out) with its overview's state, members and observers alike.
 */
export async function callProgress(deps: Deps, actor: Actor, eventId: number): Promise<{ event: PolicyEvent; rows: CallProgressRow[] }> {
  if (actor.role !== 'admin' && actor.role !== 'staff') throw new AppError('forbidden', 'errors.forbidden');
  const [event, states, memberStates] = await Promise.all([getEvent(deps, actor, eventId), listOverviewStates(deps.db, eventId), listAllMemberStates(deps, actor)]);
  const byState = new Map(states.map((s) => [s.member_state_id, s]));
  const rows: CallProgressRow[] = [];
  for (const m of memberStates) {
    const invited = event.call !== null && (event.call.invited === null || event.call.invited.includes(m.id));
    const o = byState.get(m.id);
    if (!invited && !o) continue;
    rows.push({
      memberState: m, invited,
      overview: o ? { id: o.id, status: o.status, revision: o.revision, language: o.language, updatedAt: o.updated_at, submittedAt: o.submitted_at } : null,
    });
  }
  return { event, rows };
}

export interface RetainedOptionPlan {
  readonly optionId: number;
  readonly title: Texts;
  /** The event already made for this option, if any. */
  readonly eventId: number | null;
}

/**
 * What createEventsFromSurvey would do, per question of a counted survey: its retained options and
 * which of them have an event already. Refused while the survey is still open.
 */
export async function planEventsFromSurvey(deps: Deps, actor: Actor, surveyId: number): Promise<{
  survey: { id: number; title: Texts; reference: string };
  questions: { id: number; title: Texts; retained: RetainedOptionPlan[] }[];
}> {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'errors.forbidden');
  const results = await surveyResults(deps, actor, surveyId);
  if (results.stamp === 'provisional') throw new AppError('conflict', 'errors.surveyNotCounted');
  const events = (await listEvents(deps.db)).filter((e) => e.survey_id === surveyId && e.option_id !== null);
  const eventOf = new Map(events.map((e) => [e.option_id!, e.id]));
  const texts = (t: { en: string; fr: string | null; es: string | null }): Texts => ({ en: t.en, fr: t.fr ?? '', es: t.es ?? '' });
  return {
    survey: { id: results.survey.id, title: texts(results.survey.title), reference: results.survey.reference ?? '' },
    questions: results.questions.map((q) => ({
      id: q.question.id, title: texts(q.question.title),
      retained: q.official.winners.map((i) => q.question.options[i]!).map((o) => ({ optionId: o.id, title: texts(o.title), eventId: eventOf.get(o.id) ?? null })),
    })),
  };
}

/** The ISO codes of Member States by id, to show a call's invited ones as they are given. */
export async function memberStateCodes(deps: Deps): Promise<ReadonlyMap<number, string>> {
  return new Map((await listMemberStates(deps.db)).map((m) => [m.id, m.iso3]));
}
