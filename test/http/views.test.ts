import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ejs from 'ejs';
import { createViews, escapeHtml } from '../../server/http/views.js';

describe('views', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'cb-views-'));
    mkdirSync(path.join(root, 'partials'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const render = (cache: boolean, file: string, data: object) => new Promise<string>((resolve, reject) => {
    createViews(root, cache).render(path.join(root, file), data, (err, html) => (err ? reject(err) : resolve(html!)));
  });

  for (const cache of [true, false]) {
    it(`renders locals, escapes them, and gives each include its own data and the page's (${cache ? 'compiled once' : 'compiled at every render'})`, async () => {
      writeFileSync(path.join(root, 'page.ejs'), [
        '<% const total = items.length; %>',
        '<h1><%= title %></h1><p><%= total %> · <%= Math.max(...items) %></p>',
        '<% for (const item of items) { %><%- include(\'/partials/item\', { item }) %><% } %>',
        '<% if (typeof notice !== \'undefined\' && notice) { %><p><%= notice %></p><% } %>',
      ].join(''));
      writeFileSync(path.join(root, 'partials/item.ejs'), '<li><%= title %>: <%= item %></li>');
      const html = await render(cache, 'page.ejs', { title: 'A & <b>', items: [3, 7] });
      expect(html).to.equal('<h1>A &amp; &lt;b&gt;</h1><p>2 · 7</p><li>A &amp; &lt;b&gt;: 3</li><li>A &amp; &lt;b&gt;: 7</li>');
      expect(await render(cache, 'page.ejs', { title: 't', items: [1], notice: 'Saved' })).to.contain('<p>Saved</p>');
    });
  }

  it('escapes as EJS does, and leaves text that needs no escaping as it is', () => {
    for (const text of ['plain text', 'l\'Europe & <b>"bold"</b>', '&amp;', 'Ñandú 東京 🎉', '', '>']) {
      expect(escapeHtml(text)).to.equal(ejs.escapeXML(text));
    }
    expect(escapeHtml('<script>alert("x")</script>')).to.equal('&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;');
    expect([escapeHtml(null), escapeHtml(undefined), escapeHtml(0), escapeHtml(false)]).to.deep.equal(['', '', '0', 'false']);
  });

  it('reports a template error with the template\'s file and line', async () => {
    writeFileSync(path.join(root, 'broken.ejs'), 'line one\n<%= missing.property %>');
    const failure = await render(false, 'broken.ejs', {}).then(() => null, (error: Error) => error.message);
    expect(failure).to.contain('broken.ejs:2');
  });
});
