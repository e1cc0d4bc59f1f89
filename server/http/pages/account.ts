import { Router, type Request, type Response } from 'express';
import { changeOwnPassword } from '../../domain/accounts.js';
import { listApiTokens, revokeApiTokensOfUser } from '../../domain/api-tokens.js';
import type { Deps } from '../../domain/deps.js';
import { fieldErrors } from '../forms/field-errors.js';
import { idParam } from '../forms/params.js';
import { anySignedIn } from '../middleware/roles.js';

/** A person's own account: their password, and the API tokens made for them. */
export function accountPages(deps: Deps): Router {
  const router = Router();
  router.use(anySignedIn);

  const render = async (req: Request, res: Response, status: number, extra: { errors?: Record<string, string>; done?: string | null; revokedToken?: string | null }) => {
    res.status(status).render('account/show', {
      title: req.t('account.title'), tokens: await listApiTokens(deps, req.user!, req.user!.userId),
      errors: extra.errors ?? {}, done: extra.done ?? null, revokedToken: extra.revokedToken ?? null,
    });
  };

  router.get('/', async (req, res) => {
    const revoked = typeof req.query.revoked === 'string' && /^\d{1,10}$/.test(req.query.revoked) ? req.query.revoked : null;
    await render(req, res, 200, { done: req.query.done === 'password' ? 'password' : null, revokedToken: revoked });
  });

  router.post('/password', async (req, res) => {
    try {
      await changeOwnPassword(deps, req.user!, req.body, req.sessionID);
      res.redirect(303, '/account?done=password');
    } catch (error) {
      const errors = fieldErrors(error, req.t);
      if (!errors) throw error;
      await render(req, res, 422, { errors });
    }
  });

  router.post('/tokens/:tokenId/revoke', async (req, res) => {
    const tokenId = idParam(req.params.tokenId);
    await revokeApiTokensOfUser(deps, req.user!, req.user!.userId, tokenId);
    res.redirect(303, `/account?revoked=${tokenId}`);
  });

  return router;
}
