import { z } from 'zod';
import { cacheSlot, VersionedCache, type Clearable } from '../../data/cache-slot.js';
import type { Queryable } from '../../data/database.js';
import { isUniqueViolation } from '../../data/connection.js';
import { findEvent, listEvents } from '../../data/events.js';
import { listOverviewTranslations, type OverviewTranslationRow } from '../../data/overview-translations.js';
import {
  advanceOverview, catalogueVersion, findOverview, findOverviewOf, indexOverview, insertOverview, insertOverviewRevision, listReviewableOverviews,
  listCatalogueMemberStates, listCatalogueTopics, searchPublishedOverviews, searchTerms, unindexOverview, type CatalogueFilters,
  type CatalogueHit, type IndexedVersion, type OverviewFields, type OverviewRow, type OverviewStatus,
} from '../../data/overviews.js';
import { LANGUAGES, type Language } from '../../i18n/languages.js';
import { actorLabel } from '../accounts.js';
import { appendAuditEntry } from '../audit.js';
import { isoTime } from '../clock.js';
import type { Actor, Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { Refused, type RefusalOf } from '../refusals.js';
import { integer, parseInput } from '../validation.js';
import { eventFromRow, isCallOpen, type PolicyEvent } from './events.js';
import { countWords, plainText, renderMarkdown } from './markdown.js';
import { makeSnippet, SNIPPET_END, SNIPPET_START } from './snippets.js';
import {
  checkTranslations, MAX_SECTION_CHARACTERS, translationFrom, translationsByOverview, translationsInputSchema, writeTranslations,
  type OverviewTranslation,
} from './translations.js';

export { MAX_SECTION_CHARACTERS, SNIPPET_END, SNIPPET_START, type OverviewStatus };

export const overviewInputSchema = z.object({
  baseRevision: integer('validation.invalidValue', 0).optional(),
  language: z.enum(LANGUAGES, { message: 'validation.invalidValue' }),
  title: z.string({ message: 'validation.invalidValue' }).trim().max(500, 'validation.tooLong').optional(),
  sections: z.array(z.object({ text: z.string({ message: 'validation.invalidValue' }).max(MAX_SECTION_CHARACTERS, 'validation.tooLong') }, { message: 'validation.invalidValue' }), { message: 'validation.invalidValue' })
    .max(20, 'validation.tooMany'),
  submit: z.literal(true, { message: 'validation.invalidValue' }).optional(),
  /** The whole set of translations; absent: they stay as they are. */
  translations: translationsInputSchema.optional(),
}, { message: 'validation.invalidValue' });
export type OverviewInput = z.input<typeof overviewInputSchema>;

const reviewInputSchema = z.object({
  comment: z.string({ message: 'validation.invalidValue' }).trim().max(5000, 'validation.tooLong').optional(),
  reason: z.string({ message: 'validation.invalidValue' }).trim().max(5000, 'validation.tooLong').optional(),
}, { message: 'validation.invalidValue' });

/** Why an overview is not saved: expected outcomes told apart by kind. */
export const OVERVIEW_REFUSALS = ['overview-stale', 'call-closed', 'not-invited', 'overview-transition'] as const;
export type OverviewRefusal = RefusalOf<(typeof OVERVIEW_REFUSALS)[number]>;

export interface OverviewSection {
  readonly heading: PolicyEvent['title'];
  readonly guidance: PolicyEvent['title'];
  readonly text: string;
  /** The text rendered from Markdown and sanitised: safe to put in a page as it is. */
  readonly html: string;
}

/** The PDF attached to an overview, as the pages and the JSON show it (its bytes: attachments.ts). */
export interface OverviewAttachment {
  readonly name: string;
  readonly size: number;
  readonly sha256: string;
}

export interface Overview {
  readonly id: number;
  readonly event: PolicyEvent;
  readonly memberStateIso3: string;
  readonly memberStateNames: Readonly<Record<Language, string>>;
  readonly language: Language;
  readonly title: string;
  readonly status: OverviewStatus;
  readonly revision: number;
  readonly sections: readonly OverviewSection[];
  readonly words: number;
  readonly comment: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
  readonly submittedAt: string | null;
  readonly publishedAt: string | null;
  readonly attachment: OverviewAttachment | null;
  /** Its versions in the other languages, by language. */
  readonly translations: readonly OverviewTranslation[];
}

function overviewFrom(row: OverviewRow, event: PolicyEvent, translations: readonly OverviewTranslationRow[]): Overview {
  const template = event.call?.sections ?? [];
  const count = Math.max(template.length, row.sections.length);
  const empty = { en: '', fr: '', es: '' };
  return {
    id: row.id, event, memberStateIso3: row.iso3, memberStateNames: { en: row.name_en, fr: row.name_fr, es: row.name_es }, language: row.language, title: row.title, status: row.status, revision: row.revision,
    sections: Array.from({ length: count }, (_, i) => {
      const text = row.sections[i] ?? '';
      return { heading: template[i]?.heading ?? empty, guidance: template[i]?.guidance ?? empty, text, html: renderMarkdown(text) };
    }),
    words: row.sections.reduce((n, s) => n + countWords(s), 0),
    comment: row.comment, updatedBy: row.updated_by_label, updatedAt: row.updated_at, submittedAt: row.submitted_at, publishedAt: row.published_at,
    attachment: row.attachment_name !== null && row.attachment_size !== null && row.attachment_sha256 !== null
      ? { name: row.attachment_name, size: row.attachment_size, sha256: row.attachment_sha256 } : null,
    translations: translations.map((t) => translationFrom(t, template)),
  };
}

export async function loadEvent(q: Queryable, eventId: number): Promise<PolicyEvent> {
  const row = await findEvent(q, eventId);
  if (!row) throw new AppError('not_found', 'errors.notFound');
  return eventFromRow(row);
}

export function delegateOnly(actor: Actor): number {
  if (actor.role !== 'delegate' || actor.memberStateId === null) throw new AppError('forbidden', 'errors.forbidden');
  return actor.memberStateId;
}

export function staleError(current: OverviewRow | undefined): Refused<OverviewRefusal> {
  return new Refused({ kind: 'overview-stale', current: current ? { who: current.updated_by_label, when: current.updated_at, revision: current.revision } : null });
}

/** The caller's Member State's overview for an event, or undefined when it has written none yet. */
export async function overviewForDelegation(deps: Deps, actor: Actor, eventId: number): Promise<{ event: PolicyEvent; overview: Overview | undefined }> {
  const memberStateId = delegateOnly(actor);
  const event = await loadEvent(deps.db, eventId);
  const row = await findOverviewOf(deps.db, eventId, memberStateId);
  const translations = row ? (await translationsByOverview(deps.db, [row.id])).get(row.id) ?? [] : [];
  return { event, overview: row ? overviewFrom(row, event, translations) : undefined };
}

/** Whether the actor's Member State is asked to write for this event. */
export function isInvited(event: PolicyEvent, memberStateId: number): boolean {
  return event.call !== null && (event.call.invited === null || event.call.invited.includes(memberStateId));
}

/**
 * A delegate saves their Member State's overview for an event (a draft, or submitted with
 * `submit: true`). Each save is a revision; one made from an older revision than the current one
 * is refused, and nothing changes.
 */
export async function saveOverview(deps: Deps, actor: Actor, eventId: number, input: unknown): Promise<{ id: number; revision: number; status: OverviewStatus }> {
  const memberStateId = delegateOnly(actor);
  const event = await loadEvent(deps.db, eventId);
  if (!isInvited(event, memberStateId)) throw new Refused({ kind: event.call === null ? 'call-closed' : 'not-invited' });
  const data = parseInput(overviewInputSchema, input);
  const call = event.call!;
  if (data.sections.length !== call.sections.length) {
    throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'sections', key: 'validation.sectionCount', params: { count: call.sections.length } }]);
  }
  const words = data.sections.reduce((n, s) => n + countWords(s.text), 0);
  if (words > call.maxWords) {
    throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'sections', key: 'validation.overWordLimit', params: { words, max: call.maxWords } }]);
  }
  if (data.translations) checkTranslations(call, data.language, data.translations);
  try {
    return await deps.db.transaction(async (tx) => {
      const now = deps.clock.now();
      if (!isCallOpen(call, now)) throw new Refused({ kind: 'call-closed' });
      const at = isoTime(now);
      const status: OverviewStatus = data.submit ? 'submitted' : 'draft';
      const existing = await findOverviewOf(tx, eventId, memberStateId);
      const fields: OverviewFields = {
        language: data.language, title: data.title ?? '', status, sections: data.sections.map((s) => s.text),
        comment: existing?.comment ?? '', updated_by: actor.userId, updated_by_label: actorLabel(actor), updated_at: at,
        submitted_at: data.submit ? at : existing?.submitted_at ?? null,
      };
      let id: number;
      if (!existing) {
        if (data.baseRevision !== undefined && data.baseRevision !== 0) throw staleError(undefined);
        id = await insertOverview(tx, eventId, memberStateId, fields);
      } else {
        if (existing.status === 'published' || existing.status === 'withdrawn') throw new Refused({ kind: 'overview-transition', from: existing.status, to: status });
        const from = data.baseRevision ?? existing.revision;
        if (!(await advanceOverview(tx, existing.id, from, fields))) throw staleError(await findOverviewOf(tx, eventId, memberStateId));
        id = existing.id;
      }
      await writeTranslations(tx, id, data.language, data.translations, { userId: actor.userId, label: actorLabel(actor), at });
      const saved = (await findOverview(tx, id))!;
      await insertOverviewRevision(tx, saved);
      await appendAuditEntry(deps, tx, {
        actorUserId: actor.userId, actorLabel: actorLabel(actor), action: data.submit ? 'overview.submit' : 'overview.save', subjectType: 'overview', subjectId: id,
        details: {
          event: eventId, memberStateId, revision: saved.revision, language: saved.language, words,
          ...(data.translations ? { translations: data.translations.map((t) => t.language) } : {}),
        },
      });
      return { id, revision: saved.revision, status: saved.status };
    });
  } catch (error) {
    // Two first saves at once: the unique key lets one in; the other learns who came first.
    if (isUniqueViolation(error)) throw staleError(await findOverviewOf(deps.db, eventId, memberStateId));
    throw error;
  }
}

