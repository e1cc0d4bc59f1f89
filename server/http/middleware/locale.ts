import type { NextFunction, Request, Response } from 'express';
import { formattersFor, translatorFor, type Translate } from '../../i18n/index.js';
import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '../../i18n/languages.js';
import { escapeHtml } from '../views.js';

export const LANGUAGE_COOKIE = 'lang';

/** The user's saved choice, else the cookie the switcher set, else Accept-Language, else English. */
export function pickLanguage(req: Request): Language {
  if (req.user && isLanguage(req.user.language)) return req.user.language;
  const cookie = parseCookie(req.headers.cookie, LANGUAGE_COOKIE);
  if (isLanguage(cookie)) return cookie;
  const accepted = req.acceptsLanguages(...LANGUAGES);
  return isLanguage(accepted) ? accepted : DEFAULT_LANGUAGE;
}

function parseCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, v] = part.trim().split('=');
    if (k === name) return v;
  }
  return undefined;
}

// Intl formatters are costly to build (a few per request showed in profiles) and hold no request
// state, so each language's set is built once.
const FORMATTERS = new Map(LANGUAGES.map((lang) => [lang, formattersFor(lang)]));

/**
 * A text in the reader's language as HTML, or its English fallback marked as such (lang="en" for
 * screen readers, and a visible note). A function rather than a partial: pages show dozens.
 */
function localisedHtml(t: Translate) {
  const note = escapeHtml(t('voting.ballot.notTranslated'));
  return (x: { text: string; fallback: boolean }): string => (x.fallback
    ? `<span lang="en">${escapeHtml(x.text)}</span> <span class="untranslated">(${note})</span>`
    : escapeHtml(x.text));
}

const LOCALISED = new Map(LANGUAGES.map((lang) => [lang, localisedHtml(translatorFor(lang))]));

/** Sets the language a request is answered in: its translator, formatters and the template's `lang`. */
export function answerIn(req: Request, res: Response, lang: Language): void {
  req.lang = lang;
  req.t = translatorFor(lang);
  res.locals.lang = lang;
  res.locals.t = req.t;
  res.locals.fmt = FORMATTERS.get(lang) ?? formattersFor(lang);
  res.locals.languages = LANGUAGES;
  res.locals.localised = LOCALISED.get(lang);
}

/**
 * The language of a page about one account seen before its owner signs in (an invitation or
 * password link): the account's own, unless the reader is signed in or chose one with the switcher.
 */
export function answerInAccountLanguage(req: Request, res: Response, accountLanguage: string): void {
  if (req.user || isLanguage(parseCookie(req.headers.cookie, LANGUAGE_COOKIE)) || !isLanguage(accountLanguage)) return;
  answerIn(req, res, accountLanguage);
}

export function locale(req: Request, res: Response, next: NextFunction): void {
  answerIn(req, res, pickLanguage(req));
  next();
}
