import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { Request } from 'express';
import { actorFromUser, findUserByEmail, loadActor, type SignedInActor } from '../domain/accounts.js';
import { accountReadWith } from './middleware/session.js';
import type { Deps } from '../domain/deps.js';
import { verifyPassword } from '../domain/secrets.js';

/** passport-local over our accounts; a disabled account or wrong password fails the same way. */
export function configurePassport(deps: Deps): passport.Authenticator {
  const p = new passport.Passport();
  p.use(
    new LocalStrategy({ usernameField: 'email', passwordField: 'password' }, (email, password, done) => {
      (async () => {
        const user = await findUserByEmail(deps.db, email.trim().toLowerCase());
        const ok = await verifyPassword(user?.password_hash ?? null, password, deps.config.passwordHashing);
        if (!user || !ok || user.is_disabled) return done(null, false);
        return done(null, (await loadActor(deps, user.id)) ?? false);
      })().catch(done);
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
