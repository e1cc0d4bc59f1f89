import { nameSkeleton, normaliseName } from '../ballot-files/index.js';
import type { Queryable } from '../data/database.js';
import { findCurrentRevision, listCurrentRevisions, type StoredAnswer } from '../data/ballots.js';
import { isUniqueViolation } from '../data/connection.js';
import { findMemberStateById, listMemberStates, type MemberStateRow } from '../data/member-states.js';
import { findSurvey } from '../data/surveys.js';
import { requireAdmin } from './accounts.js';
import { checkBallot, submitBallot, writeRevision, type BallotInput, type CheckedBallot } from './ballots.js';
import type { Actor, Deps } from './deps.js';
import { isId } from './validation.js';
import { AppError, type FieldError } from './errors.js';
import { Refused, refusalOf, type RefusalOf } from './refusals.js';
import { effectiveStatus, type Question, type Survey } from './surveys/model.js';
import type { CsvTable } from '../ballot-files/index.js';
import { missingColumnsError, readAsParams, readCsvFile } from './csv-files.js';

/** How a ballot that did not come through the web pages or the API reached the Administration. */
export const PAPER_CHANNELS = ['paper', 'note-verbale'] as const;
export type PaperChannel = (typeof PAPER_CHANNELS)[number];

function isPaperChannel(value: string): value is PaperChannel {
  return (PAPER_CHANNELS as readonly string[]).includes(value);
}

/** Why a ballot received on paper is not taken: `closed` and `not-open` are said to the administrator (`paper: true`). */
export const PAPER_BALLOT_REFUSALS = ['stale', 'closed', 'not-open'] as const;
export type PaperBallotRefusal = RefusalOf<(typeof PAPER_BALLOT_REFUSALS)[number]>;

/** Refuses a survey that takes no ballot now, telling the administrator what to do about it. */
function assertTakesBallots(deps: Deps, survey: Survey | undefined): asserts survey is Survey {
  if (!survey) throw new AppError('not_found', 'errors.notFound');
  const status = effectiveStatus(survey, deps.clock.now());
  if (status === 'draft') throw new Refused({ kind: 'not-open', paper: true });
  if (status !== 'open') throw new Refused({ kind: 'closed', paper: true });
}

/** The closing time checked as the ballot arrives says "closed"; the administrator is told how to go on. */
function withClosedExplained(error: unknown): unknown {
  const refusal = refusalOf(error, ['closed', 'not-open']);
  return refusal ? new Refused({ kind: refusal.kind, paper: true }) : error;
}

/** The survey, if it takes ballots now; for the pages to show why not before anyone types a ballot. */
export async function paperBallotSurvey(deps: Deps, actor: Actor, surveyId: number): Promise<Survey> {
  requireAdmin(actor);
  const survey = await findSurvey(deps.db, surveyId);
  assertTakesBallots(deps, survey);
  return survey;
}

export interface PaperBallotEntry {
  /** The Member State's id, as chosen in the form. */
  readonly memberState: unknown;
  readonly channel: unknown;
  /** The ballot, in the shape that submitBallot takes. */
  readonly ballot: BallotInput;
}

/**
 * An administrator enters one Member State's ballot received on paper or by note verbale. It is a
 * new revision of that Member State's ballot, with its channel, the administrator as submitter, a
 * receipt and an audit entry; with a base revision that is no longer current, nothing changes.
 */
