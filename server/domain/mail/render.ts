// Messages rendered from one EJS template per kind (views/mail/<kind>.ejs), in the recipient's
// language, as plain text and as HTML with its CSS written into style attributes (mail programs
// ignore style sheets). A template writes its content only through the helpers `h` it is given,
// which produce either HTML (escaped) or text: one template, two renderings.
import ejs from 'ejs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Localised } from '../../data/surveys.js';
import type { Channel } from '../../data/ballots.js';
import { cacheSlot, type Clearable } from '../../data/cache-slot.js';
import type { MessageKind } from '../../data/outbox.js';
import type { Deps } from '../deps.js';
import { translatorFor, type Translate } from '../../i18n/index.js';
import type { Language } from '../../i18n/languages.js';
import { PROJECT_ROOT } from '../../paths.js';
import { pick } from '../surveys/model.js';

const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'views', 'mail');

/** A Member State's names in the three languages. */
export type StateNames = Readonly<Record<Language, string>>;

export interface AnswerSummary {
  readonly question: Localised;
  readonly abstain: boolean;
  readonly ranking: readonly Localised[];
}

/** What each kind of message says, independent of the language it is rendered in. */
export interface KindData {
  invitation: { name: string; url: string; expiresAt: string };
  'password-reset': { name: string; url: string; expiresAt: string };
  'survey-opened': { name: string; survey: Localised; memberState: StateNames; closesAt: string | null; url: string };
  reminder: { name: string; survey: Localised; memberState: StateNames; closesAt: string | null; url: string };
  'ballot-receipt': {
    name: string; survey: Localised; memberState: StateNames; receipt: string; revision: number; channel: Channel;
    submittedAt: string; answers: readonly AnswerSummary[]; url: string;
  };
  'survey-closed': { name: string; survey: Localised; url: string };
  'results-published': { name: string; survey: Localised; url: string };
  'proposal-accepted': { name: string; survey: Localised; memberState: StateNames; proposal: string; url: string };
  'proposal-declined': { name: string; survey: Localised; memberState: StateNames; proposal: string; reason: string; url: string };
  /** Failed sign-ins to the account have piled up (5, 10, 20, … since the owner last signed in). */
  'sign-in-failures': { name: string; failures: number; since: string; url: string };
  test: { name: string; url: string };
}

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly links: readonly string[];
}

