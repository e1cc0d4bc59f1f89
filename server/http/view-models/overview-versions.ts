import { versionPath, type Overview } from '../../domain/overviews/overviews.js';
import type { OverviewTranslation } from '../../domain/overviews/translations.js';
import { LANGUAGES } from '../../i18n/languages.js';
import { textIn } from './overviews.js';

/** The version of an overview a page shows (the original, or one translation) and the links to the others. */
export function versionPage(overview: Overview, translation: OverviewTranslation | undefined, baseUrl: string) {
  const shown = translation ?? overview;
  const languages = [overview.language, ...overview.translations.map((t) => t.language)];
  const versions = languages.length < 2 ? [] : languages.map((language) => ({
    language, href: versionPath(overview.id, language, overview.language), current: language === shown.language, original: language === overview.language,
  }));
  return {
    /** The language of the text shown. */
    language: shown.language,
    versionTitle: shown.title,
    /** The original's language when a translation is shown. */
    translationOf: translation ? overview.language : null,
    versions,
    alternates: versions.map((v) => ({ hreflang: v.language, href: `${baseUrl}${v.href}` })),
    sections: shown.sections.map((s) => ({ heading: textIn(s.heading, shown.language), html: s.html })),
  };
}

/** The delegation's links to each translation of its overview (to add, edit or see one). */
export function translationLinks(eventId: number, overview: Overview | undefined, editable: boolean) {
  if (!overview) return null;
  return LANGUAGES.filter((l) => l !== overview.language).map((language) => {
    const translation = overview.translations.find((t) => t.language === language);
    return {
      language, href: `/events/${eventId}/overview/translations/${language}`, words: translation?.words ?? null,
      action: !editable ? (translation ? 'see' : null) : translation ? 'edit' : 'add',
    };
  }).filter((l) => l.action !== null);
}
