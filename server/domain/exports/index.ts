// CSV exports, streamed: each kind is its file here, listed in EXPORT_DEFINITIONS; a kind gives
// a generator of rows (header first) in chunks, each chunk written at once with the one CSV cell
// writer (tally/csv-cell.ts), so memory does not grow with the number of rows. Every cell a
// spreadsheet could take for a formula (=, +, -, @, tab, carriage return), headers included, is
// neutralised, and so is every line of a cell that holds several: a spreadsheet reading the file
// with the other separator breaks such a cell into rows.
import { createHash } from 'node:crypto';
import { Readable, Transform, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { listExportEntries } from '../../data/audit.js';
import { findSurvey } from '../../data/surveys.js';
import { actorLabel } from '../accounts.js';
import { appendAuditEntry } from '../audit.js';
import type { Actor, Deps, Role } from '../deps.js';
import { AppError } from '../errors.js';
import { assertMayReadResults, surveyResults } from '../results.js';
import { effectiveStatus, type Question, type Survey } from '../surveys/model.js';
import { csvRow, type CsvCellOptions } from '../../tally/index.js';
import { parseInput } from '../validation.js';
import { AUDIT_EXPORT } from './audit-log.js';
import { BALLOTS_EXPORT } from './ballots.js';
import { BLT_EXPORT } from './blt.js';
import { exportOptionsSchema } from './options.js';
import { PAIRWISE_EXPORT } from './pairwise.js';
import { PARTICIPATION_EXPORT } from './participation.js';
import { PROPOSALS_EXPORT } from './proposals.js';
import { ROUNDS_EXPORT } from './rounds.js';
import type { DecimalMark, ExportContext, ExportDefinition } from './shared.js';
import { TALLY_EXPORT } from './tally.js';
import { TRACE_EXPORT } from './trace.js';

export { exportOptionsSchema, type ExportOptions } from './options.js';
export type { ExportDefinition } from './shared.js';

/** Every export kind; their order is the exports page's. A new kind is its file and one entry here. */
export const EXPORT_DEFINITIONS = {
  ballots: BALLOTS_EXPORT,
  tally: TALLY_EXPORT,
  rounds: ROUNDS_EXPORT,
  pairwise: PAIRWISE_EXPORT,
  participation: PARTICIPATION_EXPORT,
  proposals: PROPOSALS_EXPORT,
  audit: AUDIT_EXPORT,
  blt: BLT_EXPORT,
  trace: TRACE_EXPORT,
} as const satisfies Record<string, ExportDefinition>;

export type ExportKind = keyof typeof EXPORT_DEFINITIONS;
export const EXPORT_KINDS = Object.freeze(Object.keys(EXPORT_DEFINITIONS) as ExportKind[]);

export interface ExportFile {
  readonly fileName: string;
  readonly contentType: string;
  /** Writes the file to `out`, then records its SHA-256 in the audit log and returns it. */
  write(out: Writable): Promise<{ sha256: string; bytes: number; rows: number }>;
}

export function isExportKind(value: string): value is ExportKind {
  return Object.hasOwn(EXPORT_DEFINITIONS, value);
}

/** `ballots.csv`, `tally.csv`, …, `ballots.blt` → the kind of export, or null. */
export function exportKindOfFile(name: string, extension: string): ExportKind | null {
  return EXPORT_KINDS.find((kind) => EXPORT_DEFINITIONS[kind].file.name === name && EXPORT_DEFINITIONS[kind].file.extension === extension) ?? null;
}

/** The CSV kinds the exports page offers someone with this role. */
export function listedExportKinds(role: Role): ExportKind[] {
  return EXPORT_KINDS.filter((kind) => EXPORT_DEFINITIONS[kind].listed && (!EXPORT_DEFINITIONS[kind].adminOnly || role === 'admin'));
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/** File names that say the survey and the kind, e.g. ic-2007-17_international-dialogue-on-migration-2008_ballots.csv. */
export function exportFileName(survey: Survey, kind: ExportKind, question?: Question): string {
  const { file } = EXPORT_DEFINITIONS[kind];
  const parts = [survey.reference ? slug(survey.reference) : `survey-${survey.id}`, slug(survey.title.en), file.name];
  if (question) parts.push(`q${question.position}`);
  return `${parts.filter(Boolean).join('_')}.${file.extension}`;
}

function pickQuestions(survey: Survey, questionId: number | undefined): Question[] {
  if (questionId === undefined) return [...survey.questions];
  const q = survey.questions.find((x) => x.id === questionId);
  if (!q) throw new AppError('not_found', 'errors.notFound');
  return [q];
}

/**
 * Builds an export; the caller streams it. Staff and administrators only, and delegates for the
 * kinds open to them once the results are published; the audit log to administrators.
 */
export async function prepareExport(deps: Deps, actor: Actor, surveyId: number, kind: ExportKind, rawOptions: unknown): Promise<ExportFile> {
  const definition: ExportDefinition = EXPORT_DEFINITIONS[kind];
  if (actor.role !== 'admin' && actor.role !== 'staff' && !(actor.role === 'delegate' && definition.delegatesOncePublished)) {
    throw new AppError('forbidden', 'errors.forbidden');
  }
  if (definition.adminOnly && actor.role !== 'admin') throw new AppError('forbidden', 'errors.forbidden');
  const options = parseInput(exportOptionsSchema, rawOptions ?? {});
  const survey = await findSurvey(deps.db, surveyId);
  if (!survey) throw new AppError('not_found', 'errors.notFound');
  assertMayReadResults(actor, survey, effectiveStatus(survey, deps.clock.now()));
  const questions = pickQuestions(survey, options.question);
  const single = options.question === undefined ? undefined : questions[0];
  if (definition.oneQuestion !== undefined && !single) throw new AppError('invalid', definition.oneQuestion, {}, [{ field: 'question', key: definition.oneQuestion }]);
  const counted = definition.counts
    ? (await surveyResults(deps, actor, surveyId)).questions.filter((q) => questions.some((x) => x.id === q.question.id))
    : [];

  const mark: DecimalMark = options.sep === 'semicolon' ? ',' : '.';
  const context: ExportContext = { deps, actor, survey, questions, single, options, counted, mark };
  const csv: CsvCellOptions = { delimiter: options.sep === 'semicolon' ? ';' : ',', neutraliseFormulas: true, quoteLoneLineBreaks: false };

  return {
    fileName: exportFileName(survey, kind, single),
    contentType: definition.contentType,
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
      const body = definition.body(context);
      // A byte-order mark is for spreadsheets; counting programs reading BLT do not expect one.
      if (options.bom && body.format === 'csv') measure.write(Buffer.from('\uFEFF', 'utf8'));
      const source = body.format === 'text'
        ? Readable.from(body.text, { objectMode: false })
        : Readable.from((async function* () {
          for await (const chunk of body.chunks) {
            count += chunk.length;
            if (chunk.length > 0) yield chunk.map((row) => csvRow(row, csv)).join('');
          }
        })(), { objectMode: false });
      // The file ends only once its hash is in the audit log: whoever has the whole file can check it there.
      await pipeline(source, measure, out, { end: false });
      const sha256 = hash.digest('hex');
      const rows = body.format === 'text' ? body.rows : Math.max(0, count - 1);
      try {
        await deps.db.transaction((tx) => appendAuditEntry(deps, tx, {
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
