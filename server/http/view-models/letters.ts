import type { Letters } from '../../domain/letters.js';
import { pick } from '../../domain/surveys/model.js';
import { formattersFor, translatorFor, type Translate } from '../../i18n/index.js';
import type { Language } from '../../i18n/languages.js';

/** What the letters page shows, every letter in the language chosen for them. */
export interface LettersModel {
  readonly language: Language;
  /** Translations in the letters' language (the page around them stays in the reader's). */
  readonly lt: Translate;
  readonly surveyId: number;
  readonly title: { readonly text: string; readonly lang: Language; readonly fallback: boolean };
  readonly description: { readonly text: string; readonly lang: Language; readonly fallback: boolean } | null;
  readonly reference: string;
  readonly closesAt: string | null;
  readonly date: string;
  readonly signInUrl: string;
  readonly ballotUrl: string;
  readonly letters: readonly {
    readonly iso3: string;
    readonly stateName: string;
    readonly delegates: readonly { readonly name: string; readonly email: string; readonly link: { readonly url: string; readonly expiresAt: string } | null }[];
  }[];
}

export function lettersModel(letters: Letters, language: Language): LettersModel {
  const fmt = formattersFor(language);
  const description = pick(letters.survey.description, language);
  return {
    language,
    lt: translatorFor(language),
    surveyId: letters.survey.id,
    title: pick(letters.survey.title, language),
    description: description.text.trim() === '' ? null : description,
    reference: letters.survey.reference,
    closesAt: letters.survey.closesAt ? fmt.dateTime(letters.survey.closesAt) : null,
    date: fmt.date(letters.issuedAt),
    signInUrl: letters.signInUrl,
    ballotUrl: letters.ballotUrl,
    letters: letters.letters.map((l) => ({
      iso3: l.memberState.iso3,
      stateName: l.memberState.names[language] || l.memberState.names.en,
      delegates: l.delegates.map((d) => ({ name: d.name, email: d.email, link: d.link ? { url: d.link.url, expiresAt: fmt.dateTime(d.link.expiresAt) } : null })),
    })),
  };
}
