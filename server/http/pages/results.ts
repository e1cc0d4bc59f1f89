import { Router } from 'express';
import type { Deps } from '../../domain/deps.js';
import { refusalOf } from '../../domain/refusals.js';
import { surveyResults } from '../../domain/results.js';
import { sendExport } from '../exports.js';
import { getSurvey } from '../../domain/surveys/queries.js';
import { titleIn } from '../view-models/admin-surveys.js';
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
    const surveyId = idParam(req.params.id);
    let results;
    try {
      results = await surveyResults(deps, req.user!, surveyId);
    } catch (error) {
      // A delegation following a shared link before publication: say when the results will show, and lead back.
      if (!refusalOf(error, ['results-not-published'])) throw error;
      const survey = await getSurvey(deps, req.user!, surveyId);
      res.status(403).render('results/not-published', { title: req.t('resultsNotice.title'), survey, surveyTitle: titleIn(survey, req.lang) });
      return;
    }
    const page = resultsPage(results, req.lang, req.t, res.locals.fmt);
    // The workshops chosen by the membership flow into their events from here, once the count is final.
    const eventsLink = req.user?.role === 'admin' && results.stamp !== 'provisional' ? `/admin/surveys/${results.survey.id}/events` : null;
    res.render('results/show', { title: req.t('results.page.title', { survey: page.title.text }), page, eventsLink });
  });

  // The per-ballot trace of a question, for whoever sees the results page. A download writes an
  // audit entry, so it answers the page's button, which POSTs with the CSRF token; a GET (an old
  // bookmark, a link from elsewhere) shows the results page and records nothing.
  router.post('/:id/results/trace.csv', allow('admin', 'staff', 'delegate'), sendExport(deps, 'body', 'trace'));
  router.get('/:id/results/trace.csv', allow('admin', 'staff', 'delegate'), (req, res) => {
    res.redirect(303, `/surveys/${idParam(req.params.id)}/results`);
  });

  return router;
}
