import express, { type Express } from 'express';
import helmet from 'helmet';
import path from 'node:path';
import type { Deps } from './domain/deps.js';
import { DEFAULT_SIGN_IN_POLICY, type SignInPolicy } from './domain/sign-in.js';
import { PROJECT_ROOT } from './paths.js';
import { apiV1 } from './http/api/v1.js';
import { configurePassport } from './http/auth.js';
import { healthRoutes } from './http/health.js';
import { formBodies } from './http/middleware/bodies.js';
import { csrfProtection } from './http/middleware/csrf.js';
import { notFound, renderErrors } from './http/middleware/errors.js';
import { createViews } from './http/views.js';
import { locale } from './http/middleware/locale.js';
import { sessions } from './http/middleware/session.js';
import { accountPages } from './http/pages/account.js';
import { adminMemberStatePages } from './http/pages/admin-member-states.js';
import { adminLetterPages } from './http/pages/admin-letters.js';
import { adminPaperBallotPages } from './http/pages/admin-paper-ballots.js';
import { adminMissionAddressPages, adminOutboxPages, adminReminderPages } from './http/pages/admin-outbox.js';
import { adminSurveyPages } from './http/pages/admin-surveys.js';
import { adminUserPages } from './http/pages/admin-users.js';
import { authPages } from './http/pages/auth.js';
import { delegationPages } from './http/pages/delegation.js';
import { countedReceiptPages } from './http/pages/counted-receipts.js';
import { exportPages } from './http/pages/exports.js';
import { homePages } from './http/pages/home.js';
import { adminEventPages, eventDetailPages } from './http/pages/events.js';
import { adminOverviewPages, eventPages, publicOverviewPages } from './http/pages/overviews.js';
import { overviewAttachmentPages } from './http/pages/overview-attachments.js';
import { overviewTranslationPages } from './http/pages/overview-translations.js';
import { receiptPages } from './http/pages/receipts.js';
import { resultPages } from './http/pages/results.js';
import { surveyPages } from './http/pages/surveys.js';

const VIEWS = path.join(PROJECT_ROOT, 'views');

export interface AppOptions {
  /** The sign-in limits (tests make them small). */
  readonly signInPolicy?: SignInPolicy;
  /** How often expired sessions are deleted, in milliseconds (tests make it short). */
  readonly sessionCleanupInterval?: number;
}

/** Builds the Express app; no listening and no work at import. */
export async function createApp(deps: Deps, options: AppOptions = {}): Promise<Express> {
  const { config } = deps;
  const app = express();
  app.set('trust proxy', config.trustProxy);
  app.set('view engine', 'ejs');
  app.set('views', VIEWS);
  app.engine('ejs', createViews(VIEWS, config.env !== 'development').render);
  app.disable('x-powered-by');

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'form-action': ["'self'"],
          'upgrade-insecure-requests': config.secureCookies ? [] : null,
        },
      },
      strictTransportSecurity: config.secureCookies,
    }),
  );
  app.use('/static', express.static(path.join(PROJECT_ROOT, 'public'), { maxAge: config.env === 'production' ? '1d' : 0 }));
  // Pages link their icon; a browser that asks for /favicon.ico on its own is sent to it.
  app.get('/favicon.ico', (_req, res) => { res.redirect(301, '/static/favicon.svg'); });
  app.use(healthRoutes(deps));
  app.use('/api/v1', apiV1(deps));

  const pass = configurePassport(deps, options.signInPolicy ?? DEFAULT_SIGN_IN_POLICY);
  app.use(sessions(config, deps.db, options.sessionCleanupInterval));
  app.use(pass.initialize());
  app.use(pass.session());
  // What every page's header needs is set before the bodies are parsed, so that the error page of a
  // body refused by its parser (too large, not UTF-8, malformed) is the same page as any other.
  app.use(locale);
  app.use((req, res, next) => {
    res.locals.currentUser = req.user ?? null;
    res.locals.currentPath = req.originalUrl;
    next();
  });
  const { csrfTokens, csrfCheck } = csrfProtection(config);
  app.use(csrfTokens);
  app.use(formBodies());
  app.use(csrfCheck);

  app.use(authPages(deps, pass));
  app.use(homePages(deps));
  app.use('/account', accountPages(deps));
  app.use('/admin/users', adminUserPages(deps));
  app.use('/delegation', delegationPages(deps));
  app.use('/admin/member-states', adminMemberStatePages(deps));
  app.use('/admin/surveys/:surveyId/paper-ballots', adminPaperBallotPages(deps));
  app.use('/admin/surveys/:surveyId/reminders', adminReminderPages(deps));
  app.use('/admin/surveys/:surveyId/letters', adminLetterPages(deps));
  app.use('/admin/outbox', adminOutboxPages(deps));
  app.use('/admin/mission-addresses', adminMissionAddressPages(deps));
  app.use('/admin/surveys', adminSurveyPages(deps));
  app.use('/surveys', resultPages(deps));
  app.use('/surveys', exportPages(deps));
  app.use('/surveys', countedReceiptPages(deps));
  app.use('/surveys', surveyPages(deps));
  app.use('/receipts', receiptPages(deps));
  app.use(overviewAttachmentPages(deps));
  app.use(publicOverviewPages(deps));
  app.use('/events', eventPages(deps));
  app.use('/events', eventDetailPages(deps));
  app.use('/admin', adminEventPages(deps));
  app.use('/events', overviewTranslationPages(deps));
  app.use('/admin', adminOverviewPages(deps));

  app.use(notFound);
  app.use(renderErrors(config.showErrorDetails));
  return app;
}
