// Queueing messages: written to the outbox in the transaction of the event that causes them, so an
// event is never recorded without its messages, nor a message sent for an event rolled back.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Queryable, Tx } from '../../data/database.js';
import { countRecentMessagesTo, insertOutboxMessages, type MessageKind, type NewOutboxMessage } from '../../data/outbox.js';
import type { Language } from '../../i18n/languages.js';
import { isoTime } from '../clock.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { headerSafe, rendererFor, type KindData } from './render.js';

/** At most this many messages to one address in an hour: a loop cannot flood a mission. */
export const PER_RECIPIENT_HOURLY_LIMIT = 30;

const ADDRESS = z.email().max(254);

/** Whether `value` is an e-mail address we send to (one address, no line break, no display name). */
export function isValidAddress(value: string): boolean {
  return !/[\r\n<>,;]/.test(value) && ADDRESS.safeParse(value).success;
}

export interface Recipient {
  readonly email: string;
  readonly name: string;
  readonly language: Language;
  readonly userId: number | null;
  readonly memberStateId: number | null;
}

/** One message to queue: its kind, recipient, what it says, and what it is about. */
export type MessageToQueue = {
  [K in MessageKind]: {
    readonly kind: K;
    readonly to: Recipient;
    readonly data: KindData[K];
    readonly surveyId?: number | null;
    /** The same key queued twice (by two processes) is one message. */
    readonly dedupeKey?: string | null;
  };
}[MessageKind];

/** The Message-ID of a new message: unique, kept across attempts, in the domain of BASE_URL. */
export function newMessageId(baseUrl: string): string {
  return `<${randomUUID()}@${new URL(baseUrl).hostname}>`;
}

/**
 * Which recipients may be written to now, in order: an address that is not valid refuses the whole
 * event (every address was checked when its account was saved, so this is a broken invariant); a
 * recipient over the hourly limit is left out. Read on `q`: the event's transaction, or the
 * Database just before it, for an event that must hold the write lock as briefly as it can.
 */
export async function withinLimits(deps: Deps, q: Queryable, recipients: readonly Recipient[]): Promise<boolean[]> {
  if (recipients.length === 0) return [];
  for (const to of recipients) {
    if (!isValidAddress(to.email)) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'email', key: 'validation.mail.address' }]);
  }
  const since = isoTime(new Date(deps.clock.now().getTime() - 60 * 60 * 1000));
  const recent = await countRecentMessagesTo(q, recipients.map((to) => to.email), since);
  return recipients.map((to) => {
    const count = recent.get(to.email) ?? 0;
    recent.set(to.email, count + 1);
    return count < PER_RECIPIENT_HOURLY_LIMIT;
  });
}

/** Messages rendered as the outbox keeps them. */
export function renderMessages(deps: Deps, messages: readonly MessageToQueue[], renderer = rendererFor(deps)): NewOutboxMessage[] {
  return messages.map((m) => {
    const rendered = renderer.render(m.kind, m.to.language, m.data as never);
    return {
      kind: m.kind, messageId: newMessageId(deps.config.baseUrl), dedupeKey: m.dedupeKey ?? null, recipient: headerSafe(m.to.email),
      userId: m.to.userId, memberStateId: m.to.memberStateId, surveyId: m.surveyId ?? null, language: m.to.language,
      subject: rendered.subject, text: rendered.text, html: rendered.html, links: rendered.links,
    };
  });
}

/** Renders and writes messages in `tx`, the recipients over the hourly limit left out (see withinLimits). Returns how many were written. */
export async function queueMessages(deps: Deps, tx: Tx, messages: readonly MessageToQueue[], renderer = rendererFor(deps)): Promise<number> {
  if (messages.length === 0) return 0;
  const keep = await withinLimits(deps, tx, messages.map((m) => m.to));
  return insertOutboxMessages(tx, renderMessages(deps, messages.filter((_, i) => keep[i]), renderer), isoTime(deps.clock.now()));
}

/** Renders and writes one message in `tx`, the transaction of the event that causes it. */
export function queueMessage(deps: Deps, tx: Tx, message: MessageToQueue): Promise<number> {
  return queueMessages(deps, tx, [message]);
}
