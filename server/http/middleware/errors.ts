import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AppError, HTTP_STATUS } from '../../domain/errors.js';
import { translatorFor } from '../../i18n/index.js';
import { DEFAULT_LANGUAGE } from '../../i18n/languages.js';

function isCsrfError(error: unknown): boolean {
  return (error as { code?: string })?.code === 'EBADCSRFTOKEN';
}

/** Body-parser and multer errors carry a status and are the client's fault. */
function clientStatus(error: unknown): number | null {
  const e = error as { status?: number; statusCode?: number; code?: string; name?: string };
  if (e?.name === 'MulterError') return e.code === 'LIMIT_FILE_SIZE' ? 413 : 400;
  const status = e?.status ?? e?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

export function notFound(_req: Request, _res: Response, next: NextFunction): void {
  next(new AppError('not_found', 'errors.notFound'));
}

/** Pages render errors/<status> in the user's language; the stack never leaves the server. */
export function renderErrors(isDevelopment: boolean) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    if (res.headersSent) return abandon(error, req, res);
    const t = req.t ?? translatorFor(DEFAULT_LANGUAGE);
    if (error instanceof AppError && error.kind === 'unauthenticated') {
      return res.redirect(303, `/sign-in?next=${encodeURIComponent(req.originalUrl)}`);
    }
    let status: number;
    let message: string;
    let fields: string[] = [];
    if (error instanceof AppError) {
      status = HTTP_STATUS[error.kind];
      message = t(error.key, error.params);
      fields = error.fields.map((f) => t(f.key, f.params));
    } else if (isCsrfError(error)) {
      status = 403;
      message = t('errors.csrf');
    } else if (clientStatus(error) !== null) {
      status = clientStatus(error)!;
      message = t('errors.badRequest');
    } else {
      status = 500;
      const requestId = randomUUID();
      console.error(`[${requestId}] ${req.method} ${req.originalUrl}`, error);
      message = t('errors.server', { requestId });
    }
    res.status(status);
    if (!res.locals.t) {
      res.locals.t = t;
      res.locals.lang = DEFAULT_LANGUAGE;
    }
    const view = [403, 404, 410, 429].includes(status) ? `errors/${status}` : status === 500 ? 'errors/500' : 'errors/400';
    res.render(view, {
      title: t(`errors.title.${status === 500 || [403, 404, 410, 429].includes(status) ? status : 400}`),
      message,
      fields,
      stack: isDevelopment && status === 500 && error instanceof Error ? error.stack : null,
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
  const status = clientStatus(error);
  if (status !== null) {
    res.status(status).json({ error: { code: 'invalid', message: t('errors.badRequest') } });
    return;
  }
  const requestId = randomUUID();
  console.error(`[${requestId}] ${req.method} ${req.originalUrl}`, error);
  res.status(500).json({ error: { code: 'server_error', message: t('errors.server', { requestId }) } });
}
