// Swedish hyphenation from TeX's patterns (the `hyphen` package), loaded when first needed:
// the fan lays out with whole words until the dictionary is here, then again with it.
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

/** The Swedish hyphenator, or null while it is still loading. */
export function swedishHyphenator(): Hyphenator | null {
  return ready;
}

export function loadSwedishHyphenator(): Promise<Hyphenator> {
  loading ??= import('hyphen/sv').then((m) => {
    ready = hyphenatorOf((word) => m.hyphenateSync(word, { minWordLength: 4 }));
    return ready;
  });
  return loading;
}
