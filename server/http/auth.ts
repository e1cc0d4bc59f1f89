import passport from 'passport';
import type { Request } from 'express';
import { actorFromUser, loadActor, type SignedInActor } from '../domain/accounts.js';
import { accountReadWith } from './middleware/session.js';
import type { Deps } from '../domain/deps.js';

/**
 * passport keeps the signed-in account in the session (the password is checked by
 * domain/sign-in.ts, with its limits); the account is read afresh for each request.
 */
export function configurePassport(deps: Deps): passport.Authenticator {
  const p = new passport.Passport();
  p.serializeUser((user, done) => done(null, user.userId));
  p.deserializeUser((req: Request, id: number, done: (err: unknown, user?: SignedInActor | false) => void) => {
    // A disabled or deleted account is signed out at its next request: the account is read
    // afresh for each request, with the session when it could be.
    const account = accountReadWith(req);
    if (account && account.id === id) return done(null, actorFromUser(account) ?? false);
    loadActor(deps, id).then((actor) => done(null, actor ?? false), done);
  });
  return p;
}
