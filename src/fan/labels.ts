// Labels of the fan: blade names (on their band, or along the axis of a folded blade), ring
// names under the baseline and the vision in the hub. A label is never cut: it wraps (at
// word or dictionary points), gets smaller, or — for rings — is shortened by a visible rule
// with the full name in a legend.
import type { Blade, Ring } from '../domain/types';
import type { TextLine } from './cells';
import { arcPath, ORIGIN, polarToPoint } from './geometry';
import { type FontSpec, type Hyphenator, type Measure, wrapText } from './text';

const BLADE_FONT_SIZES = [20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10];
const RING_FONT_SIZES = [15, 14, 13, 12];
const HUB_FONT_SIZES = [22, 20, 18, 16, 14, 13, 12, 11, 10];
export const LABEL_LINE = 1.15;

export interface LabelText {
  lines: TextLine[];
  fontSize: number;
}

export interface BladeLabelFit {
  fontSize: number;
  texts: string[];
  radii: number[];
}

/** Width of a blade's band text at radius r. */
const arcWidth = (phi0: number, phi1: number, r: number) => r * (phi1 - phi0) - 16;

/** A blade's name on its band at most `maxLines` lines, at the largest size ≥ `minSize`; null if it cannot. */
export function fitBladeName(
  name: string,
  phi0: number,
  phi1: number,
  rIn: number,
  maxLines: number,
  measure: Measure,
  hyphenate: Hyphenator | null,
  minSize = BLADE_FONT_SIZES.at(-1)!,
  maxSize = BLADE_FONT_SIZES[0]!,
): BladeLabelFit | null {
  for (const size of BLADE_FONT_SIZES) {
    if (size > maxSize) continue;
    if (size < minSize) break;
    const font: FontSpec = { size, bold: true };
    const lh = size * LABEL_LINE;
    const inner = rIn + 6 + 0.25 * size;
    for (let k = 1; k <= maxLines; k++) {
      // Lines are listed top (outer) first; the band is `maxLines` lines thick, the text centred in it.
      const base = inner + ((maxLines - k) * lh) / 2;
      const radius = (i: number) => base + (k - 1 - i) * lh;
      for (const words of hyphenate ? [null, hyphenate] : [null]) {
        const texts = wrapText(name, font, measure, (i) => arcWidth(phi0, phi1, radius(i)), k, words);
        if (texts) return { fontSize: size, texts, radii: texts.map((_, i) => radius(i)) };
      }
    }
  }
  return null;
}

/** The size every blade name fits at on `lines` lines of its band (names are drawn alike); 0 if one does not fit at all. */
export function commonBladeFont(blades: Blade[], spans: Array<[number, number]>, rIn: number, lines: number, measure: Measure, hyphenate: Hyphenator | null): number {
  let size = Infinity;
  for (const [b, blade] of blades.entries()) {
    const fit = fitBladeName(blade.name, spans[b]![0], spans[b]![1], rIn, lines, measure, hyphenate);
    if (!fit) return 0;
    size = Math.min(size, fit.fontSize);
  }
  return size === Infinity ? 0 : size;
}

/** A line more in the band is worth it when every name gets this much larger. */
const LINE_WORTH = 4;

/**
 * Lines of the blade band: so every name fits at a readable size, all names alike — a second
 * line when it makes them all clearly larger (not 14 px names on a large screen where 20 px fit
 * on two lines); `total` is the band's outer radius.
 */
export function bandLines(blades: Blade[], spans: Array<[number, number]>, total: number, measure: Measure, hyphenate: Hyphenator | null): number {
  let best: { lines: number; score: number } | null = null;
  for (const [lines, minSize] of [[1, 14], [2, 13], [3, 12], [4, 11], [5, 10]] as const) {
    const size = commonBladeFont(blades, spans, total - bandThickness(lines), lines, measure, hyphenate);
    if (size < minSize) continue;
    const score = size - LINE_WORTH * (lines - 1);
    if (!best || score > best.score) best = { lines, score };
    // The largest size already: more lines cannot win.
    if (size >= BLADE_FONT_SIZES[0]!) break;
  }
  return best?.lines ?? 6;
}

