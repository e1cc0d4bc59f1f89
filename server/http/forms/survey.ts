import type { Survey } from '../../domain/surveys/model.js';
import type { Language } from '../../i18n/languages.js';
import type { Translate } from '../../i18n/index.js';
import type { FieldLabel, FieldMessages } from './field-errors.js';
import { numberFromText } from './params.js';

/**
 * The survey editor posts flat names, as the app parses bodies with `extended: false`:
 *   title_en, description_fr, reference, closesAt, quorum,
 *   q0_id, q0_title_en, q0_seats, q0_method, q0_maxRanks, q0_allowAbstain, ...
 *   q0_o1_id, q0_o1_label, q0_o1_title_es, q0_o1_description_fr, ...
 * The same names serve as the inputs' ids, so an error message links to its field.
 */
export type Texts = Record<Language, string>;

export interface OptionFields {
  id: string;
  label: string;
  title: Texts;
  description: Texts;
}

export interface QuestionFields {
  id: string;
  title: Texts;
  description: Texts;
  seats: string;
  method: string;
  maxRanks: string;
  allowAbstain: boolean;
  allowComment: boolean;
  allowProposals: boolean;
  options: OptionFields[];
}

export interface SurveyFields {
  title: Texts;
  description: Texts;
  reference: string;
  closesAt: string;
  quorum: string;
  questions: QuestionFields[];
}

type Body = Record<string, unknown>;

const emptyTexts = (): Texts => ({ en: '', fr: '', es: '' });

export function blankOption(): OptionFields {
  return { id: '', label: '', title: emptyTexts(), description: emptyTexts() };
}

export function blankQuestion(): QuestionFields {
  return {
    id: '', title: emptyTexts(), description: emptyTexts(), seats: '1', method: 'default', maxRanks: '',
    allowAbstain: true, allowComment: true, allowProposals: false, options: [blankOption(), blankOption()],
  };
}

export function blankSurvey(): SurveyFields {
  return { title: emptyTexts(), description: emptyTexts(), reference: '', closesAt: '', quorum: '', questions: [blankQuestion()] };
}

function text(body: Body, name: string): string {
  const v = body[name];
  if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : '';
  return typeof v === 'string' ? v : '';
}

function texts(body: Body, prefix: string): Texts {
  return { en: text(body, `${prefix}_en`), fr: text(body, `${prefix}_fr`), es: text(body, `${prefix}_es`) };
}

/** The indexes that appear in the body's names for a pattern, in order. */
function indexes(body: Body, pattern: RegExp): number[] {
  const found = new Set<number>();
  for (const key of Object.keys(body)) {
    const m = pattern.exec(key);
    if (m) found.add(Number(m[1]));
  }
  return [...found].filter((n) => n < 1000).sort((a, b) => a - b);
}

/** The posted form as it was typed, every value a string (checkboxes as booleans). */
export function parseSurveyForm(body: Body): SurveyFields {
  const questions = indexes(body, /^q(\d+)_/).map((qi): QuestionFields => {
    const q = `q${qi}`;
    const options = indexes(body, new RegExp(`^${q}_o(\\d+)_`)).map((oi): OptionFields => {
      const o = `${q}_o${oi}`;
      return { id: text(body, `${o}_id`), label: text(body, `${o}_label`), title: texts(body, `${o}_title`), description: texts(body, `${o}_description`) };
    });
    return {
      id: text(body, `${q}_id`), title: texts(body, `${q}_title`), description: texts(body, `${q}_description`),
      seats: text(body, `${q}_seats`), method: text(body, `${q}_method`) || 'default', maxRanks: text(body, `${q}_maxRanks`),
      allowAbstain: body[`${q}_allowAbstain`] !== undefined, allowComment: body[`${q}_allowComment`] !== undefined,
      allowProposals: body[`${q}_allowProposals`] !== undefined, options,
    };
  });
  return {
    title: texts(body, 'title'), description: texts(body, 'description'), reference: text(body, 'reference'),
    closesAt: text(body, 'closesAt'), quorum: text(body, 'quorum'), questions,
  };
}

/** A `datetime-local` value (no zone) read as UTC; anything else goes on as typed for the domain to refuse. */
export function utcFromLocalInput(value: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?$/.exec(v);
  return m ? `${m[1]}T${m[2]}${m[3] ?? ':00'}Z` : v;
}

/** An ISO time as a `datetime-local` value in UTC. */
export function localInputFromUtc(iso: string | null): string {
  return iso ? new Date(iso).toISOString().slice(0, 16) : '';
}

function localised(t: Texts) {
  return { en: t.en, fr: t.fr.trim() === '' ? null : t.fr, es: t.es.trim() === '' ? null : t.es };
}

