import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Overviews are written in Markdown (paragraphs, headings inside a section, lists, links,
// emphasis), rendered by `marked` and then cleaned by `sanitize-html`: whatever HTML the text
// carries is either dropped or escaped, and only http, https and mailto links are kept.

const SANITISE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'blockquote', 'code', 'pre', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
  allowedAttributes: { a: ['href', 'title', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Headings inside a section sit under the section's own heading (h2 on the page).
  transformTags: {
    h1: 'h3', h2: 'h4', h3: 'h5', h4: 'h6',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener' } }),
  },
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math'],
};

// A parser with our options, made once: a constant, it keeps nothing between texts.
const MARKED = new Marked({ gfm: true, breaks: false, async: false });

/** Markdown to safe HTML: the only way an overview's text reaches a page. */
export function renderMarkdown(markdown: string): string {
  const html = MARKED.parse(markdown, { async: false });
  return sanitizeHtml(html, SANITISE).trim();
}

/** The words a reader sees, without markup: what is indexed for search and counted against the limit. */
export function plainText(markdown: string): string {
  const html = MARKED.parse(markdown, { async: false });
  return sanitizeHtml(html.replace(/<\/(p|li|h\d|blockquote|pre|tr|td|th)>/g, ' $&'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ').trim();
}

/** Words as a reader counts them: runs of letters or digits, apostrophes and hyphens inside a word included. */
export function countWords(markdown: string): number {
  return plainText(markdown).match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}
