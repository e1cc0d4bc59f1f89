import { z } from 'zod';
import { LANGUAGES, type Language } from '../i18n/languages.js';
import { connectionOf, isPostgres, rawRows, type Queryable, type Tx } from './database.js';
import { listOverviewTranslations, translationsSnapshot } from './overview-translations.js';
import { insertedId, jsonText, nullableText, nullableWholeNumber, text, wholeNumber } from './row-schemas.js';

export const OVERVIEW_STATUSES = ['draft', 'submitted', 'returned', 'published', 'withdrawn'] as const;
export type OverviewStatus = (typeof OVERVIEW_STATUSES)[number];

const OVERVIEW_ROW = z.object({
  id: wholeNumber,
  event_id: wholeNumber,
  member_state_id: wholeNumber,
  iso3: text,
  name_en: text,
  name_fr: text,
  name_es: text,
  language: z.literal(LANGUAGES),
  title: text,
  status: z.literal(OVERVIEW_STATUSES),
  revision: wholeNumber,
  sections: jsonText(z.array(z.string())),
  comment: text,
  updated_by: nullableWholeNumber,
  updated_by_label: text,
  updated_at: text,
  submitted_at: nullableText,
  published_at: nullableText,
  created_at: text,
  /** The attached PDF's name, size and SHA-256 (overview_attachments), null when there is none. */
  attachment_name: nullableText,
  attachment_size: nullableWholeNumber,
  attachment_sha256: nullableText,
});
export type OverviewRow = Readonly<z.output<typeof OVERVIEW_ROW>>;

export interface OverviewFields {
  readonly language: Language;
  readonly title: string;
  readonly status: OverviewStatus;
  readonly sections: readonly string[];
  readonly comment: string;
  readonly updated_by: number | null;
  readonly updated_by_label: string;
  readonly updated_at: string;
  readonly submitted_at?: string | null;
  readonly published_at?: string | null;
}

function overviews(q: Queryable) {
  return connectionOf(q)('overviews as o').join('member_states as m', 'm.id', 'o.member_state_id')
    .leftJoin('overview_attachments as a', 'a.overview_id', 'o.id')
    .select('o.*', 'm.iso3', 'm.name_en', 'm.name_fr', 'm.name_es', 'a.file_name as attachment_name', 'a.size as attachment_size', 'a.sha256 as attachment_sha256');
}

function fromRow(r: unknown): OverviewRow {
  return OVERVIEW_ROW.parse(r);
}

export async function findOverview(q: Queryable, id: number): Promise<OverviewRow | undefined> {
  const r: unknown = await overviews(q).where('o.id', id).first();
  return r ? fromRow(r) : undefined;
}

export async function findOverviewOf(q: Queryable, eventId: number, memberStateId: number): Promise<OverviewRow | undefined> {
  const r: unknown = await overviews(q).where({ 'o.event_id': eventId, 'o.member_state_id': memberStateId }).first();
  return r ? fromRow(r) : undefined;
}

/** Overviews waiting for the Administration or already decided, newest first (not drafts). */
export async function listReviewableOverviews(q: Queryable): Promise<OverviewRow[]> {
  return (await overviews(q).whereNot('o.status', 'draft').orderBy('o.updated_at', 'desc')).map(fromRow);
}

function serialise(fields: OverviewFields) {
  return { ...fields, sections: JSON.stringify(fields.sections) };
}

export async function insertOverview(tx: Tx, eventId: number, memberStateId: number, fields: OverviewFields): Promise<number> {
  return insertedId(await tx.knex('overviews').insert({
    ...serialise(fields), event_id: eventId, member_state_id: memberStateId, revision: 1, created_at: fields.updated_at,
  }).returning('id'));
}

/**
 * Moves an overview to its next revision, only if it is still at `from` (the revision the change
 * was made from): true when it moved, false when another change came first.
 */
export async function advanceOverview(tx: Tx, id: number, from: number, fields: OverviewFields): Promise<boolean> {
  const changed = await tx.knex('overviews').where({ id, revision: from }).update({ ...serialise(fields), revision: from + 1 });
  return changed === 1;
}

export async function insertOverviewRevision(tx: Tx, row: OverviewRow): Promise<void> {
  await tx.knex('overview_revisions').insert({
    overview_id: row.id, revision: row.revision, status: row.status, language: row.language, title: row.title,
    sections: JSON.stringify(row.sections), saved_by: row.updated_by, saved_by_label: row.updated_by_label, saved_at: row.updated_at,
    translations: translationsSnapshot(await listOverviewTranslations(tx, [row.id])),
  });
}

// ---------------------------------------------------------------------------------------------
// Full-text search over published overviews.

