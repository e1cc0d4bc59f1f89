// A survey's results as the results page shows them: every number formatted in the reader's
// language, every sentence translated, every option named in the reader's language (English,
// marked, where a translation is missing), the charts drawn. The template sees nothing else.
import type { QuestionResult, SurveyResults } from '../../domain/results.js';
import { pick } from '../../domain/surveys/model.js';
import type { Formatters, Translate } from '../../i18n/index.js';
import type { Language } from '../../i18n/languages.js';
import { assertNever, formatFixed5, methodDefinition, type CountResult, type IrvResult, type Method, type OptionIndex, type SchulzeResult, type ScoreResult, type StvResult, type TieBreak } from '../../tally/index.js';
import type { Text } from './ballot.js';
import { barChart, stackedBarChart } from './charts.js';

const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

/** An option as the reader sees it: its short label and its title. */
export interface OptionName {
  readonly label: string;
  readonly title: Text;
}

/** An option beside its figures, with a word where a tie decided whether it is retained. */
export interface RetainedOption extends OptionName {
  /** "retained after a tie, settled by lot with the survey's seed", or null where no tie decided. */
  readonly tieNote: string | null;
}

/** A table cell: its text, and whether the option was elected or excluded there (said in words too). */
export interface Cell {
  readonly text: string;
  readonly mark: 'elected' | 'excluded' | 'out' | null;
  readonly markText: string;
}

export interface RoundsTable {
  readonly caption: string;
  readonly columns: readonly { readonly heading: string; readonly sub: string }[];
  readonly rows: readonly { readonly option: OptionName; readonly cells: readonly Cell[] }[];
  /** Exhausted ballots, lost to truncation, continuing...: label and one text per round. */
  readonly totals: readonly { readonly label: string; readonly cells: readonly string[] }[];
  /** What happened at each round, in a sentence. */
  readonly events: readonly string[];
  readonly quota: string | null;
  readonly finalChart: string;
  readonly flowChart: string;
  readonly tableId: string;
}

export interface QuestionPage {
  readonly id: number;
  readonly anchor: string;
  readonly number: number;
  readonly title: Text;
  readonly methodName: string;
  readonly rules: string;
  readonly seats: string;
  readonly counts: readonly { readonly label: string; readonly value: string }[];
  /** Who is retained and why, in a sentence a report can quote. */
  readonly summary: string;
  readonly retained: readonly RetainedOption[];
  /** Why every option with votes was retained without the count choosing, when it was; else null. */
  readonly retainedReason: string | null;
  /** Where the Ties section is, for the notes beside the figures. */
  readonly tiesAnchor: string;
  readonly firstPreferences: {
    readonly caption: string;
    readonly chart: string;
    readonly tableId: string;
    readonly rows: readonly { readonly option: OptionName; readonly votes: string; readonly share: string; readonly retained: boolean; readonly tieNote: string | null }[];
  };
  readonly rounds: RoundsTable | null;
  readonly pairwise: {
    readonly caption: string;
    readonly options: readonly OptionName[];
    readonly rows: readonly { readonly option: OptionName; readonly cells: readonly string[] }[];
    readonly condorcet: string;
    readonly ranking: readonly { readonly place: string; readonly option: OptionName }[];
  };
  readonly borda: {
    readonly caption: string;
    readonly rows: readonly { readonly place: string; readonly option: OptionName; readonly score: string }[];
  };
  readonly ties: readonly string[];
  readonly comparison: {
    readonly caption: string;
    readonly rows: readonly { readonly method: string; readonly official: boolean; readonly retained: string; readonly agrees: string; readonly lot: string }[];
    readonly summary: string;
  };
  readonly replay: string;
  /** The download of the question's per-ballot trace: a form posted to `action` with the question's id. */
  readonly trace: { readonly action: string; readonly question: number; readonly button: string };
}

