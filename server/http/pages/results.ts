import { Router } from 'express';
import type { Deps } from '../../domain/deps.js';
import { surveyResults } from '../../domain/results.js';
import { sendExport } from '../exports.js';
import { idParam } from '../forms/params.js';
import { allow } from '../middleware/roles.js';
import { resultsPage } from '../view-models/results.js';

/**
 * A survey's results page: the Administration at any time (stamped provisional while open),
 * delegates once published; the domain decides, and refuses with forbidden or not found.
 */
export function resultPages(deps: Deps): Router {
  const router = Router();

  router.get('/:id/results', allow('admin', 'staff', 'delegate'), async (req, res) => {
    const results = await surveyResults(deps, req.user!, idParam(req.params.id));
    const page = resultsPage(results, req.lang, req.t, res.locals.fmt);
    res.render('results/show', { title: req.t('results.page.title', { survey: page.title.text }), page });
  });

  // The per-ballot trace of a question (?question=ID), for whoever sees the results page.
  router.get('/:id/results/trace.csv', allow('admin', 'staff', 'delegate'), sendExport(deps, 'trace'));

  return router;
}
