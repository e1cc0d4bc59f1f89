import { z } from 'zod';
import { AppError, type FieldError } from './errors.js';

/**
 * The largest whole number stored on both engines: PostgreSQL's `integer` columns (ids, revisions,
 * quorum, seats) stop at 2³¹ − 1. An id above it names nothing; a count above it is refused as a
 * field error, on SQLite as on PostgreSQL, before any query sees it.
 */
export const MAX_INTEGER = 2_147_483_647;

/** Whether a value is a whole number that can be an id: 1 to MAX_INTEGER. */
export function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_INTEGER;
}

/**
 * A whole number from min to MAX_INTEGER, given as a JSON number: a string, a boolean, null or an
 * array is refused with the message, not converted. Forms, which send text, convert first.
 */
export function integer(message = 'validation.invalidValue', min = 0) {
  return z.number({ message }).int(message).min(min, message).max(MAX_INTEGER, message);
}

/** An id: a whole number from 1 to MAX_INTEGER. */
export function id(message = 'validation.invalidValue') {
  return integer(message, 1);
}

/**
 * A whole number typed as text (a form field or a query string): decimal digits only, no sign,
 * exponent or hexadecimal; a JSON number passes as well. Only where a form sends text.
 */
export function integerText(message = 'validation.invalidValue', min = 0) {
  return z.union([
    z.number({ message }),
    z.string({ message }).trim().regex(/^\d{1,16}$/, message).transform(Number),
  ], { message }).pipe(integer(message, min));
}

/** Parses input with a schema; failures become one `invalid` error listing each field's message key. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldError[] = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || '_',
    key: issue.message.startsWith('validation.') ? issue.message : 'validation.invalidValue',
    // A refinement's own values for its message ({{suggested}}, {{max}}…).
    ...(issue.code === 'custom' && issue.params ? { params: issue.params } : {}),
  }));
  throw new AppError('invalid', 'errors.invalid', {}, fields);
}