export interface ResultsPage {
  readonly title: Text;
  readonly reference: string;
  readonly stamp: 'provisional' | 'final' | 'official';
  readonly stampText: string;
  readonly stampNote: string;
  readonly turnout: string;
  readonly turnoutShare: string;
  readonly seed: string;
  readonly questions: readonly QuestionPage[];
  /** The counting words the page uses, each explained once in plain words. */
  readonly vocabulary: readonly { readonly term: string; readonly meaning: string }[];
}

interface Tools {
  readonly t: Translate;
  readonly fmt: Formatters;
  readonly lang: Language;
  readonly percent: Intl.NumberFormat;
  readonly decimal: string;
}

/** A share as a percentage with one decimal in the reader's locale; "–" when there is nothing to share. */
function share(tools: Tools, part: number, whole: number): string {
  return whole > 0 ? tools.percent.format(part / whole) : '–';
}

/** An STV value (hundred-thousandths) exactly, with five decimals and the reader's separators. */
export function formatValue(value: number, fmt: Formatters, decimal: string): string {
  const [whole, fraction] = formatFixed5(value).split('.') as [string, string];
  const negative = whole.startsWith('-');
  return `${negative ? '-' : ''}${fmt.number(Math.abs(Number(whole)))}${decimal}${fraction}`;
}

function nameOf(q: QuestionResult, o: OptionIndex, lang: Language): OptionName {
  const option = q.question.options[o]!;
  return { label: option.label, title: pick(option.title, lang) };
}

/** "(a) Topic 1" as one string, for charts and sentences. */
function plain(name: OptionName): string {
  return [name.label, name.title.text].filter((s) => s.trim() !== '').join(' ');
}

function listOf(tools: Tools, names: readonly string[]): string {
  if (names.length === 0) return tools.t('results.page.none');
  return new Intl.ListFormat(LOCALES[tools.lang], { style: 'long', type: 'conjunction' }).format(names);
}

export function rulesSentence(t: Translate, method: Method, seats: number): string {
  return t(`results.rules.${methodDefinition(method).rulesKey(seats)}`, { seats });
}

function methodName(t: Translate, method: Method): string {
  return t(`surveys.methods.${method}`);
}

function tieSentence(tools: Tools, q: QuestionResult, tie: TieBreak, seed: string, hasRounds: boolean, stv: boolean): string {
  const name = (o: OptionIndex) => plain(nameOf(q, o, tools.lang));
  const where = hasRounds ? tools.t(stv ? 'results.ties.atStage' : 'results.ties.atRound', { round: tools.fmt.number(tie.round) }) : '';
  const between = listOf(tools, tie.between.map(name));
  const decided = tools.t(`results.ties.${tie.kind}`, { between, chosen: name(tie.chosen) });
  const how = tie.resolvedBy === 'lot' ? tools.t('results.ties.byLot', { seed }) : tools.t(stv ? 'results.ties.byEarlierStages' : 'results.ties.byEarlierRounds');
  return `${where}${decided} ${how}`;
}

function find<M extends CountResult['method']>(q: QuestionResult, method: M): Extract<CountResult, { method: M }> {
  const found = [q.official, ...q.others].find((r) => r.method === method);
  if (!found) throw new Error(`no ${method} count for question ${q.question.id}`);
  return found as Extract<CountResult, { method: M }>;
}

function firstPreferences(tools: Tools, q: QuestionResult, anchor: string, notes: ReadonlyMap<OptionIndex, string>): QuestionPage['firstPreferences'] {
  const { votes, ranking } = q.official.firstPreferences;
  const valid = q.official.valid;
  const retained = new Set(q.official.winners);
  const rows = ranking.map((o) => ({
    option: nameOf(q, o, tools.lang),
    votes: tools.fmt.number(votes[o]!),
    share: share(tools, votes[o]!, valid),
    retained: retained.has(o),
    tieNote: notes.get(o) ?? null,
    value: votes[o]!,
  }));
  const tableId = `${anchor}-first`;
  const chart = barChart({
    id: `${anchor}-chart-first`,
    title: tools.t('results.charts.firstTitle'),
    desc: tools.t('results.charts.firstDesc', { valid: tools.fmt.number(valid) }),
    bars: rows.map((r) => ({ label: plain(r.option), value: r.value, valueText: `${r.votes} · ${r.share}`, note: r.retained ? tools.t('results.page.retainedMark') : undefined })),
  });
  return { caption: tools.t('results.first.caption'), chart, tableId, rows: rows.map(({ value: _value, ...r }) => r) };
}

