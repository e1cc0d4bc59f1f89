import { Router } from 'express';
import { jsonBodies } from '../middleware/bodies.js';
import { createUser } from '../../domain/accounts.js';
import { createApiToken } from '../../domain/api-tokens.js';
import type { Deps } from '../../domain/deps.js';
import { createMemberState, listAllMemberStates } from '../../domain/member-states.js';
import { idParam } from '../forms/params.js';
import { apiErrors } from '../middleware/errors.js';
import { locale } from '../middleware/locale.js';
import { allow, anySignedIn } from '../middleware/roles.js';
import { bearerAuth } from './bearer.js';
import { overviewsApi, publicOverviewsApi } from './overviews.js';
import { overviewAttachmentsApi, publicOverviewAttachmentsApi } from './overview-attachments.js';
import { surveysApi } from './surveys.js';
import { AppError } from '../../domain/errors.js';

export function apiV1(deps: Deps): Router {
  const router = Router();
  router.use(locale);
  router.use(jsonBodies());
  // The catalogue of published overviews is public: it answers without a token.
  router.use(publicOverviewsApi(deps));
  router.use(publicOverviewAttachmentsApi(deps));
  router.use(bearerAuth(deps));

  router.get('/me', anySignedIn, (req, res) => {
    const u = req.user!;
    res.json({ id: u.userId, email: u.email, displayName: u.displayName, role: u.role, memberState: u.memberStateIso3, language: u.language });
  });

  router.get('/member-states', allow('admin', 'staff'), async (req, res) => {
    res.json({ memberStates: await listAllMemberStates(deps, req.user!) });
  });

  router.post('/member-states', allow('admin'), async (req, res) => {
    res.status(201).json(await createMemberState(deps, req.user!, req.body));
  });

  router.post('/users', allow('admin'), async (req, res) => {
    const { password, ...fields } = (req.body ?? {}) as Record<string, unknown>;
    if (password !== undefined && typeof password !== 'string') {
      throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'password', key: 'validation.invalidValue' }]);
    }
    const { user, invitation } = await createUser(deps, req.user!, fields, password);
    res.status(201).json({
      ...user,
      ...(invitation ? { invitation: { url: `${deps.config.baseUrl}/invitations/${invitation.token}`, expiresAt: invitation.expiresAt } } : {}),
    });
  });

  router.post('/users/:id/tokens', allow('admin'), async (req, res) => {
    const { token } = await createApiToken(deps, req.user!, idParam(req.params.id));
    res.status(201).json({ token });
  });

  router.use('/surveys', surveysApi(deps));
  router.use(overviewsApi(deps));
  router.use(overviewAttachmentsApi(deps));

  router.use((_req, _res, next) => next(new AppError('not_found', 'errors.notFound')));
  router.use(apiErrors);
  return router;
}
