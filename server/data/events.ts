import { z } from 'zod';
import { connectionOf, type Queryable, type Tx } from './database.js';
import { insertedId, jsonText, nullableText, nullableWholeNumber, text, wholeNumber } from './row-schemas.js';

const TEXTS = z.object({ en: z.string(), fr: z.string(), es: z.string() });

/** A section of a call's template; `suggestedWords` is the length suggested for it (absent in calls made before it existed). */
export const CALL_SECTION = z.object({ heading: TEXTS, guidance: TEXTS, suggestedWords: z.number().int().positive().nullable().default(null) });
export type CallSectionRow = z.output<typeof CALL_SECTION>;

const EVENT_ROW = z.object({
  id: wholeNumber,
  title_en: text,
  title_fr: text,
  title_es: text,
  reference: text,
  starts_on: nullableText,
  ends_on: nullableText,
  place: text,
  survey_id: nullableWholeNumber,
  option_id: nullableWholeNumber,
  created_at: text,
  deadline: nullableText,
  max_words: nullableWholeNumber,
  sections: jsonText(z.array(CALL_SECTION)).nullable(),
  invited: jsonText(z.array(wholeNumber)).nullable(),
});

export type EventRow = Readonly<z.output<typeof EVENT_ROW>>;

export interface EventFields {
  readonly title_en: string;
  readonly title_fr: string;
  readonly title_es: string;
  readonly reference: string;
  readonly starts_on: string | null;
  readonly ends_on: string | null;
  readonly place: string;
  readonly survey_id: number | null;
  readonly option_id: number | null;
}

export interface CallFields {
  readonly deadline: string;
  readonly max_words: number;
  readonly sections: readonly CallSectionRow[];
  readonly invited: readonly number[] | null;
}

function eventsWithCalls(q: Queryable) {
  return connectionOf(q)('events as e')
    .leftJoin('event_calls as c', 'c.event_id', 'e.id')
    .select('e.*', 'c.deadline', 'c.max_words', 'c.sections', 'c.invited');
}

export async function listEvents(q: Queryable): Promise<EventRow[]> {
  return (await eventsWithCalls(q).orderBy([{ column: 'e.starts_on', order: 'desc' }, { column: 'e.id', order: 'desc' }])).map((r) => EVENT_ROW.parse(r));
}

export async function findEvent(q: Queryable, id: number): Promise<EventRow | undefined> {
  const r: unknown = await eventsWithCalls(q).where('e.id', id).first();
  return r ? EVENT_ROW.parse(r) : undefined;
}

export async function insertEvent(tx: Tx, fields: EventFields, now: string): Promise<number> {
  return insertedId(await tx.knex('events').insert({ ...fields, created_at: now }).returning('id'));
}

export async function insertCall(tx: Tx, eventId: number, call: CallFields): Promise<void> {
  await tx.knex('event_calls').insert({
    event_id: eventId, deadline: call.deadline, max_words: call.max_words,
    sections: JSON.stringify(call.sections), invited: call.invited === null ? null : JSON.stringify(call.invited),
  });
}

/** The options of a survey that have an event already. */
export async function listEventOptionsOfSurvey(q: Queryable, surveyId: number): Promise<number[]> {
  const rows: unknown[] = await connectionOf(q)('events').where({ survey_id: surveyId }).whereNotNull('option_id').pluck('option_id');
  return rows.map((r) => wholeNumber.parse(r));
}

export async function updateEventFields(tx: Tx, id: number, fields: Omit<EventFields, 'survey_id' | 'option_id'>): Promise<void> {
  await tx.knex('events').where({ id }).update(fields);
}

/** Writes the event's call, replacing the one it had. */
export async function replaceCall(tx: Tx, eventId: number, call: CallFields): Promise<void> {
  await deleteCall(tx, eventId);
  await insertCall(tx, eventId, call);
}

/** The Member States that have an overview (in any state) for the event. */
export async function listOverviewAuthors(q: Queryable, eventId: number): Promise<{ id: number; iso3: string }[]> {
  const rows: unknown[] = await connectionOf(q)('overviews as o').join('member_states as m', 'm.id', 'o.member_state_id')
    .where('o.event_id', eventId).select('m.id', 'm.iso3').orderBy('m.iso3');
  return rows.map((r) => z.object({ id: wholeNumber, iso3: text }).parse(r));
}

export async function deleteCall(tx: Tx, eventId: number): Promise<void> {
  await tx.knex('event_calls').where({ event_id: eventId }).delete();
}

const OVERVIEW_STATE_ROW = z.object({
  id: wholeNumber, member_state_id: wholeNumber, status: text, revision: wholeNumber, language: text, updated_at: text, submitted_at: nullableText,
});
export type OverviewStateRow = Readonly<z.output<typeof OVERVIEW_STATE_ROW>>;

/** Where each Member State's overview for the event stands (one row per overview written). */
export async function listOverviewStates(q: Queryable, eventId: number): Promise<OverviewStateRow[]> {
  const rows: unknown[] = await connectionOf(q)('overviews').where({ event_id: eventId })
    .select('id', 'member_state_id', 'status', 'revision', 'language', 'updated_at', 'submitted_at');
  return rows.map((r) => OVERVIEW_STATE_ROW.parse(r));
}
