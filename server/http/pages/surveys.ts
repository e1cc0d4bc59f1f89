import { Router } from 'express';
import type { Deps } from '../../domain/deps.js';
import { AppError } from '../../domain/errors.js';
import { pick } from '../../domain/surveys/model.js';
import { listSurveys } from '../../domain/surveys/queries.js';
import { allow } from '../middleware/roles.js';
import { remainingTime } from '../view-models/ballot.js';
import { ballotPages } from './ballot.js';

/** The delegates' surveys: the list, and under it each survey's ballot, receipts, history and proposals. */
export function surveyPages(deps: Deps): Router {
  const router = Router();

  router.get('/', (req, res, next) => {
    // The Administration works on surveys from its own pages.
    if (req.user && req.user.role !== 'delegate') return res.redirect(303, '/admin/surveys');
    next();
  }, allow('delegate'), async (req, res) => {
    const now = deps.clock.now();
    const items = (await listSurveys(deps, req.user!)).map(({ survey, ballot }) => ({
      id: survey.id,
      title: pick(survey.title, req.lang),
      reference: survey.reference,
      status: survey.status,
      closesAt: survey.closesAt,
      remaining: survey.status === 'open' ? remainingTime(survey.closesAt, now, req.lang) : null,
      ballot,
    }));
    res.render('surveys/index', {
      title: req.t('voting.surveys.title'),
      open: items.filter((s) => s.status === 'open'),
      past: items.filter((s) => s.status !== 'open'),
    });
  });

  router.use(ballotPages(deps));
  router.use((_req, _res, next) => next(new AppError('not_found', 'errors.notFound')));
  return router;
}
