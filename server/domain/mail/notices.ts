// Who is told what, for each event: the messages each use-case queues in its own transaction.
// A message goes only to whom may see what it says: a delegation's ballot receipt and proposal
// decisions to that delegation alone; results are announced by a link, never with figures.
import { independently, type Queryable, type Tx } from '../../data/database.js';
import { listDelegateRecipients, listMissionAddresses, type DelegateRecipientRow, type MissionAddressRow, type NewOutboxMessage } from '../../data/outbox.js';
import type { Channel, StoredAnswer } from '../../data/ballots.js';
import type { UserRow } from '../../data/users.js';
import type { Deps } from '../deps.js';
import type { Survey } from '../surveys/model.js';
import { queueMessages, renderMessages, withinLimits, type MessageToQueue, type Recipient } from './outbox.js';
import { rendererFor, type StateNames } from './render.js';

function names(m: MissionAddressRow): StateNames {
  return { en: m.name_en, fr: m.name_fr, es: m.name_es };
}

function recipientOf(r: DelegateRecipientRow): Recipient {
  return { email: r.email, name: r.display_name, language: r.language, userId: r.user_id, memberStateId: r.member_state_id };
}

export function userRecipient(u: Pick<UserRow, 'email' | 'display_name' | 'language' | 'id' | 'member_state_id'>): Recipient {
  return { email: u.email, name: u.display_name, language: u.language, userId: u.id, memberStateId: u.member_state_id };
}

/** The one-time link of an invitation or a password reset, mailed to the account's address. */
export function queueAccountLink(deps: Deps, tx: Tx, user: Parameters<typeof userRecipient>[0], purpose: 'invitation' | 'reset', link: { token: string; expiresAt: string }): Promise<number> {
  const renderer = rendererFor(deps);
  const url = renderer.url(`/invitations/${link.token}`);
  const to = userRecipient(user);
  const message: MessageToQueue = purpose === 'invitation'
    ? { kind: 'invitation', to, data: { name: to.name, url, expiresAt: link.expiresAt } }
    : { kind: 'password-reset', to, data: { name: to.name, url, expiresAt: link.expiresAt } };
  return queueMessages(deps, tx, [message], renderer);
}

/** Failed sign-ins to an account have piled up: its owner is told, with the way to change their password. */
export function queueSignInFailures(deps: Deps, tx: Tx, user: Parameters<typeof userRecipient>[0], failures: { count: number; since: string }): Promise<number> {
  const renderer = rendererFor(deps);
  const to = userRecipient(user);
  return queueMessages(deps, tx, [{ kind: 'sign-in-failures', to, data: { name: to.name, failures: failures.count, since: failures.since, url: renderer.url('/account') } }], renderer);
}

/**
 * Active delegates of eligible Member States, with their Member State's names, and for each
 * Member State among them that has a mission address, a copy to it (in the language of its first
 * delegate here, since a mission has none of its own).
 */
async function delegatesWithStates(tx: Queryable, options: Parameters<typeof listDelegateRecipients>[1] = {}) {
  const [recipients, states] = await independently(tx, [() => listDelegateRecipients(tx, options), () => listMissionAddresses(tx, options.memberStateId)]);
  const byId = new Map(states.map((m) => [m.id, m]));
  const out: { recipient: Recipient; state: MissionAddressRow }[] = [];
  const copied = new Set<number>();
  for (const r of recipients) {
    const state = byId.get(r.member_state_id);
    if (!state) continue;
    out.push({ recipient: recipientOf(r), state });
    if (state.mission_address && !copied.has(state.id)) {
      copied.add(state.id);
      out.push({ recipient: { email: state.mission_address, name: state.name_en, language: r.language, userId: null, memberStateId: state.id }, state });
    }
  }
  return out;
}

/** Who a dedupe key names: the account, or the mission of a Member State. */
function who(r: Recipient): string {
  return r.userId === null ? `mission-${r.memberStateId}` : String(r.userId);
}

/** A survey opened (or reopened): every active delegate of every eligible Member State. */
export async function queueSurveyOpened(deps: Deps, tx: Tx, survey: Survey): Promise<number> {
  const renderer = rendererFor(deps);
  const url = renderer.url(`/surveys/${survey.id}/ballot`);
  const messages = (await delegatesWithStates(tx)).map(({ recipient, state }): MessageToQueue => ({
    kind: 'survey-opened', to: recipient, surveyId: survey.id,
    data: { name: recipient.name, survey: survey.title, memberState: names(state), closesAt: survey.closesAt, url },
  }));
  return queueMessages(deps, tx, messages, renderer);
}

/** A survey closed: every delegate told once per closing time, whoever notices it first. */
export async function queueSurveyClosed(deps: Deps, tx: Tx, survey: Survey, closedAt: string): Promise<number> {
  const renderer = rendererFor(deps);
  const url = renderer.url(`/surveys/${survey.id}/ballot`);
  const messages = (await delegatesWithStates(tx)).map(({ recipient }): MessageToQueue => ({
    kind: 'survey-closed', to: recipient, surveyId: survey.id, dedupeKey: `survey-closed:${survey.id}:${closedAt}:${who(recipient)}`,
    data: { name: recipient.name, survey: survey.title, url },
  }));
  return queueMessages(deps, tx, messages, renderer);
}

