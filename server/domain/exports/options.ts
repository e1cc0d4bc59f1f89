// The options of an export, as the exports page's form and the API's query string give them.
import { z } from 'zod';
import { integerText } from '../validation.js';

const flag = z.enum(['0', '1', 'true', 'false', 'yes', 'no', 'on']).optional().transform((v) => v === '1' || v === 'true' || v === 'yes' || v === 'on');
export const exportOptionsSchema = z.object({
  /** One question; empty, as the exports page's form sends "All questions", means every question. */
  question: z.preprocess((v) => (v === '' ? undefined : v), integerText('validation.invalidValue', 1).optional()),
  /** A byte-order mark, so that Excel reads UTF-8 accents right. */
  bom: flag,
  /** Semicolons, for spreadsheets set to French or Spanish. */
  sep: z.enum(['comma', 'semicolon']).optional().default('comma'),
  /** Leaves the Member States out of the ballots export. */
  anonymous: flag,
});
export type ExportOptions = z.output<typeof exportOptionsSchema>;
