// The pieces the rows' schemas are made of: each takes a column as either engine gives it. SQLite
// gives whole numbers as numbers and flags as 0/1; PostgreSQL gives bigint columns and count(*)
// as strings, and flags as booleans. The data functions parse each row they return with a schema
// built from these, so what they hand over is typed without casts.
import { z } from 'zod';

/** An id, count or other whole number, from a number, a numeric string or a bigint. */
export const wholeNumber = z.unknown().transform((value, ctx) => {
  const n = typeof value === 'number' ? value : typeof value === 'string' || typeof value === 'bigint' ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(n) && (typeof value !== 'string' || value.trim() !== '')) return n;
  ctx.issues.push({ code: 'custom', message: 'expected a whole number', input: value });
  return z.NEVER;
});

export const nullableWholeNumber = wholeNumber.nullable();

/** A flag: SQLite's 0/1, PostgreSQL's booleans. */
export const flag = z.union([z.boolean(), z.literal([0, 1])]).transform((value) => value === true || value === 1);

export const text = z.string();
export const nullableText = z.string().nullable();
/** Text that may be left out (null), read as empty. */
export const textOrEmpty = z.string().nullable().transform((value) => value ?? '');

/** A column holding JSON, parsed, then checked with `schema`. */
export function jsonText<T extends z.ZodType>(schema: T) {
  return z.string().transform((value, ctx) => {
    try {
      const parsed: unknown = JSON.parse(value);
      return parsed;
    } catch {
      ctx.issues.push({ code: 'custom', message: 'expected JSON', input: value });
      return z.NEVER;
    }
  }).pipe(schema);
}

/** The id `insert(...).returning('id')` gives back: `{ id }` on PostgreSQL, the bare id on SQLite. */
const INSERTED_ID = z.union([z.object({ id: wholeNumber }).transform((r) => r.id), wholeNumber]);

export function insertedId(returned: readonly unknown[]): number {
  return INSERTED_ID.parse(returned[0]);
}
