// Text measuring and line breaking for the fan. Measuring and hyphenation are injected
// (the browser measures with a canvas; tests use an estimate; the Swedish dictionary is
// loaded when first needed), so layout stays pure and deterministic.
import type { Join } from './compounds';

export interface FontSpec {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

export type Measure = (text: string, font: FontSpec) => number;

/**
 * Where a word may be broken: positions (0 < p < word.length) at which the second part
 * starts. Comes from a hyphenation dictionary (TeX's Swedish patterns), never from rules;
 * `compound` gives where a compound joins (from a Swedish dictionary), tried first.
 */
export type Hyphenator = ((word: string) => number[]) & { compound?: (word: string) => Join[] };

export interface BreakPoint {
  at: number;
  /** A hyphen is drawn at the break (not after a hard hyphen or a dash). */
  hyphen: boolean;
  /** Where a compound joins ("hälso|samtal"): a reader's first choice; the parts before it (fewer first: "akut|mottagningar", not "akutmot|tagningar"). */
  compound?: number;
}

/** A line ending in this character was broken inside a word: draw a hyphen there. */
export const SOFT_HYPHEN = '\u00ad';

/** A measure without a DOM: average glyph widths of a sans-serif face. */
export const estimateMeasure: Measure = (text, font) =>
  text.length * font.size * 0.56 * (font.bold ? 1.07 : 1);

/** Wraps the measure in a per-font cache: layout measures the same words many times. */
export function cachedMeasure(measure: Measure): Measure {
  const fonts = new Map<string, Map<string, number>>();
  return (text, font) => {
    const fontKey = `${font.size}|${font.bold ? 1 : 0}|${font.italic ? 1 : 0}`;
    let cache = fonts.get(fontKey);
    if (!cache) {
      cache = new Map();
      fonts.set(fontKey, cache);
    }
    let w = cache.get(text);
    if (w === undefined) {
      w = measure(text, font);
      cache.set(text, w);
    }
    return w;
  };
}

/** Ordinary Swedish text, for an average character width. */
const SAMPLE = 'Utveckla vården nära invånarna i samverkan med kommunerna, 2026';

/**
 * Text widths estimated from their length and the font's average character width (one
 * measurement): close enough to weigh how much text a cell holds, without measuring every
 * item's whole text.
 */
export function averageWidths(measure: Measure, font: FontSpec): (text: string) => number {
  const perCharacter = measure(SAMPLE, font) / SAMPLE.length;
  return (text) => text.length * perCharacter;
}

/** The text as drawn: a soft hyphen at a line's end is shown as a hyphen. */
export const drawnText = (line: string) => (line.endsWith(SOFT_HYPHEN) ? `${line.slice(0, -1)}-` : line);

/** Letters kept on each side of a break the dictionary allows (TeX's are 2 and 2; a reader needs 3). */
const LEFT_MIN = 3;
const RIGHT_MIN = 3;

/**
 * Break points of a word: the dictionary's inside each run of letters, plus after a hard
 * hyphen or dash inside the word ("FoUUI-plan"), where no hyphen is added.
 */
export function breakPoints(word: string, hyphenate: Hyphenator | null): BreakPoint[] {
  const cache = hyphenate ? (pointCache.get(hyphenate) ?? new Map<string, BreakPoint[]>()) : plainPoints;
  if (hyphenate) pointCache.set(hyphenate, cache);
  let found = cache.get(word);
  if (!found) {
    found = computeBreakPoints(word, hyphenate);
    if (cache.size > 20000) cache.clear();
    cache.set(word, found);
  }
  return found;
}

const pointCache = new WeakMap<Hyphenator, Map<string, BreakPoint[]>>();
const plainPoints = new Map<string, BreakPoint[]>();

function computeBreakPoints(word: string, hyphenate: Hyphenator | null): BreakPoint[] {
  const points: BreakPoint[] = [];
  for (let i = 1; i < word.length - 1; i++) if (/[-–—/]/.test(word[i - 1]!) && /\p{L}/u.test(word[i]!)) points.push({ at: i, hyphen: false });
  if (hyphenate) {
    for (const run of word.matchAll(/\p{L}+/gu)) {
      const text = run[0];
      // A compound breaks where it joins; other words where TeX's patterns allow.
      const joins = hyphenate.compound?.(text) ?? [];
      if (joins.length > 0) for (const j of joins) points.push({ at: run.index! + j.at, hyphen: true, compound: j.parts });
      else for (const p of hyphenate(text)) if (p >= LEFT_MIN && text.length - p >= RIGHT_MIN) points.push({ at: run.index! + p, hyphen: true });
    }
  }
  return points.sort((a, b) => a.at - b.at);
}

/**
 * Break `text` into lines whose widths are given one by one by `lineWidth(i)` (lines on
 * arcs get shorter towards the hub). Returns null when the text does not fit in
 * `maxLines` lines. Whole words first: a word wider than a whole line is broken only at a
 * point `hyphenate` allows (null: never), the line then ending in SOFT_HYPHEN.
 */
export function wrapText(
  text: string,
  font: FontSpec,
  measure: Measure,
  lineWidth: (line: number) => number,
  maxLines: number,
  hyphenate: Hyphenator | null = null,
): string[] | null {
  // Split on ordinary spaces only: a no-break space binds its words. (A copy: a word broken
  // over lines is replaced by its rest below.)
  const words = [...wordsOf(text)];
  // Lines are filled by adding word widths (each word measured once); the text measure
  // caches per font, so this stays cheap however often a layout is recomputed.
  const space = measure(' ', font);
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  let i = 0;
  /** Words already broken once (their rest is in `words`). */
  const broken = new Set<number>();
  while (i < words.length) {
    if (lines.length >= maxLines) return null;
    const width = lineWidth(lines.length);
    const word = words[i]!;
    const wordWidth = measure(word, font);
    const candidateWidth = current ? currentWidth + space + wordWidth : wordWidth;
    if (candidateWidth <= width) {
      current = current ? `${current} ${word}` : word;
      currentWidth = candidateWidth;
      i++;
      continue;
    }
    if (current) {
      lines.push(current);
      current = '';
      currentWidth = 0;
      continue;
    }
    // A single word wider than the line: break it once — where a compound joins if such a
    // point fits, else at the last point the dictionary allows that fits. What is left of
    // it must fit the next line whole (never two breaks in one word).
    if (broken.has(i)) return null;
    const fitting = breakPoints(word, hyphenate).filter((p) => measure(p.hyphen ? `${word.slice(0, p.at)}-` : word.slice(0, p.at), font) <= width);
    // The first choice: the fewest parts before a compound's break, then the longest first line —
    // and a rest that fits the next line whole over one that does not.
    const ranked = fitting.sort((a, b) => (a.compound ?? 0) - (b.compound ?? 0) || b.at - a.at);
    const restFits = (p: BreakPoint) => measure(word.slice(p.at), font) <= lineWidth(lines.length + 1);
    const cut = ranked.find(restFits) ?? ranked[0];
    if (!cut) return null;
    lines.push(cut.hyphen ? `${word.slice(0, cut.at)}${SOFT_HYPHEN}` : word.slice(0, cut.at));
    words[i] = word.slice(cut.at);
    broken.add(i);
  }
  if (current) {
    if (lines.length >= maxLines) return null;
    lines.push(current);
  }
  return lines;
}

const wordCache = new Map<string, string[]>();

/** The words of a text (layout breaks the same texts many times). */
function wordsOf(text: string): string[] {
  let words = wordCache.get(text);
  if (!words) {
    words = text.split(/[ \t\n\r]+/).filter(Boolean);
    if (wordCache.size > 20000) wordCache.clear();
    wordCache.set(text, words);
  }
  return words;
}