const idOf = (v: string) => numberFromText(v) ?? undefined;
const numberOrNull = (v: string) => numberFromText(v);

/** The domain's input shape (server/domain/surveys/input.ts); the domain validates it. */
export function surveyInputFrom(fields: SurveyFields) {
  return {
    title: localised(fields.title),
    description: localised(fields.description),
    reference: fields.reference,
    closesAt: utcFromLocalInput(fields.closesAt),
    quorum: numberOrNull(fields.quorum),
    questions: fields.questions.map((q) => ({
      id: idOf(q.id),
      title: localised(q.title),
      description: localised(q.description),
      seats: numberFromText(q.seats) ?? undefined,
      method: q.method === 'default' || q.method === '' ? undefined : q.method,
      maxRanks: numberOrNull(q.maxRanks),
      allowAbstain: q.allowAbstain,
      allowComment: q.allowComment,
      allowProposals: q.allowProposals,
      options: q.options.map((o) => ({ id: idOf(o.id), label: o.label, title: localised(o.title), description: localised(o.description) })),
    })),
  };
}

const textsOf = (l: { en: string; fr: string | null; es: string | null }): Texts => ({ en: l.en, fr: l.fr ?? '', es: l.es ?? '' });

/** A stored survey as the editor's fields, ids kept so that saving updates in place. */
export function fieldsFromSurvey(s: Survey): SurveyFields {
  return {
    title: textsOf(s.title), description: textsOf(s.description), reference: s.reference, closesAt: localInputFromUtc(s.closesAt),
    quorum: s.quorum === null ? '' : String(s.quorum),
    questions: s.questions.map((q) => ({
      id: String(q.id), title: textsOf(q.title), description: textsOf(q.description), seats: String(q.seats),
      method: q.method, maxRanks: q.maxRanks === null ? '' : String(q.maxRanks),
      allowAbstain: q.allowAbstain, allowComment: q.allowComment, allowProposals: q.allowProposals,
      options: q.options.map((o) => ({ id: String(o.id), label: o.label, title: textsOf(o.title), description: textsOf(o.description) })),
    })),
  };
}

/** A domain field path (questions.0.options.1.title.en) as the editor's field name (q0_o1_title_en). */
export function editorFieldName(path: string): string {
  return path
    .replace(/^questions\.(\d+)\.?/, 'q$1_')
    .replace(/options\.(\d+)\.?/, 'o$1_')
    .replace(/\./g, '_')
    .replace(/_$/, '');
}

/** Field messages keyed by the domain's paths, re-keyed by the editor's field names. */
export function editorErrors(messages: FieldMessages): FieldMessages {
  const out: FieldMessages = {};
  for (const [path, message] of Object.entries(messages)) out[path === '_' ? '_' : editorFieldName(path)] ??= message;
  return out;
}

const EDITOR_LABEL_KEYS: Readonly<Record<string, string>> = {
  reference: 'adminSurveys.editor.reference', closesAt: 'adminSurveys.editor.closesAt', quorum: 'adminSurveys.editor.quorum',
  questions: 'adminSurveys.editor.questions', seats: 'adminSurveys.editor.seats', method: 'adminSurveys.editor.method',
  maxRanks: 'adminSurveys.editor.maxRanks', label: 'adminSurveys.editor.label', options: 'adminSurveys.editor.optionsShort',
  allowAbstain: 'adminSurveys.editor.allowAbstain', allowComment: 'adminSurveys.editor.allowComment', allowProposals: 'adminSurveys.editor.allowProposals',
};

/**
 * An editor field's name as a person finds it on the form, from the outer group in: q1_o3_title_en is
 * "Question 2 › Option 4 › Title (English)". Null for a name the editor does not have.
 */
export function editorFieldLabel(t: Translate): FieldLabel {
  return (field) => {
    const m = /^(?:q(\d+)(?:_|$))?(?:o(\d+)(?:_|$))?(.*)$/.exec(field)!;
    const parts: string[] = [];
    if (m[1] !== undefined) parts.push(t('adminSurveys.editor.question', { n: Number(m[1]) + 1 }));
    if (m[2] !== undefined) parts.push(t('adminSurveys.editor.option', { n: Number(m[2]) + 1 }));
    const rest = m[3]!;
    const text = /^(title|description)_(en|fr|es)$/.exec(rest);
    if (text) parts.push(t(`adminSurveys.editor.${text[1]}In`, { language: t(`adminSurveys.lang.${text[2]}`) }));
    else if (EDITOR_LABEL_KEYS[rest]) parts.push(t(EDITOR_LABEL_KEYS[rest]));
    else if (rest !== '') return null;
    return parts.length ? parts.join(' › ') : null;
  };
}

