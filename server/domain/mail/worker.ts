// Sending the outbox. The worker runs in the server process, owned by an object that main.ts
// starts and stops: each round it queues what the reminder schedules say is due, then claims the
// messages that are due (a lease, so no other process sends them meanwhile), sends them through
// the transport and records what the server answered.
//
// Delivery is at least once: a message is marked sent after the SMTP server accepted it. If the
// process dies between the two, the lease runs out and the message is sent again, with the same
// Message-ID (mail programs and many servers drop the copy by it).
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { MailConfig } from '../../config.js';
import { claimDueMessages, recordAttempts, type AttemptOutcome, type OutboxRow } from '../../data/outbox.js';
import { isoTime } from '../clock.js';
import type { Deps } from '../deps.js';
import { queueScheduledNotices } from './reminders.js';
import { headerSafe } from './render.js';

/** One message as the transport sends it. */
export interface OutgoingMail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly messageId: string;
}

/** What sends messages: SMTP through nodemailer in the app, anything alike in a test. */
export interface MailTransport {
  /** Resolves with the server's reply when it accepted the message; rejects with its error otherwise. */
  send(mail: OutgoingMail): Promise<string>;
  close(): void;
}

/**
 * An SMTP transport from SMTP_URL (smtp://user:pass@host:587, smtps://… for TLS from the start):
 * pooled connections, at most `ratePerSecond` messages a second.
 */
export function smtpTransport(config: MailConfig, options: { maxConnections?: number } = {}): MailTransport {
  if (!config.smtpUrl) throw new Error('No SMTP_URL configured');
  const url = new URL(config.smtpUrl);
  const transporter = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: 500,
    rateDelta: 1000,
    rateLimit: Math.max(1, Math.round(config.ratePerSecond)),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        // Only our own messages go out, to the one recipient in the outbox row.
        envelope: { from: addressOf(mail.from), to: [mail.to] },
      });
      return String(info.response ?? '');
    },
    close: () => transporter.close(),
  };
}

function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

/** Whether a failure may pass: no answer (connection refused, timeout), a 4xx reply, or our own credentials refused. */
export function isTemporaryFailure(error: unknown): boolean {
  const e = error as { responseCode?: unknown; code?: unknown };
  const code = typeof e?.responseCode === 'number' ? e.responseCode : undefined;
  if (e?.code === 'EAUTH') return true;
  if (code === undefined) return true;
  return code < 500;
}

function replyOf(error: unknown): string {
  const e = error as { response?: unknown; message?: unknown; code?: unknown };
  if (typeof e?.response === 'string' && e.response) return e.response;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return typeof e?.code === 'string' ? `${e.code}: ${message}` : message;
}

export interface WorkerOptions {
  /** Between rounds when there was nothing to send. */
  readonly pollMs?: number;
  /** Messages claimed per round. */
  readonly batchSize?: number;
  /** How long a claim lasts before another process may take the message over. */
  readonly leaseMs?: number;
  /** The first retry's delay; each next one doubles, up to an hour. */
  readonly backoffMs?: number;
  /** Whether each round first queues the scheduled reminders and closing notices. */
  readonly schedule?: boolean;
}

export interface RoundReport {
  readonly sent: number;
  readonly retried: number;
  readonly failed: number;
  readonly claimed: number;
}

const MAX_BACKOFF_MS = 60 * 60 * 1000;

/** The outbox's sender: without a transport it only queues what the schedules make due. */
export class MailWorker {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly #deps: Deps;
  readonly #transport: MailTransport | null;
  readonly #pollMs: number;
  readonly #batchSize: number;
  readonly #leaseMs: number;
  readonly #backoffMs: number;
  readonly #schedule: boolean;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;

  constructor(deps: Deps, transport: MailTransport | null, options: WorkerOptions = {}) {
    this.#deps = deps;
    this.#transport = transport;
    this.#pollMs = options.pollMs ?? 5000;
    this.#batchSize = options.batchSize ?? 100;
    this.#leaseMs = options.leaseMs ?? 5 * 60 * 1000;
    this.#backoffMs = options.backoffMs ?? 30_000;
    this.#schedule = options.schedule ?? true;
  }

  /** Made from the configuration: SMTP when SMTP_URL is set, else a worker that only schedules. */
  static fromConfig(deps: Deps, options: WorkerOptions = {}): MailWorker {
    return new MailWorker(deps, deps.config.mail.smtpUrl ? smtpTransport(deps.config.mail) : null, options);
  }

  get sends(): boolean {
    return this.#transport !== null;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#plan(0);
  }

  /** Stops after the round under way, if any, and closes the transport's connections. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
    this.#transport?.close();
  }

  #plan(delay: number): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => {
      this.#running = this.#loop().finally(() => { this.#running = undefined; });
    }, delay);
    this.#timer.unref();
  }

  async #loop(): Promise<void> {
    let again = false;
    try {
      const report = await this.runRound();
      again = report.claimed >= this.#batchSize;
    } catch (error) {
      console.error('Mail worker round failed:', error);
    }
    this.#plan(again ? 0 : this.#pollMs);
  }

  /** One round: the schedules, then one batch of due messages sent. */
  async runRound(): Promise<RoundReport> {
    if (this.#schedule) await queueScheduledNotices(this.#deps);
    return this.deliver();
  }

  /** Claims and sends one batch of due messages (or only message `onlyId`). */
  async deliver(onlyId?: number): Promise<RoundReport> {
    if (!this.#transport) return { sent: 0, retried: 0, failed: 0, claimed: 0 };
    const now = this.#deps.clock.now();
    const leaseUntil = isoTime(new Date(now.getTime() + this.#leaseMs));
    const claimed = await this.#deps.db.transaction((tx) => claimDueMessages(tx, this.owner, isoTime(now), leaseUntil, this.#batchSize, onlyId));
    // Sent side by side (the pool spreads them over its connections); the replies are recorded
    // together in one transaction as soon as the batch is through.
    const outcomes = await Promise.all(claimed.map(async (row) => ({ id: row.id, outcome: await this.#sendOne(row) })));
    const at = isoTime(this.#deps.clock.now());
    await this.#deps.db.transaction((tx) => recordAttempts(tx, this.owner, outcomes, at));
    const count = (status: AttemptOutcome['status']) => outcomes.filter((o) => o.outcome.status === status).length;
    return { claimed: claimed.length, sent: count('sent'), retried: count('queued'), failed: count('failed') };
  }

  async #sendOne(row: OutboxRow): Promise<AttemptOutcome> {
    const transport = this.#transport!;
    let outcome: AttemptOutcome;
    try {
      const reply = await transport.send({
        from: headerSafe(this.#deps.config.mail.from), to: headerSafe(row.recipient), subject: headerSafe(row.subject),
        text: row.text_body, html: row.html_body, messageId: row.message_id,
      });
      outcome = { status: 'sent', reply };
    } catch (error) {
      const reply = replyOf(error);
      const attempts = row.attempts + 1;
      if (!isTemporaryFailure(error)) outcome = { status: 'failed', reply };
      else if (attempts >= this.#deps.config.mail.maxAttempts) outcome = { status: 'failed', reply: `Gave up after ${attempts} attempts. Last reply: ${reply}` };
      else {
        const delay = Math.min(this.#backoffMs * 2 ** (attempts - 1), MAX_BACKOFF_MS);
        outcome = { status: 'queued', reply, nextAttemptAt: isoTime(new Date(this.#deps.clock.now().getTime() + delay)) };
      }
    }
    return outcome;
  }
}
