import i18next, { type TFunction } from 'i18next';
import { accountCatalogue } from './areas/account.js';
import { adminSurveysCatalogue } from './areas/admin-surveys.js';
import { ballotsCatalogue } from './areas/ballots.js';
import { countingCatalogue } from './areas/counting.js';
import { paperBallotsCatalogue } from './areas/paper-ballots.js';
import { surveysCatalogue } from './areas/surveys.js';
import { exportsCatalogue } from './areas/exports.js';
import { requestErrorsCatalogue } from './areas/request-errors.js';
import { resultsCatalogue } from './areas/results.js';
import { signInCatalogue } from './areas/sign-in.js';
import { traceCatalogue } from './areas/trace.js';
import { resultsNoticeCatalogue } from './areas/results-notice.js';
import { votingCatalogue } from './areas/voting.js';
import { mailCatalogue } from './areas/mail.js';
import { delegationCatalogue } from './areas/delegation.js';
import { lettersCatalogue } from './areas/letters.js';
import { signInMailCatalogue } from './areas/sign-in-mail.js';
import { overviewsCatalogue } from './areas/overviews.js';
import { overviewPagesCatalogue } from './areas/overview-pages.js';
import { eventPagesCatalogue } from './areas/event-pages.js';
import { overviewAttachmentsCatalogue } from './areas/overview-attachments.js';
import { overviewTranslationsCatalogue } from './areas/overview-translations.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './languages.js';

type Tree = { readonly [key: string]: string | Tree };

/** Each area keeps its strings in the three languages side by side; they merge into one catalogue. */
const AREAS: readonly Readonly<Record<Language, Tree>>[] = [
  surveysCatalogue,
  ballotsCatalogue,
  adminSurveysCatalogue,
  votingCatalogue,
  resultsCatalogue,
  paperBallotsCatalogue,
  exportsCatalogue,
  countingCatalogue,
  requestErrorsCatalogue,
  signInCatalogue,
  accountCatalogue,
  traceCatalogue,
  resultsNoticeCatalogue,
  mailCatalogue,
  delegationCatalogue,
  lettersCatalogue,
  signInMailCatalogue,
  overviewsCatalogue,
  overviewPagesCatalogue,
  eventPagesCatalogue,
  overviewAttachmentsCatalogue,
  overviewTranslationsCatalogue,
];

function merge(base: Tree, extra: Tree): Tree {
  const out: Record<string, string | Tree> = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    const prev = out[k];
    out[k] = typeof v === 'object' && typeof prev === 'object' ? merge(prev, v) : v;
  }
  return out;
}

function catalogue(language: Language, core: Tree): Tree {
  return AREAS.reduce((acc, area) => merge(acc, area[language]), core);
}

/** Parameters of a translation: values to interpolate, a count for plurals. */
export type TranslateParams = Readonly<Record<string, unknown>>;

/** A translation in one language: a key of the catalogue, and its parameters if it takes some. */
export type Translate = (key: string, params?: TranslateParams) => string;

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: catalogue('en', en) }, fr: { translation: catalogue('fr', fr) }, es: { translation: catalogue('es', es) } },
  supportedLngs: [...LANGUAGES],
  fallbackLng: DEFAULT_LANGUAGE,
  initAsync: false,
  // Templates escape on output; escaping here too would show entities.
  interpolation: { escapeValue: false },
  returnNull: false,
});

const MEMO_LIMIT = 20_000;

/** A key for the memo when every parameter is a string, number or boolean; null otherwise. */
function memoKey(key: string, params: unknown): string | null {
  if (params === undefined) return key;
  if (typeof params !== 'object' || params === null) return null;
  let out = key;
  const values = params as Record<string, unknown>;
  for (const name in values) {
    if (!Object.hasOwn(values, name)) continue;
    const value = values[name];
    const type = typeof value;
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return null;
    out += `\u0000${name}\u0000${type[0]}${String(value)}`;
  }
  return out;
}

/**
 * i18next's lookup and interpolation cost microseconds per call and a page makes hundreds, mostly
 * the same ones again (the catalogues never change while running): each translation of a key with
 * the same simple parameters is made once per language. The memo is emptied when it grows large.
 */
function memoised(fixed: TFunction): Translate {
  const memo = new Map<string, string>();
  const call = (key: string, params: TranslateParams | undefined): string => (params === undefined ? fixed(key) : fixed(key, params));
  return (key, params) => {
    const id = memoKey(key, params);
    if (id === null) return call(key, params);
    let text = memo.get(id);
    if (text === undefined) {
      text = call(key, params);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(id, text);
    }
    return text;
  };
}

const TRANSLATORS = new Map(LANGUAGES.map((language) => [language, memoised(i18n.getFixedT(language))]));

export function translatorFor(language: Language): Translate {
  return TRANSLATORS.get(language) ?? memoised(i18n.getFixedT(language));
}

const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

export interface Formatters {
  readonly dateTime: (iso: string | Date | null | undefined) => string;
  readonly date: (iso: string | Date | null | undefined) => string;
  readonly number: (n: number) => string;
}

export function formattersFor(language: Language, timeZone = 'UTC'): Formatters {
  const locale = LOCALES[language];
  const dt = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone });
  const d = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const n = new Intl.NumberFormat(locale);
  return {
    dateTime: remembered((v) => `${dt.format(v)} UTC`),
    date: remembered((v) => d.format(v)),
    number: (v) => n.format(v),
  };
}

const DATES_REMEMBERED = 5_000;

/**
 * Formatting a date costs microseconds and pages show the same stored timestamps again and again
 * (a ballot's revision, a survey's closing time), so each text is formatted once while remembered.
 */
function remembered(format: (date: Date) => string): (v: string | Date | null | undefined) => string {
  const texts = new Map<string, string>();
  return (v) => {
    if (!v) return '';
    if (v instanceof Date) return format(v);
    let text = texts.get(v);
    if (text === undefined) {
      if (texts.size >= DATES_REMEMBERED) texts.clear();
      texts.set(v, (text = format(new Date(v))));
    }
    return text;
  };
}