export const MAX_QUESTIONS = 20;
export const MAX_OPTIONS = 100;

/** What an editor button asks for, from its value: "add-question", "option-up:0:2", ... */
export interface EditorAction {
  readonly kind: 'save' | 'add-question' | 'remove-question' | 'question-up' | 'question-down' | 'add-option' | 'remove-option' | 'option-up' | 'option-down';
  readonly question: number;
  readonly option: number;
}

export function parseEditorAction(value: unknown): EditorAction {
  const m = typeof value === 'string' ? /^([a-z-]+)(?::(\d{1,3}))?(?::(\d{1,3}))?$/.exec(value) : null;
  const kinds: EditorAction['kind'][] = ['save', 'add-question', 'remove-question', 'question-up', 'question-down', 'add-option', 'remove-option', 'option-up', 'option-down'];
  if (!m || !kinds.includes(m[1] as EditorAction['kind'])) return { kind: 'save', question: 0, option: 0 };
  return { kind: m[1] as EditorAction['kind'], question: Number(m[2] ?? 0), option: Number(m[3] ?? 0) };
}

function swap<T>(list: T[], i: number, j: number): boolean {
  if (i < 0 || j < 0 || i >= list.length || j >= list.length) return false;
  [list[i], list[j]] = [list[j]!, list[i]!];
  return true;
}

/** The moved row's button in the same direction, or the other one once the row reaches an end. */
function moved(row: string, to: number, length: number, up: boolean): string {
  if (up) return to === 0 ? `${row}-down` : `${row}-up`;
  return to === length - 1 ? `${row}-up` : `${row}-down`;
}

/**
 * Applies an editor button (no JavaScript needed): the rows change and the form is shown again.
 * Returns the id of the element to focus next.
 */
export function applyEditorAction(fields: SurveyFields, action: EditorAction): string {
  const qs = fields.questions;
  const q = qs[action.question];
  switch (action.kind) {
    case 'save':
      return '';
    case 'add-question':
      if (qs.length >= MAX_QUESTIONS) return 'add-question';
      qs.push(blankQuestion());
      return `q${qs.length - 1}_title_en`;
    case 'remove-question':
      if (!q) return '';
      qs.splice(action.question, 1);
      return 'add-question';
    case 'question-up':
    case 'question-down': {
      const to = action.question + (action.kind === 'question-up' ? -1 : 1);
      return swap(qs, action.question, to) ? moved(`q${to}`, to, qs.length, action.kind === 'question-up') : '';
    }
    case 'add-option':
      if (!q || q.options.length >= MAX_OPTIONS) return '';
      q.options.push(blankOption());
      return `q${action.question}_o${q.options.length - 1}_label`;
    case 'remove-option':
      if (!q || !q.options[action.option]) return '';
      q.options.splice(action.option, 1);
      return `q${action.question}-add-option`;
    case 'option-up':
    case 'option-down': {
      const to = action.option + (action.kind === 'option-up' ? -1 : 1);
      if (!q || !swap(q.options, action.option, to)) return '';
      return moved(`q${action.question}_o${to}`, to, q.options.length, action.kind === 'option-up');
    }
  }
}

/** Each piece of text that has English but not this language, counted for the editor's summary. */
/** What the editor says of its translations: how many texts are written, and what French and Spanish lack. */
export interface TranslationStatus {
  /** Texts written in English (titles and descriptions). */
  readonly written: number;
  /** Of those, how many lack their French or Spanish version. */
  readonly missing: Record<'fr' | 'es', number>;
  /** Required English texts (the survey's, each question's and each option's title) still empty. */
  readonly toWrite: number;
}

/**
 * Counts the texts of the form: a translation is missing only where the English is written; an
 * empty English text is neither translated nor missing a translation, but a required one is still
 * to be written.
 */
export function translationStatus(fields: SurveyFields): TranslationStatus {
  const missing = { fr: 0, es: 0 };
  let written = 0;
  let toWrite = 0;
  const check = (t: Texts, required: boolean) => {
    if (t.en.trim() === '') {
      if (required) toWrite += 1;
      return;
    }
    written += 1;
    for (const l of ['fr', 'es'] as const) if (t[l].trim() === '') missing[l] += 1;
  };
  check(fields.title, true);
  check(fields.description, false);
  for (const q of fields.questions) {
    check(q.title, true);
    check(q.description, false);
    for (const o of q.options) { check(o.title, true); check(o.description, false); }
  }
  return { written, missing, toWrite };
}
