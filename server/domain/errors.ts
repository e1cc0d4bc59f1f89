export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'gone' | 'too_many';

export interface FieldError {
  readonly field: string;
  /** Translation key of the message. */
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** An expected failure: a translated message for people, a code for scripts. */
export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    /** Translation key of the message. */
    readonly key: string,
    readonly params: Readonly<Record<string, string | number>> = {},
    readonly fields: readonly FieldError[] = [],
  ) {
    super(key);
    this.name = 'AppError';
  }
}

export const HTTP_STATUS: Readonly<Record<ErrorKind, number>> = {
  invalid: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_many: 429,
};
