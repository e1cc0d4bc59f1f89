import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fr } from '../../server/i18n/fr.js';

/** Code quoted in a French sentence keeps its own punctuation. */
const CODE = ['Authorization: Bearer'];

/** Every string of a catalogue tree, with its key. */
function strings(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (tree === null || typeof tree !== 'object') return [];
  return Object.entries(tree).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * Where a French string breaks the rule: a narrow no-break space (U+202F) before ':', ';', '?'
 * and '!', except in '://', inside {{placeholders}} and {placeholders}, and between digits.
 */
export function typographyFaults(text: string): string[] {
  let s = text;
  for (const code of CODE) s = s.split(code).join('');
  s = s.replace(/\{\{[^}]*\}\}/g, '{}').replace(/\{\w+\}/g, '{}').replace(/:\/\//g, '');
  const faults: string[] = [];
  for (const m of s.matchAll(/[:;?!]/g)) {
    const before = s[m.index - 1];
    if (m.index === 0 || before === '\u202f' || /\d/.test(before ?? '')) continue;
    faults.push(s.slice(Math.max(0, m.index - 15), m.index + 1));
  }
  return faults;
}

describe('French typography', () => {
  it('finds faults: a plain space or none before the sign; none in URLs, placeholders or times', () => {
    expect(typographyFaults('Résultats : {{survey}}')).to.have.length(1);
    expect(typographyFaults('Résultats: x; y?')).to.have.length(3);
    expect(typographyFaults('Résultats\u202f: {{a:b}} https://example.org {x} 13:17')).to.deep.equal([]);
  });

  it('puts a narrow no-break space before :, ;, ? and ! in every French string of every catalogue', async () => {
    const dir = path.join('server', 'i18n', 'areas');
    const areas = await Promise.all(readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => import(pathToFileURL(path.resolve(dir, f)).href) as Promise<Record<string, unknown>>));
    const trees: unknown[] = [fr, ...areas.flatMap((module) => Object.values(module).map((catalogue) => (catalogue as { fr?: unknown }).fr).filter((t) => t !== undefined))];
    expect(trees.length).to.be.greaterThan(5);
    const all = trees.flatMap((tree) => strings(tree));
    expect(all.length).to.be.greaterThan(300);
    const faults = all.flatMap(([key, text]) => typographyFaults(text).map((f) => `${key}: …${f}`));
    expect(faults).to.deep.equal([]);
  });
});
