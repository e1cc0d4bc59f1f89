import { AppError } from '../../domain/errors.js';

/** A route's numeric id, or 404: an id that cannot exist names nothing. */
export function idParam(value: unknown): number {
  if (typeof value !== "string" || !/^[1-9]\d{0,9}$/.test(value)) throw new AppError('not_found', 'errors.notFound');
  return Number(value);
}
