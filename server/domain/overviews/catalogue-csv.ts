// The public catalogue as a CSV file: the results of a catalogue query (every page of them, up to
// CATALOGUE_CSV_MAX_ROWS), one row an overview, with the names a spreadsheet needs beside the ids.
import { listEvents } from '../../data/events.js';
import { listMemberStates } from '../../data/member-states.js';
import { listCatalogueTopics, searchPublishedOverviews } from '../../data/overviews.js';
import type { Language } from '../../i18n/languages.js';
import { csvRow } from '../../tally/csv-cell.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { eventFromRow } from './events.js';
import { catalogueFilters, catalogueQuerySchema, versionPath } from './overviews.js';

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
  const [hits, events, topics, states] = await Promise.all([
    searchPublishedOverviews(deps.db, catalogueFilters(query, maxRows + 1, 0), { bodies: false }),
    listEvents(deps.db),
    listCatalogueTopics(deps.db),
    listMemberStates(deps.db),
  ]);
  const eventsById = new Map(events.map((r) => [r.id, eventFromRow(r)] as const));
  const topicsById = new Map(topics.map((t) => [t.id, inLanguage({ en: t.title_en, fr: t.title_fr, es: t.title_es }, language)] as const));
  const statesByIso3 = new Map(states.map((m) => [m.iso3, inLanguage({ en: m.name_en, fr: m.name_fr, es: m.name_es }, language)] as const));
  const rows = hits.slice(0, maxRows);
  const options = { neutraliseFormulas: true };
  let text = csvRow(CATALOGUE_CSV_COLUMNS, options);
  for (const h of rows) {
    const event = eventsById.get(h.event_id);
    text += csvRow([
      h.id, h.iso3, statesByIso3.get(h.iso3) ?? '', h.event_id, event ? inLanguage(event.title, language) : '', event?.reference ?? '',
      h.topic_id, h.topic_id === null ? '' : topicsById.get(h.topic_id) ?? '', h.language, h.original_language, h.title, h.published_at,
      `${deps.config.baseUrl}${versionPath(h.id, h.language, h.original_language)}`,
    ], options);
  }
  return { text, rows: rows.length, truncated: hits.length > maxRows };
}
