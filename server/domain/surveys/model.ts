import type { Language } from '../../i18n/languages.js';
import type { Method } from '../../tally/index.js';

/** Text in English, with French and Spanish beside it; null where not yet translated. */
export interface Localised {
  readonly en: string;
  readonly fr: string | null;
  readonly es: string | null;
}

export type SurveyStatus = 'draft' | 'open' | 'closed' | 'published';

export interface SurveyOption {
  readonly id: number;
  readonly position: number;
  readonly label: string;
  readonly title: Localised;
  readonly description: Localised;
  readonly proposedBy: string | null;
}

export interface Question {
  readonly id: number;
  readonly position: number;
  readonly title: Localised;
  readonly description: Localised;
  readonly seats: number;
  readonly method: Method;
  /** Most ranks a ballot may give; null means all options. */
  readonly maxRanks: number | null;
  readonly allowAbstain: boolean;
  readonly allowComment: boolean;
  readonly allowProposals: boolean;
  readonly options: readonly SurveyOption[];
}

export interface Survey {
  readonly id: number;
  readonly title: Localised;
  readonly description: Localised;
  readonly reference: string;
  /** As stored; see effectiveStatus for what holds at a given moment. */
  readonly storedStatus: SurveyStatus;
  readonly closesAt: string | null;
  readonly quorum: number | null;
  readonly seed: string | null;
  readonly openedAt: string | null;
  readonly translationOverride: string | null;
  readonly optionsReopened: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly questions: readonly Question[];
}

/** An open survey whose closing time has passed is closed, whether or not anyone has looked. */
export function effectiveStatus(survey: Pick<Survey, 'storedStatus' | 'closesAt'>, now: Date): SurveyStatus {
  if (survey.storedStatus === 'open' && survey.closesAt !== null && survey.closesAt <= now.toISOString()) return 'closed';
  return survey.storedStatus;
}

/** The text in a language, or the English with a flag saying it stands in for a missing translation. */
export function pick(text: Localised, lang: Language): { text: string; lang: Language; fallback: boolean } {
  const value = text[lang];
  if (value !== null && value !== undefined && (value !== '' || text.en === '')) return { text: value, lang, fallback: false };
  return { text: text.en, lang: 'en', fallback: lang !== 'en' };
}

export interface MissingTranslation {
  readonly where: string;
  readonly lang: 'fr' | 'es';
}

/** Every piece of text that has English but lacks its French or Spanish version. */
export function missingTranslations(survey: Survey): MissingTranslation[] {
  const missing: MissingTranslation[] = [];
  const check = (text: Localised, where: string) => {
    if (text.en.trim() === '') return;
    for (const lang of ['fr', 'es'] as const) if (!text[lang] || text[lang]!.trim() === '') missing.push({ where, lang });
  };
  check(survey.title, 'title');
  check(survey.description, 'description');
  survey.questions.forEach((q, i) => {
    check(q.title, `q${i + 1}.title`);
    check(q.description, `q${i + 1}.description`);
    q.options.forEach((o, j) => {
      check(o.title, `q${i + 1}.o${j + 1}.title`);
      check(o.description, `q${i + 1}.o${j + 1}.description`);
    });
  });
  return missing;
}
