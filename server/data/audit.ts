import { z } from 'zod';
import { connectionOf, type Queryable, type Tx } from './database.js';
import { nullableText, nullableWholeNumber, text, wholeNumber } from './row-schemas.js';

/** An audit entry; seq is a bigint, which PostgreSQL gives as a string. */
const AUDIT_ROW = z.object({
  id: wholeNumber,
  seq: wholeNumber,
  at: text,
  actor_user_id: nullableWholeNumber,
  actor_label: text,
  action: text,
  subject_type: text,
  subject_id: nullableText,
  details: text,
  prev_hash: text,
  hash: text,
});

export type AuditRow = Readonly<z.output<typeof AUDIT_ROW>>;

const AUDIT_HEAD = z.object({ seq: wholeNumber, hash: text });

export type AuditHead = Readonly<z.output<typeof AUDIT_HEAD>>;

export type NewAuditRow = Omit<AuditRow, 'id' | 'seq' | 'prev_hash' | 'hash'>;

/**
 * Moves the head from `from` to `to` only if it is still exactly `from`; true when it moved. On
 * PostgreSQL the row lock makes a concurrent append wait, then find the head moved and try again.
 */
export async function advanceAuditHead(tx: Tx, from: AuditHead, to: AuditHead): Promise<boolean> {
  const trx = tx.knex;
  return (await trx('audit_head').where({ id: 1, seq: from.seq, hash: from.hash }).update({ seq: to.seq, hash: to.hash })) === 1;
}

/** Bumps the head and reads it back in one statement; on PostgreSQL the row lock makes concurrent appends wait their turn. */
export async function lockAuditHead(tx: Tx): Promise<AuditHead> {
  const trx = tx.knex;
  const [head] = await trx('audit_head').where({ id: 1 }).increment('seq', 1).returning(['seq', 'hash']);
  return AUDIT_HEAD.parse(head);
}

/**
 * PostgreSQL: inserts the entry and points the head at it in one statement, so the head's row
 * lock, which every other append waits for, is held one round trip less.
 */
export async function insertAuditRowAsHead(tx: Tx, row: Omit<AuditRow, 'id'>): Promise<void> {
  const trx = tx.knex;
  const insert = trx('audit_entries').insert(row).toSQL();
  await trx.raw(`with entry as (${insert.sql}) update audit_head set hash = ? where id = 1`, [...insert.bindings, row.hash]);
}

export async function insertAuditRow(tx: Tx, row: Omit<AuditRow, 'id'>): Promise<void> {
  const trx = tx.knex;
  await trx('audit_entries').insert(row);
}

export async function listAuditRows(q: Queryable, options: { afterSeq?: number; limit?: number } = {}): Promise<AuditRow[]> {
  const db = connectionOf(q);
  const rows = await db('audit_entries')
    .where('seq', '>', options.afterSeq ?? 0)
    .orderBy('seq')
    .limit(options.limit ?? 1000);
  return rows.map(fromRow);
}

export async function listRecentAuditRows(q: Queryable, limit: number): Promise<AuditRow[]> {
  const db = connectionOf(q);
  const rows = await db('audit_entries').orderBy('seq', 'desc').limit(limit);
  return rows.map(fromRow);
}

function fromRow(r: unknown): AuditRow {
  return AUDIT_ROW.parse(r);
}

export async function listExportEntries(q: Queryable, surveyId: number, limit: number): Promise<AuditRow[]> {
  const db = connectionOf(q);
  const rows = await db('audit_entries').where({ action: 'export.create', subject_type: 'survey', subject_id: String(surveyId) }).orderBy('seq', 'desc').limit(limit);
  return rows.map(fromRow);
}

/** The head of the chain: the number of entries written and the hash of the last one. */
export async function readAuditHead(q: Queryable): Promise<AuditHead> {
  const db = connectionOf(q);
  return AUDIT_HEAD.parse(await db('audit_head').where({ id: 1 }).first('seq', 'hash'));
}
