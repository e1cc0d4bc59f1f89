import { expect } from 'chai';
import { countWords, plainText, renderMarkdown } from '../../server/domain/overviews/markdown.js';

describe('Overviews: Markdown rendered and sanitised', () => {
  it('renders paragraphs, lists, emphasis, headings (under the section heading) and web links', () => {
    const html = renderMarkdown('# Return\n\nWe **support** *voluntary* return.\n\n- one\n- two\n\n[IOM](https://www.iom.int)');
    expect(html).to.contain('<h3>Return</h3>');
    expect(html).to.contain('<strong>support</strong>');
    expect(html).to.contain('<em>voluntary</em>');
    expect(html).to.contain('<li>one</li>');
    expect(html).to.contain('<a href="https://www.iom.int" rel="nofollow noopener">IOM</a>');
  });

  const VECTORS: readonly [string, string][] = [
    ['a script element', 'Hello <script>alert(1)</script> world'],
    ['an image with onerror', '<img src=x onerror=alert(1)>'],
    ['a javascript: link in Markdown', '[click](javascript:alert(1))'],
    ['a javascript: link with entities and case', '[click](JaVaScRiPt&#58;alert(1))'],
    ['a raw anchor with javascript:', '<a href="javascript:alert(1)">x</a>'],
    ['a data: URL', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['an svg with onload', '<svg onload=alert(1)><circle/></svg>'],
    ['an iframe', '<iframe src="https://evil.example"></iframe>'],
    ['an event handler on an allowed tag', '<p onclick="alert(1)">text</p>'],
    ['a style element', '<style>body{display:none}</style>'],
    ['a vbscript link', '<a href="vbscript:msgbox(1)">x</a>'],
    ['an autolink to javascript:', '<javascript:alert(1)>'],
  ];
  for (const [name, input] of VECTORS) {
    it(`removes ${name}`, () => {
      const html = renderMarkdown(input).toLowerCase();
      expect(html).not.to.match(/<script|<img|<svg|<iframe|<style|\son\w+=/);
      expect(html).not.to.match(/(href|src)="(?!https?:|mailto:)/);
    });
  }

  it('keeps the words of a script-free text and counts them', () => {
    expect(plainText('# Title\n\nOne *two* three.\n\n- four')).to.equal('Title One two three. four');
    expect(countWords('L’État a **renforcé** les retours volontaires, en 2008.')).to.equal(8);
  });
});

describe('Overviews: search snippets', () => {
  it('shows the passage around the first matching word, marking words that start with a term, accents folded', async () => {
    const { makeSnippet, SNIPPET_START: S, SNIPPET_END: E } = await import('../../server/domain/overviews/snippets.js');
    const body = `${'Introduction. '.repeat(30)}La politique de réinsertion et les retours volontaires des migrants.`;
    const snippet = makeSnippet(body, ['reinsertion', 'retours']);
    expect(snippet).to.match(/^… /);
    expect(snippet).to.contain(`${S}réinsertion${E}`).and.contain(`${S}retours${E}`);
    expect(snippet).not.to.contain(`${S}migrants${E}`);
    expect(makeSnippet('Short text.', ['nothing'])).to.equal('Short text.');
  });

  it('finds the first match in capitals and accents as written, and not inside a word', async () => {
    const { makeSnippet, SNIPPET_START: S, SNIPPET_END: E } = await import('../../server/domain/overviews/snippets.js');
    const body = `Inmigración. ${'Texto sin relación. '.repeat(40)}LA MIGRACIÓN CIRCULAR y la Migración laboral.`;
    const snippet = makeSnippet(body, ['migracion']);
    // The first word that starts with the term, not "Inmigración" at the start.
    expect(snippet).to.match(/^… /);
    expect(snippet).to.contain(`${S}MIGRACIÓN${E} CIRCULAR`).and.contain(`${S}Migración${E} laboral`);
    expect(snippet).not.to.contain('Inmigración');
  });
});
