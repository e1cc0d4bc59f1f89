import { Router, type Request } from 'express';
import type { Deps } from '../../domain/deps.js';
import { printLetters } from '../../domain/letters.js';
import { isLanguage } from '../../i18n/languages.js';
import { idParam } from '../forms/params.js';
import { allow } from '../middleware/roles.js';
import { lettersModel } from '../view-models/letters.js';

/**
 * Printable letters of a survey, for Member States the mail does not reach: one, or every one whose
 * messages failed. A POST, since printing issues new one-time links; the page is shown once, as an
 * invitation link is. Mounted at /admin/surveys/:surveyId/letters.
 */
export function adminLetterPages(deps: Deps): Router {
  const router = Router({ mergeParams: true });
  router.use(allow('admin'));

  router.post('/', async (req: Request<{ surveyId: string }>, res) => {
    const surveyId = idParam(req.params.surveyId);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const which = typeof body.memberState === 'string' && body.memberState !== '' ? { memberState: body.memberState } : { failed: body.failed };
    const letters = await printLetters(deps, req.user!, surveyId, which);
    const language = typeof body.language === 'string' && isLanguage(body.language) ? body.language : req.lang;
    const model = lettersModel(letters, language);
    res.render('admin/letters', {
      title: req.t('letters.title', { title: model.title.text }),
      model,
      which,
    });
  });

  return router;
}
