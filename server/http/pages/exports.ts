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

  router.get('/:id/exports/:file', sendExport(deps));
  return router;
}
