// What administrators see of the outbox: the messages with their status, each message in full,
// every kind previewed in the three languages, and per Member State what its delegates were sent.
import {
  countOutboxByStatus, findOutboxMessage, listOutboxMessages, listSurveyMessagesByState, MESSAGE_KINDS, MESSAGE_STATUSES,
  type MessageKind, type MessageStatus, type OutboxRow,
} from '../../data/outbox.js';
import { translatorFor } from '../../i18n/index.js';
import { LANGUAGES, type Language } from '../../i18n/languages.js';
import { requireAdmin } from '../accounts.js';
import type { Actor, Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { MailRenderer, rendererFor, type KindData, type RenderedMessage } from './render.js';

export { MESSAGE_KINDS, MESSAGE_STATUSES, type MessageKind, type MessageStatus, type OutboxRow };

/** Messages shown at most on the Outbox page. */
export const OUTBOX_PAGE_SIZE = 200;

function requireAdministrator(actor: Actor): void {
  requireAdmin(actor);
}

export interface OutboxOverview {
  readonly messages: readonly OutboxRow[];
  readonly counts: Readonly<Record<MessageStatus, number>>;
  readonly sending: boolean;
  readonly ratePerSecond: number;
}

export async function outboxOverview(deps: Deps, actor: Actor, filter: { status?: MessageStatus; kind?: MessageKind }): Promise<OutboxOverview> {
  requireAdministrator(actor);
  const [messages, counts] = await Promise.all([listOutboxMessages(deps.db, filter, OUTBOX_PAGE_SIZE), countOutboxByStatus(deps.db)]);
  return { messages, counts, sending: deps.config.mail.smtpUrl !== null, ratePerSecond: deps.config.mail.ratePerSecond };
}

export async function outboxMessage(deps: Deps, actor: Actor, id: number): Promise<OutboxRow> {
  requireAdministrator(actor);
  const message = await findOutboxMessage(deps.db, id);
  if (!message) throw new AppError('not_found', 'errors.notFound');
  return message;
}

/** Sample content of each kind, in `language` (names and titles as a recipient in that language would read them). */
function samples(renderer: MailRenderer, language: Language): { [K in MessageKind]: KindData[K] } {
  const tr = (key: string) => ({ en: translatorFor('en')(key), fr: translatorFor('fr')(key), es: translatorFor('es')(key) });
  const name = translatorFor(language)('mail.preview.sample.name');
  const survey = tr('mail.preview.sample.survey');
  const memberState = tr('mail.preview.sample.memberState');
  const proposal = translatorFor(language)('mail.preview.sample.proposal');
  const url = (p: string) => renderer.url(p);
  const closesAt = '2026-12-15T17:00:00.000Z';
  return {
    invitation: { name, url: url('/invitations/…'), expiresAt: '2026-12-07T09:00:00.000Z' },
    'password-reset': { name, url: url('/invitations/…'), expiresAt: '2026-12-01T09:00:00.000Z' },
    'survey-opened': { name, survey, memberState, closesAt, url: url('/surveys/1/ballot') },
    reminder: { name, survey, memberState, closesAt, url: url('/surveys/1/ballot') },
    'ballot-receipt': {
      name, survey, memberState, receipt: 'K7QM-4XPA-92HT', revision: 1, channel: 'web', submittedAt: '2026-12-02T10:30:00.000Z',
      answers: [{ question: survey, abstain: false, ranking: [{ en: 'Return migration', fr: 'Migration de retour', es: 'Migración de retorno' }, { en: 'Migration and development', fr: 'Migration et développement', es: 'Migración y desarrollo' }] }],
      url: url('/surveys/1/ballot/receipt/K7QM-4XPA-92HT'),
    },
    'survey-closed': { name, survey, url: url('/surveys/1/ballot') },
    'results-published': { name, survey, url: url('/surveys/1/results') },
    'proposal-accepted': { name, survey, memberState, proposal, url: url('/surveys/1/proposals') },
    'proposal-declined': { name, survey, memberState, proposal, reason: translatorFor(language)('mail.preview.sample.reason'), url: url('/surveys/1/proposals') },
    'sign-in-failures': { name, failures: 10, since: '2026-12-01T08:15:00.000Z', url: url('/account') },
    test: { name, url: url('/') },
  };
}

export interface KindPreview {
  readonly kind: MessageKind;
  readonly languages: readonly { language: Language; message: RenderedMessage }[];
}

/** Every kind of message, rendered with sample content in English, French and Spanish. */
export function previewMessages(deps: Deps, actor: Actor): KindPreview[] {
  requireAdministrator(actor);
  const renderer = rendererFor(deps);
  const byLanguage = new Map(LANGUAGES.map((l) => [l, samples(renderer, l)]));
  return MESSAGE_KINDS.map((kind) => ({
    kind,
    languages: LANGUAGES.map((language) => ({ language, message: renderer.render(kind, language, byLanguage.get(language)![kind] as never) })),
  }));
}

export interface StateMessages {
  /** When the opening notice was queued, if it was. */
  readonly invitedAt: string | null;
  readonly reminders: number;
  readonly lastRemindedAt: string | null;
  /** The newest message of the survey to the Member State's delegates. */
  readonly last: { readonly status: MessageStatus; readonly at: string; readonly reply: string | null } | null;
}

/**
 * Per Member State: the survey's opening notice, its reminders (each round counted once, however
 * many delegates it reached: a round's messages are queued at one time), and how its last message fared.
 */
export async function messagesByMemberState(deps: Deps, actor: Actor, surveyId: number): Promise<Map<number, StateMessages>> {
  if (actor.role !== 'admin' && actor.role !== 'staff') throw new AppError('forbidden', 'errors.forbidden');
  const acc = new Map<number, { invitedAt: string | null; rounds: Set<string>; lastRemindedAt: string | null; last: StateMessages['last'] }>();
  for (const m of await listSurveyMessagesByState(deps.db, surveyId)) {
    let a = acc.get(m.member_state_id);
    if (!a) acc.set(m.member_state_id, (a = { invitedAt: null, rounds: new Set(), lastRemindedAt: null, last: null }));
    if (m.kind === 'survey-opened' && a.invitedAt === null) a.invitedAt = m.created_at;
    if (m.kind === 'reminder') {
      a.rounds.add(m.created_at);
      a.lastRemindedAt = m.created_at;
    }
    a.last = { status: m.status, at: m.sent_at ?? m.failed_at ?? m.created_at, reply: m.last_reply };
  }
  return new Map([...acc].map(([id, a]) => [id, { invitedAt: a.invitedAt, reminders: a.rounds.size, lastRemindedAt: a.lastRemindedAt, last: a.last }]));
}