function irvRounds(tools: Tools, q: QuestionResult, result: IrvResult, anchor: string): RoundsTable {
  const { t, fmt } = tools;
  const multi = result.seats > 1;
  const columns = result.rounds.map((r) => ({ heading: t('results.rounds.round', { round: fmt.number(r.round) }), sub: multi ? t('results.rounds.seat', { seat: fmt.number(r.seat) }) : '' }));
  const rows = q.question.options.map((_, o) => ({
    option: nameOf(q, o, tools.lang),
    cells: result.rounds.map((r): Cell => {
      if (!r.inCount[o]) return { text: '–', mark: 'out', markText: t('results.rounds.notInCount') };
      const mark = r.elected.includes(o) ? 'elected' : r.excluded.includes(o) ? 'excluded' : null;
      return { text: fmt.number(r.votes[o]!), mark, markText: mark ? t(`results.rounds.${mark}`) : '' };
    }),
  }));
  const totals = [
    { label: t('results.rounds.continuing'), cells: result.rounds.map((r) => fmt.number(r.continuing)) },
    { label: t('results.rounds.exhausted'), cells: result.rounds.map((r) => fmt.number(r.exhausted)) },
  ];
  const name = (o: OptionIndex) => plain(nameOf(q, o, tools.lang));
  const events = result.rounds.map((r) => {
    const parts: string[] = [];
    if (r.elected.length > 0) parts.push(t('results.rounds.electedEvent', { options: listOf(tools, r.elected.map(name)) }));
    if (r.excluded.length > 0) {
      const moved = (r.transfers?.to ?? []).flatMap((v, o) => (v > 0 ? [`${name(o)} +${fmt.number(v)}`] : []));
      moved.push(`${t('results.rounds.exhaustedLower')} +${fmt.number(r.transfers?.exhausted ?? 0)}`);
      parts.push(t('results.rounds.excludedEvent', { options: listOf(tools, r.excluded.map(name)), moves: moved.join(', ') }));
    }
    if (parts.length === 0) parts.push(t('results.rounds.noChange'));
    return `${columns[r.round - 1]!.heading}${multi ? ` (${columns[r.round - 1]!.sub})` : ''}: ${parts.join(' ')}`;
  });
  const last = result.rounds[result.rounds.length - 1];
  return {
    caption: t('results.rounds.irvCaption'),
    columns, rows, totals, events, quota: null, tableId: `${anchor}-rounds`,
    finalChart: last ? finalChart(tools, q, anchor, last.votes, last.inCount, last.exhausted, (v) => fmt.number(v), columns[columns.length - 1]!.heading, t('results.rounds.exhausted')) : '',
    flowChart: flowChart(tools, q, anchor, columns.map((c) => c.heading), result.rounds.map((r) => [...r.votes.map((v, o) => (r.inCount[o] ? v : 0)), r.exhausted]), false),
  };
}

