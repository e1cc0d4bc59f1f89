import { z } from 'zod';
import { LANGUAGES, type Language } from '../i18n/languages.js';
import { connectionOf, type Queryable, type Tx } from './database.js';
import { jsonText, nullableWholeNumber, text, wholeNumber } from './row-schemas.js';

// The translations of policy overviews: at most one per overview and language (never the
// overview's own language, which the domain checks).

const TRANSLATION_ROW = z.object({
  overview_id: wholeNumber,
  language: z.literal(LANGUAGES),
  title: text,
  sections: jsonText(z.array(z.string())),
  saved_by: nullableWholeNumber,
  saved_by_label: text,
  saved_at: text,
});
export type OverviewTranslationRow = Readonly<z.output<typeof TRANSLATION_ROW>>;

export interface OverviewTranslationFields {
  readonly language: Language;
  readonly title: string;
  readonly sections: readonly string[];
  readonly saved_by: number | null;
  readonly saved_by_label: string;
  readonly saved_at: string;
}

/** The translations of these overviews (one query whatever their number), by overview, then language. */
export async function listOverviewTranslations(q: Queryable, overviewIds: readonly number[]): Promise<OverviewTranslationRow[]> {
  if (overviewIds.length === 0) return [];
  const rows: unknown[] = await connectionOf(q)('overview_translations')
    .whereIn('overview_id', [...overviewIds]).orderBy([{ column: 'overview_id' }, { column: 'language' }])
    .select('overview_id', 'language', 'title', 'sections', 'saved_by', 'saved_by_label', 'saved_at');
  return rows.map((r) => TRANSLATION_ROW.parse(r));
}

/** Makes `translations` the whole set of an overview's translations. */
export async function replaceOverviewTranslations(tx: Tx, overviewId: number, translations: readonly OverviewTranslationFields[]): Promise<void> {
  await tx.knex('overview_translations').where({ overview_id: overviewId }).delete();
  if (translations.length === 0) return;
  await tx.knex('overview_translations').insert(translations.map((t) => ({
    overview_id: overviewId, language: t.language, title: t.title, sections: JSON.stringify(t.sections),
    saved_by: t.saved_by, saved_by_label: t.saved_by_label, saved_at: t.saved_at,
  })));
}

/** The translations as a revision of the overview records them (overview_revisions.translations). */
export function translationsSnapshot(rows: readonly OverviewTranslationRow[]): string {
  return JSON.stringify(rows.map((r) => ({ language: r.language, title: r.title, sections: r.sections, savedBy: r.saved_by_label, savedAt: r.saved_at })));
}
