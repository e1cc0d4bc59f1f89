import type { ProposalRow } from '../../data/proposals.js';
import { missingTranslations, pick, type Localised, type MissingTranslation, type Survey, type SurveyStatus } from '../../domain/surveys/model.js';
import type { Participation } from '../../domain/surveys/queries.js';
import type { Translate } from '../../i18n/index.js';
import { LANGUAGES, type Language } from '../../i18n/languages.js';

/** One language's version of a text, or a marker that it is missing. */
export interface TextCell {
  readonly lang: Language;
  readonly text: string;
  readonly missing: boolean;
}

export function textCells(text: Localised): TextCell[] {
  return LANGUAGES.map((lang) => {
    const value = text[lang] ?? '';
    return { lang, text: value, missing: lang !== 'en' && value.trim() === '' && text.en.trim() !== '' };
  });
}

/** The title in the reader's language, with the language it is really in. */
export function titleIn(survey: Pick<Survey, 'title'>, lang: Language): { text: string; lang: Language } {
  const p = pick(survey.title, lang);
  return { text: p.text, lang: p.lang };
}

/** Where a translation is missing, in words: "Question 2, option 3: title". */
export function describeGap(gap: MissingTranslation, t: Translate): string {
  const m = /^q(\d+)\.(?:o(\d+)\.)?(title|description)$/.exec(gap.where);
  let where: string;
  if (gap.where === 'title' || gap.where === 'description') where = t(`adminSurveys.show.where.${gap.where}`);
  else if (m && m[2]) where = t(m[3] === 'title' ? 'adminSurveys.show.where.optionTitle' : 'adminSurveys.show.where.optionDescription', { q: m[1], o: m[2] });
  else if (m) where = t(m[3] === 'title' ? 'adminSurveys.show.where.questionTitle' : 'adminSurveys.show.where.questionDescription', { q: m[1] });
  else where = gap.where;
  return `${where}: ${t(`adminSurveys.lang.${gap.lang}`)}`;
}

export function gapsOf(survey: Survey, t: Translate): string[] {
  return missingTranslations(survey).map((g) => describeGap(g, t));
}

/** Days, hours and minutes until a time, or null once it has passed. */
export function remaining(closesAt: string | null, now: Date): { days: number; hours: number; minutes: number } | null {
  if (!closesAt) return null;
  const ms = new Date(closesAt).getTime() - now.getTime();
  if (ms <= 0) return null;
  const minutes = Math.floor(ms / 60000);
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

export type LifecycleAction = 'edit' | 'open' | 'close' | 'reopen' | 'publish' | 'closingTime' | 'reopenOptions';

/** The lifecycle actions that make sense in a state; the domain checks them again. */
export function actionsFor(status: SurveyStatus, optionsReopened: boolean): LifecycleAction[] {
  switch (status) {
    case 'draft':
      return ['edit', 'open', 'closingTime'];
    case 'open':
      return optionsReopened ? ['close', 'closingTime'] : ['close', 'closingTime', 'reopenOptions'];
    case 'closed':
      return ['reopen', 'publish'];
    case 'published':
      return [];
  }
}

/** Names in the reader's language of the Member States that have not answered, one per line. */
export function notAnsweredList(p: Participation, lang: Language): string {
  return p.rows.filter((r) => !r.answered).map((r) => r.names[lang] || r.names.en).join('\n');
}

export function splitProposals(proposals: readonly ProposalRow[]) {
  return { pending: proposals.filter((p) => p.status === 'pending'), decided: proposals.filter((p) => p.status !== 'pending') };
}

/** Question number and title (reader's language) by question id, for the proposals page. */
export function questionTitles(survey: Survey, lang: Language): Map<number, string> {
  return new Map(survey.questions.map((q, i) => [q.id, `${i + 1}. ${pick(q.title, lang).text}`]));
}