/** Header fields never carry a line break (no header injection), nor control characters. */
export function headerSafe(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\r\n\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

function escapeHtml(value: unknown): string {
  return ejs.escapeXML(String(value ?? ''));
}

const STYLE = {
  body: 'margin:0;padding:0;background:#f3f4f6;',
  frame: 'max-width:600px;margin:0 auto;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933;background:#ffffff;',
  brand: 'margin:0 0 16px;font-size:14px;font-weight:bold;color:#1d4e89;letter-spacing:0.02em;',
  p: 'margin:0 0 16px;',
  facts: 'border-collapse:collapse;margin:0 0 16px;',
  th: 'text-align:left;vertical-align:top;padding:4px 12px 4px 0;font-weight:bold;color:#52606d;',
  td: 'text-align:left;vertical-align:top;padding:4px 0;',
  code: 'font-family:Consolas,Menlo,monospace;font-size:18px;letter-spacing:0.08em;',
  button: 'display:inline-block;padding:10px 18px;background:#1d4e89;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold;',
  hint: 'margin:0 0 16px;font-size:13px;color:#52606d;word-break:break-all;',
  list: 'margin:0 0 16px;padding-left:24px;',
  footer: 'margin:24px 0 0;padding-top:12px;border-top:1px solid #d9dee3;font-size:12px;color:#7b8794;',
};

/** The helpers a template writes with: each returns a block of the message. */
interface Helpers {
  greeting(name: string): string;
  p(text: string): string;
  facts(rows: readonly (readonly [string, string])[]): string;
  code(label: string, value: string): string;
  button(label: string, url: string): string;
  list(title: string, items: readonly string[]): string;
  signature(): string;
}

function htmlHelpers(t: Translate): Helpers {
  return {
    greeting: (name) => `<p style="${STYLE.p}">${escapeHtml(t('mail.greeting', { name }))}</p>`,
    p: (text) => `<p style="${STYLE.p}">${escapeHtml(text)}</p>`,
    facts: (rows) => `<table role="presentation" style="${STYLE.facts}">${rows.map(([k, v]) => `<tr><th scope="row" style="${STYLE.th}">${escapeHtml(k)}</th><td style="${STYLE.td}">${escapeHtml(v)}</td></tr>`).join('')}</table>`,
    code: (label, value) => `<p style="${STYLE.p}">${escapeHtml(label)}: <strong style="${STYLE.code}">${escapeHtml(value)}</strong></p>`,
    button: (label, url) => `<p style="${STYLE.p}"><a href="${escapeHtml(url)}" style="${STYLE.button}">${escapeHtml(label)}</a></p>`
      + `<p style="${STYLE.hint}">${escapeHtml(t('mail.linkHint'))}<br><a href="${escapeHtml(url)}" style="color:#1d4e89;">${escapeHtml(url)}</a></p>`,
    list: (title, items) => `<p style="${STYLE.p}"><strong>${escapeHtml(title)}</strong></p><ul style="${STYLE.list}">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
    signature: () => `<p style="${STYLE.p}">${escapeHtml(t('mail.signature'))}</p>`,
  };
}

function textHelpers(t: Translate): Helpers {
  return {
    greeting: (name) => `${t('mail.greeting', { name })}\n\n`,
    p: (text) => `${text}\n\n`,
    facts: (rows) => `${rows.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n`,
    code: (label, value) => `${label}: ${value}\n\n`,
    button: (label, url) => `${label}:\n${url}\n\n`,
    list: (title, items) => `${title}:\n${items.map((i) => `- ${i}`).join('\n')}\n\n`,
    signature: () => `${t('mail.signature')}\n\n`,
  };
}

type Template = (locals: object) => string;

/**
 * The compiled templates and the date formats, kept by the Database like its other caches (the
 * files do not change while it runs; making a date format costs more than rendering a message).
 */
class RenderingParts implements Clearable {
  readonly templates = new Map<MessageKind, Template>();
  readonly dates = new Map<Language, Intl.DateTimeFormat>();
  clear(): void {
    this.templates.clear();
    this.dates.clear();
  }
}

const MAIL_TEMPLATES = cacheSlot('mail templates and date formats', () => new RenderingParts());

function compileTemplate(kind: MessageKind): Template {
  const file = path.join(TEMPLATES_DIR, `${kind}.ejs`);
  return ejs.compile(readFileSync(file, 'utf8'), { filename: file, async: false, _with: false, localsName: 'm' }) as Template;
}

/** A renderer for the app's BASE_URL, with the templates the Database keeps compiled. */
export function rendererFor(deps: Deps): MailRenderer {
  return new MailRenderer(deps.config.baseUrl, deps.db.cache(MAIL_TEMPLATES));
}

/**
 * Renders messages. Each kind's template is compiled once, and each language's date format made
 * once, into the parts it is given (shared with other renderers by rendererFor).
 */
export class MailRenderer {
  readonly #baseUrl: string;
  readonly #templates: Map<MessageKind, Template>;
  readonly #dates: Map<Language, Intl.DateTimeFormat>;

  constructor(baseUrl: string, parts: { templates: Map<MessageKind, Template>; dates: Map<Language, Intl.DateTimeFormat> } = new RenderingParts()) {
    this.#baseUrl = baseUrl;
    this.#templates = parts.templates;
    this.#dates = parts.dates;
  }

  /** An address of the app, from BASE_URL. */
  url(pathname: string): string {
    return `${this.#baseUrl}${pathname}`;
  }

  render<K extends MessageKind>(kind: K, language: Language, data: KindData[K]): RenderedMessage {
    let template = this.#templates.get(kind);
    if (!template) this.#templates.set(kind, (template = compileTemplate(kind)));
    const t = translatorFor(language);
    const date = (iso: string | null) => (iso ? `${this.#dateFormat(language).format(new Date(iso))} UTC` : t('mail.labels.noClosingTime'));
    const title = (text: Localised) => {
      const picked = pick(text, language);
      return picked.fallback ? `${picked.text} (${t('mail.notTranslated')})` : picked.text;
    };
    const stateName = (names: StateNames) => names[language];
    const links: string[] = [];
    const track = (url: string) => {
      if (!links.includes(url)) links.push(url);
      return url;
    };
    const locals = (h: Helpers) => ({ ...data, kind, t, h, date, title, stateName, link: track });
    const body = template(locals(htmlHelpers(t)));
    const text = template(locals(textHelpers(t))).replace(/[ \t]+\n/g, '\n').replace(/^\s+/, '').replace(/\n{3,}/g, '\n\n').trim();
    const subjectParams = {
      ...('survey' in data ? { title: title(data.survey) } : {}),
      ...('closesAt' in data ? { closesAt: date(data.closesAt) } : {}),
      ...('proposal' in data ? { proposal: data.proposal } : {}),
    };
    const subject = headerSafe(t(`mail.${kind}.subject`, subjectParams));
    const footer = t('mail.footer');
    const html = `<!DOCTYPE html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`
      + `<body style="${STYLE.body}"><div style="${STYLE.frame}"><p style="${STYLE.brand}">${escapeHtml(t('app.name'))}</p>${body}`
      + `<p style="${STYLE.footer}">${escapeHtml(footer)}</p></div></body></html>`;
    return { subject, text: `${text}\n\n-- \n${footer}\n`, html, links };
  }

  #dateFormat(language: Language): Intl.DateTimeFormat {
    let format = this.#dates.get(language);
    if (!format) this.#dates.set(language, (format = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })));
    return format;
  }
}
