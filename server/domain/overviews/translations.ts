import { z } from 'zod';
import type { Queryable, Tx } from '../../data/database.js';
import {
  listOverviewTranslations, replaceOverviewTranslations, type OverviewTranslationFields, type OverviewTranslationRow,
} from '../../data/overview-translations.js';
import { LANGUAGES, type Language } from '../../i18n/languages.js';
import { AppError, type FieldError } from '../errors.js';
import type { CallSection, EventCall, Texts } from './events.js';
import { countWords, renderMarkdown } from './markdown.js';

// An overview is written in one language (English, French or Spanish, as the delegation chooses)
// and may carry a translation into each of the other two. A translation has the overview's shape
// (a title and one Markdown text per section of the call's template) and the same limits: each
// language version is a 2–3 page text of its own, so the call's word limit applies to each.
// Translations are part of the overview as submitted, reviewed and published: they change only
// through a revision of the overview, under the same rules as the original text.

/** The most characters one section's Markdown may hold, whatever the word limit. */
export const MAX_SECTION_CHARACTERS = 40000;

export const sectionsSchema = z.array(z.object({
  text: z.string({ message: 'validation.invalidValue' }).max(MAX_SECTION_CHARACTERS, 'validation.tooLong'),
}, { message: 'validation.invalidValue' }), { message: 'validation.invalidValue' }).max(20, 'validation.tooMany');

/** One language version other than the original, as a delegation writes it. */
export const translationInputSchema = z.object({
  language: z.enum(LANGUAGES, { message: 'validation.invalidValue' }),
  title: z.string({ message: 'validation.invalidValue' }).trim().max(500, 'validation.tooLong').optional(),
  sections: sectionsSchema,
}, { message: 'validation.invalidValue' });
export type TranslationInput = z.output<typeof translationInputSchema>;

/** The translations of an overview as the API replaces them: the whole set, one per language at most. */
export const translationsInputSchema = z.array(translationInputSchema, { message: 'validation.invalidValue' }).max(LANGUAGES.length - 1, 'validation.tooMany');

export interface TranslatedSection {
  readonly heading: Texts;
  readonly text: string;
  /** The text rendered from Markdown and sanitised: safe to put in a page as it is. */
  readonly html: string;
}

export interface OverviewTranslation {
  readonly language: Language;
  readonly title: string;
  readonly sections: readonly TranslatedSection[];
  readonly words: number;
  readonly savedBy: string;
  readonly savedAt: string;
}

export function translationFrom(row: OverviewTranslationRow, template: readonly CallSection[]): OverviewTranslation {
  const empty = { en: '', fr: '', es: '' };
  const count = Math.max(template.length, row.sections.length);
  return {
    language: row.language, title: row.title,
    sections: Array.from({ length: count }, (_, i) => {
      const text = row.sections[i] ?? '';
      return { heading: template[i]?.heading ?? empty, text, html: renderMarkdown(text) };
    }),
    words: row.sections.reduce((n, s) => n + countWords(s), 0),
    savedBy: row.saved_by_label, savedAt: row.saved_at,
  };
}

/** The translations of each of these overviews, read in one query, by overview id. */
export async function translationsByOverview(q: Queryable, overviewIds: readonly number[]): Promise<Map<number, OverviewTranslationRow[]>> {
  const byOverview = new Map<number, OverviewTranslationRow[]>();
  for (const row of await listOverviewTranslations(q, overviewIds)) {
    byOverview.set(row.overview_id, [...(byOverview.get(row.overview_id) ?? []), row]);
  }
  return byOverview;
}

/**
 * A language version's length against the call: one text per section of the template, at most
 * the call's word limit (each version has the whole limit). `field` names the version's sections.
 */
export function checkVersionLength(call: EventCall, sections: readonly { readonly text: string }[], field: string): FieldError[] {
  if (sections.length !== call.sections.length) return [{ field, key: 'validation.sectionCount', params: { count: call.sections.length } }];
  const words = sections.reduce((n, s) => n + countWords(s.text), 0);
  return words > call.maxWords ? [{ field, key: 'validation.overWordLimit', params: { words, max: call.maxWords } }] : [];
}

/** The call's checks of each translation given to the API, and of their languages among themselves. */
export function checkTranslations(call: EventCall, original: Language, translations: readonly TranslationInput[]): void {
  const errors = translations.flatMap((t, i): FieldError[] => {
    const language: FieldError[] = t.language === original
      ? [{ field: `translations.${i}.language`, key: 'validation.translationOfOriginal' }]
      : translations.findIndex((u) => u.language === t.language) < i ? [{ field: `translations.${i}.language`, key: 'validation.translationRepeated' }] : [];
    return [...language, ...checkVersionLength(call, t.sections, `translations.${i}.sections`)];
  });
  if (errors.length) throw new AppError('invalid', 'errors.invalid', {}, errors);
}

export interface Writer {
  readonly userId: number | null;
  readonly label: string;
  readonly at: string;
}

/**
 * Within a change of the overview (before its revision is recorded), makes `next` its
 * translations (undefined: keeps them), keeping who saved and when of the ones that did not
 * change. An overview cannot be in a language it also has a translation into: the delegation
 * removes that translation first (nothing is swapped behind its back).
 */
export async function writeTranslations(tx: Tx, overviewId: number, original: Language, next: readonly TranslationInput[] | undefined, writer: Writer): Promise<void> {
  const current = await listOverviewTranslations(tx, [overviewId]);
  if (next !== undefined) {
    const set = next.map((t): OverviewTranslationFields => {
      const sections = t.sections.map((s) => s.text);
      const before = current.find((c) => c.language === t.language);
      const unchanged = before !== undefined && before.title === (t.title ?? '') && JSON.stringify(before.sections) === JSON.stringify(sections);
      return unchanged ? before : {
        language: t.language, title: t.title ?? '', sections, saved_by: writer.userId, saved_by_label: writer.label, saved_at: writer.at,
      };
    });
    await replaceOverviewTranslations(tx, overviewId, set);
  } else if (current.some((c) => c.language === original)) {
    throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'language', key: 'validation.languageHasTranslation' }]);
  }
}
