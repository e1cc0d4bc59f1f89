// The PDF attached to an overview (overview_attachments): at most one per overview. What the pages
// and the JSON show of it (name, size, SHA-256) comes with the overview's own row (overviews.ts);
// its bytes are read here alone, for the download.
import { z } from 'zod';
import { connectionOf, type Queryable, type Tx } from './database.js';
import { nullableWholeNumber, text, wholeNumber } from './row-schemas.js';

const bytes = z.custom<Buffer>((value) => Buffer.isBuffer(value), 'expected bytes');

const ATTACHMENT_ROW = z.object({
  overview_id: wholeNumber,
  file_name: text,
  size: wholeNumber,
  sha256: text,
  content: bytes,
  uploaded_by: nullableWholeNumber,
  uploaded_by_label: text,
  uploaded_at: text,
});
export type AttachmentRow = Readonly<z.output<typeof ATTACHMENT_ROW>>;

export interface AttachmentFields {
  readonly file_name: string;
  readonly size: number;
  readonly sha256: string;
  readonly content: Buffer;
  readonly uploaded_by: number | null;
  readonly uploaded_by_label: string;
  readonly uploaded_at: string;
}

/** An overview's attachment with its bytes, or undefined when it has none. */
export async function findAttachment(q: Queryable, overviewId: number): Promise<AttachmentRow | undefined> {
  const r: unknown = await connectionOf(q)('overview_attachments').where({ overview_id: overviewId }).first();
  return r ? ATTACHMENT_ROW.parse(r) : undefined;
}

/** Attaches a file to an overview, in place of the one it had if any. */
export async function replaceAttachment(tx: Tx, overviewId: number, fields: AttachmentFields): Promise<void> {
  await deleteAttachment(tx, overviewId);
  await tx.knex('overview_attachments').insert({ ...fields, overview_id: overviewId });
}

/** Removes an overview's attachment: true when it had one. */
export async function deleteAttachment(tx: Tx, overviewId: number): Promise<boolean> {
  return (await tx.knex('overview_attachments').where({ overview_id: overviewId }).delete()) > 0;
}
