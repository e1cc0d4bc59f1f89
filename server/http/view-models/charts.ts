// Charts drawn on the server as inline SVG: no script, no style attribute (the CSP forbids inline
// styles), presentation attributes only. Each chart is an image with a title and a description;
// the figures themselves are in the data table that follows it on the page. Bars carry text
// labels and patterns, so nothing is told by colour alone, and the viewBox lets a chart shrink to
// its container and print at the width of the page.

/** Width of every chart's coordinate system; the chart scales to its container. */
export const CHART_WIDTH = 480;
const FONT_SIZE = 15;
const LINE = 19;
/** A rough average glyph width, to wrap labels and decide whether a label fits in a segment. */
const GLYPH = FONT_SIZE * 0.56;
const INK = '#1b1f24';
const BAR = '#0b4f8a';
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, sans-serif';

/** Light fills that keep dark text readable, each paired with its own pattern below. */
const FILLS = ['#a6cee3', '#fdbf6f', '#b2df8a', '#cab2d6', '#fb9a99', '#ffff99', '#8dd3c7', '#d9d9d9', '#bebada', '#fccde5'];
const PATTERNS = [
  '',
  'M0 8 L8 0',
  'M0 4 H8',
  'M4 0 V8',
  'M0 0 L8 8',
  'M0 0 L8 8 M0 8 L8 0',
  'M0 4 H8 M4 0 V8',
  'M2 2 h1 v1 h-1 Z M6 6 h1 v1 h-1 Z',
  'M0 2 H8 M0 6 H8',
  'M2 0 V8 M6 0 V8',
];
/** Exhausted ballots and value lost: grey, hatched. */
const REST_FILL = '#f0f0f0';
const REST_PATTERN = 'M0 8 L8 0 M-2 2 L2 -2 M6 10 L10 6';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Splits a label into lines of at most `width` units, breaking between words where it can. */
export function wrapText(text: string, width: number): string[] {
  const max = Math.max(4, Math.floor(width / GLYPH));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    let rest = word;
    while (rest.length > max) {
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      lines.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    if (line === '') line = rest;
    else if (line.length + 1 + rest.length <= max) line = `${line} ${rest}`;
    else {
      lines.push(line);
      line = rest;
    }
  }
  if (line !== '') lines.push(line);
  return lines.length > 0 ? lines : [''];
}

function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function open(id: string, height: number, title: string, desc: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${escapeXml(id)}" role="img" aria-labelledby="${escapeXml(id)}-title ${escapeXml(id)}-desc"` +
    ` viewBox="0 0 ${CHART_WIDTH} ${num(height)}" width="100%" preserveAspectRatio="xMinYMin meet" font-family="${FONT}" font-size="${FONT_SIZE}" fill="${INK}">` +
    `<title id="${escapeXml(id)}-title">${escapeXml(title)}</title><desc id="${escapeXml(id)}-desc">${escapeXml(desc)}</desc>`
  );
}

/** The chart's title drawn at its top, so that sighted readers see what the image shows. */
function heading(title: string): { markup: string; height: number } {
  const lines = wrapText(title, CHART_WIDTH - 4);
  return { markup: textLines(lines, 0, FONT_SIZE + 2, ' font-weight="700"'), height: lines.length * LINE + 12 };
}

function textLines(lines: readonly string[], x: number, y: number, extra = ''): string {
  return lines.map((l, i) => `<text x="${num(x)}" y="${num(y + i * LINE)}"${extra}>${escapeXml(l)}</text>`).join('');
}

export interface Bar {
  /** What the bar stands for, e.g. "(a) Return migration". */
  readonly label: string;
  /** The bar's length is proportional to this. */
  readonly value: number;
  /** The value as the reader sees it, formatted, e.g. "1 234". */
  readonly valueText: string;
  /** Said after the value, e.g. "retained" or "excluded": the marking is text, not colour. */
  readonly note?: string;
}

export interface BarChartInput {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly bars: readonly Bar[];
  /** The value a full-length bar stands for (default: the largest value). */
  readonly max?: number;
}

