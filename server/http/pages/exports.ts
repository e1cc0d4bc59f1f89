import { Router } from 'express';
import type { Deps } from '../../domain/deps.js';
import { listedExportKinds, recentExports } from '../../domain/exports/index.js';
import { getSurvey } from '../../domain/surveys/queries.js';
import { sendExport } from '../exports.js';
import { idParam } from '../forms/params.js';
import { allow } from '../middleware/roles.js';

/** The exports of a survey: the list with its options, and the downloads. */
export function exportPages(deps: Deps): Router {
  const router = Router();
  router.use('/:id/exports', allow('admin', 'staff'));

  router.get('/:id/exports', async (req, res) => {
    const survey = await getSurvey(deps, req.user!, idParam(req.params.id));
    res.render('exports/index', {
      title: req.t('exports.title'),
      survey,
      kinds: listedExportKinds(req.user!.role),
      recent: await recentExports(deps, req.user!, survey.id, 20),
    });
  });

  // A download writes an audit entry, so it answers the page's buttons, which POST with the CSRF
  // token: a link from another site cannot add entries. A GET (an old bookmark) shows the page.
  router.post('/:id/exports/:file', sendExport(deps, 'body'));
  router.get('/:id/exports/:file', (req, res) => {
    res.redirect(303, `/surveys/${idParam(req.params.id)}/exports`);
  });
  return router;
}
