import { Router } from 'express';
import type { Deps } from '../../domain/deps.js';
import { attachOverviewPdf, getOverviewPdf, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_MEGABYTES, removeOverviewPdf } from '../../domain/overviews/attachments.js';
import { sendPdf } from '../attachment-response.js';
import { idParam, numberFromText } from '../forms/params.js';
import { BodyRefused, pdfBody } from '../middleware/bodies.js';
import { allow } from '../middleware/roles.js';
import { optionalBearer } from './overviews.js';

/** The download of an overview's PDF: no token needed once the overview is published. */
export function publicOverviewAttachmentsApi(deps: Deps): Router {
  const router = Router();
  router.get('/overviews/:id/attachment.pdf', optionalBearer(deps), async (req, res) => {
    sendPdf(res, await getOverviewPdf(deps, req.user ?? null, idParam(req.params.id)));
  });
  return router;
}

function baseRevision(value: unknown): { baseRevision?: number | string } {
  const base = numberFromText(typeof value === 'string' ? value : '');
  return base === null ? {} : { baseRevision: base };
}

/**
 * A delegation attaches a PDF to its overview: the PDF's bytes as the body (Content-Type:
 * application/pdf), its name in `?name=`, the revision it was made from in `?baseRevision=`;
 * DELETE removes it.
 */
export function overviewAttachmentsApi(deps: Deps): Router {
  const router = Router();

  router.put('/events/:id/overview/attachment', allow('delegate'),
    pdfBody(MAX_ATTACHMENT_BYTES, { key: 'errors.attachmentTooLarge', params: { max: MAX_ATTACHMENT_MEGABYTES } }),
    async (req, res) => {
      const eventId = idParam(req.params.id);
      if (!Buffer.isBuffer(req.body)) throw new BodyRefused(415, 'errors.pdfExpected');
      const name = typeof req.query.name === 'string' ? req.query.name : '';
      res.json(await attachOverviewPdf(deps, req.user!, eventId, { ...baseRevision(req.query.baseRevision), name, file: req.body }));
    });

  router.delete('/events/:id/overview/attachment', allow('delegate'), async (req, res) => {
    res.json(await removeOverviewPdf(deps, req.user!, idParam(req.params.id), baseRevision(req.query.baseRevision)));
  });

  return router;
}
