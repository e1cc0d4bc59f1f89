import { Router, type Request } from 'express';
import type { Deps } from '../../domain/deps.js';
import type { Survey } from '../../domain/surveys/model.js';
import { closeSurvey, openSurvey, publishSurvey, reopenOptions, reopenSurvey, setClosingTime } from '../../domain/surveys/lifecycle.js';
import { idParam } from '../forms/params.js';
import { utcFromLocalInput } from '../forms/survey.js';
import { allow } from '../middleware/roles.js';
import { actionErrors, renderSurveyPage } from './admin-survey-page.js';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

interface LifecycleRoute {
  readonly path: string;
  /** The name of the action: its form's ids and the message shown once done. */
  readonly action: string;
  /** The form's fields, as the domain names them. */
  readonly fields: readonly string[];
  readonly run: (deps: Deps, req: Request, id: number, values: Record<string, string>) => Promise<Survey>;
}

const ROUTES: readonly LifecycleRoute[] = [
  { path: '/open', action: 'open', fields: ['overrideReason'], run: (deps, req, id, v) => openSurvey(deps, req.user!, id, { overrideReason: v.overrideReason }) },
  { path: '/close', action: 'close', fields: [], run: (deps, req, id) => closeSurvey(deps, req.user!, id) },
  { path: '/reopen', action: 'reopen', fields: ['closesAt'], run: (deps, req, id, v) => reopenSurvey(deps, req.user!, id, { closesAt: utcFromLocalInput(v.closesAt ?? '') }) },
  { path: '/publish', action: 'publish', fields: [], run: (deps, req, id) => publishSurvey(deps, req.user!, id) },
  { path: '/closing-time', action: 'closingTime', fields: ['closesAt'], run: (deps, req, id, v) => setClosingTime(deps, req.user!, id, { closesAt: utcFromLocalInput(v.closesAt ?? '') }) },
  { path: '/reopen-options', action: 'reopenOptions', fields: ['reason'], run: (deps, req, id, v) => reopenOptions(deps, req.user!, id, { reason: v.reason }) },
];

/** Open, close, reopen, publish, closing time and reopened options: one form each on the survey page. */
export function adminSurveyLifecyclePages(deps: Deps): Router {
  const router = Router({ mergeParams: true });

  for (const route of ROUTES) {
    router.post(route.path, allow('admin'), async (req: Request<{ id: string }>, res) => {
      const id = idParam(req.params.id);
      const values = Object.fromEntries(route.fields.map((f) => [f, text(req.body?.[f])]));
      try {
        await route.run(deps, req, id, values);
        res.redirect(303, `/admin/surveys/${id}?done=${route.action}`);
      } catch (error) {
        const failed = actionErrors(error, req, route.action, route.fields, values);
        if (!failed) throw error;
        await renderSurveyPage(deps, req, res, id, failed.status, failed.state);
      }
    });
  }

  return router;
}
