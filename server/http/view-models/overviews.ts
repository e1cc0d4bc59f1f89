import type { PolicyEvent, Texts } from '../../domain/overviews/events.js';
import { SNIPPET_END, SNIPPET_START } from '../../domain/overviews/overviews.js';
import type { Language } from '../../i18n/languages.js';
import { escapeHtml } from '../views.js';

/** A text in the reader's language, or in English (marked with its language) when not translated. */
export function textIn(texts: Texts, lang: Language): { text: string; lang: Language } {
  return texts[lang] ? { text: texts[lang], lang } : { text: texts.en, lang: 'en' };
}

export function eventTitle(event: PolicyEvent | undefined, lang: Language): { text: string; lang: Language } {
  return event ? textIn(event.title, lang) : { text: '', lang };
}

/** A search snippet as HTML: the text escaped, the matched words in <mark>. */
export function snippetHtml(snippet: string | null): string {
  return escapeHtml(snippet ?? '').replaceAll(SNIPPET_START, '<mark>').replaceAll(SNIPPET_END, '</mark>');
}