type ReviewAction = 'publish' | 'return' | 'withdraw';
const REVIEW: Readonly<Record<ReviewAction, { readonly from: readonly OverviewStatus[]; readonly to: OverviewStatus; readonly needsText: boolean }>> = {
  publish: { from: ['submitted', 'withdrawn'], to: 'published', needsText: false },
  return: { from: ['submitted'], to: 'returned', needsText: true },
  withdraw: { from: ['published'], to: 'withdrawn', needsText: true },
};

/**
 * An administrator publishes a submitted overview (it joins the public catalogue and its index),
 * returns it to the delegation with a comment, or withdraws a published one with a reason.
 */
/**
 * The language versions of a published overview to put in the catalogue's index: the original
 * first, then each translation. Nothing for an overview that is not published (it is not indexed).
 * Reads through `q`, so that a publication's transaction sees what it publishes.
 */
export async function languageVersionsToIndex(q: Queryable, overviewId: number): Promise<IndexedVersion[]> {
  const row = await findOverview(q, overviewId);
  if (!row || row.status !== 'published') return [];
  const translations = await listOverviewTranslations(q, [overviewId]);
  const version = (language: Language, original: boolean, title: string, sections: readonly string[]): IndexedVersion => (
    { language, original, title, text: sections.map(plainText).join('\n') });
  return [version(row.language, true, row.title, row.sections), ...translations.map((t) => version(t.language, false, t.title, t.sections))];
}

