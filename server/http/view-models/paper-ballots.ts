import type { StoredAnswer } from '../../data/ballots.js';
import type { FieldError } from '../../domain/errors.js';
import type { PaperImportReport } from '../../domain/paper-ballots.js';
import { pick, type Survey } from '../../domain/surveys/model.js';
import type { Formatters, Translate } from '../../i18n/index.js';
import type { Language } from '../../i18n/languages.js';

/** How a cell names an option in the example: its label where it has one, else its English title. */
function optionCell(option: Survey['questions'][number]['options'][number]): string {
  const name = option.label.trim() || option.title.en;
  return /[",\n]/.test(name) ? `"${name.replace(/"/g, '""')}"` : name;
}

/** A CSV that this survey's import takes: its header and two rows, one with an abstention where allowed. */
export function importExample(survey: Survey): string {
  const header = ['iso3', 'channel'];
  const first = ['FRA', 'paper'];
  const second = ['DEU', 'note-verbale'];
  survey.questions.forEach((q, i) => {
    const n = i + 1;
    const ranks = Math.min(q.maxRanks ?? q.options.length, q.options.length);
    for (let k = 1; k <= ranks; k++) header.push(`q${n}_rank_${k}`);
    if (q.allowAbstain) header.push(`q${n}_abstain`);
    const abstains = q.allowAbstain && i === survey.questions.length - 1 && i > 0;
    for (let k = 0; k < ranks; k++) {
      first.push(k < 2 ? optionCell(q.options[(k + 1) % q.options.length]!) : '');
      second.push(!abstains && k === 0 ? optionCell(q.options[0]!) : '');
    }
    if (q.allowAbstain) {
      first.push('');
      second.push(abstains ? 'yes' : '');
    }
  });
  header.push('comments');
  first.push('');
  second.push('"Note verbale of 3 November"');
  return [header, first, second].map((r) => r.join(',')).join('\n');
}

/** A ballot as counted, one short line per question: "1. (b) Title · 2. (a) Title" or "Abstention". */
export function countedLines(survey: Survey, answers: Readonly<Record<string, StoredAnswer>>, lang: Language, t: Translate) {
  return survey.questions.map((q, i) => {
    const a = answers[q.id] ?? {};
    const byId = new Map(q.options.map((o) => [o.id, o]));
    const text = a.abstain
      ? t('paperBallots.report.abstention')
      : (a.ranking ?? []).map((id, r) => {
        const o = byId.get(id);
        return `${r + 1}. ${o?.label ? `${o.label} ` : ''}${o ? pick(o.title, lang).text : `#${id}`}`;
      }).join(' · ');
    return { question: t('paperBallots.report.question', { number: i + 1 }), text, comment: a.comment ? t('paperBallots.report.comment', { comment: a.comment }) : '' };
  });
}

/** A row's reasons, translated, each question's prefixed with its number as the survey shows it. */
export function reasonMessages(survey: Survey, reasons: readonly FieldError[], t: Translate): string[] {
  const numberOf = new Map(survey.questions.map((q, i) => [`q${q.id}`, i + 1]));
  return reasons.map((r) => {
    const number = numberOf.get(/^q\d+/.exec(r.field)?.[0] ?? '');
    const message = t(r.key, r.params);
    return number ? `${t('paperBallots.report.question', { number })}: ${message}` : message;
  });
}

export function importReportModel(survey: Survey, report: PaperImportReport, lang: Language, t: Translate, fmt: Formatters) {
  const summary = report.written
    ? t('paperBallots.report.written', { new: report.newBallots, replaced: report.replacements })
    : report.rejected > 0
      ? t('paperBallots.report.rejected', { rejected: report.rejected })
      : t('paperBallots.report.dryRun', { new: report.newBallots, replaced: report.replacements });
  return {
    kind: report.written ? 'ok' : report.rejected > 0 ? 'alert' : 'check',
    hasRejected: report.rejected > 0,
    summary,
    rows: report.rows.map((r) => {
      let outcome: string;
      if (r.outcome === 'rejected') outcome = t('paperBallots.report.outcomes.rejected');
      else if (r.written && r.replaces) {
        outcome = t('paperBallots.report.outcomes.replacedWritten', { previous: r.replaces.revision, when: fmt.dateTime(r.replaces.submittedAt), who: r.replaces.submittedBy, ...r.written });
      } else if (r.written) outcome = t('paperBallots.report.outcomes.newWritten', r.written);
      else if (r.replaces) outcome = t('paperBallots.report.outcomes.replaces', { revision: r.replaces.revision, when: fmt.dateTime(r.replaces.submittedAt), who: r.replaces.submittedBy });
      else outcome = t('paperBallots.report.outcomes.new');
      const m = r.memberState;
      return {
        line: r.line,
        rejected: r.outcome === 'rejected',
        memberState: m ? `${m.iso3} · ${{ en: m.name_en, fr: m.name_fr, es: m.name_es }[lang]}` : r.iso3 || '—',
        channel: r.channel ? t(`paperBallots.channels.${r.channel}`) : '—',
        outcome,
        receipt: r.written?.receipt ?? null,
        counted: r.answers ? countedLines(survey, r.answers, lang, t) : [],
        comments: r.comments ? t('paperBallots.report.comments', { comments: r.comments }) : '',
        reasons: reasonMessages(survey, r.reasons, t),
      };
    }),
  };
}