function stvStages(tools: Tools, q: QuestionResult, result: StvResult, anchor: string): RoundsTable {
  const { t, fmt, decimal } = tools;
  const value = (v: number) => formatValue(v, fmt, decimal);
  const name = (o: OptionIndex) => plain(nameOf(q, o, tools.lang));
  const columns = result.rounds.map((s) => ({
    heading: t('results.stages.stage', { stage: fmt.number(s.round) }),
    sub: s.action === 'first-count' ? t('results.stages.action.firstCount') : t(`results.stages.action.${s.action}`, { option: s.option === null ? '' : name(s.option) }),
  }));
  const rows = q.question.options.map((_, o) => ({
    option: nameOf(q, o, tools.lang),
    cells: result.rounds.map((s): Cell => {
      if (!s.inCount[o]) return { text: '–', mark: 'out', markText: t('results.rounds.notInCount') };
      const mark = s.elected.includes(o) ? 'elected' : s.excluded.includes(o) ? 'excluded' : null;
      return { text: value(s.votes[o]!), mark, markText: mark ? t(`results.rounds.${mark}`) : '' };
    }),
  }));
  const totals = [
    { label: t('results.stages.surplusRow'), cells: result.rounds.map((s) => (s.action === 'surplus' ? value(s.surplus) : '–')) },
    { label: t('results.stages.transferValue'), cells: result.rounds.map((s) => (s.transferValue === null ? '–' : value(s.transferValue))) },
    { label: t('results.rounds.exhausted'), cells: result.rounds.map((s) => value(s.exhausted)) },
    { label: t('results.stages.lost'), cells: result.rounds.map((s) => value(s.lost)) },
  ];
  const events = result.rounds.map((s, i) => {
    const parts: string[] = [columns[i]!.sub + '.'];
    if (s.transfers) {
      const moved = s.transfers.to.flatMap((v, o) => (v > 0 ? [`${name(o)} +${value(v)}`] : []));
      moved.push(`${t('results.rounds.exhaustedLower')} +${value(s.transfers.exhausted)}`, `${t('results.stages.lostLower')} +${value(s.transfers.lost)}`);
      parts.push(t('results.stages.transfers', { moves: moved.join(', ') }));
    }
    if (s.elected.length > 0) parts.push(t('results.rounds.electedEvent', { options: listOf(tools, s.elected.map(name)) }));
    if (s.excluded.length > 0 && s.action !== 'exclusion') parts.push(t('results.stages.excludedEvent', { options: listOf(tools, s.excluded.map(name)) }));
    return `${columns[i]!.heading}: ${parts.join(' ')}`;
  });
  const lastIndex = result.rounds.length - 1;
  const last = result.rounds[lastIndex];
  /** In the count at the end of stage i: in it at the start and not excluded there. */
  const stillIn = (i: number) => q.question.options.map((_, o) => result.rounds[i]!.inCount[o]! && !result.rounds[i]!.excluded.includes(o));
  return {
    caption: t('results.stages.caption'),
    columns, rows, totals, events,
    quota: t('results.stages.quota', { quota: fmt.number(result.quota), valid: fmt.number(result.valid), seats: fmt.number(result.seats) }),
    tableId: `${anchor}-rounds`,
    finalChart: last ? finalChart(tools, q, anchor, last.votes, stillIn(lastIndex), last.exhausted + last.lost, value, columns[lastIndex]!.heading, t('results.charts.exhaustedLost')) : '',
    flowChart: flowChart(tools, q, anchor, columns.map((c) => c.heading), result.rounds.map((s, i) => [...s.votes.map((v, o) => (stillIn(i)[o] ? v : 0)), s.exhausted + s.lost]), true),
  };
}

function finalChart(tools: Tools, q: QuestionResult, anchor: string, votes: readonly number[], present: readonly boolean[], rest: number, show: (v: number) => string, heading: string, restLabel: string): string {
  const retained = new Set(q.official.winners);
  const options = votes.flatMap((v, o) => (present[o] ? [{ o, v }] : [])).sort((a, b) => b.v - a.v || a.o - b.o);
  return barChart({
    id: `${anchor}-chart-final`,
    title: tools.t('results.charts.finalTitle', { round: heading }),
    desc: tools.t('results.charts.finalDesc'),
    bars: [
      ...options.map(({ o, v }) => ({ label: plain(nameOf(q, o, tools.lang)), value: v, valueText: show(v), note: retained.has(o) ? tools.t('results.page.retainedMark') : undefined })),
      { label: restLabel, value: rest, valueText: show(rest) },
    ],
  });
}

