import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { NextFunction, Request, Response } from 'express';
import { actorFromUser, loadActor, type SignedInActor } from '../domain/accounts.js';
import type { Deps } from '../domain/deps.js';
import { attemptSignIn, type SignInOutcome, type SignInPolicy } from '../domain/sign-in.js';
import { knownDevice } from './device-cookie.js';
import { accountReadWith } from './middleware/session.js';

/**
 * passport-local checks the email and password through domain/sign-in.ts, with its limits (the
 * client's address as the trusted proxy saw it, the browser's known-device cookie); passport keeps
 * the signed-in account in the session, read afresh for each request.
 */
export function configurePassport(deps: Deps, policy: SignInPolicy): passport.Authenticator {
  const p = new passport.Passport();
  p.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password', passReqToCallback: true }, (req, email, password, done) => {
      attemptSignIn(deps, policy, {
        email: email.trim().toLowerCase(), password, address: req.ip ?? req.socket.remoteAddress ?? 'unknown', device: knownDevice(req, deps.config),
      }).then((outcome) => {
        const info: SignInInfo = { message: outcome.kind, outcome };
        done(null, outcome.kind === 'signed-in' ? outcome.actor : false, info);
      }, done);
    }),
  );
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

/** What the strategy tells the sign-in page beside the account. */
interface SignInInfo {
  readonly message: string;
  readonly outcome: SignInOutcome;
}

/**
 * Runs the local strategy on a sign-in form and answers with the domain's outcome; a form without
 * an email or password is refused like a wrong password.
 */
export function checkSignIn(p: passport.Authenticator, req: Request, res: Response, next: NextFunction): Promise<SignInOutcome> {
  return new Promise((resolve, reject) => {
    p.authenticate('local', { session: false }, (err: unknown, _user: unknown, info: Partial<SignInInfo> | undefined) => {
      if (err) return reject(err);
      resolve(info?.outcome ?? { kind: 'refused' });
    })(req, res, next);
  });
}
