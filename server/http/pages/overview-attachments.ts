import { Router, type Request, type Response } from 'express';
import type { Deps } from '../../domain/deps.js';
import { AppError, HTTP_STATUS } from '../../domain/errors.js';
import { attachOverviewPdf, getOverviewPdf, removeOverviewPdf, type AttachmentChange } from '../../domain/overviews/attachments.js';
import { Refused } from '../../domain/refusals.js';
import { sendPdf } from '../attachment-response.js';
import { fieldErrors } from '../forms/field-errors.js';
import { idParam, numberFromText } from '../forms/params.js';
import { allow } from '../middleware/roles.js';
import { refusalText } from '../refusal-text.js';
import { renderOverviewForm } from './overviews.js';

function baseRevision(req: Request): { baseRevision?: number | string } {
  const value = (req.body as Record<string, unknown> | undefined)?.baseRevision;
  const base = numberFromText(typeof value === 'string' ? value : '');
  return base === null ? {} : { baseRevision: base };
}

/**
 * Makes a change of the attachment and goes back to the overview's page; a refusal is shown on
 * that page, beside the file's field or above the forms.
 */
async function change(deps: Deps, req: Request, res: Response, eventId: number, action: () => Promise<AttachmentChange>): Promise<void> {
  try {
    const changed = await action();
    res.redirect(303, `/events/${eventId}/overview?saved=${changed.revision}`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const status = HTTP_STATUS[error.kind];
    if (error instanceof Refused) return renderOverviewForm(deps, req, res, eventId, { status, general: [refusalText(req, error.refusal)], errors: {} });
    const messages = fieldErrors(error, req.t);
    if (!messages) throw error;
    const { _: general, ...errors } = messages;
    return renderOverviewForm(deps, req, res, eventId, { status, general: general ? [general] : [], errors });
  }
}

/**
 * The PDF attached to an overview: its download (seen as the overview is: by anyone once
 * published), and the delegation's forms that attach, replace or remove it.
 */
export function overviewAttachmentPages(deps: Deps): Router {
  const router = Router();

  router.get('/overviews/:id/attachment.pdf', async (req, res) => {
    sendPdf(res, await getOverviewPdf(deps, req.user ?? null, idParam(req.params.id)));
  });

  // A multipart form: the file in `file`, with the CSRF token and the base revision beside it.
  router.post('/events/:id/overview/attachment', allow('delegate'), async (req, res) => {
    const eventId = idParam(req.params.id);
    await change(deps, req, res, eventId, () => attachOverviewPdf(deps, req.user!, eventId, {
      ...baseRevision(req), name: req.file?.originalname ?? '', ...(req.file ? { file: req.file.buffer } : {}),
    }));
  });

  router.post('/events/:id/overview/attachment/remove', allow('delegate'), async (req, res) => {
    const eventId = idParam(req.params.id);
    await change(deps, req, res, eventId, () => removeOverviewPdf(deps, req.user!, eventId, baseRevision(req)));
  });

  return router;
}
