import { z } from 'zod';
import { findEvent, insertCall, insertEvent, listEvents, listEventOptionsOfSurvey, type CallSectionRow, type EventRow } from '../../data/events.js';
import { surveyResults } from '../results.js';
import type { Tx } from '../../data/database.js';
import { findMemberStateByIso3 } from '../../data/member-states.js';
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
  sections: z.array(z.object({ heading: texts(300), guidance: optionalTexts(2000).optional() }), { message: 'validation.invalidValue' })
    .min(1, 'validation.required').max(20, 'validation.tooMany'),
  invited: z.array(z.string().regex(/^[A-Z]{3}$/, 'validation.invalidValue')).max(300, 'validation.tooMany').optional(),
}, { message: 'validation.invalidValue' });

export const eventInputSchema = z.object({
  title: texts(500),
  reference: line(100).optional(),
  startsOn: day.optional(),
  endsOn: day.optional(),
  place: line(300).optional(),
  survey: id().optional(),
  option: id().optional(),
  call: callSchema.optional(),
}, { message: 'validation.invalidValue' }).superRefine((e, ctx) => {
  if (e.startsOn && e.endsOn && e.endsOn < e.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'validation.endsBeforeStart' });
});

export interface Texts { readonly en: string; readonly fr: string; readonly es: string }

export interface CallSection { readonly heading: Texts; readonly guidance: Texts }

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

/** Writes one event and its call inside the caller's transaction, with its audit entry. */
async function writeEvent(deps: Deps, tx: Tx, actor: Actor, data: EventInput, now: string): Promise<number> {
  let invited: number[] | null = null;
  if (data.call?.invited) {
    invited = [];
    for (const [i, iso3] of data.call.invited.entries()) {
      const state = await findMemberStateByIso3(tx, iso3);
      if (!state) throw new AppError('invalid', 'errors.invalid', {}, [{ field: `call.invited.${i}`, key: 'validation.unknownInvitedState', params: { iso3 } }]);
      invited.push(state.id);
    }
  }
  if (data.survey !== undefined || data.option !== undefined) {
    const survey = data.survey === undefined ? undefined : await findSurvey(tx, data.survey);
    if (!survey) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'survey', key: 'validation.invalidValue' }]);
    if (data.option !== undefined && !survey.questions.some((q) => q.options.some((o) => o.id === data.option))) {
      throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'option', key: 'validation.invalidValue' }]);
    }
  }
  const eventId = await insertEvent(tx, {
    title_en: data.title.en, title_fr: data.title.fr ?? '', title_es: data.title.es ?? '', reference: data.reference ?? '',
    starts_on: data.startsOn ?? null, ends_on: data.endsOn ?? null, place: data.place ?? '',
    survey_id: data.survey ?? null, option_id: data.option ?? null,
  }, now);
  if (data.call) {
    const sections: CallSectionRow[] = data.call.sections.map((s) => ({
      heading: { en: s.heading.en, fr: s.heading.fr ?? '', es: s.heading.es ?? '' },
      guidance: { en: s.guidance?.en ?? '', fr: s.guidance?.fr ?? '', es: s.guidance?.es ?? '' },
    }));
    await insertCall(tx, eventId, { deadline: new Date(data.call.deadline).toISOString(), max_words: data.call.maxWords ?? DEFAULT_MAX_WORDS, sections, invited });
  }
  await appendAuditEntry(deps, tx, {
    actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'event.create', subjectType: 'event', subjectId: eventId,
    details: {
      title: data.title.en, reference: data.reference ?? '', survey: data.survey ?? null, option: data.option ?? null,
      call: data.call ? { deadline: data.call.deadline, maxWords: data.call.maxWords ?? DEFAULT_MAX_WORDS, sections: data.call.sections.length } : null,
    },
  });
  return eventId;
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
