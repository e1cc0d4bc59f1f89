/** Marks around the matched words in a snippet: private-use characters that no text contains. */
export const SNIPPET_START = '\uE000';
export const SNIPPET_END = '\uE001';

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const BEFORE = 120;
const AFTER = 260;

/** Lower case without accents, one character for one, so that positions in it are positions in the text. */
function foldInPlace(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => (c.normalize('NFD').replace(/\p{M}+/gu, '')[0] ?? c)).toLowerCase();
}

/** What a word must start with to match a query term: the term folded, a plural's last s dropped. */
function stemOf(term: string): string {
  return term.length > 3 && term.endsWith('s') ? term.slice(0, -1) : term;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A passage of `body` around the first word that matches a query term (the same prefixes the
 * search itself used, accents folded), each matching word marked. Made the same way whatever the
 * engine, for the few overviews of one page of results.
 */
export function makeSnippet(body: string, terms: readonly string[]): string {
  const stems = terms.map(stemOf).filter((t) => t.length > 0);
  if (body.length === 0) return '';
  const inPlace = foldInPlace(body);
  const folded = inPlace.length === body.length ? inPlace : body.toLowerCase();
  const pattern = stems.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.map(escapeRegExp).join('|')})`, 'u') : null;
  const found = pattern ? folded.search(pattern) : -1;
  const centre = Math.max(0, found);
  let from = Math.max(0, centre - BEFORE);
  let to = Math.min(body.length, centre + AFTER);
  // Whole words only at both ends.
  if (from > 0) { const space = body.indexOf(' ', from); from = space >= 0 && space < centre ? space + 1 : centre; }
  if (to < body.length) { const space = body.lastIndexOf(' ', to); to = space > centre ? space : to; }
  const starts = (w: string) => stems.some((s) => w.startsWith(s));
  let out = '';
  let at = from;
  for (const m of body.slice(from, to).matchAll(WORD)) {
    const index = from + m.index;
    out += body.slice(at, index);
    out += starts(folded.slice(index, index + m[0].length)) ? `${SNIPPET_START}${m[0]}${SNIPPET_END}` : m[0];
    at = index + m[0].length;
  }
  out += body.slice(at, to);
  return `${from > 0 ? '… ' : ''}${out.replace(/\s+/g, ' ').trim()}${to < body.length ? ' …' : ''}`;
}