function flowChart(tools: Tools, q: QuestionResult, anchor: string, headings: readonly string[], values: readonly (readonly number[])[], stv: boolean): string {
  return stackedBarChart({
    id: `${anchor}-chart-flow`,
    title: tools.t(stv ? 'results.charts.flowTitleStv' : 'results.charts.flowTitle'),
    desc: tools.t('results.charts.flowDesc'),
    legendTitle: tools.t('results.charts.key'),
    series: [
      ...q.question.options.map((_, o) => {
        const n = nameOf(q, o, tools.lang);
        return { name: plain(n), short: n.label.trim() !== '' ? n.label.trim() : String(o + 1) };
      }),
      { name: tools.t(stv ? 'results.charts.exhaustedLost' : 'results.rounds.exhausted'), short: '', rest: true },
    ],
    rows: headings.map((label, i) => ({ label, values: values[i]! })),
  });
}

function pairwise(tools: Tools, q: QuestionResult): QuestionPage['pairwise'] {
  const { pairwise: matrix, condorcetWinner } = q.official;
  if (!matrix) throw new Error(`no pairwise matrix in the count of question ${q.question.id}`);
  // The Schulze ranking beside the matrix is Schulze's own outcome, from its count.
  const schulze: SchulzeResult = find(q, 'schulze');
  const options = q.question.options.map((_, o) => nameOf(q, o, tools.lang));
  const rows = options.map((option, a) => ({ option, cells: options.map((_, b) => (a === b ? '–' : tools.fmt.number(matrix[a]![b]!))) }));
  const condorcet = condorcetWinner === null
    ? tools.t('results.pairwise.noCondorcet')
    : tools.t('results.pairwise.condorcet', { option: plain(options[condorcetWinner]!) });
  return {
    caption: tools.t('results.pairwise.caption'), options, rows, condorcet,
    ranking: schulze.ranking.map((o) => ({ place: tools.fmt.number(schulze.places[o]!), option: options[o]! })),
  };
}

function borda(tools: Tools, q: QuestionResult): QuestionPage['borda'] {
  const result: ScoreResult = find(q, 'borda');
  return {
    caption: tools.t('results.borda.caption', { n: tools.fmt.number(q.question.options.length) }),
    rows: result.ranking.map((o) => ({ place: tools.fmt.number(result.places[o]!), option: nameOf(q, o, tools.lang), score: tools.fmt.number(result.scores[o]!) })),
  };
}

function comparison(tools: Tools, q: QuestionResult): QuestionPage['comparison'] {
  const { t } = tools;
  const retained = (r: CountResult) => listOf(tools, r.winners.map((o) => plain(nameOf(q, o, tools.lang))));
  const lot = (r: CountResult) => (r.lotDrawn ? t('results.comparison.lotYes') : t('results.comparison.lotNo'));
  const rows = [
    { method: methodName(t, q.official.method), official: true, retained: retained(q.official), agrees: t('results.comparison.officialMethod'), lot: lot(q.official) },
    ...q.others.map((r, i) => ({ method: methodName(t, r.method), official: false, retained: retained(r), agrees: q.othersAgree[i] ? t('results.comparison.yes') : t('results.comparison.no'), lot: lot(r) })),
  ];
  const differ = q.others.filter((_, i) => !q.othersAgree[i]).map((r) => methodName(t, r.method));
  const summary = differ.length === 0
    ? t('results.comparison.allAgree', { method: methodName(t, q.official.method) })
    : t('results.comparison.someDiffer', { methods: listOf(tools, differ), method: methodName(t, q.official.method) });
  return { caption: t('results.comparison.caption'), rows, summary };
}

