// Option names as people read them. A name is compared after Unicode NFC normalisation and
// trimming, so that "Educación" typed with a combining accent is the option written precomposed.
// Two names whose skeletons are equal look the same to a reader though they are written
// differently: they differ only by case, by the kind of space, dash or quote, or by letters of
// another alphabet that look like Latin ones (Cyrillic "о" in a Latin word). The skeleton is a
// small, deliberate reading of Unicode's confusables (UTS #39) for the names a consultation uses,
// not the whole table.

/** A name as it is compared and kept: NFC, without surrounding white space. */
export function normaliseName(name: string): string {
  // ASCII is its own NFC; most names are ASCII.
  return (/[^\x20-\x7e]/.test(name) ? name.normalize('NFC') : name).trim();
}

/** Letters of other alphabets that look like Latin ones, once lower-cased, and what they look like. */
const LOOK_ALIKE_LETTERS: Readonly<Record<string, string>> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', з: '3', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ү: 'y', ӏ: 'l',
  // Greek
  α: 'a', β: 'b', ε: 'e', ζ: 'z', η: 'h', ι: 'i', κ: 'k', μ: 'm', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  // Latin letters that read as others
  ı: 'i', ȷ: 'j', ſ: 's',
};

const DASHES = /[\u2010-\u2015\u2212\u2043\uFE58\uFE63\uFF0D]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u00B4\u0060\u02B9\u02BB\u02BC\u02BD\uFF07]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\uFF02]/g;
const LETTERS = new RegExp(`[${Object.keys(LOOK_ALIKE_LETTERS).join('')}]`, 'g');

/**
 * What a name looks like: compatibility forms folded (NFKC: no-break and other spaces, full-width
 * letters, ligatures), white space runs made one space, dashes one hyphen, quotes one of each kind,
 * lower case, look-alike letters made Latin. Names with equal skeletons look the same.
 */
export function nameSkeleton(name: string): string {
  return normaliseName(name)
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(DASHES, '-')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .toLowerCase()
    .normalize('NFD')
    .replace(LETTERS, (c) => LOOK_ALIKE_LETTERS[c]!)
    .normalize('NFC');
}

/** Pairs of distinct names (each normalised) that look the same, in the order the names are given. */
export function findLookAlikes(names: readonly string[]): [string, string][] {
  const first = new Map<string, string>();
  const pairs: [string, string][] = [];
  for (const name of names) {
    const skeleton = nameSkeleton(name);
    const seen = first.get(skeleton);
    if (seen === undefined) first.set(skeleton, name);
    else if (seen !== name) pairs.push([seen, name]);
  }
  return pairs;
}
