import type { Knex } from 'knex';
import { z } from 'zod';
import { METHODS } from '../tally/index.js';
import { cacheSlot, VersionedCache } from './cache-slot.js';
import { changeContent, readContentVersion } from './content-version.js';
import { connectionOf, Tx, type Queryable } from './database.js';
import { flag, insertedId, nullableText, nullableWholeNumber, text, textOrEmpty, wholeNumber } from './row-schemas.js';


type Row = Record<string, unknown>;

export const SURVEY_STATUSES = ['draft', 'open', 'closed', 'published'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

/** Text in English, with French and Spanish beside it; null where not yet translated. */
export interface Localised {
  readonly en: string;
  readonly fr: string | null;
  readonly es: string | null;
}

/** The title and description columns of surveys, questions and options, in the three languages. */
const TITLE_AND_DESCRIPTION = {
  title_en: textOrEmpty, title_fr: nullableText, title_es: nullableText,
  description_en: textOrEmpty, description_fr: nullableText, description_es: nullableText,
};
type TitleAndDescriptionColumns = z.output<z.ZodObject<typeof TITLE_AND_DESCRIPTION>>;

function titleAndDescription(r: TitleAndDescriptionColumns): { title: Localised; description: Localised } {
  return {
    title: { en: r.title_en, fr: r.title_fr, es: r.title_es },
    description: { en: r.description_en, fr: r.description_fr, es: r.description_es },
  };
}

export function localisedColumns(field: string, text: Localised): Row {
  return { [`${field}_en`]: text.en, [`${field}_fr`]: text.fr, [`${field}_es`]: text.es };
}

/**
 * An option with the code and names of the Member State that proposed it, as loadQuestions selects
 * it (a Member State's change moves the content version, so the names stay current in the cache).
 */
const OPTION_ROW = z.object({
  id: wholeNumber, question_id: wholeNumber, position: wholeNumber, label: textOrEmpty, ...TITLE_AND_DESCRIPTION, proposed_by_iso3: nullableText,
  proposed_by_name_en: nullableText, proposed_by_name_fr: nullableText, proposed_by_name_es: nullableText,
}).transform((r) => ({
  questionId: r.question_id,
  option: {
    id: r.id, position: r.position, label: r.label, ...titleAndDescription(r), proposedBy: r.proposed_by_iso3,
    proposedByNames: r.proposed_by_name_en === null ? null : { en: r.proposed_by_name_en, fr: r.proposed_by_name_fr ?? r.proposed_by_name_en, es: r.proposed_by_name_es ?? r.proposed_by_name_en },
  },
}));

export type OptionRow = Readonly<z.output<typeof OPTION_ROW>['option']>;

const QUESTION_ROW = z.object({
  id: wholeNumber, survey_id: wholeNumber, position: wholeNumber, ...TITLE_AND_DESCRIPTION, seats: wholeNumber,
  method: z.literal(METHODS), max_ranks: nullableWholeNumber, allow_abstain: flag, allow_comment: flag, allow_proposals: flag,
}).transform((r) => ({
  surveyId: r.survey_id,
  question: {
    id: r.id, position: r.position, ...titleAndDescription(r), seats: r.seats, method: r.method,
    /** Most ranks a ballot may give; null means all options. */
    maxRanks: r.max_ranks,
    allowAbstain: r.allow_abstain, allowComment: r.allow_comment, allowProposals: r.allow_proposals,
  },
}));

export type QuestionRow = Readonly<z.output<typeof QUESTION_ROW>['question']> & { readonly options: readonly OptionRow[] };

const SURVEY_ROW = z.object({
  id: wholeNumber, ...TITLE_AND_DESCRIPTION, reference: textOrEmpty, status: z.literal(SURVEY_STATUSES), closes_at: nullableText,
  quorum: nullableWholeNumber, seed: nullableText, opened_at: nullableText, translation_override: nullableText,
  options_reopened: flag, created_at: text, updated_at: text,
}).transform((r) => ({
  id: r.id, ...titleAndDescription(r), reference: r.reference,
  /** As stored; see effectiveStatus in the domain for what holds at a given moment. */
  storedStatus: r.status,
  closesAt: r.closes_at, quorum: r.quorum, seed: r.seed, openedAt: r.opened_at, translationOverride: r.translation_override,
  optionsReopened: r.options_reopened, createdAt: r.created_at, updatedAt: r.updated_at,
}));

/** A survey with its questions and their options. */
export type SurveyRow = Readonly<z.output<typeof SURVEY_ROW>> & { readonly questions: readonly QuestionRow[] };

const SURVEY_STATUS_ROW = z.object({ id: wholeNumber, status: z.literal(SURVEY_STATUSES), closes_at: nullableText })
  .transform((r) => ({ id: r.id, storedStatus: r.status, closesAt: r.closes_at }));

function toSurvey(r: unknown, questions: readonly QuestionRow[]): SurveyRow {
  return { ...SURVEY_ROW.parse(r), questions };
}

async function loadQuestions(db: Knex, surveyIds: number[]): Promise<Map<number, QuestionRow[]>> {
  const byS = new Map<number, QuestionRow[]>();
  if (surveyIds.length === 0) return byS;
  const qRows: Row[] = await db('questions').whereIn('survey_id', surveyIds).orderBy(['survey_id', 'position', 'id']);
  const oRows: Row[] = qRows.length
    ? await db('options').leftJoin('member_states', 'member_states.id', 'options.proposed_by')
      .whereIn('question_id', qRows.map((q) => Number(q.id)))
      .select('options.*', 'member_states.iso3 as proposed_by_iso3', 'member_states.name_en as proposed_by_name_en',
        'member_states.name_fr as proposed_by_name_fr', 'member_states.name_es as proposed_by_name_es')
      .orderBy(['question_id', 'position', 'options.id'])
    : [];
  const byQ = new Map<number, OptionRow[]>();
  for (const row of oRows) {
    const { questionId, option } = OPTION_ROW.parse(row);
    const list = byQ.get(questionId) ?? [];
    list.push(option);
    byQ.set(questionId, list);
  }
  for (const row of qRows) {
    const { surveyId, question } = QUESTION_ROW.parse(row);
    const list = byS.get(surveyId) ?? [];
    list.push({ ...question, options: byQ.get(question.id) ?? [] });
    byS.set(surveyId, list);
  }
  return byS;
}

/**
 * Questions and options of surveys read outside a transaction, per survey, with the content
 * version they were read at: they change only when the version does.
 */
const SURVEY_CONTENT = cacheSlot('survey questions and options', () => new VersionedCache<number, readonly QuestionRow[]>(500));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Read at every page of a survey, so written out for rawRows. */
const SURVEY_WITH_CONTENT_VERSION = `select surveys.*, (select version from content_version where content_version.id = 1) as content_version
  from surveys where surveys.id = ? limit 1`;

/**
 * A survey with its questions and options. Outside a transaction the questions and options come
 * from memory when the content version read with the survey says they have not changed; the
 * survey's own row (status, closing time) is read every time.
 */
export async function findSurvey(q: Queryable, id: number): Promise<SurveyRow | undefined> {
  if (q instanceof Tx) {
    const r = await q.knex('surveys').where({ id }).first();
    return r ? toSurvey(r, (await loadQuestions(q.knex, [id])).get(id) ?? []) : undefined;
  }
  const [r] = await q.rows(SURVEY_WITH_CONTENT_VERSION, [id]);
  if (!r) return undefined;
  const version = String(r.content_version);
  const cache = q.cache(SURVEY_CONTENT);
  const cached = cache.get(id, version);
  if (cached) return toSurvey(r, cached);
  const questions = deepFreeze((await loadQuestions(q.readers, [id])).get(id) ?? []);
  // Kept only if nothing changed while they were read.
  if (await readContentVersion(q) === version) cache.set(id, version, questions);
  return toSurvey(r, questions);
}

/**
 * PostgreSQL: locks the survey's row for a change of its status or closing time, until the
 * transaction ends, before anything else is read or locked (in the order a change of its content
 * takes its locks: the survey's row, then the audit head). SQLite writes one transaction at a time.
 */
export async function lockSurveyForChange(tx: Tx, id: number): Promise<void> {
  if (tx.database.engine !== 'postgres') return;
  await tx.knex.raw('select id from surveys where id = ? for no key update', [id]);
}

/** Only what decides whether a survey takes ballots at a given moment, in one query. */
export async function findSurveyStatus(q: Queryable, id: number): Promise<Pick<SurveyRow, 'id' | 'storedStatus' | 'closesAt'> | undefined> {
  const db = connectionOf(q);
  const r = await db('surveys').where({ id }).first('id', 'status', 'closes_at');
  return r ? SURVEY_STATUS_ROW.parse(r) : undefined;
}

export async function listSurveyRows(q: Queryable, statuses?: readonly SurveyStatus[]): Promise<SurveyRow[]> {
  const db = connectionOf(q);
  const query = db('surveys').orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (statuses) query.whereIn('status', statuses);
  const rows: Row[] = await query;
  const questions = await loadQuestions(db, rows.map((r) => Number(r.id)));
  return rows.map((r) => toSurvey(r, questions.get(Number(r.id)) ?? []));
}

export async function insertSurvey(tx: Tx, fields: Row): Promise<number> {
  const db = tx.knex;
  return insertedId(await db('surveys').insert(fields).returning('id'));
}

export async function updateSurveyRow(tx: Tx, id: number, fields: Row): Promise<void> {
  const db = tx.knex;
  await db('surveys').where({ id }).update(fields);
}

/** Changes the status only if it is still `from`; false when another request changed it first. */
export async function transitionSurvey(tx: Tx, id: number, from: SurveyStatus, fields: Row): Promise<boolean> {
  const db = tx.knex;
  return (await db('surveys').where({ id, status: from }).update(fields)) === 1;
}

export async function insertQuestion(tx: Tx, fields: Row): Promise<number> {
  return insertedId(await changeContent(tx, (db) => db('questions').insert(fields).returning('id')));
}

export async function updateQuestion(tx: Tx, id: number, fields: Row): Promise<void> {
  await changeContent(tx, (db) => db('questions').where({ id }).update(fields));
}

export async function deleteQuestions(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await changeContent(tx, (db) => db('questions').whereIn('id', ids).del());
}

export async function insertOption(tx: Tx, fields: Row): Promise<number> {
  return insertedId(await changeContent(tx, (db) => db('options').insert(fields).returning('id')));
}

export async function updateOption(tx: Tx, id: number, fields: Row): Promise<void> {
  await changeContent(tx, (db) => db('options').where({ id }).update(fields));
}

export async function deleteOptions(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await changeContent(tx, (db) => db('options').whereIn('id', ids).del());
}

export async function maxOptionPosition(q: Queryable, questionId: number): Promise<number> {
  const db = connectionOf(q);
  const r = await db('options').where({ question_id: questionId }).max({ m: 'position' }).first();
  return Number(r?.m ?? 0);
}