function roundsTable(tools: Tools, q: QuestionResult, anchor: string): RoundsTable | null {
  const r = q.official;
  switch (r.method) {
    case 'irv':
      return irvRounds(tools, q, r, anchor);
    case 'stv':
      return stvStages(tools, q, r, anchor);
    case 'plurality':
    case 'borda':
    case 'schulze':
      return null;
    default:
      return assertNever(r, 'method');
  }
}

/**
 * The options whose retention a tie decided: those of a tie between options of which some are
 * retained and some are not (a tie among options that all end up retained, or all not, decided
 * nothing a reader asks about). Each gets a note saying so and how the tie was settled.
 */
function tieNotes(tools: Tools, q: QuestionResult, stages: boolean): Map<OptionIndex, string> {
  const { t } = tools;
  const retained = new Set(q.official.winners);
  const notes = new Map<OptionIndex, string>();
  for (const tie of q.official.ties) {
    const decisive = tie.between.some((o) => retained.has(o)) && tie.between.some((o) => !retained.has(o));
    if (!decisive) continue;
    const how = tie.resolvedBy === 'lot' ? t('results.tieNote.byLot') : t(stages ? 'results.tieNote.byEarlierStages' : 'results.tieNote.byEarlierRounds');
    for (const o of tie.between) {
      if (!notes.has(o)) notes.set(o, t(retained.has(o) ? 'results.tieNote.retained' : 'results.tieNote.notRetained', { how }));
    }
  }
  return notes;
}

/**
 * Who is retained and why, in one plain sentence: a majority of first preferences where there is
 * one, else what the method did, in words a delegation uses; a tie that decided is named.
 */
function summarySentence(tools: Tools, q: QuestionResult, decidedByTie: boolean, lotDecided: boolean): string {
  const { t, fmt } = tools;
  const r = q.official;
  if (r.valid === 0 || r.winners.length === 0) return t('results.page.noneRetained');
  const names = r.winners.map((o) => t('results.summary.quoted', { option: plain(nameOf(q, o, tools.lang)) }));
  const options = listOf(tools, names);
  const one = r.winners.length === 1;
  const first = r.firstPreferences.votes[r.winners[0]!] ?? 0;
  let sentence: string;
  if (one && first * 2 > r.valid) {
    sentence = t('results.summary.majority', { valid: fmt.number(r.valid), votes: fmt.number(first), option: names[0] });
  } else {
    switch (r.method) {
      case 'plurality':
        sentence = t(one ? 'results.summary.pluralityOne' : 'results.summary.pluralityMany', { options });
        break;
      case 'borda':
        sentence = t(one ? 'results.summary.bordaOne' : 'results.summary.bordaMany', { options });
        break;
      case 'irv':
        sentence = t(one ? 'results.summary.irvOne' : 'results.summary.irvMany', { options, rounds: fmt.number(r.rounds.length) });
        break;
      case 'stv':
        sentence = t(one ? 'results.summary.stvOne' : 'results.summary.stvMany', { options, stages: fmt.number(r.rounds.length), quota: fmt.number(r.quota) });
        break;
      case 'schulze':
        sentence = one && r.condorcetWinner === r.winners[0]
          ? t('results.summary.condorcet', { options })
          : t(one ? 'results.summary.schulzeOne' : 'results.summary.schulzeMany', { options });
        break;
      default:
        return assertNever(r, 'method');
    }
  }
  if (decidedByTie) sentence += ` ${t(lotDecided ? 'results.summary.tieByLot' : 'results.summary.tieByRounds')}`;
  return sentence;
}

const VOCABULARY = ['firstPreference', 'round', 'stage', 'exhausted', 'quota', 'transferValue', 'pairwise', 'condorcet', 'borda', 'lot'] as const;

/** The counting words, each explained once; rounds and stages only where a question has them. */
function vocabulary(t: Translate, results: SurveyResults): ResultsPage['vocabulary'] {
  const methods = new Set(results.questions.map((q) => q.official.method));
  const shown = VOCABULARY.filter((term) => {
    if (term === 'round') return methods.has('irv');
    if (term === 'stage' || term === 'quota' || term === 'transferValue') return methods.has('stv');
    if (term === 'exhausted') return methods.has('irv') || methods.has('stv');
    return true;
  });
  return shown.map((term) => ({ term: t(`results.vocabulary.${term}Term`), meaning: t(`results.vocabulary.${term}`) }));
}

