import { Router, type Request, type Response } from 'express';
import { inspectAccountLink, loadActor, setPreferredLanguage, useAccountLink } from '../../domain/accounts.js';
import type { Deps } from '../../domain/deps.js';
import { AppError } from '../../domain/errors.js';
import { Refused } from '../../domain/refusals.js';
import { assertNever } from '../../domain/refusals.js';
import { isLanguage } from '../../i18n/languages.js';
import { fieldErrors, formFieldLabel } from '../forms/field-errors.js';
import { answerInAccountLanguage, LANGUAGE_COOKIE } from '../middleware/locale.js';
import type passport from 'passport';
import { checkSignIn } from '../auth.js';
import { rememberDevice } from '../device-cookie.js';

/** Only same-site paths, so a crafted link cannot send someone elsewhere after signing in. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

async function logIn(req: Request, res: Response, user: Express.User): Promise<void> {
  // passport regenerates the session id here, so a session fixed before sign-in is worthless.
  await new Promise<void>((resolve, reject) => req.logIn(user, (err) => (err ? reject(err) : resolve())));
  // The CSRF token is bound to the session: the new session gets its own at once.
  (res.locals.csrfToken as (options: { renew: boolean }) => string)({ renew: true });
}

export function authPages(deps: Deps, pass: passport.Authenticator): Router {
  const router = Router();

  // Failed sign-ins to the account since its owner last signed in: said once, on the first page after.
  router.use((req, res, next) => {
    const notice = req.user ? req.session.signInNotice : undefined;
    if (notice) {
      res.locals.signInNotice = notice;
      delete req.session.signInNotice;
    }
    next();
  });

  router.get('/sign-in', (req, res) => {
    if (req.user) return res.redirect(303, safeNext(req.query.next));
    res.render('auth/sign-in', { title: req.t('signIn.title'), values: { email: '' }, next: safeNext(req.query.next), failure: null });
  });

  router.post('/sign-in', async (req, res, next) => {
    const email = typeof req.body.email === 'string' ? req.body.email.trim().toLowerCase() : '';
    const nextPath = safeNext(req.body.next);
    const renderFailure = (status: number, failure: string) =>
      res.status(status).render('auth/sign-in', { title: req.t('signIn.title'), values: { email }, next: nextPath, failure });

    const outcome = await checkSignIn(pass, req, res, next);
    switch (outcome.kind) {
      case 'wait': {
        res.set('Retry-After', String(outcome.seconds));
        const [unit, amount] = outcome.seconds < 60 ? ['second', outcome.seconds] as const : ['minute', Math.ceil(outcome.seconds / 60)] as const;
        const wait = new Intl.NumberFormat(req.lang, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
        return renderFailure(429, req.t('signInLimits.wait', { wait }));
      }
      case 'refused':
        return renderFailure(401, req.t('signIn.failed'));
      case 'signed-in': {
        await logIn(req, res, outcome.actor);
        const failures = outcome.failuresSinceLastSignIn;
        if (failures) req.session.signInNotice = { count: failures.count, since: failures.since };
        rememberDevice(req, res, deps.config, outcome.actor.userId);
        return res.redirect(303, nextPath);
      }
      default:
        return assertNever(outcome);
    }
  });

  router.post('/sign-out', (req, res, next) => {
    req.logOut((err) => {
      if (err) return next(err);
      req.session.destroy(() => res.redirect(303, '/sign-in'));
    });
  });

  router.post('/language', async (req, res) => {
    const lang = req.body.lang;
    if (!isLanguage(lang)) throw new AppError('invalid', 'errors.badRequest');
    res.cookie(LANGUAGE_COOKIE, lang, { httpOnly: true, sameSite: 'lax', maxAge: 365 * 24 * 3600 * 1000, secure: deps.config.secureCookies });
    if (req.user) await setPreferredLanguage(deps, req.user.userId, lang);
    res.redirect(303, safeNext(req.body.next));
  });

  const showLink = (view: string) => async (req: Request<{ token: string }>, res: Response) => {
    const state = await inspectAccountLink(deps, req.params.token);
    if (!state.valid || (view === 'auth/setup') !== (state.purpose === 'setup')) throw new Refused({ kind: 'link-used' });
    if (state.user) answerInAccountLanguage(req, res, state.user.language);
    res.render(view, { title: req.t(view === 'auth/setup' ? 'setup.title' : 'invitation.title'), user: state.user, values: { language: req.lang }, errors: {} });
  };
  const useLink = (view: string) => async (req: Request<{ token: string }>, res: Response) => {
    const state = await inspectAccountLink(deps, req.params.token);
    if (!state.valid || (view === 'auth/setup') !== (state.purpose === 'setup')) throw new Refused({ kind: 'link-used' });
    if (state.user) answerInAccountLanguage(req, res, state.user.language);
    try {
      const user = await useAccountLink(deps, req.params.token, req.body);
      const actor = await loadActor(deps, user.id);
      if (!actor) throw new Refused({ kind: 'link-used' });
      await logIn(req, res, actor);
      res.redirect(303, '/');
    } catch (error) {
      const errors = fieldErrors(error, req.t);
      if (!errors) throw error;
      res.status(422).render(view, { title: req.t(view === 'auth/setup' ? 'setup.title' : 'invitation.title'), user: state.user, values: { ...req.body, password: '', confirm: '' }, errors, fieldLabel: formFieldLabel(req.t) });
    }
  };
  router.get('/setup/:token', showLink('auth/setup'));
  router.post('/setup/:token', useLink('auth/setup'));
  router.get('/invitations/:token', showLink('auth/invitation'));
  router.post('/invitations/:token', useLink('auth/invitation'));

  return router;
}
