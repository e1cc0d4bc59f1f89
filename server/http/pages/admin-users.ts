import { Router, type Request } from 'express';
import { createUser, getUser, listAccounts, resetUserPassword, setUserDisabled, updateUserAccount } from '../../domain/accounts.js';
import { setFocalPoint } from '../../domain/delegation.js';
import { createApiToken, listApiTokens, revokeApiTokensOfUser } from '../../domain/api-tokens.js';
import type { Deps } from '../../domain/deps.js';
import { listAllMemberStates } from '../../domain/member-states.js';
import { fieldErrors, formFieldLabel } from '../forms/field-errors.js';
import { idParam } from '../forms/params.js';
import { allow } from '../middleware/roles.js';

function linkUrl(deps: Deps, token: string) {
  return `${deps.config.baseUrl}/invitations/${token}`;
}

export function adminUserPages(deps: Deps): Router {
  const router = Router();
  router.use(allow('admin'));

  const formData = async (req: Request) => ({ memberStates: await listAllMemberStates(deps, req.user!) });

  router.get('/', async (req, res) => {
    res.render('admin/users/index', { title: req.t('users.title'), users: await listAccounts(deps, req.user!) });
  });

  router.get('/new', async (req, res) => {
    res.render('admin/users/form', { title: req.t('users.new'), user: null, values: { role: 'delegate', language: req.lang }, errors: {}, fieldLabel: formFieldLabel(req.t), ...(await formData(req)) });
  });

  router.post('/', async (req, res) => {
    try {
      const { user, invitation } = await createUser(deps, req.user!, req.body);
      res.status(201).render('admin/users/link', { title: req.t('users.created'), user, link: linkUrl(deps, invitation!.token), expiresAt: invitation!.expiresAt, purpose: 'invitation' });
    } catch (error) {
      const errors = fieldErrors(error, req.t);
      if (!errors) throw error;
      res.status(422).render('admin/users/form', { title: req.t('users.new'), user: null, values: req.body, errors, fieldLabel: formFieldLabel(req.t), ...(await formData(req)) });
    }
  });

  router.get('/:id', async (req, res) => {
    const user = await getUser(deps, idParam(req.params.id));
    const revoked = typeof req.query.revoked === 'string' && /^\d{1,10}$/.test(req.query.revoked) ? req.query.revoked : null;
    res.render('admin/users/form', {
      title: req.t('users.edit', { name: user.displayName }), user,
      values: { email: user.email, displayName: user.displayName, role: user.role, memberState: user.memberState ?? '', language: user.language },
      errors: {}, tokens: await listApiTokens(deps, req.user!, user.id), revokedToken: revoked, ...(await formData(req)),
    });
  });

  router.post('/:id', async (req, res) => {
    const id = idParam(req.params.id);
    try {
      await updateUserAccount(deps, req.user!, id, req.body);
      res.redirect(303, '/admin/users');
    } catch (error) {
      const errors = fieldErrors(error, req.t);
      if (!errors) throw error;
      const user = await getUser(deps, id);
      res.status(422).render('admin/users/form', {
        title: req.t('users.edit', { name: user.displayName }), user, values: req.body, errors, tokens: await listApiTokens(deps, req.user!, id),
        fieldLabel: formFieldLabel(req.t), ...(await formData(req)),
      });
    }
  });

  router.post('/:id/disable', async (req, res) => {
    await setUserDisabled(deps, req.user!, idParam(req.params.id), true);
    res.redirect(303, '/admin/users');
  });

  router.post('/:id/enable', async (req, res) => {
    await setUserDisabled(deps, req.user!, idParam(req.params.id), false);
    res.redirect(303, '/admin/users');
  });

  router.post('/:id/focal-point', async (req, res) => {
    const id = idParam(req.params.id);
    await setFocalPoint(deps, req.user!, id, req.body);
    res.redirect(303, `/admin/users/${id}`);
  });

  router.post('/:id/reset', async (req, res) => {
    const id = idParam(req.params.id);
    const link = await resetUserPassword(deps, req.user!, id);
    res.render('admin/users/link', { title: req.t('users.resetDone'), user: await getUser(deps, id), link: linkUrl(deps, link.token), expiresAt: link.expiresAt, purpose: 'reset' });
  });

  router.post('/:id/tokens', async (req, res) => {
    const id = idParam(req.params.id);
    const { token } = await createApiToken(deps, req.user!, id);
    res.status(201).render('admin/users/token', { title: req.t('tokens.created'), user: await getUser(deps, id), token });
  });

  router.post('/:id/tokens/:tokenId/revoke', async (req, res) => {
    const id = idParam(req.params.id);
    const tokenId = idParam(req.params.tokenId);
    await revokeApiTokensOfUser(deps, req.user!, id, tokenId);
    res.redirect(303, `/admin/users/${id}?revoked=${tokenId}`);
  });

  return router;
}