function questionPage(tools: Tools, q: QuestionResult, index: number, seed: string, surveyId: number): QuestionPage {
  const { t, fmt } = tools;
  const anchor = `question-${q.question.id}`;
  const r = q.official;
  const { progression } = methodDefinition(r.method);
  const rounds = roundsTable(tools, q, anchor);
  const notes = tieNotes(tools, q, progression === 'stages');
  const lotDecided = r.ties.some((tie) => tie.resolvedBy === 'lot' && notes.has(tie.chosen));
  return {
    id: q.question.id,
    anchor,
    number: index + 1,
    title: pick(q.question.title, tools.lang),
    methodName: methodName(t, r.method),
    rules: rulesSentence(t, r.method, r.seats),
    seats: fmt.number(r.seats),
    counts: [
      { label: t('results.page.answered'), value: fmt.number(q.answered) },
      { label: t('results.page.abstentions'), value: fmt.number(q.abstentions) },
      { label: t('results.page.valid'), value: fmt.number(r.valid) },
      { label: t('results.page.blank'), value: fmt.number(r.blank) },
    ],
    summary: summarySentence(tools, q, notes.size > 0, lotDecided),
    retained: r.winners.map((o) => ({ ...nameOf(q, o, tools.lang), tieNote: notes.get(o) ?? null })),
    retainedReason: r.reason === null ? null : t(`counting.reason.${r.reason}`, { seats: fmt.number(r.seats), ranked: fmt.number(r.winners.length) }),
    tiesAnchor: `${anchor}-ties`,
    firstPreferences: firstPreferences(tools, q, anchor, notes),
    rounds,
    pairwise: pairwise(tools, q),
    borda: borda(tools, q),
    ties: r.ties.map((tie) => tieSentence(tools, q, tie, seed, progression !== null, progression === 'stages')),
    comparison: comparison(tools, q),
    replay: replayCommand(r.method, r.seats, seed, q.optionNames),
    trace: {
      action: `/surveys/${surveyId}/results/trace.csv`,
      question: q.question.id,
      button: t('results.trace.link', { number: fmt.number(index + 1) }),
    },
  };
}

export function resultsPage(results: SurveyResults, lang: Language, t: Translate, fmt: Formatters): ResultsPage {
  const tools: Tools = {
    t, fmt, lang,
    percent: new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: 1 }),
    decimal: fmt.number(1.5).replace(/\d/g, ''),
  };
  return {
    title: pick(results.survey.title, lang),
    reference: results.survey.reference,
    stamp: results.stamp,
    stampText: t(`results.stamp.${results.stamp}`),
    stampNote: t(`results.stamp.${results.stamp}Note`),
    turnout: t('results.page.turnout', { answered: fmt.number(results.answered), eligible: fmt.number(results.eligible), share: share(tools, results.answered, results.eligible) }),
    turnoutShare: share(tools, results.answered, results.eligible),
    seed: results.seed,
    questions: results.questions.map((q, i) => questionPage(tools, q, i, results.seed, results.survey.id)),
    vocabulary: vocabulary(t, results),
  };
}

const shellQuote = (s: string): string => (/^[\w.,:/=+-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);

/**
 * The command that re-counts the exported ballot file of a question; every option is declared,
 * so that options no ballot ranks are counted too.
 */
export function replayCommand(method: string, seats: number, seed: string, optionNames: readonly string[]): string {
  const options = optionNames.map((name) => `--option ${shellQuote(name)}`).join(' ');
  return `npm run tally -- --method ${method} --seats ${seats} --seed ${shellQuote(seed)} ${options} ballots.csv`;
}
