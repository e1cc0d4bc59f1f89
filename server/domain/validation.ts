import type { z } from 'zod';
import { AppError, type FieldError } from './errors.js';

/** Parses input with a schema; failures become one `invalid` error listing each field's message key. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldError[] = result.error.issues.map((issue) => ({
    field: issue.path.join('.') || '_',
    key: issue.message.startsWith('validation.') ? issue.message : 'validation.invalidValue',
  }));
  throw new AppError('invalid', 'errors.invalid', {}, fields);
}
