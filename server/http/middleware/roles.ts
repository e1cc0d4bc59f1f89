import type { NextFunction, Request, Response } from 'express';
import type { Role } from '../../domain/deps.js';
import { AppError } from '../../domain/errors.js';

/**
 * Every router declares who may use it. A signed-out visitor is sent to sign in (pages) or gets 401
 * (API); a signed-in person without the role gets 403.
 */
export function allow(...roles: Role[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!req.user) return next(new AppError('unauthenticated', 'errors.signInRequired'));
    if (!roles.includes(req.user.role)) return next(new AppError('forbidden', 'errors.forbidden'));
    next();
  };
}

export const anySignedIn = allow('admin', 'staff', 'delegate');
