import { expect } from 'chai';
import { barChart, CHART_WIDTH, escapeXml, stackedBarChart, wrapText } from '../../server/http/view-models/charts.js';

/**
 * A small XML well-formedness check: every tag closes in order, attributes are quoted, and no raw
 * `<` or `&` appears in text or attribute values except as an entity.
 */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let m: RegExpExecArray | null;
  while ((m = token.exec(xml))) {
    if (m[6]) throw new Error(`stray < at ${m.index}: ${xml.slice(m.index, m.index + 40)}`);
    const text = m[5] ?? m[3] ?? '';
    if (/&(?!(amp|lt|gt|quot|apos);)/.test(text)) throw new Error(`raw & in ${text}`);
    if (m[5]) continue;
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      const top = stack.pop();
      if (top !== name) throw new Error(`</${name}> closes <${top}>`);
    } else if (!selfClosing) stack.push(name!);
  }
  if (stack.length > 0) throw new Error(`unclosed ${stack.join(', ')}`);
}

const widths = (svg: string, cls: string) => [...svg.matchAll(new RegExp(`<rect class="${cls}"[^>]* width="([\\d.]+)"`, 'g'))].map((x) => Number(x[1]));

describe('view-models/charts', () => {
  const nasty = 'Migration <script>alert("x")</script> & "mobility" \'s';

  it('escapeXml: replaces & < > " and \' with entities', () => {
    expect(escapeXml(`a<b & "c" 'd'>`)).to.equal('a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;');
  });

  it('wrapText: breaks long labels between words and cuts a word longer than a line', () => {
    expect(wrapText('one two three', 1000)).to.deep.equal(['one two three']);
    const lines = wrapText('alpha beta gamma delta', 60);
    expect(lines.length).to.be.greaterThan(1);
    expect(lines.join(' ')).to.equal('alpha beta gamma delta');
    expect(wrapText('x'.repeat(30), 60).join('')).to.equal('x'.repeat(30));
  });

  it('barChart: well-formed accessible SVG with title, desc, role and viewBox, every text escaped', () => {
    const svg = barChart({ id: 'q1-first', title: `Title ${nasty}`, desc: `Desc ${nasty}`, bars: [{ label: nasty, value: 3, valueText: '3 & more', note: '<retained>' }] });
    assertWellFormed(svg);
    expect(svg).to.match(/^<svg [^>]*role="img"/);
    expect(svg).to.contain('aria-labelledby="q1-first-title q1-first-desc"');
    expect(svg).to.contain(`viewBox="0 0 ${CHART_WIDTH} `);
    expect(svg).to.contain('<title id="q1-first-title">Title Migration &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;mobility&quot; &apos;s</title>');
    expect(svg).to.contain('<desc id="q1-first-desc">Desc Migration &lt;script&gt;');
    expect(svg).to.contain('3 &amp; more (&lt;retained&gt;)');
    expect(svg).to.not.contain('<script');
    expect(svg).to.not.contain('style=');
  });

  it('barChart: bar lengths proportional to the values, the largest spanning the track', () => {
    const svg = barChart({ id: 'c', title: 't', desc: 'd', bars: [{ label: 'A', value: 10, valueText: '10' }, { label: 'B', value: 5, valueText: '5' }, { label: 'C', value: 0, valueText: '0' }] });
    const [a, b, c] = widths(svg, 'bar');
    expect(a).to.be.greaterThan(0);
    expect(b! / a!).to.be.closeTo(0.5, 0.001);
    expect(c).to.equal(0);
    expect(a).to.be.at.most(CHART_WIDTH);
  });

  it('barChart: a given maximum scales every bar to it; no ballots draws empty bars, not NaN', () => {
    const half = barChart({ id: 'c', title: 't', desc: 'd', max: 20, bars: [{ label: 'A', value: 10, valueText: '10' }] });
    const full = barChart({ id: 'c', title: 't', desc: 'd', bars: [{ label: 'A', value: 10, valueText: '10' }] });
    expect(widths(half, 'bar')[0]! / widths(full, 'bar')[0]!).to.be.closeTo(0.5, 0.001);
    const empty = barChart({ id: 'e', title: 't', desc: 'd', bars: [{ label: 'A', value: 0, valueText: '0' }] });
    expect(empty).to.not.contain('NaN');
    assertWellFormed(empty);
  });

  it('stackedBarChart: one segment per non-zero value, proportional, each with its pattern, a legend naming every series', () => {
    const svg = stackedBarChart({
      id: 'flow', title: 'How votes moved', desc: 'One bar per round', legendTitle: 'Key',
      series: [{ name: '(a) Return & migration', short: '(a)' }, { name: '(b) Development', short: '(b)' }, { name: 'Exhausted', short: '', rest: true }],
      rows: [{ label: 'Round 1', values: [6, 2, 0] }, { label: 'Round 2', values: [7, 0, 1] }],
    });
    assertWellFormed(svg);
    expect(svg).to.match(/role="img"/);
    expect(svg).to.contain('<title id="flow-title">How votes moved</title>');
    const segments = widths(svg, 'segment');
    expect(segments).to.have.length(4);
    expect(segments[0]! / segments[1]!).to.be.closeTo(3, 0.001);
    expect(segments[2]! / segments[3]!).to.be.closeTo(7, 0.001);
    // Both rows hold 8 ballots: the bars are equally long.
    expect(segments[0]! + segments[1]!).to.be.closeTo(segments[2]! + segments[3]!, 0.001);
    expect(svg.match(/<pattern id="flow-p\d"/g)).to.have.length(3);
    expect(svg).to.contain('fill="url(#flow-p0)"');
    expect(svg).to.contain('(a) Return &amp; migration');
    expect(svg).to.contain('>Exhausted</text>');
    expect(svg).to.contain('>(a)</text>');
    expect(svg).to.not.contain('style=');
  });

  it('well-formedness check: rejects unbalanced tags and raw ampersands', () => {
    expect(() => assertWellFormed('<svg><g></svg>')).to.throw();
    expect(() => assertWellFormed('<svg><text>a & b</text></svg>')).to.throw();
    expect(() => assertWellFormed('<svg><text>a < b</text></svg>')).to.throw();
  });
});
