import { createHash } from 'node:crypto';
import { advanceAuditHead, insertAuditRow, listAuditRows, lockAuditHead, readAuditHead, insertAuditRowAsHead, type AuditHead, type AuditRow } from '../data/audit.js';
import { cacheSlot, Remembered } from '../data/cache-slot.js';
import type { Tx } from '../data/database.js';
import { isoTime } from './clock.js';
import type { Deps } from './deps.js';

export interface AuditEvent {
  readonly actorUserId: number | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string | number | null;
  /** What changed: plain JSON, e.g. { from: {...}, to: {...} }. Never a secret. */
  readonly details: Readonly<Record<string, unknown>>;
}

export const GENESIS_HASH = '0'.repeat(64);

function entryHash(prevHash: string, row: Omit<AuditRow, 'id' | 'hash' | 'prev_hash'>): string {
  const canonical = JSON.stringify([
    row.seq, row.at, row.actor_user_id, row.actor_label, row.action, row.subject_type, row.subject_id, row.details,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/**
 * The head this process last wrote or read, on SQLite. SQLite has one writer per process, so
 * this is usually still the head, which saves reading it; when it is not (a rolled-back append,
 * another process), moving the head fails and it is read again.
 */
const KNOWN_HEAD = cacheSlot('audit head', () => new Remembered<AuditHead>());
const APPEND_ATTEMPTS = 100;

/** The place at the head of the chain a transaction has taken for its next entry (see takeAuditTurn). */
export interface AuditTurn {
  readonly head: AuditHead;
}

/**
 * PostgreSQL: takes the audit head's row lock now, for the entry this transaction appends next;
 * every other append then waits for this transaction to end. A change whose moment matters (a
 * ballot, a survey's status or closing time) takes its turn before it reads the clock and what
 * it depends on, so such changes are ordered by the turns they took, as their entries are in the
 * chain: a ballot either commits before a close reads the clock, or waits for the close and then
 * reads the survey closed. SQLite: undefined, as it writes one transaction at a time already.
 */
export async function takeAuditTurn(tx: Tx): Promise<AuditTurn | undefined> {
  return tx.database.engine === 'postgres' ? { head: await lockAuditHead(tx) } : undefined;
}

/**
 * Appends an entry inside the caller's transaction, so the change and its record commit together;
 * in the turn the transaction took before, if it took one (for this entry only).
 */
export async function appendAuditEntry(deps: Pick<Deps, 'clock'>, tx: Tx, event: AuditEvent, turn?: AuditTurn): Promise<void> {
  if (tx.database.engine === 'postgres') {
    // Appends run side by side here: each waits its turn on the head's row lock, then reads it.
    const locked = turn?.head ?? await lockAuditHead(tx);
    const row = entryRow(deps, locked.seq, event);
    const hash = entryHash(locked.hash, row);
    await insertAuditRowAsHead(tx, { ...row, prev_hash: locked.hash, hash });
    return;
  }
  const known = tx.database.cache(KNOWN_HEAD);
  let head = known.get() ?? await readAuditHead(tx);
  for (let attempt = 1; ; attempt++) {
    const row = entryRow(deps, head.seq + 1, event);
    const hash = entryHash(head.hash, row);
    if (await advanceAuditHead(tx, head, { seq: row.seq, hash })) {
      known.set({ seq: row.seq, hash });
      await insertAuditRow(tx, { ...row, prev_hash: head.hash, hash });
      return;
    }
    if (attempt >= APPEND_ATTEMPTS) throw new Error('The audit log is changing too fast to append to');
    head = await readAuditHead(tx);
  }
}

function entryRow(deps: Pick<Deps, 'clock'>, seq: number, event: AuditEvent): Omit<AuditRow, 'id' | 'hash' | 'prev_hash'> {
  return {
    seq,
    at: isoTime(deps.clock.now()),
    actor_user_id: event.actorUserId,
    actor_label: event.actorLabel,
    action: event.action,
    subject_type: event.subjectType,
    subject_id: event.subjectId == null ? null : String(event.subjectId),
    details: JSON.stringify(event.details),
  };
}

export interface ChainCheck {
  readonly ok: boolean;
  readonly entries: number;
  /** The first entry whose hash or link does not match, when the chain is broken. */
  readonly brokenAt: number | null;
}

export async function verifyAuditChain(deps: Pick<Deps, 'db'>): Promise<ChainCheck> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const page = await listAuditRows(deps.db, { afterSeq: expectedSeq - 1, limit: 1000 });
    if (page.length === 0) break;
    for (const row of page) {
      const { id: _id, hash, prev_hash, ...rest } = row;
      if (row.seq !== expectedSeq || prev_hash !== prev || entryHash(prev, rest) !== hash) {
        return { ok: false, entries: count, brokenAt: expectedSeq };
      }
      prev = hash;
      expectedSeq += 1;
      count += 1;
    }
  }
  // Entries removed from the end leave a shorter chain that still links: the head tells.
  const head = await readAuditHead(deps.db);
  if (head.seq !== count || head.hash !== prev) return { ok: false, entries: count, brokenAt: count + 1 };
  return { ok: true, entries: count, brokenAt: null };
}