export async function reviewOverview(deps: Deps, actor: Actor, overviewId: number, action: ReviewAction, input: unknown): Promise<Overview> {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'errors.forbidden');
  const data = parseInput(reviewInputSchema, input ?? {});
  const rule = REVIEW[action];
  const text = (data.comment || data.reason || '').trim();
  if (rule.needsText && text === '') {
    throw new AppError('invalid', 'errors.invalid', {}, [{ field: action === 'withdraw' ? 'reason' : 'comment', key: 'validation.required' }]);
  }
  await deps.db.transaction(async (tx) => {
    const row = await findOverview(tx, overviewId);
    if (!row) throw new AppError('not_found', 'errors.notFound');
    if (!rule.from.includes(row.status)) throw new Refused({ kind: 'overview-transition', from: row.status, to: rule.to });
    const at = isoTime(deps.clock.now());
    const fields: OverviewFields = {
      language: row.language, title: row.title, status: rule.to, sections: row.sections, comment: text,
      updated_by: actor.userId, updated_by_label: actorLabel(actor), updated_at: at, submitted_at: row.submitted_at,
      published_at: rule.to === 'published' ? at : row.published_at,
    };
    if (!(await advanceOverview(tx, row.id, row.revision, fields))) throw staleError(await findOverview(tx, row.id));
    const saved = (await findOverview(tx, row.id))!;
    await insertOverviewRevision(tx, saved);
    if (rule.to === 'published') await indexOverview(tx, row.id, await languageVersionsToIndex(tx, row.id));
    else await unindexOverview(tx, row.id);
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: `overview.${action}`, subjectType: 'overview', subjectId: row.id,
      details: { event: row.event_id, memberStateId: row.member_state_id, revision: saved.revision, from: row.status, to: rule.to, ...(text ? { [action === 'withdraw' ? 'reason' : 'comment']: text } : {}) },
    });
  });
  return getOverview(deps, actor, overviewId);
}