export const bandThickness = (lines: number, fontSize = BLADE_FONT_SIZES[0]!) => Math.ceil(lines * fontSize * LABEL_LINE + 12);

/** An unfolded blade's name band: one line, smaller when presenting (the name is also in the corner). */
export const UNFOLDED_BAND_FONT = { edit: 20, present: 16 };

export function bladeLabel(
  blade: Blade,
  phi0: number,
  phi1: number,
  rIn: number,
  lines: number,
  measure: Measure,
  hyphenate: Hyphenator | null,
  maxSize = BLADE_FONT_SIZES[0]!,
): LabelText {
  const fit = fitBladeName(blade.name, phi0, phi1, rIn, lines, measure, hyphenate, undefined, maxSize) ??
    // Beyond every size: the smallest, on as many lines as it takes (drawn, never cut).
    fitBladeName(blade.name, phi0, phi1, rIn, 12, measure, hyphenate) ?? { fontSize: 10, texts: [blade.name], radii: [rIn + 10] };
  return { fontSize: fit.fontSize, lines: fit.texts.map((text, i) => ({ text, d: arcPath(phi0, phi1, fit.radii[i]!) })) };
}

/**
 * A folded blade (another one is unfolded) shows its name along its axis, from the rim
 * inwards. The angle it needs for that, at the largest size that fits between hub and rim.
 */
export function foldedBand(name: string, hub: number, outer: number, measure: Measure, hyphenate: Hyphenator | null, fold: FoldedShape = FOLDED_EDIT) {
  const { minWidth, angle: thin } = fold;
  const room = outer - hub - 24;
  const floor = minWidth / ((hub + outer) / 2);
  let narrowest: { fontSize: number; texts: string[]; angle: number } | null = null;
  for (const size of [15, 14, 13, 12, 11]) {
    const font = { size, bold: true };
    for (const k of [1, 2]) {
      const texts = wrapText(name, font, measure, () => room, k, k === 1 ? null : hyphenate);
      if (!texts) continue;
      const longest = Math.max(...texts.map((t) => measure(t, font)));
      const rInner = outer - 12 - longest;
      // Wide enough for the name where it starts, and (to drop on) `minWidth` px mid-blade.
      const angle = Math.max((k * size * LABEL_LINE + 8) / Math.max(rInner, hub), floor);
      // The largest size that keeps the band thin; failing that, the thinnest band.
      if (angle <= Math.max(thin, floor)) return { fontSize: size, texts, angle };
      if (!narrowest || angle < narrowest.angle) narrowest = { fontSize: size, texts, angle };
    }
  }
  return narrowest ?? { fontSize: 11, texts: [name], angle: 0.2 };
}

/**
 * How thin a folded blade may be: `minWidth` px mid-blade (a drop target when editing), and
 * no wider than `angle` (radians) when its name allows. Presenting, a folded blade is only
 * its name, so it gives the unfolded one more room.
 */
export interface FoldedShape {
  minWidth: number;
  angle: number;
}
export const FOLDED_EDIT: FoldedShape = { minWidth: 40, angle: 0.09 };
export const FOLDED_PRESENT: FoldedShape = { minWidth: 20, angle: 0.065 };

