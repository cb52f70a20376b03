// Text measuring and line breaking for the fan. Measuring is injected (the browser
// measures with a canvas; tests use an estimate), so layout stays pure and deterministic.

export interface FontSpec {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

export type Measure = (text: string, font: FontSpec) => number;

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

/**
 * Break `text` into lines whose widths are given one by one by `lineWidth(i)` (lines on
 * arcs get shorter towards the hub). Returns null when the text does not fit in
 * `maxLines` lines. A word longer than a whole line is split with a hyphen.
 */
export function wrapText(
  text: string,
  font: FontSpec,
  measure: Measure,
  lineWidth: (line: number) => number,
  maxLines: number,
  allowSplit = true,
): string[] | null {
  // Split on ordinary spaces only: a no-break space binds its words.
  const words = text.split(/[ \t\n\r]+/).filter(Boolean);
  // Lines are filled by adding word widths (each word measured once); the text measure
  // caches per font, so this stays cheap however often a layout is recomputed.
  const space = measure(' ', font);
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  let i = 0;
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
    // A single word wider than the line: split it.
    if (!allowSplit) return null;
    // Never leave fewer than three letters on either side of the hyphen.
    const cut = compoundCut(word, Math.min(longestPrefix(word, font, measure, width), word.length - 3));
    if (cut < 3) return null;
    lines.push(`${word.slice(0, cut)}-`);
    words[i] = word.slice(cut);
  }
  if (current) {
    if (lines.length >= maxLines) return null;
    lines.push(current);
  }
  return lines;
}

/**
 * Where to hyphenate, at most at `max`: Swedish compounds often join with an "s"
 * (kompetens|försörjning, verksamhets|plan), so prefer the last such joint in the
 * longer part of the range; otherwise cut at `max`.
 */
export function compoundCut(word: string, max: number): number {
  const vowels = 'aeiouyåäöéAEIOUYÅÄÖÉ';
  for (let c = max; c >= Math.max(4, Math.ceil(max * 0.5)); c--) {
    if (word[c - 1] === 's' && !vowels.includes(word[c] ?? 'a')) return c;
  }
  return max;
}

function longestPrefix(word: string, font: FontSpec, measure: Measure, width: number): number {
  let n = word.length - 1;
  while (n > 0 && measure(`${word.slice(0, n)}-`, font) > width) n--;
  return n;
}

/** Shorten text with an ellipsis until it fits the width. */
export function ellipsize(text: string, font: FontSpec, measure: Measure, width: number): string {
  if (measure(text, font) <= width) return text;
  let n = text.length;
  while (n > 1 && measure(`${text.slice(0, n).trimEnd()}…`, font) > width) n--;
  return `${text.slice(0, n).trimEnd()}…`;
}
