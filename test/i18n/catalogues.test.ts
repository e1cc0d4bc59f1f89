import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { translatorFor } from '../../server/i18n/index.js';
import { LANGUAGES } from '../../server/i18n/languages.js';

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, ext) : full.endsWith(ext) ? [full] : [];
  });
}

/** Every literal key passed to t(...) in the templates and the server code. */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  const files = [...filesUnder('views', '.ejs'), ...filesUnder('server', '.ts')];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\('([a-zA-Z0-9]+(?:\.[a-zA-Z0-9]+)+)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/'((?:validation|errors)\.[a-zA-Z0-9.]+)'/g)) keys.add(m[1]!);
  }
  return keys;
}

describe('i18n catalogues', () => {
  const keys = [...usedKeys()];

  it('finds the keys the code uses', () => {
    expect(keys.length).to.be.greaterThan(100);
  });

  for (const lang of LANGUAGES) {
    it(`has every key the code uses in ${lang}`, () => {
      const t = translatorFor(lang);
      const missing = keys.filter((k) => {
        const v: unknown = t(k, { returnObjects: true });
        // A key with ordinal plural forms (key_ordinal_one, …) is there when asked with a count.
        const ordinal: unknown = t(k, { count: 1, ordinal: true });
        return ((typeof v !== 'string' && typeof v !== 'object') || v === k) && ordinal === k;
      });
      expect(missing).to.deep.equal([]);
    });
  }

  it('translates into French and Spanish rather than repeating the English', () => {
    const en = translatorFor('en');
    for (const lang of ['fr', 'es'] as const) {
      const t = translatorFor(lang);
      for (const key of ['signIn.failed', 'errors.linkUsedOrExpired', 'memberStates.import.summary', 'validation.required']) {
        expect(t(key), `${lang} ${key}`).to.not.equal(en(key));
      }
    }
  });
});
