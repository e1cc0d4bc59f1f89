import type { Knex } from 'knex';
import type { Localised, Question, Survey, SurveyOption, SurveyStatus } from '../domain/surveys/model.js';
import type { Method } from '../tally/index.js';
import { cacheSlot, VersionedCache } from './cache-slot.js';
import { toBoolean } from './connection.js';
import { changeContent, readContentVersion } from './content-version.js';
import { connectionOf, Tx, type Queryable } from './database.js';


type Row = Record<string, unknown>;

function localised(r: Row, field: string): Localised {
  return { en: String(r[`${field}_en`] ?? ''), fr: (r[`${field}_fr`] as string | null) ?? null, es: (r[`${field}_es`] as string | null) ?? null };
}

export function localisedColumns(field: string, text: Localised): Row {
  return { [`${field}_en`]: text.en, [`${field}_fr`]: text.fr, [`${field}_es`]: text.es };
}

function toSurvey(r: Row, questions: Question[]): Survey {
  return {
    id: Number(r.id),
    title: localised(r, 'title'),
    description: localised(r, 'description'),
    reference: String(r.reference ?? ''),
    storedStatus: r.status as SurveyStatus,
    closesAt: (r.closes_at as string | null) ?? null,
    quorum: r.quorum == null ? null : Number(r.quorum),
    seed: (r.seed as string | null) ?? null,
    openedAt: (r.opened_at as string | null) ?? null,
    translationOverride: (r.translation_override as string | null) ?? null,
    optionsReopened: toBoolean(r.options_reopened),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    questions,
  };
}

async function loadQuestions(db: Knex, surveyIds: number[]): Promise<Map<number, Question[]>> {
  const byS = new Map<number, Question[]>();
  if (surveyIds.length === 0) return byS;
  const qRows: Row[] = await db('questions').whereIn('survey_id', surveyIds).orderBy(['survey_id', 'position', 'id']);
  const oRows: Row[] = qRows.length
    ? await db('options').leftJoin('member_states', 'member_states.id', 'options.proposed_by')
      .whereIn('question_id', qRows.map((q) => Number(q.id)))
      .select('options.*', 'member_states.iso3 as proposed_by_iso3')
      .orderBy(['question_id', 'position', 'options.id'])
    : [];
  const byQ = new Map<number, SurveyOption[]>();
  for (const o of oRows) {
    const list = byQ.get(Number(o.question_id)) ?? [];
    list.push({ id: Number(o.id), position: Number(o.position), label: String(o.label ?? ''), title: localised(o, 'title'), description: localised(o, 'description'), proposedBy: (o.proposed_by_iso3 as string | null) ?? null });
    byQ.set(Number(o.question_id), list);
  }
  for (const q of qRows) {
    const list = byS.get(Number(q.survey_id)) ?? [];
    list.push({
      id: Number(q.id), position: Number(q.position), title: localised(q, 'title'), description: localised(q, 'description'),
      seats: Number(q.seats), method: q.method as Method, maxRanks: q.max_ranks == null ? null : Number(q.max_ranks),
      allowAbstain: toBoolean(q.allow_abstain), allowComment: toBoolean(q.allow_comment), allowProposals: toBoolean(q.allow_proposals),
      options: byQ.get(Number(q.id)) ?? [],
    });
    byS.set(Number(q.survey_id), list);
  }
  return byS;
}

/**
 * Questions and options of surveys read outside a transaction, per survey, with the content
 * version they were read at: they change only when the version does.
 */
const SURVEY_CONTENT = cacheSlot('survey questions and options', () => new VersionedCache<number, readonly Question[]>(500));

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
export async function findSurvey(q: Queryable, id: number): Promise<Survey | undefined> {
  if (q instanceof Tx) {
    const r = await q.knex('surveys').where({ id }).first();
    return r ? toSurvey(r, (await loadQuestions(q.knex, [id])).get(id) ?? []) : undefined;
  }
  const [r] = await q.rows(SURVEY_WITH_CONTENT_VERSION, [id]);
  if (!r) return undefined;
  const version = String(r.content_version);
  const cache = q.cache(SURVEY_CONTENT);
  const cached = cache.get(id, version);
  if (cached) return toSurvey(r, cached as Question[]);
  const questions = deepFreeze((await loadQuestions(q.readers, [id])).get(id) ?? []);
  // Kept only if nothing changed while they were read.
  if (await readContentVersion(q) === version) cache.set(id, version, questions);
  return toSurvey(r, questions);
}

/** Only what decides whether a survey takes ballots at a given moment, in one query. */
export async function findSurveyStatus(q: Queryable, id: number): Promise<Pick<Survey, 'id' | 'storedStatus' | 'closesAt'> | undefined> {
  const db = connectionOf(q);
  const r = await db('surveys').where({ id }).first('id', 'status', 'closes_at');
  return r ? { id: Number(r.id), storedStatus: r.status as SurveyStatus, closesAt: (r.closes_at as string | null) ?? null } : undefined;
}

export async function listSurveyRows(q: Queryable, statuses?: readonly SurveyStatus[]): Promise<Survey[]> {
  const db = connectionOf(q);
  const query = db('surveys').orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (statuses) query.whereIn('status', statuses);
  const rows: Row[] = await query;
  const questions = await loadQuestions(db, rows.map((r) => Number(r.id)));
  return rows.map((r) => toSurvey(r, questions.get(Number(r.id)) ?? []));
}

export async function insertSurvey(tx: Tx, fields: Row): Promise<number> {
  const db = tx.knex;
  const [row] = await db('surveys').insert(fields).returning('id');
  return Number(typeof row === 'object' ? row.id : row);
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
  const [row] = await changeContent(tx, (db) => db('questions').insert(fields).returning('id'));
  return Number(typeof row === 'object' ? row.id : row);
}

export async function updateQuestion(tx: Tx, id: number, fields: Row): Promise<void> {
  await changeContent(tx, (db) => db('questions').where({ id }).update(fields));
}

export async function deleteQuestions(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await changeContent(tx, (db) => db('questions').whereIn('id', ids).del());
}

export async function insertOption(tx: Tx, fields: Row): Promise<number> {
  const [row] = await changeContent(tx, (db) => db('options').insert(fields).returning('id'));
  return Number(typeof row === 'object' ? row.id : row);
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
