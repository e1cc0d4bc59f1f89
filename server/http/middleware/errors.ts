import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AppError, HTTP_STATUS } from '../../domain/errors.js';
import { translatorFor, type Translate } from '../../i18n/index.js';
import { DEFAULT_LANGUAGE } from '../../i18n/languages.js';
import { escapeHtml } from '../views.js';
import { BodyRefused } from './bodies.js';
import { locale } from './locale.js';

function isCsrfError(error: unknown): boolean {
  return (error as { code?: string })?.code === 'EBADCSRFTOKEN';
}

/** Errors of Express's own that carry a client status (a malformed URL, …); the body parsers' are BodyRefused. */
function clientStatus(error: unknown): number | null {
  const e = error as { status?: number; statusCode?: number };
  const status = e?.status ?? e?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

export function notFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new AppError('not_found', 'errors.notFound'));
}

const OWN_VIEWS = new Set([403, 404, 410, 429, 500]);
const OWN_TITLES = new Set([403, 404, 410, 413, 415, 429, 500]);

/** The status and message of an error that is not an AppError, for pages and the API alike. */
function describe(error: unknown, t: Translate): { status: number; message: string; code: string } | null {
  if (error instanceof BodyRefused) return { status: error.status, message: t(error.key, error.params), code: 'invalid' };
  if (isCsrfError(error)) return { status: 403, message: t('errors.csrf'), code: 'forbidden' };
  const status = clientStatus(error);
  return status === null ? null : { status, message: t('errors.badRequest'), code: 'invalid' };
}

/**
 * Pages render errors/<status> in the user's language. The stack never leaves the server, unless
 * `showDetails` (SHOW_ERROR_DETAILS=1 in development) asks for it on a 500.
 */
export function renderErrors(showDetails: boolean) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) return abandon(error, req, res);
    if (error instanceof AppError && error.kind === 'unauthenticated') {
      return res.redirect(303, `/sign-in?next=${encodeURIComponent(req.originalUrl)}`);
    }
    // An error raised before the middleware that readies the header (the session store failing):
    // the page is given what the header needs here.
    if (!res.locals.t) locale(req, res, () => {});
    res.locals.currentUser ??= req.user ?? null;
    res.locals.currentPath ??= req.originalUrl;
    // Before the token middleware ran, the page's forms (the header's sign-out) carry no token.
    res.locals.csrfToken ??= () => '';
    const t: Translate = res.locals.t as Translate;
    let status: number;
    let message: string;
    let fields: string[] = [];
    const described = error instanceof AppError ? null : describe(error, t);
    if (error instanceof AppError) {
      status = HTTP_STATUS[error.kind];
      message = t(error.key, error.params);
      fields = error.fields.map((f) => t(f.key, f.params));
    } else if (described) {
      ({ status, message } = described);
    } else {
      status = 500;
      const requestId = randomUUID();
      console.error(`[${requestId}] ${req.method} ${req.originalUrl}`, error);
      message = t('errors.server', { requestId });
    }
    res.status(status);
    const view = OWN_VIEWS.has(status) ? `errors/${status}` : 'errors/400';
    const title = t(`errors.title.${OWN_TITLES.has(status) ? status : 400}`);
    res.render(view, {
      title,
      message,
      fields,
      stack: showDetails && status === 500 && error instanceof Error ? error.stack : null,
    }, (renderError: Error | null, html?: string) => {
      if (!renderError) {
        res.send(html);
        return;
      }
      // The error page itself failed: a bare page in the reader's language, still without the stack.
      console.error(`${req.method} ${req.originalUrl}: the error page failed:`, renderError);
      res.type('html').send(`<!doctype html><html lang="${escapeHtml(res.locals.lang ?? DEFAULT_LANGUAGE)}"><meta charset="utf-8"><title>${escapeHtml(title)}</title><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
    });
  };
}

/** A failure in the middle of a streamed response: too late for an error page; the client sees a cut-off reply. */
function abandon(error: unknown, req: Request, res: Response): void {
  console.error(`${req.method} ${req.originalUrl} failed after the response began:`, error);
  res.destroy();
}

/** API.md's error body. */
export function apiErrors(error: unknown, req: Request, res: Response, _next: NextFunction): void {
  if (res.headersSent) return abandon(error, req, res);
  const t = req.t ?? translatorFor(DEFAULT_LANGUAGE);
  if (error instanceof AppError) {
    const status = HTTP_STATUS[error.kind] === 422 && error.fields.length === 0 ? 400 : HTTP_STATUS[error.kind];
    res.status(status).json({
      error: {
        code: error.kind,
        message: t(error.key, error.params),
        ...(error.fields.length ? { fields: error.fields.map((f) => ({ field: f.field, message: t(f.key, f.params) })) } : {}),
      },
    });
    return;
  }
  const described = describe(error, t);
  if (described) {
    res.status(described.status).json({ error: { code: described.code, message: described.message } });
    return;
  }
  const requestId = randomUUID();
  console.error(`[${requestId}] ${req.method} ${req.originalUrl}`, error);
  res.status(500).json({ error: { code: 'server_error', message: t('errors.server', { requestId }) } });
}
