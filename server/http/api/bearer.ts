import type { NextFunction, Request, Response } from 'express';
import { actorForApiToken } from '../../domain/api-tokens.js';
import type { Deps } from '../../domain/deps.js';
import { AppError } from '../../domain/errors.js';

/** Authorization: Bearer <token>; no session or CSRF token is involved. */
export function bearerAuth(deps: Deps) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AppError('unauthenticated', 'errors.tokenMissing');
    const actor = await actorForApiToken(deps, match[1]!);
    if (!actor) throw new AppError('unauthenticated', 'errors.tokenInvalid');
    req.user = actor;
    next();
  };
}
