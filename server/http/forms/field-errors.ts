import { AppError } from '../../domain/errors.js';
import type { Translate } from '../../i18n/index.js';

export type FieldMessages = Record<string, string>;

/**
 * The translated message per field when the error is bad input a form can show beside its fields;
 * null for any other error, which the caller rethrows.
 */
export function fieldErrors(error: unknown, t: Translate): FieldMessages | null {
  if (!(error instanceof AppError) || (error.kind !== 'invalid' && error.kind !== 'conflict')) return null;
  const messages: FieldMessages = {};
  for (const f of error.fields) {
    const key = f.field.split('.')[0] === 'names' ? f.field.replace('.', '_') : f.field;
    messages[key] ??= t(f.key, f.params);
  }
  if (error.fields.length === 0) messages._ = t(error.key, error.params);
  return messages;
}