/**
 * One overview: anyone (no sign-in) once published; otherwise the Administration (admin, staff)
 * and the delegates of its Member State. Anyone else learns nothing of it (404).
 */
export async function getOverview(deps: Deps, actor: Actor | null, overviewId: number): Promise<Overview> {
  const row = await visibleOverviewRow(deps, actor, overviewId);
  return overviewFrom(row, await loadEvent(deps.db, row.event_id), (await translationsByOverview(deps.db, [row.id])).get(row.id) ?? []);
}

/**
 * An overview's row, if the actor may see it: anyone once published, else its delegation and the
 * Administration; 404 for anyone else, so that a draft is not known to exist.
 */
export async function visibleOverviewRow(deps: Deps, actor: Actor | null, overviewId: number): Promise<OverviewRow> {
  const row = await findOverview(deps.db, overviewId);
  const visible = row !== undefined && (row.status === 'published'
    || (actor !== null && (actor.role === 'admin' || actor.role === 'staff' || (actor.role === 'delegate' && actor.memberStateId === row.member_state_id))));
  if (!visible) throw new AppError('not_found', 'errors.notFound');
  return row;
}

/** Overviews the Administration has to look at or has decided on (drafts stay the delegation's). */
export async function listOverviewsForReview(deps: Deps, actor: Actor): Promise<Overview[]> {
  if (actor.role !== 'admin' && actor.role !== 'staff') throw new AppError('forbidden', 'errors.forbidden');
  const rows = await listReviewableOverviews(deps.db);
  const events = new Map<number, PolicyEvent>();
  const translations = await translationsByOverview(deps.db, rows.map((r) => r.id));
  const result: Overview[] = [];
  for (const row of rows) {
    if (!events.has(row.event_id)) events.set(row.event_id, await loadEvent(deps.db, row.event_id));
    result.push(overviewFrom(row, events.get(row.event_id)!, translations.get(row.id) ?? []));
  }
  return result;
}

function optionalText<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
}
export const catalogueQuerySchema = z.object({
  q: z.string({ message: 'validation.invalidValue' }).max(200, 'validation.tooLong').optional().default(''),
  lang: optionalText(z.enum(LANGUAGES, { message: 'validation.invalidValue' })),
  memberState: optionalText(z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'validation.invalidValue')),
  event: optionalText(z.string().regex(/^[1-9]\d{0,9}$/, 'validation.invalidValue').transform(Number).pipe(integer('validation.invalidValue', 1))),
  topic: optionalText(z.string().regex(/^[1-9]\d{0,9}$/, 'validation.invalidValue').transform(Number).pipe(integer('validation.invalidValue', 1))),
  year: optionalText(z.string().regex(/^\d{4}$/, 'validation.invalidValue').transform(Number)),
  sort: optionalText(z.enum(['relevance', 'date'], { message: 'validation.invalidValue' })),
  page: optionalText(z.string().regex(/^[1-9]\d{0,4}$/, 'validation.invalidValue').transform(Number)),
});
export type CatalogueQuery = z.output<typeof catalogueQuerySchema>;

export const CATALOGUE_PAGE_SIZE = 20;

/** The page of an overview's language version: the original's own address, a translation's beside it. */
export function versionPath(overviewId: number, language: Language, originalLanguage: Language): string {
  return language === originalLanguage ? `/overviews/${overviewId}` : `/overviews/${overviewId}/${language}`;
}

/** One result of the catalogue: what the search found, with the passage shown under it. */
export type CatalogueEntry = Omit<CatalogueHit, 'body'> & { readonly snippet: string | null };

/** A topic of the catalogue: a survey option that events treat, with its title in the three languages. */
export interface CatalogueTopic {
  readonly id: number;
  readonly title: PolicyEvent['title'];
}

/** What the catalogue's filters list: every event, newest first, and the topics and Member States that have published overviews. */
export interface CatalogueLists {
  readonly events: readonly PolicyEvent[];
  readonly topics: readonly CatalogueTopic[];
  readonly memberStates: readonly { readonly iso3: string; readonly names: Readonly<Record<Language, string>> }[];
}

export interface CatalogueResult extends CatalogueLists {
  readonly query: CatalogueQuery;
  readonly hits: readonly (CatalogueEntry & { readonly event: PolicyEvent | undefined })[];
}