/** Horizontal bars, one per row: the label above, the bar below with its value at its end. */
export function barChart(input: BarChartInput): string {
  const valueText = (bar: Bar) => (bar.note ? `${bar.valueText} (${bar.note})` : bar.valueText);
  // Room after the longest bar for its value, in bold where there is a note.
  const valueRoom = Math.max(60, ...input.bars.map((b) => valueText(b).length * GLYPH * 1.12 + 14));
  const track = Math.max(CHART_WIDTH / 3, CHART_WIDTH - valueRoom);
  const max = Math.max(input.max ?? 0, ...input.bars.map((b) => b.value), 0);
  const barHeight = 22;
  const top = heading(input.title);
  let y = top.height;
  const rows: string[] = [top.markup];
  for (const bar of input.bars) {
    const lines = wrapText(bar.label, CHART_WIDTH - 4);
    rows.push(textLines(lines, 0, y + FONT_SIZE, ''));
    y += lines.length * LINE + 4;
    const length = max > 0 ? (bar.value / max) * track : 0;
    rows.push(`<rect class="bar" x="0" y="${num(y)}" width="${num(length)}" height="${barHeight}" fill="${BAR}" data-value="${bar.value}"/>`);
    rows.push(`<text x="${num(length + 6)}" y="${num(y + barHeight - 6)}" font-weight="${bar.note ? 700 : 400}">${escapeXml(valueText(bar))}</text>`);
    y += barHeight + 14;
  }
  const axis = `<line x1="0" y1="${num(top.height - 4)}" x2="0" y2="${num(y - 10)}" stroke="${INK}" stroke-width="1"/>`;
  return `${open(input.id, y, input.title, input.desc)}${rows.join('')}${axis}</svg>`;
}

export interface StackSeries {
  /** Full name, shown in the legend. */
  readonly name: string;
  /** Short mark written inside the segment where it fits, e.g. "(a)". */
  readonly short: string;
  /** Exhausted ballots and the like: drawn grey and hatched, after the options. */
  readonly rest?: boolean;
}

export interface StackRow {
  /** e.g. "Round 2". */
  readonly label: string;
  /** One value per series, in the order of the series. */
  readonly values: readonly number[];
}

export interface StackedChartInput {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly series: readonly StackSeries[];
  readonly rows: readonly StackRow[];
  /** Heading of the legend, e.g. "Key". */
  readonly legendTitle: string;
}

function patternDefs(id: string, series: readonly StackSeries[]): string {
  let optionIndex = 0;
  const defs = series.map((s, k) => {
    const fill = s.rest ? REST_FILL : FILLS[optionIndex % FILLS.length]!;
    const path = s.rest ? REST_PATTERN : PATTERNS[optionIndex % PATTERNS.length]!;
    if (!s.rest) optionIndex += 1;
    const mark = path === '' ? '' : `<path d="${path}" stroke="${INK}" stroke-width="1.1" fill="none"/>`;
    return `<pattern id="${escapeXml(id)}-p${k}" patternUnits="userSpaceOnUse" width="8" height="8"><rect width="8" height="8" fill="${fill}"/>${mark}</pattern>`;
  });
  return `<defs>${defs.join('')}</defs>`;
}

/**
 * One stacked bar per row (e.g. per round), each segment a series with its own fill and pattern
 * and, where it fits, its short mark written on it; a legend names every series.
 */
export function stackedBarChart(input: StackedChartInput): string {
  const labelRoom = Math.min(150, Math.max(70, ...input.rows.map((r) => r.label.length * GLYPH + 12)));
  const track = CHART_WIDTH - labelRoom - 4;
  const max = Math.max(0, ...input.rows.map((r) => r.values.reduce((a, b) => a + b, 0)));
  const barHeight = 30;
  const top = heading(input.title);
  const parts: string[] = [patternDefs(input.id, input.series), top.markup];
  let y = top.height;
  for (const row of input.rows) {
    parts.push(`<text x="0" y="${num(y + barHeight / 2 + FONT_SIZE / 3)}">${escapeXml(row.label)}</text>`);
    let x = labelRoom;
    row.values.forEach((v, k) => {
      if (v <= 0) return;
      const w = max > 0 ? (v / max) * track : 0;
      const s = input.series[k]!;
      parts.push(`<rect class="segment" x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${barHeight}" fill="url(#${escapeXml(input.id)}-p${k})" stroke="#ffffff" stroke-width="1.5" data-value="${v}"/>`);
      if (s.short !== '' && w >= s.short.length * GLYPH + 8) {
        parts.push(`<text x="${num(x + w / 2)}" y="${num(y + barHeight / 2 + FONT_SIZE / 3)}" text-anchor="middle" font-weight="700" stroke="#ffffff" stroke-width="3.5" paint-order="stroke">${escapeXml(s.short)}</text>`);
      }
      x += w;
    });
    y += barHeight + 10;
  }
  y += 10;
  parts.push(`<text x="0" y="${num(y + FONT_SIZE)}" font-weight="700">${escapeXml(input.legendTitle)}</text>`);
  y += LINE + 6;
  input.series.forEach((s, k) => {
    const lines = wrapText(s.short !== '' && !s.name.startsWith(s.short) ? `${s.short} ${s.name}` : s.name, CHART_WIDTH - 30);
    parts.push(`<rect x="0" y="${num(y)}" width="20" height="18" fill="url(#${escapeXml(input.id)}-p${k})" stroke="${INK}" stroke-width="1"/>`);
    parts.push(textLines(lines, 28, y + 14));
    y += lines.length * LINE + 6;
  });
  return `${open(input.id, y + 4, input.title, input.desc)}${parts.join('')}</svg>`;
}
