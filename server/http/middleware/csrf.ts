import { csrfSync } from 'csrf-sync';
import type { NextFunction, Request, Response } from 'express';

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req) => (req.body?._csrf as string | undefined) ?? req.get('x-csrf-token'),
});

/** Refuses a state-changing form without the session's token; gives every page a token for its forms. */
export function csrf(req: Request, res: Response, next: NextFunction): void {
  res.locals.csrfToken = () => generateToken(req);
  csrfSynchronisedProtection(req, res, next);
}

/** The token for a page's forms where the check did not run (a body refused by its parser); empty without a session. */
export function formTokenOf(req: Request): () => string {
  return () => (req.session ? generateToken(req) : '');
}