/**
 * What the catalogue remembers while its version (catalogueVersion: overviews' changes, events,
 * survey content) is what it was when each thing was read: pages of results with their snippets,
 * by search, and the lists of its filters. A page view then asks the database for the version alone.
 */
class CatalogueMemory implements Clearable {
  readonly pages = new VersionedCache<string, readonly CatalogueEntry[]>(500);
  readonly lists = new VersionedCache<'lists', CatalogueLists>(1);

  clear(): void {
    this.pages.clear();
    this.lists.clear();
  }
}
const CATALOGUE_MEMORY = cacheSlot('catalogue', () => new CatalogueMemory());

async function readEntries(deps: Deps, filters: CatalogueFilters): Promise<readonly CatalogueEntry[]> {
  const terms = searchTerms(filters.q);
  return Object.freeze((await searchPublishedOverviews(deps.db, filters))
    .map(({ body, ...h }) => Object.freeze({ ...h, snippet: body === null ? null : makeSnippet(body, terms) })));
}

async function readLists(deps: Deps): Promise<CatalogueLists> {
  const [events, topics, states] = await Promise.all([listEvents(deps.db), listCatalogueTopics(deps.db), listCatalogueMemberStates(deps.db)]);
  return Object.freeze({
    memberStates: Object.freeze(states.map((m) => ({ iso3: m.iso3, names: { en: m.name_en, fr: m.name_fr, es: m.name_es } }))),
    events: Object.freeze(events.map(eventFromRow)),
    topics: Object.freeze(topics.map((r) => ({ id: r.id, title: { en: r.title_en, fr: r.title_fr ?? '', es: r.title_es ?? '' } }))),
  });
}

/**
 * A page of results (when `filters` are given) and the filters' lists, each from memory when the
 * catalogue has not changed since it was read, else read now and remembered if nothing changed
 * while it was read.
 */
async function catalogueRead(deps: Deps, filters: CatalogueFilters | null): Promise<{ entries: readonly CatalogueEntry[]; lists: CatalogueLists }> {
  const memory = deps.db.cache(CATALOGUE_MEMORY);
  const version = await catalogueVersion(deps.db);
  const key = filters && JSON.stringify([filters.q, filters.language, filters.memberStateIso3, filters.eventId, filters.topicId, filters.year, filters.sort, filters.limit, filters.offset]);
  const known = { entries: key === null ? [] : memory.pages.get(key, version), lists: memory.lists.get('lists', version) };
  if (known.entries && known.lists) return { entries: known.entries, lists: known.lists };
  const [entries, lists] = await Promise.all([known.entries ?? readEntries(deps, filters!), known.lists ?? readLists(deps)]);
  if (await catalogueVersion(deps.db) === version) {
    if (key !== null && !known.entries) memory.pages.set(key, version, entries);
    if (!known.lists) memory.lists.set('lists', version, lists);
  }
  return { entries, lists };
}

/** What the data layer searches with for a catalogue query: by relevance when there is a query, else newest first. */
export function catalogueFilters(query: CatalogueQuery, limit: number, offset: number): CatalogueFilters {
  return {
    q: query.q, language: query.lang, memberStateIso3: query.memberState, eventId: query.event, topicId: query.topic, year: query.year,
    sort: query.sort ?? (query.q.trim() ? 'relevance' : 'date'), limit, offset,
  };
}

/** The public catalogue: published overviews matching a full-text query and filters. Needs no sign-in. */
export async function searchCatalogue(deps: Deps, input: unknown): Promise<CatalogueResult> {
  const query = parseInput(catalogueQuerySchema, input);
  const page = query.page ?? 1;
  const { entries, lists } = await catalogueRead(deps, catalogueFilters(query, CATALOGUE_PAGE_SIZE, (page - 1) * CATALOGUE_PAGE_SIZE));
  const byId = new Map(lists.events.map((e) => [e.id, e] as const));
  return { query, ...lists, hits: entries.map((h) => ({ ...h, event: byId.get(h.event_id) })) };
}

/** The lists of the catalogue's filters alone (for a page whose query was refused). Needs no sign-in. */
export async function catalogueLists(deps: Deps): Promise<CatalogueLists> {
  return (await catalogueRead(deps, null)).lists;
}

/** A snippet as plain text, without the marks around matched words. */
export function plainSnippet(snippet: string | null): string {
  return (snippet ?? '').replaceAll(SNIPPET_START, '').replaceAll(SNIPPET_END, '');
}

