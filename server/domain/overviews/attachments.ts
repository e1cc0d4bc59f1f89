// The PDF a delegation may attach to its overview. Attaching, replacing or removing it is a change
// of the overview like any save: the same rules (the delegates of its Member State, invited, call
// open, not once published or withdrawn), a new revision made only from the current one, one
// transaction with its audit entry. Reading the file follows the overview's own visibility.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { findOverview, findOverviewOf, advanceOverview, insertOverviewRevision, type OverviewFields, type OverviewStatus } from '../../data/overviews.js';
import { deleteAttachment, findAttachment, replaceAttachment } from '../../data/overview-attachments.js';
import { actorLabel } from '../accounts.js';
import { appendAuditEntry } from '../audit.js';
import { isoTime } from '../clock.js';
import type { Actor, Deps } from '../deps.js';
import { AppError, type FieldError } from '../errors.js';
import { Refused } from '../refusals.js';
import { integer, parseInput } from '../validation.js';
import { getEvent, isCallOpen } from './events.js';
import { delegateOnly, isInvited, staleError, visibleOverviewRow, type OverviewAttachment } from './overviews.js';

/** The largest PDF an overview takes, in megabytes (of 1,048,576 bytes), as the pages state it. */
export const MAX_ATTACHMENT_MEGABYTES = 5;
export const MAX_ATTACHMENT_BYTES = MAX_ATTACHMENT_MEGABYTES * 1024 * 1024;
/** The most characters kept of a file's name, its ".pdf" included. */
export const MAX_FILE_NAME_LENGTH = 150;

/** A PDF starts with its header, version 1.x or 2.x, at its very first byte (no prefix tolerated). */
const PDF_HEADER = /^%PDF-[12]\.\d/;
/** Where the end-of-file marker must be: readers look for it in the last 1,024 bytes. */
const EOF_WINDOW = 1024;

const bytes = z.custom<Buffer>((value) => Buffer.isBuffer(value), { message: 'validation.attachmentMissing' });

const attachInputSchema = z.object({
  baseRevision: integer('validation.invalidValue', 0).optional(),
  name: z.string({ message: 'validation.invalidValue' }).max(1000, 'validation.tooLong'),
  file: bytes,
}, { message: 'validation.invalidValue' });

const removeInputSchema = z.object({
  baseRevision: integer('validation.invalidValue', 0).optional(),
}, { message: 'validation.invalidValue' });

/** Why these bytes are not taken as a PDF (the problem of the field `file`), or null when they are. */
export function pdfProblem(content: Buffer): FieldError | null {
  if (content.length === 0) return { field: 'file', key: 'validation.attachmentEmpty' };
  if (content.length > MAX_ATTACHMENT_BYTES) return { field: 'file', key: 'validation.attachmentTooLarge', params: { max: MAX_ATTACHMENT_MEGABYTES } };
  if (!PDF_HEADER.test(content.subarray(0, 8).toString('latin1'))) return { field: 'file', key: 'validation.notPdf' };
  if (!content.subarray(Math.max(0, content.length - EOF_WINDOW)).includes('%%EOF', 0, 'latin1')) return { field: 'file', key: 'validation.pdfIncomplete' };
  return null;
}

/**
 * A file's name made safe to show and to send back in a Content-Disposition header: no folders,
 * no control or direction-changing characters, none that file systems refuse, at most
 * MAX_FILE_NAME_LENGTH characters, ending in ".pdf".
 */
export function sanitiseFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let stem = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/["*:<>?|]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/\.pdf$/i, '')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  stem = [...stem].slice(0, MAX_FILE_NAME_LENGTH - 4).join('').trimEnd();
  return `${stem || 'overview'}.pdf`;
}

type Change = { readonly kind: 'attach'; readonly attachment: OverviewAttachment & { readonly content: Buffer } } | { readonly kind: 'remove' };

export interface AttachmentChange {
  readonly id: number;
  readonly revision: number;
  readonly status: OverviewStatus;
  readonly attachment: OverviewAttachment | null;
}

/**
 * Checks the rules of a change of the overview and makes it, as the next revision from `base`
 * (the current one when not given), with its audit entry; nothing is written when one fails.
 */
