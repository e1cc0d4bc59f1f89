import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Deps } from '../../domain/deps.js';
import { inviteColleague, listDelegation, setColleagueDisabled } from '../../domain/delegation.js';
import { AppError } from '../../domain/errors.js';
import { fieldErrors, formFieldLabel } from '../forms/field-errors.js';
import { idParam } from '../forms/params.js';
import { allow } from '../middleware/roles.js';

/** Only a focal point has a delegation to manage; other delegates are refused (the domain checks again). */
function focalPointsOnly(req: Request, _res: Response, next: NextFunction): void {
  if (!req.user?.isFocalPoint) return next(new AppError('forbidden', 'errors.forbidden'));
  next();
}

const NOTICES = ['invited', 'disabled', 'enabled'] as const;

/** A focal point's page: their delegation's accounts, inviting a colleague, disabling or re-enabling one. */
export function delegationPages(deps: Deps): Router {
  const router = Router();
  router.use(allow('delegate'), focalPointsOnly);

  const render = async (req: Request, res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>) => {
    const delegation = await listDelegation(deps, req.user!);
    const notice = NOTICES.find((n) => n === req.query.done) ?? null;
    const subject = notice && typeof req.query.account === 'string' ? delegation.accounts.find((a) => String(a.id) === req.query.account) ?? null : null;
    res.status(status).render('delegation/index', {
      title: req.t('delegation.title'), delegation, values, errors, fieldLabel: formFieldLabel(req.t), notice: subject ? { kind: notice, account: subject } : null,
    });
  };

  router.get('/', async (req, res) => {
    await render(req, res, 200, { language: req.lang }, {});
  });

  router.post('/invitations', async (req, res) => {
    try {
      const user = await inviteColleague(deps, req.user!, req.body);
      res.redirect(303, `/delegation?done=invited&account=${user.id}`);
    } catch (error) {
      const errors = fieldErrors(error, req.t);
      if (!errors) throw error;
      await render(req, res, 422, req.body as Record<string, unknown>, errors);
    }
  });

  router.post('/accounts/:id/disable', async (req, res) => {
    const user = await setColleagueDisabled(deps, req.user!, idParam(req.params.id), true);
    res.redirect(303, `/delegation?done=disabled&account=${user.id}`);
  });

  router.post('/accounts/:id/enable', async (req, res) => {
    const user = await setColleagueDisabled(deps, req.user!, idParam(req.params.id), false);
    res.redirect(303, `/delegation?done=enabled&account=${user.id}`);
  });

  return router;
}
