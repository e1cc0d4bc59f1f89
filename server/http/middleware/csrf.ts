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
