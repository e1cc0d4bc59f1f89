import { doubleCsrf } from 'csrf-csrf';
import type { NextFunction, Request, Response } from 'express';
import type { Config } from '../../config.js';
import { parseCookies } from '../cookies.js';

/**
 * CSRF protection by a signed double-submit token (OWASP's "signed double-submit cookie"): the
 * token is an HMAC, with the session secret, of a random value and the session it belongs to (the
 * signed-in session's id; nothing for a visitor not signed in), kept in an httpOnly cookie and
 * repeated in each form. A state-changing request must carry the same valid token in its body
 * (`_csrf`) or an `X-CSRF-Token` header. Nothing is stored on the server, so a visitor who is not
 * signed in (the sign-in, setup and invitation pages) costs no session and no database write.
 *
 * Two pieces, so that the token can be offered to templates before the body is parsed (an error
 * page for a body the parsers refuse needs it) and checked after: `csrfTokens`, then `csrfCheck`.
 */
export function csrfProtection(config: Config) {
  const { generateCsrfToken, validateRequest, invalidCsrfTokenError } = doubleCsrf({
    getSecret: () => config.sessionSecret,
    getSessionIdentifier: (req) => (req.user ? req.sessionID : ''),
    // __Host-: only this host may set it, over HTTPS, for the whole site.
    cookieName: config.secureCookies ? '__Host-cb.csrf' : 'cb.csrf',
    cookieOptions: { sameSite: 'lax', secure: config.secureCookies, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (req) => {
      const fromBody: unknown = (req.body as Record<string, unknown> | undefined)?._csrf;
      return typeof fromBody === 'string' ? fromBody : req.get('x-csrf-token');
    },
  });

  const withCookies = (req: Request) => {
    req.cookies ??= parseCookies(req.headers.cookie);
  };

  /**
   * Gives templates `csrfToken()`: the token, made (and its cookie set) at the first call only.
   * `csrfToken({ renew: true })` makes a new one for a session that has just begun (at sign-in),
   * so that the pages after it have their token from the start.
   */
  function csrfTokens(req: Request, res: Response, next: NextFunction): void {
    withCookies(req);
    let token: string | undefined;
    res.locals.csrfToken = (options?: { renew?: boolean }) => {
      if (options?.renew) token = generateCsrfToken(req, res, { overwrite: true });
      return (token ??= generateCsrfToken(req, res));
    };
    next();
  }

  /** Refuses a state-changing request without the right token. */
  function csrfCheck(req: Request, _res: Response, next: NextFunction): void {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    withCookies(req);
    next(validateRequest(req) ? undefined : invalidCsrfTokenError);
  }

  return { csrfTokens, csrfCheck };
}