async function changeAttachment(deps: Deps, actor: Actor, eventId: number, base: number | undefined, change: Change): Promise<AttachmentChange> {
  const memberStateId = delegateOnly(actor);
  const [event, overview] = await Promise.all([getEvent(deps, actor, eventId), findOverviewOf(deps.db, eventId, memberStateId)]);
  if (!isInvited(event, memberStateId)) throw new Refused({ kind: event.call === null ? 'call-closed' : 'not-invited' });
  if (!overview && change.kind === 'remove') throw new AppError('not_found', 'errors.noAttachment');
  if (!overview) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'file', key: 'validation.attachmentNeedsOverview' }]);
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    if (!isCallOpen(event.call!, now)) throw new Refused({ kind: 'call-closed' });
    const row = (await findOverviewOf(tx, eventId, memberStateId))!;
    if (row.status === 'published' || row.status === 'withdrawn') throw new AppError('conflict', `errors.attachmentLocked.${row.status}`);
    if (change.kind === 'remove' && row.attachment_name === null) throw new AppError('not_found', 'errors.noAttachment');
    const at = isoTime(now);
    const fields: OverviewFields = {
      language: row.language, title: row.title, status: row.status, sections: row.sections, comment: row.comment,
      updated_by: actor.userId, updated_by_label: actorLabel(actor), updated_at: at, submitted_at: row.submitted_at, published_at: row.published_at,
    };
    if (!(await advanceOverview(tx, row.id, base ?? row.revision, fields))) throw staleError(await findOverview(tx, row.id));
    if (change.kind === 'attach') {
      const { name, size, sha256, content } = change.attachment;
      await replaceAttachment(tx, row.id, {
        file_name: name, size, sha256, content, uploaded_by: actor.userId, uploaded_by_label: actorLabel(actor), uploaded_at: at,
      });
    } else {
      await deleteAttachment(tx, row.id);
    }
    const saved = (await findOverview(tx, row.id))!;
    await insertOverviewRevision(tx, saved);
    const before = row.attachment_sha256 === null ? null : { name: row.attachment_name, size: row.attachment_size, sha256: row.attachment_sha256 };
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: change.kind === 'attach' ? 'overview.attach' : 'overview.detach',
      subjectType: 'overview', subjectId: row.id,
      details: {
        event: eventId, memberStateId, revision: saved.revision, replaced: before,
        ...(change.kind === 'attach' ? { name: change.attachment.name, size: change.attachment.size, sha256: change.attachment.sha256 } : {}),
      },
    });
    const attachment = change.kind === 'attach' ? { name: change.attachment.name, size: change.attachment.size, sha256: change.attachment.sha256 } : null;
    return { id: row.id, revision: saved.revision, status: saved.status, attachment };
  });
}

/**
 * A delegate attaches a PDF to their Member State's overview for an event, in place of the one it
 * had: `{ name, file, baseRevision? }` with the file's bytes. The bytes must be a PDF (its header
 * first, its end-of-file marker at the end) of at most MAX_ATTACHMENT_BYTES.
 */
export async function attachOverviewPdf(deps: Deps, actor: Actor, eventId: number, input: unknown): Promise<AttachmentChange> {
  delegateOnly(actor);
  const data = parseInput(attachInputSchema, input);
  const problem = pdfProblem(data.file);
  if (problem) throw new AppError('invalid', 'errors.invalid', {}, [problem]);
  const attachment = { name: sanitiseFileName(data.name), size: data.file.length, sha256: createHash('sha256').update(data.file).digest('hex'), content: data.file };
  return changeAttachment(deps, actor, eventId, data.baseRevision, { kind: 'attach', attachment });
}

/** A delegate removes the PDF attached to their Member State's overview for an event. */
export async function removeOverviewPdf(deps: Deps, actor: Actor, eventId: number, input: unknown): Promise<AttachmentChange> {
  delegateOnly(actor);
  const data = parseInput(removeInputSchema, input ?? {});
  return changeAttachment(deps, actor, eventId, data.baseRevision, { kind: 'remove' });
}

/** An overview's PDF, to whoever may see the overview (getOverview's rule); 404 when there is none. */
export async function getOverviewPdf(deps: Deps, actor: Actor | null, overviewId: number): Promise<OverviewAttachment & { readonly content: Buffer; readonly isPublic: boolean }> {
  const overview = await visibleOverviewRow(deps, actor, overviewId);
  const row = await findAttachment(deps.db, overviewId);
  if (!row) throw new AppError('not_found', 'errors.notFound');
  return { name: row.file_name, size: row.size, sha256: row.sha256, content: row.content, isPublic: overview.status === 'published' };
}
