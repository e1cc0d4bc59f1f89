import { Router } from 'express';
import { verifyAuditChain } from '../../domain/audit.js';
import type { Deps } from '../../domain/deps.js';
import { listAuditEntries } from '../../domain/audit-log.js';
import { allow, anySignedIn } from '../middleware/roles.js';

export function homePages(deps: Deps): Router {
  const router = Router();

  router.get('/', anySignedIn, (req, res) => {
    res.render('home', { title: req.t('home.title') });
  });

  router.get('/admin/audit', allow('admin'), async (req, res) => {
    const [entries, chain] = await Promise.all([listAuditEntries(deps, req.user!, 200), verifyAuditChain(deps)]);
    res.render('admin/audit', { title: req.t('audit.title'), entries, chain });
  });

  return router;
}