/** The folded blade's name lines, straight along its axis, read left to right. */
export function foldedLabel(fit: { fontSize: number; texts: string[] }, phi0: number, phi1: number, outer: number, measure: Measure): LabelText {
  const mid = (phi0 + phi1) / 2;
  const lh = fit.fontSize * LABEL_LINE;
  const font = { size: fit.fontSize, bold: true };
  // Left half: from the rim towards the hub; right half: from the hub out.
  const leftHalf = mid < Math.PI / 2;
  const axis = { x: -Math.cos(mid), y: -Math.sin(mid) };
  const v = leftHalf ? { x: -axis.x, y: -axis.y } : axis;
  const up = { x: v.y, y: -v.x };
  const n = fit.texts.length;
  const angle = (Math.atan2(v.y, v.x) * 180) / Math.PI;
  return {
    fontSize: fit.fontSize,
    lines: fit.texts.map((text, i) => {
      const width = measure(text, font);
      const along = outer - 12 - width / 2;
      // Baselines stacked across the axis, the block centred on it.
      const offset = ((n - 1) / 2 - i) * lh - 0.35 * fit.fontSize;
      const centre = polarToPoint(ORIGIN, mid, along);
      const x = centre.x + up.x * offset;
      const y = centre.y + up.y * offset;
      const half = { x: v.x * (width / 2 + 4), y: v.y * (width / 2 + 4) };
      const fmt = (v: number) => v.toFixed(2);
      return {
        text,
        d: `M${fmt(x - half.x)},${fmt(y - half.y)}L${fmt(x + half.x)},${fmt(y + half.y)}`,
        at: { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100, angle: Math.round(angle * 100) / 100 },
      };
    }),
  };
}

export interface RingLabels {
  /** Per ring: the lines under the baseline (both sides) and whether the name was shortened. */
  rings: Array<{ fontSize: number; texts: string[]; short: boolean }>;
  /** Full names of the shortened rings ("2027 – Önskad målbild 2027"), or empty. */
  legend: string[];
  rows: number;
}

const YEAR = /\b(1[89]\d\d|2\d\d\d)\b/g;

/** The visible rule for a ring name too long for its ring: its one year, or "Ring n". */
export function shortRingNames(rings: Ring[]): string[] {
  const years = rings.map((r) => {
    const found = r.label.match(YEAR) ?? [];
    return found.length === 1 ? found[0]! : null;
  });
  return rings.map((_, j) => {
    const y = years[j];
    return y && years.filter((o) => o === y).length === 1 ? y : `Ring ${j + 1}`;
  });
}

/** Ring names under the baseline in `rows` lines, shortened (with a legend) where they do not fit under every stretch given (the first and last blade's radii). */
export function ringLabels(rings: Ring[], stretches: number[][], rows: number, measure: Measure, hyphenate: Hyphenator | null): RingLabels {
  const shorts = shortRingNames(rings);
  const legend: string[] = [];
  const out = rings.map((ring, j) => {
    const width = Math.min(...stretches.map((radii) => radii[j + 1]! - radii[j]!)) - 10;
    for (const size of RING_FONT_SIZES) {
      for (let k = 1; k <= rows; k++) {
        const texts = wrapText(ring.label, { size, bold: true }, measure, () => width, k, k === 1 ? null : hyphenate);
        if (texts) return { fontSize: size, texts, short: false };
      }
    }
    legend.push(`${shorts[j]} – ${ring.label}`);
    const size = RING_FONT_SIZES.find((s) => measure(shorts[j]!, { size: s, bold: true }) <= width) ?? 10;
    return { fontSize: size, texts: [shorts[j]!], short: true };
  });
  return { rings: out, legend, rows };
}

export const RING_ROW = Math.ceil(RING_FONT_SIZES[0]! * LABEL_LINE);
export const LEGEND_FONT = 13;

/** The vision in the hub: the largest size, fewest lines, that fit its half disc; null if none. */
export function hubText(vision: string, hub: number, measure: Measure, hyphenate: Hyphenator | null) {
  for (const size of HUB_FONT_SIZES) {
    const lh = size * LABEL_LINE;
    for (let k = 1; k <= 6; k++) {
      const baseline = (i: number) => -10 - (k - 1 - i) * lh;
      const width = (i: number) => {
        const top = Math.abs(baseline(i)) + 0.8 * size;
        return top >= hub ? 0 : 2 * Math.sqrt(hub * hub - top * top) - 16;
      };
      for (const words of hyphenate ? [null, hyphenate] : [null]) {
        const lines = wrapText(vision, { size, bold: true }, measure, width, k, words);
        if (lines) return { fontSize: size, lines: lines.map((text, i) => ({ text, x: 0, y: baseline(i) })) };
      }
    }
  }
  return null;
}
