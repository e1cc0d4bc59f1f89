// The event form's flat fields (titles per language, dates, the call's deadline, word limit,
// invited Member States and template rows) as the domain's input, and back for the form's values.
import type { PolicyEvent } from '../../domain/overviews/events.js';
import { numberFromText } from './params.js';

const LANGS = ['en', 'fr', 'es'] as const;

/** Rows of template sections the form offers: the call's own, and at least this many. */
export const MIN_SECTION_ROWS = 4;
export const MAX_SECTION_ROWS = 20;

export type FormValues = Record<string, string | string[]>;

function text(body: FormValues, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value.trim() : '';
}

function list(body: FormValues, name: string): string[] {
  const value = body[name];
  return (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).filter((v) => typeof v === 'string');
}

/** The string and string-list fields of a parsed form body; anything else is dropped. */
export function formValues(body: unknown): FormValues {
  const entries = Object.entries((body ?? {}) as Record<string, unknown>)
    .filter((e): e is [string, string | string[]] => typeof e[1] === 'string' || (Array.isArray(e[1]) && e[1].every((v) => typeof v === 'string')));
  return Object.fromEntries(entries);
}

/** How many template rows a form shows, given the rows its values hold. */
export function sectionRows(values: FormValues): number {
  let last = -1;
  for (const key of Object.keys(values)) {
    const m = /^(?:(?:heading|guidance)_(?:en|fr|es)|words)_(\d{1,2})$/.exec(key);
    if (m) last = Math.max(last, Number(m[1]));
  }
  return Math.min(MAX_SECTION_ROWS, Math.max(MIN_SECTION_ROWS, last + 2));
}

/**
 * The call part of the form: deadline (a local date and time read as UTC), word limit, invited,
 * sections. Without a deadline and sections there is no call: undefined.
 */
export function callFromForm(body: FormValues) {
  // Rows up to the last one with a heading: an empty row among them is refused at its own fields.
  const rows = sectionRows(body);
  let count = 0;
  const filled = (i: number) => text(body, `words_${i}`) !== '' || LANGS.some((l) => text(body, `heading_${l}_${i}`) !== '' || text(body, `guidance_${l}_${i}`) !== '');
  for (let i = 0; i < rows; i++) if (filled(i)) count = i + 1;
  const sections = Array.from({ length: count }, (_, i) => {
    const words = numberFromText(text(body, `words_${i}`));
    return {
      heading: { en: text(body, `heading_en_${i}`), fr: text(body, `heading_fr_${i}`), es: text(body, `heading_es_${i}`) },
      guidance: { en: text(body, `guidance_en_${i}`), fr: text(body, `guidance_fr_${i}`), es: text(body, `guidance_es_${i}`) },
      ...(words === null ? {} : { suggestedWords: words }),
    };
  });
  const deadline = text(body, 'deadline');
  if (deadline === '' && sections.length === 0) return undefined;
  const maxWords = numberFromText(text(body, 'maxWords'));
  return {
    deadline: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(deadline) ? `${deadline}:00Z` : deadline,
    ...(maxWords === null ? {} : { maxWords }),
    sections,
    ...(text(body, 'invitedScope') === 'some' ? { invited: list(body, 'invited') } : {}),
  };
}

/** The whole event form. */
export function eventFromForm(body: FormValues) {
  const optional = (name: string) => (text(body, name) === '' ? undefined : text(body, name));
  const call = callFromForm(body);
  return {
    title: { en: text(body, 'title_en'), fr: text(body, 'title_fr'), es: text(body, 'title_es') },
    reference: text(body, 'reference'), place: text(body, 'place'), startsOn: optional('startsOn'), endsOn: optional('endsOn'),
    ...(call ? { call } : {}),
  };
}

/** An event's current data as the form's values, for the edit page. */
export function eventFormValues(event: PolicyEvent, invitedIso3: readonly string[] | null): FormValues {
  const values: FormValues = {
    title_en: event.title.en, title_fr: event.title.fr, title_es: event.title.es,
    reference: event.reference, place: event.place, startsOn: event.startsOn ?? '', endsOn: event.endsOn ?? '',
  };
  if (event.call) {
    values.deadline = event.call.deadline.slice(0, 16);
    values.maxWords = String(event.call.maxWords);
    values.invitedScope = invitedIso3 === null ? 'all' : 'some';
    values.invited = [...(invitedIso3 ?? [])];
    event.call.sections.forEach((s, i) => {
      for (const l of LANGS) {
        values[`heading_${l}_${i}`] = s.heading[l];
        values[`guidance_${l}_${i}`] = s.guidance[l];
      }
      if (s.suggestedWords !== null) values[`words_${i}`] = String(s.suggestedWords);
    });
  }
  return values;
}

/** The form field that shows a domain error's field: `call.sections.2.heading.fr` → `heading_fr_2`. */
export function eventFormField(field: string): string {
  const section = /^call\.sections\.(\d+)\.(heading|guidance)\.(en|fr|es)$/.exec(field);
  if (section) return `${section[2]}_${section[3]}_${section[1]}`;
  const words = /^call\.sections\.(\d+)\.suggestedWords$/.exec(field);
  if (words) return `words_${words[1]}`;
  if (field === 'call.sections' || field === 'call') return 'heading_en_0';
  if (field.startsWith('call.invited')) return 'invitedScope';
  if (field === 'call.deadline' || field === 'deadline') return 'deadline';
  if (field === 'call.maxWords') return 'maxWords';
  const title = /^title\.(en|fr|es)$/.exec(field);
  if (title) return `title_${title[1]}`;
  return field;
}