export async function enterPaperBallot(deps: Deps, actor: Actor, surveyId: number, entry: PaperBallotEntry) {
  requireAdmin(actor);
  assertTakesBallots(deps, await findSurvey(deps.db, surveyId));
  const fields: FieldError[] = [];
  const channel = typeof entry.channel === 'string' ? entry.channel.trim() : '';
  if (!isPaperChannel(channel)) fields.push({ field: 'channel', key: 'validation.paperBallots.channel', params: { value: channel } });
  const memberStateId = typeof entry.memberState === 'number' ? entry.memberState : typeof entry.memberState === 'string' && /^\d{1,16}$/.test(entry.memberState) ? Number(entry.memberState) : undefined;
  const memberState = isId(memberStateId) ? await findMemberStateById(deps.db, memberStateId) : undefined;
  if (entry.memberState === undefined || entry.memberState === '') fields.push({ field: 'memberState', key: 'validation.paperBallots.memberStateRequired' });
  else if (!memberState) fields.push({ field: 'memberState', key: 'validation.paperBallots.memberStateUnknown' });
  else if (memberState.status !== 'member') fields.push({ field: 'memberState', key: 'errors.observerCannotVote' });
  if (fields.length) throw new AppError('invalid', 'errors.ballotInvalid', {}, fields);
  try {
    return await submitBallot(deps, actor, surveyId, entry.ballot, { channel: channel as PaperChannel, memberStateId: memberState!.id });
  } catch (error) {
    throw withClosedExplained(error);
  }
}

/*
 * The CSV import of ballots received on paper or by note verbale, read by the shared CSV reader
 * (commas or semicolons, UTF-8 with or without a byte-order mark or Windows-1252, RFC 4180 quoting),
 * a header row, one row per Member State:
 *
 *   iso3                  the Member State's ISO 3166-1 alpha-3 code (required)
 *   channel               paper (the default when the column or the cell is empty) or note-verbale
 *   q<n>_rank_<k>         for question n (1, 2, … as numbered on the survey), the option ranked k-th:
 *                         its label ("(a)" or "a"), or its title in English, French or Spanish;
 *                         case and surrounding spaces do not matter; empty cells after the last rank
 *   q<n>_abstain          yes, true or 1 when the Member State abstains on question n (no, false,
 *                         0 or empty otherwise); a question with no rank and no abstention is an error
 *   q<n>_comment          the comment on question n, where the question takes one (optional)
 *   comments              the comments on the survey (optional)
 *
 *   iso3,channel,q1_rank_1,q1_rank_2,q2_rank_1,q2_rank_2,q2_abstain,comments
 *   FRA,paper,B,A,(c),(a),,
 *   DEU,note-verbale,Return migration,,,,yes,"Note verbale of 3 November"
 *
 * Every row is checked as a web ballot is (an option named twice, a gap, too many ranks, rank or
 * abstain), as well as an unknown or observer Member State and a Member State named twice. The
 * file is written only when every row is good, all rows in one transaction; a dry run writes nothing.
 */

const TRUE_WORDS = new Set(['yes', 'true', '1', 'y']);
const FALSE_WORDS = new Set(['', 'no', 'false', '0', 'n']);

interface QuestionColumns {
  readonly question: Question;
  readonly number: number;
  /** Column name per rank, rank 1 first; undefined where the file skips a rank. */
  readonly ranks: readonly (string | undefined)[];
  readonly abstain: string | undefined;
  readonly comment: string | undefined;
}

interface FileLayout {
  readonly hasChannel: boolean;
  readonly hasComments: boolean;
  readonly questions: readonly QuestionColumns[];
}

/** Reads the header: which column says what, refusing the columns that mean nothing here. */
function readLayout(survey: Survey, table: CsvTable): FileLayout {
  const header = table.header;
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const h of header) (seen.has(h) ? repeated : seen).add(h);
  if (repeated.size) throw new AppError('invalid', 'errors.paperBallots.repeatedColumns', { columns: [...repeated].join(', '), ...readAsParams(table) });
  if (!seen.has('iso3')) throw missingColumnsError(table, ['iso3']);
  const count = survey.questions.length;
  const unknown: string[] = [];
  const perQuestion = survey.questions.map(() => ({ ranks: [] as (string | undefined)[], abstain: undefined as string | undefined, comment: undefined as string | undefined }));
  for (const h of header) {
    if (h === 'iso3' || h === 'channel' || h === 'comments') continue;
    const m = /^q(\d{1,3})_(?:rank_(\d{1,3})|(abstain)|(comment))$/.exec(h);
    const n = m ? Number(m[1]) : 0;
    if (!m || n < 1 || n > count || (m[2] !== undefined && Number(m[2]) < 1)) {
      unknown.push(h);
      continue;
    }
    const slot = perQuestion[n - 1]!;
    if (m[2] !== undefined) slot.ranks[Number(m[2]) - 1] = h;
    else if (m[3]) slot.abstain = h;
    else slot.comment = h;
  }
  if (unknown.length) throw new AppError('invalid', 'errors.paperBallots.unknownColumns', { columns: unknown.join(', '), questions: count, ...readAsParams(table) });
  const missing = perQuestion.flatMap((slot, i) => (slot.ranks.length === 0 && !slot.abstain ? [`q${i + 1}_rank_1`] : []));
  if (missing.length) throw missingColumnsError(table, missing);
  return {
    hasChannel: seen.has('channel'),
    hasComments: seen.has('comments'),
    questions: survey.questions.map((question, i) => ({ question, number: i + 1, ...perQuestion[i]!, ranks: Array.from(perQuestion[i]!.ranks) })),
  };
}

