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
 * Each letter a–z with the accented letters that fold to it (Latin-1 and Latin Extended-A, both
 * cases), so that the first match is found in the text as it is, without folding all of it.
 */
const FOLDS_TO: ReadonlyMap<string, string> = (() => {
  const folds = new Map<string, string>();
  for (let code = 0xc0; code <= 0x17f; code++) {
    const c = String.fromCharCode(code);
    const base = foldInPlace(c);
    if (/^[a-z]$/.test(base)) folds.set(base, (folds.get(base) ?? '') + c);
  }
  return folds;
})();

/** A pattern for a folded stem that matches it in unfolded text (the pattern is used with the i flag). */
function unfoldedPattern(stem: string): string {
  return [...stem].map((c) => (FOLDS_TO.has(c) ? `[${c}${FOLDS_TO.get(c)!}]` : escapeRegExp(c))).join('');
}

/**
 * A passage of `body` around the first word that matches a query term (the same prefixes the
 * search itself used, accents folded), each matching word marked. Made the same way whatever the
 * engine, for the few overviews of one page of results; only the passage is folded.
 */
export function makeSnippet(body: string, terms: readonly string[]): string {
  const stems = terms.map(stemOf).filter((t) => t.length > 0);
  if (body.length === 0) return '';
  const pattern = stems.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${stems.map(unfoldedPattern).join('|')})`, 'iu') : null;
  const found = pattern ? body.search(pattern) : -1;
  const centre = Math.max(0, found);
  let from = Math.max(0, centre - BEFORE);
  let to = Math.min(body.length, centre + AFTER);
  // Whole words only at both ends.
  if (from > 0) { const space = body.indexOf(' ', from); from = space >= 0 && space < centre ? space + 1 : centre; }
  if (to < body.length) { const space = body.lastIndexOf(' ', to); to = space > centre ? space : to; }
  const passage = body.slice(from, to);
  const inPlace = foldInPlace(passage);
  const folded = inPlace.length === passage.length ? inPlace : passage.toLowerCase();
  const starts = (w: string) => stems.some((s) => w.startsWith(s));
  let out = '';
  let at = 0;
  for (const m of passage.matchAll(WORD)) {
    out += passage.slice(at, m.index);
    out += starts(folded.slice(m.index, m.index + m[0].length)) ? `${SNIPPET_START}${m[0]}${SNIPPET_END}` : m[0];
    at = m.index + m[0].length;
  }
  out += passage.slice(at);
  return `${from > 0 ? '… ' : ''}${out.replace(/\s+/g, ' ').trim()}${to < body.length ? ' …' : ''}`;
}
