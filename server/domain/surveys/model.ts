import type { Language } from '../../i18n/languages.js';
import type { Localised, OptionRow, QuestionRow, SurveyRow, SurveyStatus } from '../../data/surveys.js';

/**
 * A survey, its questions and their options as the domain sees them: the rows data/surveys.ts
 * reads and checks, as they are (the shapes are the same, so nothing maps between them).
 */
export type { Localised, SurveyStatus } from '../../data/surveys.js';
export type SurveyOption = OptionRow;
export type Question = QuestionRow;
export type Survey = SurveyRow;

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