function normalise(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/**
 * Every way a cell may name an option of the question (its label with or without brackets, its
 * titles), as written (NFC, trimmed) and as it looks (its skeleton, with the name it stands for).
 */
interface OptionNames {
  readonly exact: Map<string, Set<number>>;
  readonly looks: Map<string, string>;
}

function optionNames(q: Question): OptionNames {
  const exact = new Map<string, Set<number>>();
  const looks = new Map<string, string>();
  const add = (raw: string | null, id: number) => {
    const name = raw === null ? '' : normaliseName(raw);
    if (name === '') return;
    exact.set(name, (exact.get(name) ?? new Set()).add(id));
    const skeleton = nameSkeleton(name);
    if (!looks.has(skeleton)) looks.set(skeleton, name);
  };
  for (const o of q.options) {
    add(o.label, o.id);
    add(o.label.replace(/^\s*[([]\s*(.*?)\s*[)\]]\s*$/, '$1'), o.id);
    add(o.title.en, o.id);
    add(o.title.fr, o.id);
    add(o.title.es, o.id);
  }
  return { exact, looks };
}

export type PaperImportOutcome = 'new' | 'replaces' | 'rejected';

export interface PaperImportRow {
  /** The row's line in the file (the header is line 1). */
  readonly line: number;
  readonly iso3: string;
  readonly memberState: Pick<MemberStateRow, 'id' | 'iso3' | 'name_en' | 'name_fr' | 'name_es'> | null;
  readonly channel: PaperChannel | null;
  readonly outcome: PaperImportOutcome;
  /** The revision this row replaces (or would replace), when the Member State had a ballot. */
  readonly replaces: { readonly revision: number; readonly submittedAt: string; readonly submittedBy: string; readonly channel: string } | null;
  /** The ballot as it will be counted, when the row is good. */
  readonly answers: Readonly<Record<string, StoredAnswer>> | null;
  readonly comments: string;
  /** Once written: the new revision and its receipt. */
  readonly written: { readonly revision: number; readonly receipt: string } | null;
  /** Why the row cannot be taken; fields are iso3, channel, q<question id>. */
  readonly reasons: readonly FieldError[];
}

export interface PaperImportReport {
  readonly dryRun: boolean;
  /** True when the rows were written; false on a dry run or when any row was rejected. */
  readonly written: boolean;
  readonly rows: readonly PaperImportRow[];
  readonly newBallots: number;
  readonly replacements: number;
  readonly rejected: number;
}

interface ParsedRow {
  readonly line: number;
  readonly iso3: string;
  readonly memberState: MemberStateRow | null;
  readonly channel: PaperChannel | null;
  readonly ballot: CheckedBallot | null;
  readonly reasons: FieldError[];
}

/** One row: its Member State, channel and ballot, checked as a web ballot is; every problem listed. */
function readRow(survey: Survey, layout: FileLayout, states: Map<string, MemberStateRow>, record: Record<string, string>, line: number): ParsedRow {
  const reasons: FieldError[] = [];
  const cell = (column: string | undefined) => (column === undefined ? '' : (record[column] ?? '').trim());
  const iso3 = cell('iso3').toUpperCase();
  const memberState = states.get(iso3) ?? null;
  if (iso3 === '') reasons.push({ field: 'iso3', key: 'validation.paperBallots.iso3Missing' });
  else if (!memberState) reasons.push({ field: 'iso3', key: 'validation.paperBallots.iso3Unknown', params: { iso3 } });
  else if (memberState.status !== 'member') reasons.push({ field: 'iso3', key: 'validation.paperBallots.observer', params: { iso3 } });

  const channelCell = normalise(cell(layout.hasChannel ? 'channel' : undefined)).replace(/[\s_]+/g, '-');
  const channel = channelCell === '' ? 'paper' : isPaperChannel(channelCell) ? channelCell : null;
  if (!channel) reasons.push({ field: 'channel', key: 'validation.paperBallots.channel', params: { value: cell('channel') } });

  const answers: BallotInput['answers'] = [];
  const found = new Set<string>();
  for (const qc of layout.questions) {
    const field = `q${qc.question.id}`;
    const names = optionNames(qc.question);
    const comment = cell(qc.comment);
    const withComment = comment ? { comment } : {};
    const abstainCell = normalise(cell(qc.abstain));
    const abstain = TRUE_WORDS.has(abstainCell);
    if (!abstain && !FALSE_WORDS.has(abstainCell)) {
      reasons.push({ field, key: 'validation.paperBallots.abstainValue', params: { question: qc.number, value: cell(qc.abstain) } });
      found.add(field);
    }
    const lastFilled = qc.ranks.reduce((last, column, i) => (cell(column) !== '' ? i + 1 : last), 0);
    const ranking: (number | null)[] = [];
    for (let k = 0; k < lastFilled; k++) {
      const value = cell(qc.ranks[k]);
      if (value === '') {
        ranking.push(null);
        continue;
      }
      const ids = names.exact.get(normaliseName(value));
      const lookAlike = ids ? undefined : names.looks.get(nameSkeleton(value));
      if (lookAlike !== undefined) {
        // Written otherwise, read the same: refused rather than guessed, with both names.
        reasons.push({ field, key: 'validation.paperBallots.lookAlikeOption', params: { question: qc.number, rank: k + 1, value, option: lookAlike } });
        found.add(field);
      } else if (!ids) {
        reasons.push({ field, key: 'validation.paperBallots.unknownOption', params: { question: qc.number, rank: k + 1, value } });
        found.add(field);
      } else if (ids.size > 1) {
        reasons.push({ field, key: 'validation.paperBallots.ambiguousOption', params: { question: qc.number, rank: k + 1, value } });
        found.add(field);
      } else {
        ranking.push([...ids][0]!);
      }
    }
    if (abstain && lastFilled > 0) {
      reasons.push({ field, key: 'validation.paperBallots.rankAndAbstain', params: { question: qc.number } });
      found.add(field);
    }
    if (found.has(field)) continue;
    answers.push(abstain ? { question: qc.question.id, abstain: true, ...withComment } : { question: qc.question.id, ranking, ...withComment });
  }

  let ballot: CheckedBallot | null = null;
  try {
    ballot = checkBallot(survey, { answers, comments: cell(layout.hasComments ? 'comments' : undefined) });
  } catch (error) {
    if (!(error instanceof AppError) || error.kind !== 'invalid') throw error;
    // A question whose cells were already found wrong is reported once, with the reason found first.
    const questionOf = (f: string) => /^q\d+/.exec(f)?.[0] ?? f;
    reasons.push(...error.fields.filter((f) => !found.has(questionOf(f.field))));
  }
  return { line, iso3, memberState, channel, ballot: reasons.length ? null : ballot, reasons };
}

function toReport(row: ParsedRow, replaces: PaperImportRow['replaces'], written: PaperImportRow['written']): PaperImportRow {
  const m = row.memberState;
  return {
    line: row.line, iso3: row.iso3, channel: row.channel, written,
    memberState: m ? { id: m.id, iso3: m.iso3, name_en: m.name_en, name_fr: m.name_fr, name_es: m.name_es } : null,
    outcome: row.reasons.length ? 'rejected' : replaces ? 'replaces' : 'new',
    replaces: row.reasons.length ? null : replaces,
    answers: row.ballot?.answers ?? null,
    comments: row.ballot?.comments ?? '',
    reasons: row.reasons,
  };
}

/** What each row's ballot would replace, by Member State id: the survey's current revisions, read in one query. */
async function replacements(db: Queryable, surveyId: number): Promise<(memberStateId: number) => PaperImportRow['replaces']> {
  const byState = new Map((await listCurrentRevisions(db, surveyId)).map((r) => [r.memberStateId, r]));
  return (memberStateId) => {
    const current = byState.get(memberStateId);
    return current ? { revision: current.revision, submittedAt: current.submittedAt, submittedBy: current.submittedByLabel, channel: current.channel } : null;
  };
}

function summarise(dryRun: boolean, written: boolean, rows: PaperImportRow[]): PaperImportReport {
  const count = (o: PaperImportOutcome) => rows.filter((r) => r.outcome === o).length;
  return { dryRun, written, rows, newBallots: count('new'), replacements: count('replaces'), rejected: count('rejected') };
}

/**
 * Imports ballots received on paper or by note verbale from CSV (the format is described above).
 * A file that cannot be read, or a survey that takes no ballot, writes nothing and throws. Otherwise
 * every row is checked; with any row rejected, or on a dry run, nothing is written and the report
 * says what would change; else every row is written in one transaction.
 */
export async function importPaperBallots(
  deps: Deps, actor: Actor, surveyId: number, csvText: string | Uint8Array, options: { dryRun: boolean },
): Promise<PaperImportReport> {
  requireAdmin(actor);
  const survey = await findSurvey(deps.db, surveyId);
  assertTakesBallots(deps, survey);
  const table = readCsvFile(csvText);
  const records = table.rows;
  const layout = readLayout(survey, table);
  const states = new Map((await listMemberStates(deps.db)).map((m) => [m.iso3, m]));

  const firstLine = new Map<string, number>();
  const parsed = records.map(({ record, line }) => {
    const row = readRow(survey, layout, states, record, line);
    if (row.iso3 !== '') {
      const first = firstLine.get(row.iso3);
      if (first !== undefined) row.reasons.unshift({ field: 'iso3', key: 'validation.paperBallots.iso3Repeated', params: { iso3: row.iso3, line: first } });
      else firstLine.set(row.iso3, line);
    }
    return row.reasons.length && row.ballot ? { ...row, ballot: null } : row;
  });

  if (options.dryRun || parsed.some((r) => r.reasons.length)) {
    const replacedBy = await replacements(deps.db, survey.id);
    return summarise(options.dryRun, false, parsed.map((row) => toReport(row, row.memberState && !row.reasons.length ? replacedBy(row.memberState.id) : null, null)));
  }

  for (let attempt = 0; ; attempt++) {
    try {
      const rows = await deps.db.transaction(async (tx) => {
        const out: PaperImportRow[] = [];
        // Read before any is written: each Member State has one row at most.
        const replacedBy = await replacements(tx, survey.id);
        for (const row of parsed) {
          const replaces = replacedBy(row.memberState!.id);
          const result = await writeRevision(deps, tx, actor, { survey, memberStateId: row.memberState!.id }, row.ballot!, row.channel!);
          out.push(toReport(row, replaces, { revision: result.revision, receipt: result.receipt }));
        }
        return out;
      });
      return summarise(false, true, rows);
    } catch (error) {
      // A delegation's first ballot arriving at the same moment as the file: try the whole file again.
      if (isUniqueViolation(error) && attempt < 2) continue;
      throw withClosedExplained(error);
    }
  }
}

/** The Member State's current ballot in the survey, for the administrator about to enter a new one. */
export async function currentBallotOf(deps: Deps, actor: Actor, surveyId: number, memberStateId: number) {
  requireAdmin(actor);
  return findCurrentRevision(deps.db, surveyId, memberStateId);
}
