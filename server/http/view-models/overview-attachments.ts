import { MAX_ATTACHMENT_MEGABYTES } from '../../domain/overviews/attachments.js';
import type { Overview, OverviewAttachment } from '../../domain/overviews/overviews.js';
import type { Formatters, Translate } from '../../i18n/index.js';

/** A file's size as people read it: bytes under 1 kB, whole kB under 1 MB, MB to one decimal. */
export function fileSize(bytes: number, t: Translate, fmt: Formatters): string {
  if (bytes < 1024) return t('attachments.size.bytes', { size: fmt.number(bytes) });
  if (bytes < 1024 * 1024) return t('attachments.size.kB', { size: fmt.number(Math.round(bytes / 1024)) });
  return t('attachments.size.MB', { size: fmt.number(Math.round((bytes / (1024 * 1024)) * 10) / 10) });
}

export interface AttachmentLink {
  readonly href: string;
  readonly name: string;
  readonly size: string;
}

/** The link to an overview's PDF, or null when it has none. */
export function attachmentLink(overviewId: number, attachment: OverviewAttachment | null, t: Translate, fmt: Formatters): AttachmentLink | null {
  return attachment ? { href: `/overviews/${overviewId}/attachment.pdf`, name: attachment.name, size: fileSize(attachment.size, t, fmt) } : null;
}

/** What the overview page's attachment form shows: null until the overview is saved or once it cannot change. */
export function attachmentForm(eventId: number, overview: Overview | undefined, editable: boolean, t: Translate, fmt: Formatters) {
  if (!overview || !editable) return null;
  return {
    action: `/events/${eventId}/overview/attachment`,
    baseRevision: overview.revision,
    current: attachmentLink(overview.id, overview.attachment, t, fmt),
    max: MAX_ATTACHMENT_MEGABYTES,
  };
}
