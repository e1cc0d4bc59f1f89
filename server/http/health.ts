import { Router } from 'express';
import type { Deps } from '../domain/deps.js';

export function healthRoutes(deps: Deps): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await deps.db.ping();
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'not answering' });
    }
  });
  return router;
}
