// One rule for the ids and whole numbers that reach us as text (route parameters, query strings,
// form fields): decimal digits only, within what both databases store (MAX_INTEGER). A route's id
// out of that range names nothing (404); a number typed in a field out of it is the field's error.
import { AppError } from '../../domain/errors.js';
import { MAX_INTEGER } from '../../domain/validation.js';
import { isLanguage, type Language } from '../../i18n/languages.js';

/** A whole number typed as text, from `min` to MAX_INTEGER; undefined for anything else. */
export function integerFromText(value: unknown, min = 0): number | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^\d{1,16}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= MAX_INTEGER ? n : undefined;
}

/** An id typed as text (1 to MAX_INTEGER), or undefined. */
export function idFromText(value: unknown): number | undefined {
  return typeof value === 'string' && /^[1-9]/.test(value) ? integerFromText(value, 1) : undefined;
}

/** A route's numeric id, or 404: an id that cannot exist names nothing. */
export function idParam(value: unknown): number {
  const id = typeof value === 'string' && value === value.trim() ? idFromText(value) : undefined;
  if (id === undefined) throw new AppError('not_found', 'errors.notFound');
  return id;
}

/**
 * A form's numeric text as the domain's number: digits become a number (the domain checks its
 * range and names the field), anything else goes on as typed for the domain to refuse. Empty: null.
 */
export function numberFromText(value: string): number | string | null {
  const text = value.trim();
  if (text === '') return null;
  return /^\d{1,16}$/.test(text) ? Number(text) : text;
}

/** A route's language code (en, fr, es), or 404. */
export function languageParam(value: unknown): Language {
  if (!isLanguage(value)) throw new AppError('not_found', 'errors.notFound');
  return value;
}
