// Where a Swedish compound joins: "hälso|samtal", "invånar|fokus", "kunskaps|styrnings|organisationen".
// The parts come from the Swedish Hunspell dictionary (scripts/compounds.mjs): forms that may
// begin a compound or stand in its middle, and words that may end one (with the endings its
// suffix rules add: "vård|en", "indikator|er"). A boundary is a place where what comes before
// is a chain of such parts and what comes after is parts ending in such a word, each side at
// least three letters. A reader expects a compound broken there, before any other point.

export interface CompoundData {
  /** Forms that may begin a compound ("hälso", "kunskaps"), front-coded (scripts/compounds.mjs). */
  begin: string;
  /** Forms that may stand in its middle ("styrnings"), front-coded. */
  middle: string;
  /** Words that may end a compound and are no compound of the others ("samtal", "fokus"), front-coded. */
  end: string;
  /** Endings the dictionary adds to such words, space-separated. */
  endings: string;
}

/** Letters kept on each side of a boundary, and in each part. */
export const PART_MIN = 3;

/** A front-coded list: each word is a character telling how many letters it shares with the one before ('0' + n), then the rest. */
export function frontDecoded(coded: string): string[] {
  const words: string[] = [];
  let previous = '';
  let i = 0;
  while (i < coded.length) {
    const shared = coded.charCodeAt(i) - 48;
    let j = i + 1;
    while (j < coded.length && !isCount(coded.charCodeAt(j))) j++;
    previous = previous.slice(0, shared) + coded.slice(i + 1, j);
    words.push(previous);
    i = j;
  }
  return words;
}

/** Counts are '0'..'X' (0–40); the words hold only lower-case letters (from 'a'), so they never clash. */
const isCount = (code: number) => code >= 48 && code <= 88;

/** Where a compound joins: the position, and how many parts come before it (one: a plain first word). */
export interface Join {
  at: number;
  parts: number;
}

/** Boundaries of a word: where a compound joins, left to right. */
export function compoundSplitter(data: CompoundData): (word: string) => Join[] {
  const begin = new Set(frontDecoded(data.begin));
  const middle = new Set(frontDecoded(data.middle));
  const end = new Set(frontDecoded(data.end));
  const endings = data.endings.split(' ');
  const part = (s: string) => begin.has(s) || middle.has(s);
  /** A word that may end a compound, with an ending the dictionary adds. */
  const last = (s: string) => endings.some((e) => s.endsWith(e) && s.length - e.length >= PART_MIN && end.has(s.slice(0, s.length - e.length)));
  const cache = new Map<string, Join[]>();
  return (word) => {
    let found = cache.get(word);
    if (found) return found;
    const w = word.toLocaleLowerCase('sv');
    const n = w.length;
    // head[p]: the fewest parts the first p letters make as a compound's beginning (0: none).
    const head: number[] = new Array(n + 1).fill(0);
    for (let p = PART_MIN; p <= n - PART_MIN; p++) {
      if (begin.has(w.slice(0, p))) head[p] = 1;
      else
        for (let q = PART_MIN; q <= p - PART_MIN; q++)
          if (head[q]! > 0 && part(w.slice(q, p)) && (head[p] === 0 || head[q]! + 1 < head[p]!)) head[p] = head[q]! + 1;
    }
    // tail[p]: the letters from p on are parts ending in a word that may end a compound.
    const tail: boolean[] = new Array(n + 1).fill(false);
    for (let p = n - PART_MIN; p >= PART_MIN; p--) {
      if (last(w.slice(p))) tail[p] = true;
      else for (let q = p + PART_MIN; q <= n - PART_MIN && !tail[p]; q++) tail[p] = tail[q]! && part(w.slice(p, q));
    }
    found = [];
    for (let p = PART_MIN; p <= n - PART_MIN; p++) if (head[p]! > 0 && tail[p]) found.push({ at: p, parts: head[p]! });
    if (cache.size > 20000) cache.clear();
    cache.set(word, found);
    return found;
  };
}
