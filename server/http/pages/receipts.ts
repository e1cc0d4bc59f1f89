import { Router } from 'express';
import { lookUpReceipt } from '../../domain/ballots.js';
import type { Deps } from '../../domain/deps.js';
import { AppError } from '../../domain/errors.js';
import { allow } from '../middleware/roles.js';
import { receiptText } from '../view-models/ballot.js';
import { receiptModel } from './ballot.js';

/** A receipt code shows what was counted: to its own delegation, and to the Administration. */
export function receiptPages(deps: Deps): Router {
  const router = Router();
  router.use(allow('delegate', 'admin', 'staff'));

  router.get('/', async (req, res) => {
    const code = typeof req.query.code === 'string' ? req.query.code.trim() : '';
    if (code === '') return res.render('ballot/receipt-lookup', { title: req.t('voting.lookup.title'), code, error: null });
    try {
      const { revision } = await lookUpReceipt(deps, req.user!, code);
      res.redirect(303, `/receipts/${revision.receipt}`);
    } catch (error) {
      if (!(error instanceof AppError) || error.kind !== 'not_found') throw error;
      res.status(404).render('ballot/receipt-lookup', { title: req.t('voting.lookup.title'), code, error: req.t(error.key) });
    }
  });

  router.get('/:code', async (req, res) => {
    res.render('ballot/receipt', receiptModel(req, await lookUpReceipt(deps, req.user!, req.params.code), false));
  });

  router.get('/:code/download', async (req, res) => {
    const found = await lookUpReceipt(deps, req.user!, req.params.code);
    const text = receiptText(found.survey, found.revision, req.lang, req.t, res.locals.fmt);
    res.type('text/plain; charset=utf-8');
    res.attachment(`receipt-${found.revision.receipt}.txt`);
    res.send(text);
  });

  return router;
}
