import { Router } from 'express';
import type { Deps } from '../../domain/deps.js';
import { pick } from '../../domain/surveys/model.js';
import { countedReceipts } from '../../domain/results.js';
import { idParam } from '../forms/params.js';
import { anySignedIn } from '../middleware/roles.js';

/** After publication, the list of receipt codes that were counted, for every delegation to check its own. */
export function countedReceiptPages(deps: Deps): Router {
  const router = Router();
  router.get('/:id/counted-receipts', anySignedIn, async (req, res) => {
    const { survey, receipts } = await countedReceipts(deps, req.user!, idParam(req.params.id));
    res.render('results/counted-receipts', {
      title: req.t('countedReceipts.title'),
      surveyTitle: pick(survey.title, req.lang),
      surveyId: survey.id,
      receipts,
    });
  });
  return router;
}