/** Results published: a link to them, to every delegate. */
export async function queueResultsPublished(deps: Deps, tx: Tx, survey: Survey): Promise<number> {
  const renderer = rendererFor(deps);
  const url = renderer.url(`/surveys/${survey.id}/results`);
  const messages = (await delegatesWithStates(tx)).map(({ recipient }): MessageToQueue => ({
    kind: 'results-published', to: recipient, surveyId: survey.id, data: { name: recipient.name, survey: survey.title, url },
  }));
  return queueMessages(deps, tx, messages, renderer);
}

/**
 * Reminders to the delegates of the Member States without a ballot. With a dedupe prefix (a point
 * of the schedule), each delegate gets that point's reminder once, whichever process queues it.
 */
export async function queueReminders(deps: Deps, tx: Tx, survey: Survey, dedupePrefix: string | null): Promise<number> {
  const renderer = rendererFor(deps);
  const url = renderer.url(`/surveys/${survey.id}/ballot`);
  const messages = (await delegatesWithStates(tx, { unansweredIn: survey.id })).map(({ recipient, state }): MessageToQueue => ({
    kind: 'reminder', to: recipient, surveyId: survey.id, dedupeKey: dedupePrefix ? `${dedupePrefix}:${who(recipient)}` : null,
    data: { name: recipient.name, survey: survey.title, memberState: names(state), closesAt: survey.closesAt, url },
  }));
  return queueMessages(deps, tx, messages, renderer);
}

/** Who a reminder now would reach: the delegates of the Member States without a ballot. */
export async function reminderRecipients(tx: Queryable, survey: Survey): Promise<{ messages: number; memberStates: number }> {
  const recipients = await delegatesWithStates(tx, { unansweredIn: survey.id });
  return { messages: recipients.length, memberStates: new Set(recipients.map((r) => r.state.id)).size };
}

export interface RecordedRevision {
  readonly revision: number;
  readonly receipt: string;
  readonly submittedAt: string;
  readonly channel: Channel;
  readonly answers: Readonly<Record<string, StoredAnswer>>;
}

/** A ballot's receipt messages, their recipients read: what remains is to render them for the revision and write them. */
export interface BallotReceipts {
  messages(revision: RecordedRevision): NewOutboxMessage[];
}

/**
 * Reads who gets a Member State's ballot receipt (its delegates and mission, within the hourly
 * limit) on `q`. A submission reads it before its transaction, which then holds the write lock
 * for the one statement that writes the messages, sent beside the revision's own.
 */
export async function prepareBallotReceipts(deps: Deps, q: Queryable, survey: Survey, memberStateId: number): Promise<BallotReceipts> {
  const renderer = rendererFor(deps);
  const recipients = await delegatesWithStates(q, { memberStateId });
  const keep = await withinLimits(deps, q, recipients.map((r) => r.recipient));
  const admitted = recipients.filter((_, i) => keep[i]);
  const options = new Map(survey.questions.flatMap((q) => q.options.map((o) => [o.id, o.title] as const)));
  return {
    messages(revision) {
      if (admitted.length === 0) return [];
      const url = renderer.url(`/surveys/${survey.id}/ballot/receipt/${revision.receipt}`);
      const answers = survey.questions.map((q) => {
        const a = revision.answers[String(q.id)];
        return { question: q.title, abstain: a?.abstain === true, ranking: (a?.ranking ?? []).flatMap((id) => options.get(id) ?? []) };
      });
      return renderMessages(deps, admitted.map(({ recipient, state }): MessageToQueue => ({
        kind: 'ballot-receipt', to: recipient, surveyId: survey.id,
        data: {
          name: recipient.name, survey: survey.title, memberState: names(state), receipt: revision.receipt, revision: revision.revision,
          channel: revision.channel, submittedAt: revision.submittedAt, answers, url,
        },
      })), renderer);
    },
  };
}

/** A proposal was accepted or declined: to the proposing Member State's delegates. */
export async function queueProposalDecision(
  deps: Deps, tx: Tx, survey: Survey, memberStateId: number, proposal: string, decision: { accepted: true } | { accepted: false; reason: string },
): Promise<number> {
  const renderer = rendererFor(deps);
  const url = renderer.url(`/surveys/${survey.id}/proposals`);
  const messages = (await delegatesWithStates(tx, { memberStateId })).map(({ recipient, state }): MessageToQueue => (decision.accepted
    ? { kind: 'proposal-accepted', to: recipient, surveyId: survey.id, data: { name: recipient.name, survey: survey.title, memberState: names(state), proposal, url } }
    : { kind: 'proposal-declined', to: recipient, surveyId: survey.id, data: { name: recipient.name, survey: survey.title, memberState: names(state), proposal, reason: decision.reason, url } }));
  return queueMessages(deps, tx, messages, renderer);
}
