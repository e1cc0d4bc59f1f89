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

/** A field's name as a person finds it on the form ("Question 2 › Option 4 › Title (English)"), or null. */
export type FieldLabel = (field: string) => string | null;

const FIELD_LABEL_KEYS: Readonly<Record<string, string>> = {
  email: 'fields.email', displayName: 'fields.displayName', language: 'fields.language', role: 'fields.role',
  memberState: 'fields.memberState', password: 'fields.newPassword', confirm: 'fields.confirmPassword',
  iso3: 'fields.iso3', names_en: 'fields.nameEn', names_fr: 'fields.nameFr', names_es: 'fields.nameEs', status: 'fields.status',
};

/** The labels of the account and Member State forms' fields, which are named alike on every form. */
export function formFieldLabel(t: Translate): FieldLabel {
  return (field) => {
    const key = FIELD_LABEL_KEYS[field];
    return key ? t(key) : null;
  };
}
