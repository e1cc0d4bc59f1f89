// The outbox (messages waiting, sent or failed) and the reminder schedules: see the migration
// 20261130002000_create_outbox for what each column means.
import { z } from 'zod';
import { connectionOf, isPostgres, rawRows, type Queryable, type Tx } from './database.js';
import { LANGUAGES, type Language } from '../i18n/languages.js';
import { nullableText, nullableWholeNumber, text, wholeNumber } from './row-schemas.js';

export const MESSAGE_STATUSES = ['queued', 'sent', 'failed'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_KINDS = [
  'invitation', 'password-reset', 'survey-opened', 'reminder', 'ballot-receipt', 'survey-closed', 'results-published',
  'proposal-accepted', 'proposal-declined', 'sign-in-failures', 'test',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

const OUTBOX_ROW = z.object({
  id: wholeNumber,
  kind: z.literal(MESSAGE_KINDS),
  message_id: text,
  recipient: text,
  user_id: nullableWholeNumber,
  member_state_id: nullableWholeNumber,
  survey_id: nullableWholeNumber,
  language: z.literal(LANGUAGES),
  subject: text,
  text_body: text,
  html_body: text,
  links: text.transform((v) => z.array(z.string()).parse(JSON.parse(v))),
  status: z.literal(MESSAGE_STATUSES),
  attempts: wholeNumber,
  next_attempt_at: text,
  lease_owner: nullableText,
  last_reply: nullableText,
  sent_at: nullableText,
  failed_at: nullableText,
  created_at: text,
});
export type OutboxRow = Readonly<z.output<typeof OUTBOX_ROW>>;

/** A message to write: what queueMessage renders. */
export interface NewOutboxMessage {
  readonly kind: MessageKind;
  readonly messageId: string;
  readonly dedupeKey: string | null;
  readonly recipient: string;
  readonly userId: number | null;
  readonly memberStateId: number | null;
  readonly surveyId: number | null;
  readonly language: Language;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly links: readonly string[];
}

/** Rows per INSERT: 17 values each, under the limit of bound values of both engines (32,766 and 65,535). */
const INSERT_CHUNK = 500;

/**
 * Writes messages in the caller's transaction. A message whose dedupe key is already there is
 * left out (another process queued it); returns how many were written.
 */
export async function insertOutboxMessages(tx: Tx, messages: readonly NewOutboxMessage[], now: string): Promise<number> {
  let written = 0;
  for (let i = 0; i < messages.length; i += INSERT_CHUNK) {
    const rows = messages.slice(i, i + INSERT_CHUNK).map((m) => ({
      kind: m.kind, message_id: m.messageId, dedupe_key: m.dedupeKey, recipient: m.recipient, user_id: m.userId,
      member_state_id: m.memberStateId, survey_id: m.surveyId, language: m.language, subject: m.subject,
      text_body: m.text, html_body: m.html, links: JSON.stringify(m.links), status: 'queued', attempts: 0,
      next_attempt_at: now, created_at: now, updated_at: now,
    }));
    const inserted = await tx.knex('outbox_messages').insert(rows).onConflict('dedupe_key').ignore().returning('id');
    written += inserted.length;
  }
  return written;
}

/**
 * Claims up to `limit` messages that are due and not leased to another process, leasing them to
 * `owner` until `leaseUntil`. On PostgreSQL rows another transaction is claiming are skipped
 * (FOR UPDATE SKIP LOCKED), so two processes never claim the same row; SQLite has one writer.
 */
export async function claimDueMessages(tx: Tx, owner: string, now: string, leaseUntil: string, limit: number, onlyId?: number): Promise<OutboxRow[]> {
  const lock = isPostgres(tx) ? ' for update skip locked' : '';
  const only = onlyId === undefined ? '' : ' and id = ?';
  const rows = await rawRows(tx, `update outbox_messages set lease_owner = ?, lease_until = ?, updated_at = ?
    where id in (select id from outbox_messages
      where status = 'queued' and next_attempt_at <= ? and (lease_until is null or lease_until <= ?)${only}
      order by next_attempt_at, id limit ?${lock})
    returning *`, [owner, leaseUntil, now, now, now, ...(onlyId === undefined ? [] : [onlyId]), limit]);
  return rows.map((r) => OUTBOX_ROW.parse(r)).sort((a, b) => a.id - b.id);
}

/** What became of one attempt to send a message, as the worker records it. */
export type AttemptOutcome =
  | { readonly status: 'sent'; readonly reply: string }
  | { readonly status: 'queued'; readonly reply: string; readonly nextAttemptAt: string }
  | { readonly status: 'failed'; readonly reply: string };

/** Records an attempt, if the lease is still `owner`'s; false when it is not (another took it over). */
export async function recordAttempt(tx: Tx, id: number, owner: string, outcome: AttemptOutcome, now: string): Promise<boolean> {
  const n = await tx.knex('outbox_messages').where({ id, lease_owner: owner }).update({
    status: outcome.status,
    attempts: tx.knex.raw('attempts + 1'),
    last_reply: outcome.reply.slice(0, 2000),
    lease_owner: null,
    lease_until: null,
    updated_at: now,
    ...(outcome.status === 'sent' ? { sent_at: now } : {}),
    ...(outcome.status === 'failed' ? { failed_at: now } : {}),
    ...(outcome.status === 'queued' ? { next_attempt_at: outcome.nextAttemptAt } : {}),
  });
  return n === 1;
}

/**
 * Records many attempts at once: the messages accepted in one UPDATE (each with its own reply),
 * the others one by one. Only rows still leased to `owner` change; returns how many did.
 */
export async function recordAttempts(tx: Tx, owner: string, outcomes: readonly { id: number; outcome: AttemptOutcome }[], now: string): Promise<number> {
  const sent = outcomes.filter((o) => o.outcome.status === 'sent');
  let changed = 0;
  for (let i = 0; i < sent.length; i += 500) {
    const chunk = sent.slice(i, i + 500);
    const reply = tx.knex.raw(`case id ${chunk.map(() => 'when ? then ?').join(' ')} end`, chunk.flatMap((o) => [o.id, o.outcome.reply.slice(0, 2000)]));
    changed += await tx.knex('outbox_messages').whereIn('id', chunk.map((o) => o.id)).where({ lease_owner: owner }).update({
      status: 'sent', attempts: tx.knex.raw('attempts + 1'), last_reply: reply, lease_owner: null, lease_until: null, sent_at: now, updated_at: now,
    });
  }
  for (const o of outcomes) if (o.outcome.status !== 'sent' && (await recordAttempt(tx, o.id, owner, o.outcome, now))) changed += 1;
  return changed;
}

export interface OutboxFilter {
  readonly status?: MessageStatus;
  readonly kind?: MessageKind;
  readonly surveyId?: number;
}

/** The newest messages first, at most `limit`. */
export async function listOutboxMessages(q: Queryable, filter: OutboxFilter, limit: number): Promise<OutboxRow[]> {
  const db = connectionOf(q);
  let query = db('outbox_messages').select('*').orderBy('id', 'desc').limit(limit);
  if (filter.status) query = query.where({ status: filter.status });
  if (filter.kind) query = query.where({ kind: filter.kind });
  if (filter.surveyId) query = query.where({ survey_id: filter.surveyId });
  return (await query).map((r) => OUTBOX_ROW.parse(r));
}

export async function findOutboxMessage(q: Queryable, id: number): Promise<OutboxRow | undefined> {
  const r = await connectionOf(q)('outbox_messages').where({ id }).first();
  return r ? OUTBOX_ROW.parse(r) : undefined;
}

export async function countOutboxByStatus(q: Queryable): Promise<Record<MessageStatus, number>> {
  const rows = await connectionOf(q)('outbox_messages').select('status').count({ n: '*' }).groupBy('status');
  const counts: Record<MessageStatus, number> = { queued: 0, sent: 0, failed: 0 };
  for (const r of rows) {
    const row = z.object({ status: z.literal(MESSAGE_STATUSES), n: wholeNumber }).parse(r);
    counts[row.status] = row.n;
  }
  return counts;
}

/** How many messages were queued for `recipient` since `since` (the per-recipient limit). */
export async function countRecentMessagesTo(q: Queryable, recipients: readonly string[], since: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (recipients.length === 0) return counts;
  const rows = await connectionOf(q)('outbox_messages').select('recipient').count({ n: '*' })
    .whereIn('recipient', [...new Set(recipients)]).where('created_at', '>=', since).groupBy('recipient');
  for (const r of rows) {
    const row = z.object({ recipient: text, n: wholeNumber }).parse(r);
    counts.set(row.recipient, row.n);
  }
  return counts;
}

const STATE_MESSAGES_ROW = z.object({
  member_state_id: wholeNumber,
  kind: z.literal(MESSAGE_KINDS),
  status: z.literal(MESSAGE_STATUSES),
  created_at: text,
  sent_at: nullableText,
  failed_at: nullableText,
  last_reply: nullableText,
  id: wholeNumber,
});
export type StateMessageRow = Readonly<z.output<typeof STATE_MESSAGES_ROW>>;

/** Every message of a survey sent to a Member State's delegates, oldest first (the participation page sums them up). */
export async function listSurveyMessagesByState(q: Queryable, surveyId: number): Promise<StateMessageRow[]> {
  const rows = await connectionOf(q)('outbox_messages')
    .select('id', 'member_state_id', 'kind', 'status', 'created_at', 'sent_at', 'failed_at', 'last_reply')
    .where({ survey_id: surveyId }).whereNotNull('member_state_id').orderBy('id');
  return rows.map((r) => STATE_MESSAGES_ROW.parse(r));
}

/** The hours before closing at which a survey's reminders go out; undefined when it keeps the default. */
export async function findReminderSchedule(q: Queryable, surveyId: number): Promise<number[] | undefined> {
  const r = await connectionOf(q)('reminder_schedules').where({ survey_id: surveyId }).first();
  if (!r) return undefined;
  const row = z.object({ hours_before: text }).parse(r);
  return row.hours_before === '' ? [] : row.hours_before.split(',').map(Number);
}

export async function saveReminderSchedule(tx: Tx, surveyId: number, hoursBefore: readonly number[], now: string): Promise<void> {
  await tx.knex('reminder_schedules').insert({ survey_id: surveyId, hours_before: hoursBefore.join(','), updated_at: now })
    .onConflict('survey_id').merge(['hours_before', 'updated_at']);
}

/** Marks a point of a survey's schedule done; false when it already was (by this or another process). */
export async function claimReminderPoint(tx: Tx, surveyId: number, hoursBefore: number, closesAt: string, now: string): Promise<boolean> {
  const inserted = await tx.knex('reminder_points').insert({ survey_id: surveyId, hours_before: hoursBefore, closes_at: closesAt, done_at: now, messages: 0 })
    .onConflict(['survey_id', 'hours_before', 'closes_at']).ignore().returning('survey_id');
  return inserted.length === 1;
}

export async function setReminderPointMessages(tx: Tx, surveyId: number, hoursBefore: number, closesAt: string, messages: number): Promise<void> {
  await tx.knex('reminder_points').where({ survey_id: surveyId, hours_before: hoursBefore, closes_at: closesAt }).update({ messages });
}

/** The points of a survey's schedule already acted on. */
export async function listReminderPoints(q: Queryable, surveyId: number): Promise<{ hoursBefore: number; closesAt: string; doneAt: string; messages: number }[]> {
  const rows = await connectionOf(q)('reminder_points').where({ survey_id: surveyId }).orderBy('done_at');
  return rows.map((r) => {
    const row = z.object({ hours_before: wholeNumber, closes_at: text, done_at: text, messages: wholeNumber }).parse(r);
    return { hoursBefore: row.hours_before, closesAt: row.closes_at, doneAt: row.done_at, messages: row.messages };
  });
}

const RECIPIENT_ROW = z.object({
  user_id: wholeNumber,
  email: text,
  display_name: text,
  language: z.literal(LANGUAGES),
  member_state_id: wholeNumber,
});
export type DelegateRecipientRow = Readonly<z.output<typeof RECIPIENT_ROW>>;

/**
 * The active delegates of the Member States that may vote (status member), optionally only of one
 * Member State, or only of those without a ballot in `unansweredIn`.
 */
export async function listDelegateRecipients(q: Queryable, options: { memberStateId?: number; unansweredIn?: number } = {}): Promise<DelegateRecipientRow[]> {
  const db = connectionOf(q);
  let query = db('users').join('member_states', 'member_states.id', 'users.member_state_id')
    .select('users.id as user_id', 'users.email', 'users.display_name', 'users.language', 'users.member_state_id')
    .where({ 'users.role': 'delegate', 'users.is_disabled': false, 'member_states.status': 'member' })
    .orderBy('users.id');
  if (options.memberStateId !== undefined) query = query.where('users.member_state_id', options.memberStateId);
  if (options.unansweredIn !== undefined) {
    query = query.whereNotExists(db('ballots').select(db.raw('1')).where('ballots.survey_id', options.unansweredIn).whereRaw('ballots.member_state_id = users.member_state_id'));
  }
  return (await query).map((r) => RECIPIENT_ROW.parse(r));
}

const SCHEDULED_SURVEY_ROW = z.object({ id: wholeNumber, closes_at: text, opened_at: nullableText });

/** Open surveys (as stored) with a closing time: the ones the reminder schedule and closing notice concern. */
export async function listOpenSurveysWithClosingTime(q: Queryable): Promise<{ id: number; closesAt: string; openedAt: string | null }[]> {
  const rows = await connectionOf(q)('surveys').select('id', 'closes_at', 'opened_at').where({ status: 'open' }).whereNotNull('closes_at').orderBy('id');
  return rows.map((r) => {
    const row = SCHEDULED_SURVEY_ROW.parse(r);
    return { id: row.id, closesAt: row.closes_at, openedAt: row.opened_at };
  });
}

/** The newest message of a kind to a recipient. */
export async function findLatestOutboxMessage(q: Queryable, recipient: string, kind: MessageKind): Promise<OutboxRow | undefined> {
  const r = await connectionOf(q)('outbox_messages').where({ recipient, kind }).orderBy('id', 'desc').first();
  return r ? OUTBOX_ROW.parse(r) : undefined;
}

const MISSION_ROW = z.object({ id: wholeNumber, iso3: text, name_en: text, name_fr: text, name_es: text, status: text, mission_address: nullableText });
export type MissionAddressRow = Readonly<z.output<typeof MISSION_ROW>>;

/** Every Member State with its mission address (null when it has none), by code. */
export async function listMissionAddresses(q: Queryable, memberStateId?: number): Promise<MissionAddressRow[]> {
  let query = connectionOf(q)('member_states').select('id', 'iso3', 'name_en', 'name_fr', 'name_es', 'status', 'mission_address').orderBy('iso3');
  if (memberStateId !== undefined) query = query.where({ id: memberStateId });
  const rows = await query;
  return rows.map((r) => MISSION_ROW.parse(r));
}

export async function updateMissionAddress(tx: Tx, memberStateId: number, address: string | null, now: string): Promise<boolean> {
  return (await tx.knex('member_states').where({ id: memberStateId }).update({ mission_address: address, updated_at: now })) === 1;
}
