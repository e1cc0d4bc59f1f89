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

/** Puts a published overview into the index (or refreshes it): title and plain text of its sections. */
export async function indexOverview(tx: Tx, id: number, language: Language, title: string, body: string): Promise<void> {
  await unindexOverview(tx, id);
  if (tx.database.engine === 'postgres') {
    const config = SEARCH_CONFIGS[language];
    await tx.knex.raw(
      `INSERT INTO overview_search (overview_id, language, title, body, document)
       VALUES (?, ?, ?, ?, setweight(to_tsvector(?::regconfig, ?), 'A') || setweight(to_tsvector(?::regconfig, ?), 'B'))`,
      [id, language, title, body, config, foldForSearch(title), config, foldForSearch(body)],
    );
  } else {
    await tx.knex.raw('INSERT INTO overview_search (rowid, title, body) VALUES (?, ?, ?)', [id, title, body]);
  }
}

export async function unindexOverview(tx: Tx, id: number): Promise<void> {
  if (tx.database.engine === 'postgres') await tx.knex('overview_search').where({ overview_id: id }).delete();
  else await tx.knex.raw('DELETE FROM overview_search WHERE rowid = ?', [id]);
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
  language: z.literal(LANGUAGES),
  title: text,
  published_at: text,
  /** The indexed text, for the snippet; null without a query. */
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
 * by the engine's own index), filtered, by relevance or newest first. No query: all of them, newest
 * first. With `bodies`, each hit carries its indexed text (for a snippet) when there is a query.
 */
export async function searchPublishedOverviews(q: Queryable, filters: CatalogueFilters, options: { readonly bodies: boolean } = { bodies: true }): Promise<CatalogueHit[]> {
  const terms = searchTerms(filters.q);
  const where: string[] = ["o.status = 'published'"];
  const bindings: unknown[] = [];
  if (filters.language) { where.push('o.language = ?'); bindings.push(filters.language); }
  if (filters.memberStateIso3) { where.push('m.iso3 = ?'); bindings.push(filters.memberStateIso3); }
  if (filters.eventId !== undefined) { where.push('o.event_id = ?'); bindings.push(filters.eventId); }
  if (filters.topicId !== undefined) { where.push('e.option_id = ?'); bindings.push(filters.topicId); }
  if (filters.year !== undefined) { where.push('substr(coalesce(e.starts_on, o.published_at), 1, 4) = ?'); bindings.push(String(filters.year)); }
  const base = 'FROM overviews o JOIN member_states m ON m.id = o.member_state_id JOIN events e ON e.id = o.event_id';
  const columns = 'o.id, o.event_id, e.option_id AS topic_id, m.iso3, o.language, o.title, o.published_at';
  let sql: string;
  let all: unknown[];
  if (terms.length === 0) {
    sql = `SELECT ${columns}, NULL AS body ${base} WHERE ${where.join(' AND ')} ORDER BY o.published_at DESC, o.id DESC LIMIT ? OFFSET ?`;
    all = [...bindings, filters.limit, filters.offset];
  } else if (isPostgres(q)) {
    const tsquery = terms.map((t) => `${t}:*`).join(' & ');
    // Each document is matched, and ranked, with the query parsed by its own language's
    // configuration (stems differ between languages): one branch per language searched, so that
    // each can use the GIN index, each with its query parsed once.
    const languages = (filters.language ? [filters.language] : LANGUAGES).map((l) => [l, SEARCH_CONFIGS[l]] as const);
    const matches = languages.map(() => '(s.language = ? AND s.document @@ to_tsquery(?::regconfig, ?))').join(' OR ');
    const matchBindings = languages.flatMap(([language, config]) => [language, config, tsquery]);
    if (filters.sort === 'date') {
      sql = `SELECT ${columns}, NULL AS body ${base} JOIN overview_search s ON s.overview_id = o.id
        WHERE (${matches}) AND ${where.join(' AND ')} ORDER BY o.published_at DESC, o.id DESC LIMIT ? OFFSET ?`;
      all = [...matchBindings, ...bindings, filters.limit, filters.offset];
    } else {
      // Ranked where the documents are read, so that only each match's id and rank go through the
      // joins and the sort. Every indexed overview is published, so with no filter but the language
      // (which picks the branches) the page can only hold matches ranked among the first
      // offset + limit, ties included: only those are joined and sorted. Otherwise OFFSET 0 keeps
      // the subquery whole.
      const narrow = filters.memberStateIso3 === undefined && filters.eventId === undefined && filters.topicId === undefined && filters.year === undefined;
      const rank = `CASE s.language ${languages.map(() => 'WHEN ? THEN ts_rank(s.document, to_tsquery(?::regconfig, ?))').join(' ')} END`;
      sql = `SELECT ${columns}, NULL AS body, s.rank
        FROM (SELECT s.overview_id, ${rank} AS rank FROM overview_search s WHERE ${matches} ${narrow ? 'ORDER BY rank DESC FETCH FIRST ? ROWS WITH TIES' : 'OFFSET 0'}) s
        JOIN overviews o ON o.id = s.overview_id JOIN member_states m ON m.id = o.member_state_id JOIN events e ON e.id = o.event_id
        WHERE ${where.join(' AND ')} ORDER BY s.rank DESC, o.published_at DESC, o.id DESC LIMIT ? OFFSET ?`;
      all = [...matchBindings, ...matchBindings, ...(narrow ? [filters.offset + filters.limit] : []), ...bindings, filters.limit, filters.offset];
    }
  } else {
    // CROSS JOIN keeps the full-text match as the outer loop: driven from the overviews' index,
    // SQLite would run the match again for every published overview. Each match's columns are read
    // from the covering index overviews_catalogue: read from the row, its date lies past the
    // sections' overflow pages.
    const match = terms.map((t) => `"${t}"*`).join(' AND ');
    const order = filters.sort === 'date' ? 'o.published_at DESC, o.id DESC' : 'bm25(overview_search, 2.0, 1.0), o.published_at DESC, o.id DESC';
    sql = `SELECT ${columns}, NULL AS body
      FROM overview_search CROSS JOIN overviews o INDEXED BY overviews_catalogue ON o.id = overview_search.rowid
      JOIN member_states m ON m.id = o.member_state_id JOIN events e ON e.id = o.event_id
      WHERE overview_search MATCH ? AND ${where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`;
    all = [match, ...bindings, filters.limit, filters.offset];
  }
  const hits = (await rawRows(q, sql, all)).map((r) => HIT_ROW.parse(r));
  if (!options.bodies || terms.length === 0 || hits.length === 0) return hits;
  // The texts of this page alone, for its snippets: read in the sorted query, every match's text
  // would be carried through the sort.
  const ids = hits.map((h) => h.id);
  const bodies = isPostgres(q)
    ? await connectionOf(q)('overview_search').whereIn('overview_id', ids).select('overview_id as id', 'body')
    : await connectionOf(q)('overview_search').whereIn('rowid', ids).select('rowid as id', 'body');
  const byId = new Map(bodies.map((b: { id: unknown; body: unknown }) => [Number(b.id), String(b.body)]));
  return hits.map((h) => ({ ...h, body: byId.get(h.id) ?? null }));
}

const TOPIC_ROW = z.object({ id: wholeNumber, title_en: text, title_fr: nullableText, title_es: nullableText });
export type CatalogueTopicRow = Readonly<z.output<typeof TOPIC_ROW>>;

/** The survey options that events treat and that have at least one published overview: the catalogue's topics. */
export async function listCatalogueTopics(q: Queryable): Promise<CatalogueTopicRow[]> {
  const rows = await rawRows(q, `SELECT opt.id, opt.title_en, opt.title_fr, opt.title_es FROM options opt
    WHERE opt.id IN (SELECT e.option_id FROM events e WHERE e.option_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM overviews o WHERE o.event_id = e.id AND o.status = 'published'))
    ORDER BY opt.id`, []);
  return rows.map((r) => TOPIC_ROW.parse(r));
}
