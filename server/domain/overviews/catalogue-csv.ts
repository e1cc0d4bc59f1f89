// The public catalogue as a CSV file: the results of a catalogue query (every page of them, up to
// CATALOGUE_CSV_MAX_ROWS), one row an overview, with the names a spreadsheet needs beside the ids.
import { searchPublishedOverviews } from '../../data/overviews.js';
import type { Language } from '../../i18n/languages.js';
import { csvRow } from '../../tally/csv-cell.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { catalogueFilters, catalogueLists, catalogueQuerySchema, versionPath } from './overviews.js';

/** The most rows one file holds, in the catalogue's order; a narrower query gives the rest. */
export const CATALOGUE_CSV_MAX_ROWS = 5000;

export const CATALOGUE_CSV_COLUMNS = [
  'id', 'member_state', 'member_state_name', 'event_id', 'event_title', 'event_reference', 'topic_id', 'topic',
  'language', 'original_language', 'title', 'published_at', 'url',
] as const;

export interface CatalogueCsv {
  /** UTF-8 text, a header row first, CR LF line ends. */
  readonly text: string;
  readonly rows: number;
  /** More overviews matched than the file holds. */
  readonly truncated: boolean;
}

/** A text in `language`, or in English when it has none. */
function inLanguage(texts: Readonly<Record<Language, string | null>>, language: Language): string {
  return texts[language] || texts.en || '';
}

/**
 * The catalogue's results for a query (the same filters and order as the catalogue, without its
 * pages) as CSV, at most `maxRows` of them; names and titles in `language`. Needs no sign-in: it
 * lists what is published.
 */
export async function catalogueCsv(deps: Deps, input: unknown, language: Language, maxRows = CATALOGUE_CSV_MAX_ROWS): Promise<CatalogueCsv> {
  const query = parseInput(catalogueQuerySchema, input);
  // The filters' lists come from the catalogue's memory, as for its page; each hit names its Member State.
  const [hits, lists] = await Promise.all([
    searchPublishedOverviews(deps.db, catalogueFilters(query, maxRows + 1, 0), { bodies: false }),
    catalogueLists(deps),
  ]);
  const eventsById = new Map(lists.events.map((e) => [e.id, e] as const));
  const topicsById = new Map(lists.topics.map((t) => [t.id, inLanguage(t.title, language)] as const));
  const rows = hits.slice(0, maxRows);
  const options = { neutraliseFormulas: true };
  let text = csvRow(CATALOGUE_CSV_COLUMNS, options);
  for (const h of rows) {
    const event = eventsById.get(h.event_id);
    text += csvRow([
      h.id, h.iso3, inLanguage({ en: h.name_en, fr: h.name_fr, es: h.name_es }, language), h.event_id, event ? inLanguage(event.title, language) : '', event?.reference ?? '',
      h.topic_id, h.topic_id === null ? '' : topicsById.get(h.topic_id) ?? '', h.language, h.original_language, h.title, h.published_at,
      `${deps.config.baseUrl}${versionPath(h.id, h.language, h.original_language)}`,
    ], options);
  }
  return { text, rows: rows.length, truncated: hits.length > maxRows };
}
