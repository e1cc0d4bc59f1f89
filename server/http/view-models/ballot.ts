import type { RevisionRow, StoredAnswer } from '../../data/ballots.js';
import type { FieldError } from '../../domain/errors.js';
import { pick, type Localised, type Survey } from '../../domain/surveys/model.js';
import type { Formatters, Translate } from '../../i18n/index.js';
import type { Language } from '../../i18n/languages.js';
import type { BallotFields } from '../forms/ballot.js';

/** Text in the reader's language, or English marked as standing in for a missing translation. */
export interface Text {
  readonly text: string;
  readonly lang: Language;
  readonly fallback: boolean;
}

const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

/** "2 days 4 hours", "3 hours 10 minutes", "12 minutes" in the reader's language; null once past. */
type Unit = 'day' | 'hour' | 'minute';
const UNIT_FORMATS = new Map<string, Intl.NumberFormat>();

/** Built once per language and unit: an Intl formatter costs more than the page around it. */
function unitFormat(lang: Language, unit: Unit): Intl.NumberFormat {
  const key = `${lang} ${unit}`;
  let format = UNIT_FORMATS.get(key);
  if (!format) UNIT_FORMATS.set(key, (format = new Intl.NumberFormat(LOCALES[lang], { style: 'unit', unit, unitDisplay: 'long' })));
  return format;
}

const UNIT_TEXTS = new Map<string, string>();

/** "3 hours": a few hundred texts per language at most (days, hours and minutes), each made once. */
function unitText(lang: Language, unit: Unit, n: number): string {
  const key = `${lang} ${unit} ${n}`;
  let text = UNIT_TEXTS.get(key);
  if (text === undefined) {
    if (UNIT_TEXTS.size >= 10_000) UNIT_TEXTS.clear();
    UNIT_TEXTS.set(key, (text = unitFormat(lang, unit).format(n)));
  }
  return text;
}

export function remainingTime(closesAt: string | null, now: Date, lang: Language): string | null {
  if (!closesAt) return null;
  const ms = new Date(closesAt).getTime() - now.getTime();
  if (ms <= 0) return null;
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, u: Unit) => unitText(lang, u, n);
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return unit(mins, 'minute');
}

export interface OptionModel {
  readonly id: number;
  readonly label: string;
  readonly title: Text;
  readonly description: Text | null;
  readonly proposedBy: string | null;
  readonly field: string;
  readonly rank: string;
}

export interface QuestionModel {
  readonly id: number;
  readonly number: number;
  readonly title: Text;
  readonly description: Text | null;
  readonly seats: number;
  readonly method: string;
  /** What the voter's ranking does under the question's counting method, in a plain sentence. */
  readonly methodPlain: string;
  readonly maxRanks: number;
  readonly allowAbstain: boolean;
  readonly allowComment: boolean;
  readonly allowProposals: boolean;
  readonly abstain: boolean;
  readonly comment: string;
  readonly options: readonly OptionModel[];
  readonly errors: readonly string[];
}

function optionalText(text: Localised, lang: Language): Text | null {
  return text.en.trim() === '' ? null : pick(text, lang);
}

/** Error messages per question id (key "q<id>") and for the whole ballot (key "_"). */
export function ballotErrors(problems: readonly FieldError[], t: Translate): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) {
    const m = /^q(\d+)/.exec(p.field);
    const key = m ? `q${m[1]}` : '_';
    const message = t(p.key, p.params);
    out[key] ??= [];
    if (!out[key].includes(message)) out[key].push(message);
  }
  return out;
}

export function ballotQuestions(survey: Survey, lang: Language, fields: BallotFields, errors: Record<string, string[]>, t: Translate): QuestionModel[] {
  return survey.questions.map((q, i) => ({
    id: q.id,
    number: i + 1,
    title: pick(q.title, lang),
    description: optionalText(q.description, lang),
    seats: q.seats,
    method: t(`surveys.methods.${q.method}`),
    methodPlain: t(`voting.methodPlain.${q.method}`),
    maxRanks: q.maxRanks ?? q.options.length,
    allowAbstain: q.allowAbstain,
    allowComment: q.allowComment,
    allowProposals: q.allowProposals,
    abstain: fields[`abstain_${q.id}`] === '1',
    comment: fields[`comment_${q.id}`] ?? '',
    errors: errors[`q${q.id}`] ?? [],
    options: q.options.map((o) => ({
      id: o.id,
      label: o.label,
      title: pick(o.title, lang),
      description: optionalText(o.description, lang),
      proposedBy: o.proposedByNames ? o.proposedByNames[lang] : o.proposedBy,
      field: `rank_${q.id}_${o.id}`,
      rank: fields[`rank_${q.id}_${o.id}`] ?? '',
    })),
  }));
}

export interface CountedAnswer {
  readonly questionId: number;
  readonly title: Text;
  readonly abstain: boolean;
  /** The options in the order ranked, each with its place said as a choice ("1st choice:") so that it is not read as the option's label. */
  readonly ranking: readonly { readonly choice: string; readonly label: string; readonly title: Text }[];
  readonly comment: string;
}

/** A ballot as it will be counted: per question, the options in order, or the abstention. */
export function countedBallot(survey: Survey, answers: Readonly<Record<string, StoredAnswer>>, lang: Language, t: Translate): CountedAnswer[] {
  return survey.questions.map((q) => {
    const a = answers[q.id] ?? {};
    const options = new Map(q.options.map((o) => [o.id, o]));
    return {
      questionId: q.id,
      title: pick(q.title, lang),
      abstain: a.abstain === true,
      ranking: (a.ranking ?? []).map((id, r) => {
        const o = options.get(id);
        return { choice: t('voting.review.choice', { count: r + 1, ordinal: true }), label: o?.label ?? '', title: o ? pick(o.title, lang) : { text: `#${id}`, lang, fallback: false } };
      }),
      comment: a.comment ?? '',
    };
  });
}

/** The downloadable receipt: plain text in the reader's language, one fact a line. */
export function receiptText(survey: Survey, revision: RevisionRow & { isCurrent: boolean }, lang: Language, t: Translate, fmt: Formatters): string {
  const line = (label: string, value: string | number) => t('voting.review.line', { label, value });
  const lines = [
    t('voting.receipt.fileTitle'),
    '',
    line(t('voting.receipt.survey'), `${pick(survey.title, lang).text}${survey.reference ? ` (${survey.reference})` : ''}`),
    line(t('voting.receipt.memberState'), `${revision.memberStateNames[lang]} (${revision.memberStateIso3})`),
    line(t('voting.receipt.revision'), revision.revision),
    line(t('voting.receipt.submittedAt'), `${fmt.dateTime(revision.submittedAt)} (${revision.submittedAt})`),
    line(t('voting.receipt.submittedBy'), revision.submittedByLabel),
    line(t('voting.receipt.channel'), t(`voting.channels.${revision.channel}`)),
    line(t('voting.receipt.code'), revision.receipt),
    '',
    t('voting.receipt.asCounted'),
  ];
  for (const [i, a] of countedBallot(survey, revision.answers, lang, t).entries()) {
    lines.push('', `${i + 1}. ${a.title.text}`);
    if (a.abstain) lines.push(`   ${t('voting.review.abstention')}`);
    else for (const o of a.ranking) lines.push(`   ${o.choice} ${o.label ? `${o.label} ` : ''}${o.title.text}`);
    if (a.comment) lines.push(`   ${line(t('voting.review.comment'), a.comment)}`);
  }
  if (revision.comments) lines.push('', line(t('voting.review.comments'), revision.comments));
  return `${lines.join('\r\n')}\r\n`;
}
