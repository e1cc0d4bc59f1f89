// The parsers of request bodies, with their refusals made plain: whatever a parser refuses (too
// large, too many fields, a charset other than UTF-8, malformed JSON or multipart) becomes a
// BodyRefused with its status and the message to show, so that the error page or the API's error
// body says what went wrong instead of a 500.
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import multer from 'multer';

export const FORM_LIMIT = '200kb';
export const FORM_FIELDS = 50;
export const UPLOAD_LIMIT = 5 * 1024 * 1024;
export const JSON_LIMIT = '1mb';

export type BodyRefusalStatus = 400 | 413 | 415;

export class BodyRefused extends Error {
  /** The parameters of the message. */
  readonly params: Readonly<Record<string, string | number>>;
  constructor(readonly status: BodyRefusalStatus, readonly key: string, options?: { cause?: unknown; params?: Readonly<Record<string, string | number>> }) {
    super(key, { cause: options?.cause });
    this.params = options?.params ?? {};
    this.name = 'BodyRefused';
  }
}

/** body-parser's errors carry a `type`; what the client sent decides the status, never a 500. */
function parserRefusal(error: unknown): BodyRefused {
  const e = error as { type?: string; status?: number };
  switch (e?.type) {
    case 'entity.too.large':
    case 'parameters.too.many':
      return new BodyRefused(413, 'errors.tooLarge', { cause: error });
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new BodyRefused(415, 'errors.unsupportedContent', { cause: error });
    default:
      return new BodyRefused(400, 'errors.badRequest', { cause: error });
  }
}

/** Multer's own errors name a limit; anything else it passes on comes from reading a malformed body. */
function uploadRefusal(error: unknown): BodyRefused {
  const e = error as { name?: string; code?: string };
  if (e?.name === 'MulterError') {
    return e.code === 'LIMIT_UNEXPECTED_FILE'
      ? new BodyRefused(400, 'errors.malformedUpload', { cause: error })
      : new BodyRefused(413, 'errors.tooLarge', { cause: error });
  }
  return new BodyRefused(400, 'errors.malformedUpload', { cause: error });
}

function refusingWith(parser: RequestHandler, refusal: (error: unknown) => BodyRefused): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    parser(req, res, (error?: unknown) => (error ? next(refusal(error)) : next()));
  };
}

/** The pages' bodies: urlencoded forms, and multipart forms with at most one file (`file`). */
export function formBodies(): RequestHandler[] {
  return [
    refusingWith(express.urlencoded({ extended: false, limit: FORM_LIMIT }), parserRefusal),
    // Uploads are parsed before the CSRF check, so a multipart form is checked like any other. A
    // file's name is read as UTF-8, as browsers send it.
    refusingWith(multer({
      storage: multer.memoryStorage(), limits: { fileSize: UPLOAD_LIMIT, files: 1, fields: FORM_FIELDS }, defParamCharset: 'utf8',
    }).single('file'), uploadRefusal),
  ];
}

/**
 * A PDF sent as it is (Content-Type: application/pdf) becomes req.body's bytes; more than `limit`
 * bytes is refused while received (413, with `tooLarge` as the message), before it is held whole.
 */
export function pdfBody(limit: number, tooLarge: { key: string; params?: Readonly<Record<string, string | number>> }): RequestHandler {
  return refusingWith(express.raw({ type: 'application/pdf', limit }), (error) => {
    const refused = parserRefusal(error);
    return refused.status === 413 ? new BodyRefused(413, tooLarge.key, { cause: error, params: tooLarge.params ?? {} }) : refused;
  });
}

/** The API's JSON bodies. */
export function jsonBodies(): RequestHandler {
  return refusingWith(express.json({ limit: JSON_LIMIT }), parserRefusal);
}
