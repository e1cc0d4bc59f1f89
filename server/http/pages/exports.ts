import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { Deps } from '../../domain/deps.js';
import { listedExportKinds, recentExports } from '../../domain/exports/index.js';
import { getSurvey } from '../../domain/surveys/queries.js';
import { exportKindOf, sendExport } from '../exports.js';
import { fieldErrors, type FieldMessages } from '../forms/field-errors.js';
import { idParam } from '../forms/params.js';
import { allow } from '../middleware/roles.js';

/** The exports of a survey: the list with its options, and the downloads. */
export function exportPages(deps: Deps): Router {
  const router = Router();
  router.use('/:id/exports', allow('admin', 'staff'));

  /** The page, with the choices of a refused export and its messages beside the fields when there is one. */
  const renderPage = async (req: Request, res: Response, status: number, refused: { kind: string; values: unknown; errors: FieldMessages } | null) => {
    const survey = await getSurvey(deps, req.user!, idParam(req.params.id));
    res.status(status).render('exports/index', {
      title: req.t('exports.title'),
      survey,
      kinds: listedExportKinds(req.user!.role),
      recent: await recentExports(deps, req.user!, survey.id, 20),
      refused,
    });
  };

  /** A download refused for its choices (a BLT file without its question) shows the form again, saying why at the field. */
  const refusalOnTheForm = (download: RequestHandler): RequestHandler => async (req, res, next) => {
    try {
      await download(req, res, next);
    } catch (error) {
      const errors = res.headersSent ? null : fieldErrors(error, req.t);
      if (!errors) throw error;
      const values = req.body ?? {};
      await renderPage(req, res, 422, { kind: exportKindOf(req.params.file), values, errors });
    }
  };

  router.get('/:id/exports', (req, res) => renderPage(req, res, 200, null));
  // A download writes an audit entry, so it answers the page's buttons, which POST with the CSRF
  // token: a link from another site cannot add entries. A GET (an old bookmark) shows the page.
  router.post('/:id/exports/:file', refusalOnTheForm(sendExport(deps, 'body')));
  router.get('/:id/exports/:file', (req, res) => {
    res.redirect(303, `/surveys/${idParam(req.params.id)}/exports`);
  });
  return router;
}