const SEARCH_CONFIGS: Readonly<Record<Language, string>> = { en: 'english', fr: 'french', es: 'spanish' };
/** Lower case, accents removed: "Migración" → "migracion". */
export function foldForSearch(value: string): string {
  return value.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a query, folded, letters and digits only (so they need no quoting in either engine's syntax). */
export function searchTerms(query: string): string[] {
  return foldForSearch(query).split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0).slice(0, 12).map((t) => t.slice(0, 60));
}

/** One language version of a published overview, as indexed: the original or a translation. */
export interface IndexedVersion {
  readonly language: Language;
  readonly original: boolean;
  readonly title: string;
  /** The plain text of its sections. */
  readonly text: string;
}

/** SQLite: a document's row id is the overview's id × 4 + its language's number. */
const LANGUAGE_NUMBER: Readonly<Record<Language, number>> = { en: 1, fr: 2, es: 3 };
const SQLITE_LANGUAGE = "CASE %s % 4 WHEN 1 THEN 'en' WHEN 2 THEN 'fr' ELSE 'es' END";

/** Puts a published overview's language versions into the index (or refreshes them), each stemmed as its language is. */
export async function indexOverview(tx: Tx, id: number, versions: readonly IndexedVersion[]): Promise<void> {
  await unindexOverview(tx, id);
  for (const v of versions) {
    if (tx.database.engine === 'postgres') {
      const config = SEARCH_CONFIGS[v.language];
      await tx.knex.raw(
        `INSERT INTO overview_search (overview_id, language, original, title, body, document)
         VALUES (?, ?, ?, ?, ?, setweight(to_tsvector(?::regconfig, ?), 'A') || setweight(to_tsvector(?::regconfig, ?), 'B'))`,
        [id, v.language, v.original, v.title, v.text, config, foldForSearch(v.title), config, foldForSearch(v.text)],
      );
    } else {
      await tx.knex.raw('INSERT INTO overview_search (rowid, title, body) VALUES (?, ?, ?)', [id * 4 + LANGUAGE_NUMBER[v.language], v.title, v.text]);
    }
  }
}

export async function unindexOverview(tx: Tx, id: number): Promise<void> {
  if (tx.database.engine === 'postgres') await tx.knex('overview_search').where({ overview_id: id }).delete();
  else await tx.knex.raw('DELETE FROM overview_search WHERE rowid BETWEEN ? AND ?', [id * 4, id * 4 + 3]);
}

export interface CatalogueFilters {
  readonly q: string;
  readonly language?: Language;
  readonly memberStateIso3?: string;
  readonly eventId?: number;
  /** The survey option the overview's event treats (events.option_id). */
  readonly topicId?: number;
  readonly year?: number;
  readonly sort: 'relevance' | 'date';
  readonly limit: number;
  readonly offset: number;
}

const HIT_ROW = z.object({
  id: wholeNumber,
  event_id: wholeNumber,
  /** The option the event treats, if any. */
  topic_id: nullableWholeNumber,
  iso3: text,
  name_en: text,
  name_fr: text,
  name_es: text,
  /** The language of the version found (the original or a translation) and its title. */
  language: z.literal(LANGUAGES),
  title: text,
  /** The language the delegation wrote the overview in. */
  original_language: z.literal(LANGUAGES),
  published_at: text,
  /** The indexed text of the version found, for the snippet; null without a query. */
  body: nullableText,
});
export type CatalogueHit = Readonly<z.output<typeof HIT_ROW>>;

/**
 * The catalogue's version: what it shows moves with it. Every change of an overview writes a row of
 * overview_revisions (so the last row's id moves with any publication or withdrawal), events are
 * only ever added, and the survey content version moves with any change of the options that are
 * the topics; on every instance sharing the database. What is remembered of the catalogue holds
 * while it does not move.
 */
export async function catalogueVersion(q: Queryable): Promise<string> {
  const [row] = await rawRows(q, `SELECT (SELECT max(id) FROM overview_revisions) AS revisions, (SELECT max(id) FROM events) AS events,
    (SELECT version FROM content_version WHERE id = 1) AS content`, []);
  return `${String(row?.revisions ?? 0)}/${String(row?.events ?? 0)}/${String(row?.content ?? 0)}`;
}

/**
 * Published overviews matching every word of the query (each as a prefix, stems and accents folded
 * by the engine's own index) in one of their language versions, filtered, by relevance or newest
 * first; an overview found in several versions is one hit, in its best-matching version (its
 * original when it is among them and the order is by date). No query: all of them, newest first.
 * The language filter keeps the versions in that language, translations included. With `bodies`,
 * each hit carries the text of the version found (for a snippet) when there is a query.
 */
export async function searchPublishedOverviews(q: Queryable, filters: CatalogueFilters, options: { readonly bodies: boolean } = { bodies: true }): Promise<CatalogueHit[]> {
  const terms = searchTerms(filters.q);
  const where: string[] = ["o.status = 'published'"];
  const bindings: unknown[] = [];
  if (filters.memberStateIso3) { where.push('m.iso3 = ?'); bindings.push(filters.memberStateIso3); }
  if (filters.eventId !== undefined) { where.push('o.event_id = ?'); bindings.push(filters.eventId); }
  if (filters.topicId !== undefined) { where.push('e.option_id = ?'); bindings.push(filters.topicId); }
  if (filters.year !== undefined) { where.push('substr(coalesce(e.starts_on, o.published_at), 1, 4) = ?'); bindings.push(String(filters.year)); }
  const joins = 'JOIN member_states m ON m.id = o.member_state_id JOIN events e ON e.id = o.event_id';
  const columns = 'o.id, o.event_id, e.option_id AS topic_id, m.iso3, m.name_en, m.name_fr, m.name_es, o.language AS original_language, o.published_at';
  if (terms.length === 0) {
    // Every published overview, newest first; with a language, those written or translated in it.
    const byLanguage = filters.language !== undefined;
    const sql = `SELECT ${columns}, ${byLanguage ? 'coalesce(t.language, o.language) AS language, coalesce(t.title, o.title) AS title' : 'o.language AS language, o.title'}, NULL AS body
      FROM overviews o ${joins}${byLanguage ? ' LEFT JOIN overview_translations t ON t.overview_id = o.id AND t.language = ?' : ''}
      WHERE ${[...where, ...(byLanguage ? ['(o.language = ? OR t.overview_id IS NOT NULL)'] : [])].join(' AND ')}
      ORDER BY o.published_at DESC, o.id DESC LIMIT ? OFFSET ?`;
    const all = [...(byLanguage ? [filters.language] : []), ...bindings, ...(byLanguage ? [filters.language] : []), filters.limit, filters.offset];
    return (await rawRows(q, sql, all)).map((r) => HIT_ROW.parse(r));
  }
  const found = isPostgres(q) ? await matchesOnPostgres(q, filters, terms, columns, joins, where, bindings) : await matchesOnSqlite(q, filters, terms, columns, joins, where, bindings);
  if (found.length === 0) return [];
  // The title and text of the versions on this page alone: read in the sorted query, every
  // match's text would be carried through the sort.
  const documents = isPostgres(q)
    ? await connectionOf(q)('overview_search').whereIn(['overview_id', 'language'], found.map((h) => [h.id, h.language])).select('overview_id as id', 'language', 'title', 'body')
    : (await connectionOf(q)('overview_search').whereIn('rowid', found.map((h) => h.id * 4 + LANGUAGE_NUMBER[h.language])).select('rowid as doc', 'title', 'body'))
      .map((d: { doc: unknown }) => ({ ...d, id: Math.floor(Number(d.doc) / 4), language: LANGUAGES[(Number(d.doc) % 4) - 1] }));
  const byVersion = new Map(documents.map((d: { id: unknown; language: unknown; title: unknown; body: unknown }) => [`${Number(d.id)}:${String(d.language)}`, d]));
  return found.map((h) => {
    const d = byVersion.get(`${h.id}:${h.language}`);
    return { ...h, title: d ? String(d.title) : h.title, body: options.bodies && d ? String(d.body) : null };
  });
}

type Matcher = (q: Queryable, filters: CatalogueFilters, terms: string[], columns: string, joins: string, where: string[], bindings: unknown[]) => Promise<CatalogueHit[]>;

/**
 * SQLite: the full-text match is the outer loop (driven from the overviews' index, SQLite would run
 * the match again for every published overview); each match's columns are read from the covering
 * index overviews_catalogue (read from the row, its date lies past the sections' overflow pages).
 * The match is kept a subquery of its own (LIMIT -1) so that bm25 is computed where it may be.
 */
const matchesOnSqlite: Matcher = async (q, filters, terms, columns, joins, where, bindings) => {
  const match = terms.map((t) => `"${t}"*`).join(' AND ');
  const originalNumber = "CASE o.language WHEN 'en' THEN 1 WHEN 'fr' THEN 2 ELSE 3 END";
  const byRelevance = filters.sort !== 'date';
  // By relevance, an overview's best-ranked version; by date, its original if it matched.
  const pick = byRelevance ? 'min(s.score)' : `min((s.doc % 4 <> ${originalNumber}) * 4 + s.doc % 4)`;
  const sql = `SELECT ${columns}, ${SQLITE_LANGUAGE.replace('%s', 's.doc')} AS language, o.title, NULL AS body, ${pick} AS pick
    FROM (SELECT rowid AS doc, ${byRelevance ? 'bm25(overview_search, 2.0, 1.0)' : '0'} AS score FROM overview_search
      WHERE overview_search MATCH ?${filters.language ? ' AND rowid % 4 = ?' : ''} LIMIT -1) s
    CROSS JOIN overviews o INDEXED BY overviews_catalogue ON o.id = s.doc / 4 ${joins}
    WHERE ${where.join(' AND ')} GROUP BY o.id
    ORDER BY ${byRelevance ? 'pick, ' : ''}o.published_at DESC, o.id DESC LIMIT ? OFFSET ?`;
  const all = [match, ...(filters.language ? [LANGUAGE_NUMBER[filters.language]] : []), ...bindings, filters.limit, filters.offset];
  return (await rawRows(q, sql, all)).map((r) => HIT_ROW.parse(r));
};

/**
 * PostgreSQL: each document is matched, and ranked, with the query parsed by its own language's
 * configuration (stems differ between languages): one branch per language searched, so that each
 * can use the GIN index, each with its query parsed once. Ranked where the documents are read, so
 * that only each match's id and rank go through the joins and the sort; an overview's versions are
 * then one hit, its best-ranked (or, by date, its original).
 */
const matchesOnPostgres: Matcher = async (q, filters, terms, columns, joins, where, bindings) => {
  const tsquery = terms.map((t) => `${t}:*`).join(' & ');
  const languages = (filters.language ? [filters.language] : LANGUAGES).map((l) => [l, SEARCH_CONFIGS[l]] as const);
  const matches = languages.map(() => '(s.language = ? AND s.document @@ to_tsquery(?::regconfig, ?))').join(' OR ');
  const matchBindings = languages.flatMap(([language, config]) => [language, config, tsquery]);
  const byRelevance = filters.sort !== 'date';
  const rank = byRelevance ? `CASE s.language ${languages.map(() => 'WHEN ? THEN ts_rank(s.document, to_tsquery(?::regconfig, ?))').join(' ')} END` : '0';
  // Every indexed overview is published, so with no filter but the language (which picks the
  // branches) the page can only hold overviews whose best version ranks among the first
  // 3 × (offset + limit) documents, ties included (an overview has at most three versions): only
  // those are joined and sorted. Otherwise OFFSET 0 keeps the subquery whole.
  const narrow = byRelevance && filters.memberStateIso3 === undefined && filters.eventId === undefined && filters.topicId === undefined && filters.year === undefined;
  const sql = `SELECT ${columns}, s.language, o.title, NULL AS body, s.rank
    FROM (SELECT DISTINCT ON (d.overview_id) d.overview_id, d.language, d.rank
      FROM (SELECT s.overview_id, s.language, s.original, ${rank} AS rank FROM overview_search s WHERE ${matches}
        ${narrow ? 'ORDER BY rank DESC FETCH FIRST ? ROWS WITH TIES' : 'OFFSET 0'}) d
      ORDER BY d.overview_id, d.rank DESC, d.original DESC) s
    JOIN overviews o ON o.id = s.overview_id ${joins}
    WHERE ${where.join(' AND ')} ORDER BY ${byRelevance ? 's.rank DESC, ' : ''}o.published_at DESC, o.id DESC LIMIT ? OFFSET ?`;
  const all = [...(byRelevance ? matchBindings : []), ...matchBindings, ...(narrow ? [3 * (filters.offset + filters.limit)] : []), ...bindings, filters.limit, filters.offset];
  return (await rawRows(q, sql, all)).map((r) => HIT_ROW.parse(r));
};

const TOPIC_ROW = z.object({ id: wholeNumber, title_en: text, title_fr: nullableText, title_es: nullableText });
export type CatalogueTopicRow = Readonly<z.output<typeof TOPIC_ROW>>;

/** The survey options that events treat and that have at least one published overview: the catalogue's topics. */
const CATALOGUE_STATE_ROW = z.object({ iso3: text, name_en: text, name_fr: text, name_es: text });
export type CatalogueMemberStateRow = Readonly<z.output<typeof CATALOGUE_STATE_ROW>>;

/** The Member States that have at least one published overview: the catalogue's Member State filter. */
export async function listCatalogueMemberStates(q: Queryable): Promise<CatalogueMemberStateRow[]> {
  const rows = await rawRows(q, `SELECT m.iso3, m.name_en, m.name_fr, m.name_es FROM member_states m
    WHERE EXISTS (SELECT 1 FROM overviews o WHERE o.member_state_id = m.id AND o.status = 'published') ORDER BY m.iso3`, []);
  return rows.map((r) => CATALOGUE_STATE_ROW.parse(r));
}

export async function listCatalogueTopics(q: Queryable): Promise<CatalogueTopicRow[]> {
  const rows = await rawRows(q, `SELECT opt.id, opt.title_en, opt.title_fr, opt.title_es FROM options opt
    WHERE opt.id IN (SELECT e.option_id FROM events e WHERE e.option_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM overviews o WHERE o.event_id = e.id AND o.status = 'published'))
    ORDER BY opt.id`, []);
  return rows.map((r) => TOPIC_ROW.parse(r));
}
