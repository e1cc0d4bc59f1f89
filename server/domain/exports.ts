// CSV exports, streamed: each kind is a generator of rows (header first) in chunks, each chunk
// written through csv-stringify, so memory does not grow with the number of rows. Every cell a
// spreadsheet could take for a formula (=, +, -, @, tab, carriage return), headers included, is
// neutralised, and so is every line of a cell that holds several: a spreadsheet reading the file
// with the other separator breaks such a cell into rows.
import { createHash } from 'node:crypto';
import { Readable, Transform, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { stringify as stringifyRows } from 'csv-stringify/sync';
import { z } from 'zod';
import { listAuditRows, listExportEntries } from '../data/audit.js';
import { iterateCurrentRevisions, pagesOfCurrentRevisions, type StoredAnswer } from '../data/ballots.js';
import { listProposals } from '../data/proposals.js';
import { findSurvey } from '../data/surveys.js';
import { rankingAt, toResultJson, type CountResult } from '../tally/index.js';
import { actorLabel } from './accounts.js';
import { appendAuditEntry } from './audit.js';
import { readsOf, type Actor, type Deps } from './deps.js';
import { AppError } from './errors.js';
import { assertMayReadResults, optionNames, surveyResults, type QuestionResult } from './results.js';
import { effectiveStatus, type Question, type Survey } from './surveys/model.js';
import { participation } from './surveys/queries.js';
import { parseInput } from './validation.js';

export const EXPORT_KINDS = ['ballots', 'tally', 'rounds', 'pairwise', 'participation', 'proposals', 'audit', 'blt'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

const flag = z.enum(['0', '1', 'true', 'false', 'yes', 'no', 'on']).optional().transform((v) => v === '1' || v === 'true' || v === 'yes' || v === 'on');
export const exportOptionsSchema = z.object({
  /** One question; empty, as the exports page's form sends "All questions", means every question. */
  question: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  /** A byte-order mark, so that Excel reads UTF-8 accents right. */
  bom: flag,
  /** Semicolons, for spreadsheets set to French or Spanish. */
  sep: z.enum(['comma', 'semicolon']).optional().default('comma'),
  /** Leaves the Member States out of the ballots export. */
  anonymous: flag,
});
export type ExportOptions = z.output<typeof exportOptionsSchema>;

type Cell = string | number | null;

/** After a line break, the characters a spreadsheet takes for a formula at the start of a cell. */
const FORMULA_AFTER_BREAK = /([\r\n])([=+\-@\t\r])/g;

/** An exact decimal of the count ("4.36360") with the decimal comma of the semicolon variant's spreadsheets. */
type DecimalMark = '.' | ',';
function decimal(value: string | number, mark: DecimalMark): string | number {
  return mark === ',' && typeof value === 'string' && /^-?\d+\.\d+$/.test(value) ? value.replace('.', ',') : value;
}

/**
 * Rows stringified, and written, together: one csv-stringify call and one chunk for many rows,
 * yet few enough that their strings die young, before the garbage collector has to move them.
 */
const ROWS_PER_CHUNK = 256;

export interface ExportFile {
  readonly fileName: string;
  readonly contentType: string;
  /** Writes the file to `out`, then records its SHA-256 in the audit log and returns it. */
  write(out: Writable): Promise<{ sha256: string; bytes: number; rows: number }>;
}

export function isExportKind(value: string): value is ExportKind {
  return (EXPORT_KINDS as readonly string[]).includes(value);
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/** File names that say the survey and the kind, e.g. ic-2007-17_international-dialogue-on-migration-2008_ballots.csv. */
export function exportFileName(survey: Survey, kind: ExportKind, question?: Question): string {
  const parts = [survey.reference ? slug(survey.reference) : `survey-${survey.id}`, slug(survey.title.en), kind === 'blt' ? 'ballots' : kind];
  if (question) parts.push(`q${question.position}`);
  return `${parts.filter(Boolean).join('_')}.${kind === 'blt' ? 'blt' : 'csv'}`;
}

function pickQuestions(survey: Survey, questionId: number | undefined): Question[] {
  if (questionId === undefined) return [...survey.questions];
  const q = survey.questions.find((x) => x.id === questionId);
  if (!q) throw new AppError('not_found', 'errors.notFound');
  return [q];
}

/**
 * One row per Member State and question; with a single question it is a ballot file (API.md) that
 * `npm run tally` re-counts to the same result as the results page. Yields the rows in chunks,
 * read beside the writer so that a long export does not hold up ballots being cast.
 */
async function* ballotChunks(deps: Deps, survey: Survey, questions: Question[], anonymous: boolean): AsyncGenerator<Cell[][]> {
  const maxRanks = Math.max(1, ...questions.map((q) => q.options.length));
  const namesById = new Map(questions.map((q) => {
    const names = optionNames(q);
    return [q.id, new Map(q.options.map((o, i) => [o.id, names[i]!]))];
  }));
  yield [[
    ...(anonymous ? [] : ['iso3', 'member_state']), 'question_id', 'question', 'channel',
    ...(anonymous ? [] : ['revision', 'submitted_at']), 'abstained',
    ...Array.from({ length: maxRanks }, (_, i) => `rank_${i + 1}`),
  ]];
  const width = (anonymous ? 4 : 8) + maxRanks;
  let rows: Cell[][] = [];
  for await (const page of pagesOfCurrentRevisions(readsOf(deps), survey.id)) {
    for (const [iso3, nameEn, revision, submittedAt, channel, stored] of page) {
      const answers = JSON.parse(stored) as Readonly<Record<string, StoredAnswer>>;
      for (const q of questions) {
        const a = answers[q.id];
        if (!a) continue;
        const names = namesById.get(q.id)!;
        const row: Cell[] = anonymous
          ? [q.id, q.title.en, channel, a.abstain ? 'yes' : 'no']
          : [iso3, nameEn, q.id, q.title.en, channel, revision, submittedAt, a.abstain ? 'yes' : 'no'];
        for (const id of a.ranking ?? []) {
          const name = names.get(id);
          if (name !== undefined) row.push(name);
        }
        while (row.length < width) row.push('');
        rows.push(row);
      }
      if (rows.length >= ROWS_PER_CHUNK) {
        yield rows;
        rows = [];
      }
    }
  }
  if (rows.length > 0) yield rows;
}

/** Rows gathered into chunks of ROWS_PER_CHUNK. */
async function* inChunks(rows: AsyncIterable<Cell[]> | Iterable<Cell[]>): AsyncGenerator<Cell[][]> {
  let chunk: Cell[][] = [];
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length === ROWS_PER_CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Each option's value at the end of the count: its votes at the last round or stage, or its score; none for Schulze. */
function finalVotes(result: CountResult): Map<number, string | number> {
  const out = new Map<number, string | number>();
  const json = toResultJson(result);
  const last: Readonly<Record<string, string | number>> | undefined = json.rounds ? json.rounds.at(-1)?.votes : json.scores;
  if (last) result.options.forEach((name, i) => { const v = last[name]; if (v !== undefined) out.set(i, v); });
  return out;
}

function* tallyRows(results: QuestionResult[], mark: DecimalMark): Generator<Cell[]> {
  yield ['question_id', 'question', 'method', 'seats', 'option', 'label', 'title_en', 'first_preferences', 'final_value', 'place', 'retained', 'retained_order'];
  for (const q of results) {
    const r = q.official;
    const first = q.others.find((o) => o.method === 'plurality') ?? r;
    const firstScores = first.method === 'plurality' ? first.scores : [];
    const final = finalVotes(r);
    const places = 'places' in r ? r.places : null;
    for (const [i, o] of q.question.options.entries()) {
      const order = r.winners.indexOf(i);
      yield [
        q.question.id, q.question.title.en, r.method, r.seats, q.optionNames[i]!, o.label, o.title.en,
        firstScores[i] ?? 0, decimal(final.get(i) ?? '', mark), places ? places[i]! : '', order >= 0 ? 'yes' : 'no', order >= 0 ? order + 1 : '',
      ];
    }
  }
}

function* roundRows(results: QuestionResult[], mark: DecimalMark): Generator<Cell[]> {
  yield ['question_id', 'question', 'method', 'round', 'action', 'option', 'votes', 'outcome'];
  for (const q of results) {
    const r = q.official;
    const json = toResultJson(r);
    if (!json.rounds) continue;
    if (json.quota !== undefined) yield [q.question.id, q.question.title.en, r.method, 0, 'quota', '(quota)', decimal(json.quota, mark), ''];
    for (const round of json.rounds) {
      const action = 'action' in round ? `${round.action}${round.option ? ` ${round.option}` : ''}` : `seat ${round.seat}`;
      for (const [option, votes] of Object.entries(round.votes as Record<string, string | number>)) {
        const outcome = round.elected.includes(option) ? 'elected' : round.excluded.includes(option) ? 'excluded' : 'continuing';
        yield [q.question.id, q.question.title.en, r.method, round.round, action, option, decimal(votes, mark), outcome];
      }
      yield [q.question.id, q.question.title.en, r.method, round.round, action, '(exhausted)', decimal(round.exhausted, mark), ''];
      if ('lost' in round) yield [q.question.id, q.question.title.en, r.method, round.round, action, '(lost to truncation)', decimal(round.lost, mark), ''];
    }
  }
}

function* pairwiseRows(results: QuestionResult[]): Generator<Cell[]> {
  yield ['question_id', 'question', 'option_a', 'option_b', 'ballots_ranking_a_above_b', 'strongest_path_a_to_b', 'condorcet_winner'];
  for (const q of results) {
    const s = q.official.method === 'schulze' ? q.official : q.others.find((o) => o.method === 'schulze');
    if (!s || s.method !== 'schulze') continue;
    const winner = s.condorcetWinner === null ? '' : q.optionNames[s.condorcetWinner]!;
    for (const [i, a] of q.optionNames.entries()) {
      for (const [j, b] of q.optionNames.entries()) {
        if (i !== j) yield [q.question.id, q.question.title.en, a, b, s.pairwise[i]![j]!, s.paths[i]![j]!, winner];
      }
    }
  }
}

async function* participationRows(deps: Deps, actor: Actor, survey: Survey): AsyncGenerator<Cell[]> {
  const p = await participation(deps, actor, survey.id);
  yield ['iso3', 'member_state', 'answered', 'submitted_at', 'submitted_by', 'channel', 'revision', 'abstentions'];
  for (const r of p.rows) yield [r.iso3, r.names.en, r.answered ? 'yes' : 'no', r.submittedAt ?? '', r.submittedBy ?? '', r.channel ?? '', r.revision ?? '', r.abstentions];
}

async function* proposalRows(deps: Deps, survey: Survey): AsyncGenerator<Cell[]> {
  yield ['kind', 'question_id', 'question', 'iso3', 'language', 'title', 'text', 'status', 'reason', 'at'];
  const questionTitle = new Map(survey.questions.map((q) => [q.id, q.title.en]));
  for (const p of await listProposals(deps.db, survey.id)) {
    yield ['proposal', p.questionId, questionTitle.get(p.questionId) ?? '', p.memberStateIso3, p.language, p.title, p.description, p.status, p.reason ?? '', p.createdAt];
  }
  for await (const r of iterateCurrentRevisions(deps.db, survey.id)) {
    for (const [questionId, a] of Object.entries(r.answers)) {
      if (a.comment) yield ['comment', Number(questionId), questionTitle.get(Number(questionId)) ?? '', r.iso3, '', '', a.comment, '', '', r.submittedAt];
    }
    if (r.comments) yield ['comment', '', '', r.iso3, '', '', r.comments, '', '', r.submittedAt];
  }
}

async function* auditRows(deps: Deps): AsyncGenerator<Cell[]> {
  yield ['seq', 'at', 'actor', 'action', 'subject_type', 'subject_id', 'details', 'prev_hash', 'hash'];
  let after = 0;
  for (;;) {
    const page = await listAuditRows(deps.db, { afterSeq: after, limit: 2000 });
    for (const e of page) yield [e.seq, e.at, e.actor_label, e.action, e.subject_type, e.subject_id ?? '', e.details, e.prev_hash, e.hash];
    if (page.length < 2000) return;
    after = page.at(-1)!.seq;
  }
}

/** Builds an export; the caller streams it. Staff and administrators only; the audit log to administrators. */
export async function prepareExport(deps: Deps, actor: Actor, surveyId: number, kind: ExportKind, rawOptions: unknown): Promise<ExportFile> {
  if (actor.role !== 'admin' && actor.role !== 'staff') throw new AppError('forbidden', 'errors.forbidden');
  if (kind === 'audit' && actor.role !== 'admin') throw new AppError('forbidden', 'errors.forbidden');
  const options = parseInput(exportOptionsSchema, rawOptions ?? {});
  const survey = await findSurvey(deps.db, surveyId);
  if (!survey) throw new AppError('not_found', 'errors.notFound');
  assertMayReadResults(actor, survey, effectiveStatus(survey, deps.clock.now()));
  const questions = pickQuestions(survey, options.question);
  const single = options.question === undefined ? undefined : questions[0];
  if (kind === 'blt' && !single) throw new AppError('invalid', 'errors.bltOneQuestion');
  const counted = ['tally', 'rounds', 'pairwise', 'blt'].includes(kind)
    ? (await surveyResults(deps, actor, surveyId)).questions.filter((q) => questions.some((x) => x.id === q.question.id))
    : [];

  const mark: DecimalMark = options.sep === 'semicolon' ? ',' : '.';
  const chunks = (): AsyncIterable<Cell[][]> => {
    switch (kind) {
      case 'ballots': return ballotChunks(deps, survey, questions, options.anonymous);
      case 'tally': return inChunks(tallyRows(counted, mark));
      case 'rounds': return inChunks(roundRows(counted, mark));
      case 'pairwise': return inChunks(pairwiseRows(counted));
      case 'participation': return inChunks(participationRows(deps, actor, survey));
      case 'proposals': return inChunks(proposalRows(deps, survey));
      case 'audit': return inChunks(auditRows(deps));
      case 'blt': return inChunks([]);
    }
  };
  const csv = {
    delimiter: options.sep === 'semicolon' ? ';' : ',', escape_formulas: true, record_delimiter: '\r\n',
    cast: { string: (value: string) => (value.includes('\n') || value.includes('\r') ? value.replace(FORMULA_AFTER_BREAK, "$1'$2") : value) },
  } as const;

  return {
    fileName: exportFileName(survey, kind, single),
    contentType: kind === 'blt' ? 'text/plain; charset=utf-8' : 'text/csv; charset=utf-8',
    async write(out) {
      const hash = createHash('sha256');
      let bytes = 0;
      let count = 0;
      const measure = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          bytes += chunk.length;
          done(null, chunk);
        },
      });
      // A byte-order mark is for spreadsheets; counting programs reading BLT do not expect one.
      if (options.bom && kind !== 'blt') measure.write(Buffer.from('\uFEFF', 'utf8'));
      const source = kind === 'blt'
        ? Readable.from(bltText(counted[0]!, survey), { objectMode: false })
        : Readable.from((async function* () {
          for await (const chunk of chunks()) {
            count += chunk.length;
            if (chunk.length > 0) yield stringifyRows(chunk, csv);
          }
        })(), { objectMode: false });
      // The file ends only once its hash is in the audit log: whoever has the whole file can check it there.
      await pipeline(source, measure, out, { end: false });
      const sha256 = hash.digest('hex');
      // BLT's rows are its ballot lines, one per distinct ranking.
      const rows = kind === 'blt' ? counted[0]!.ballots.size : Math.max(0, count - 1);
      try {
        await deps.db.transaction((trx) => appendAuditEntry(deps, trx, {
          actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'export.create', subjectType: 'survey', subjectId: survey.id,
          details: { kind, question: single?.id ?? null, options: { bom: options.bom, sep: options.sep, anonymous: options.anonymous }, rows, bytes, sha256 },
        }));
      } catch (error) {
        out.destroy(error as Error);
        throw error;
      }
      out.end();
      await finished(out);
      return { sha256, bytes, rows };
    },
  };
}

/**
 * BLT: "<options> <seats>", one line per distinct ranking "<count> <option numbers…> 0", "0", the
 * option names quoted, then the title quoted. Abstentions are not ballots and are left out.
 */
function* bltText(q: QuestionResult, survey: Survey): Generator<string> {
  const quote = (s: string) => `"${s.replace(/"/g, "'")}"`;
  yield `${q.question.options.length} ${q.question.seats}\n`;
  const set = q.ballots;
  for (let i = 0; i < set.size; i++) yield `${set.counts[i]} ${rankingAt(set, i).map((o) => o + 1).join(' ')} 0\n`;
  yield '0\n';
  for (const name of q.optionNames) yield `${quote(name)}\n`;
  yield `${quote(`${survey.title.en} - ${q.question.title.en}`)}\n`;
}


export interface RecentExport {
  readonly at: string;
  readonly actor: string;
  readonly kind: string;
  readonly question: number | null;
  readonly options: { readonly bom: boolean; readonly sep: 'comma' | 'semicolon'; readonly anonymous: boolean };
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

/** The exports recorded in the audit log for a survey, newest first, so a quoted file can be checked. */
export async function recentExports(deps: Deps, actor: Actor, surveyId: number, limit: number): Promise<RecentExport[]> {
  if (actor.role !== 'admin' && actor.role !== 'staff') throw new AppError('forbidden', 'errors.forbidden');
  const rows = await listExportEntries(deps.db, surveyId, limit);
  return rows.map((r) => {
    const d = JSON.parse(r.details) as Omit<RecentExport, 'at' | 'actor' | 'options'> & { options?: Partial<RecentExport['options']> };
    const options = { bom: d.options?.bom === true, sep: d.options?.sep === 'semicolon' ? 'semicolon' as const : 'comma' as const, anonymous: d.options?.anonymous === true };
    return { at: r.at, actor: r.actor_label, kind: d.kind, question: d.question, options, rows: d.rows, bytes: d.bytes, sha256: d.sha256 };
  });
}
