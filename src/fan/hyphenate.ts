// Swedish hyphenation, loaded when first needed: where compounds join (from the Swedish
// Hunspell dictionary, src/fan/compounds.ts) first, TeX's patterns (the `hyphen` package) as
// the fallback. The fan lays out with whole words until both are here, then again with them.
import { compoundSplitter, type CompoundData } from './compounds';
import { SOFT_HYPHEN, type Hyphenator } from './text';

let ready: Hyphenator | null = null;
let loading: Promise<Hyphenator> | null = null;

/** A hyphenator over a function that marks break points with soft hyphens. */
export function hyphenatorOf(mark: (word: string) => string): Hyphenator {
  const cache = new Map<string, number[]>();
  return (word) => {
    let points = cache.get(word);
    if (!points) {
      points = [];
      let at = 0;
      for (const ch of mark(word)) {
        if (ch === SOFT_HYPHEN) points.push(at);
        else at += ch.length;
      }
      cache.set(word, points);
    }
    return points;
  };
}

/** TeX's points (marked by `mark`) with the compound boundaries of `compounds`. */
export function swedishOf(mark: (word: string) => string, compounds: CompoundData): Hyphenator {
  return Object.assign(hyphenatorOf(mark), { compound: compoundSplitter(compounds) });
}

/** The Swedish hyphenator, or null while it is still loading. */
export function swedishHyphenator(): Hyphenator | null {
  return ready;
}

export function loadSwedishHyphenator(): Promise<Hyphenator> {
  loading ??= Promise.all([import('hyphen/sv'), import('./compounds-sv.json')]).then(([m, compounds]) => {
    ready = swedishOf((word) => m.hyphenateSync(word, { minWordLength: 4 }), compounds.default);
    return ready;
  });
  return loading;
}
