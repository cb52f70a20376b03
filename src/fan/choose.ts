// Which geometry the fan gets: angles, radii and the item text size, for the whole fan or one
// unfolded blade. Pure; see docs/fan-layout.md.
import { containerKey } from '../domain/containers';
import { MAX_BLADES } from '../domain/types';
import { balancedShares, contentShares, type Span, spansOf, unfoldedSpans } from './angles';
import { itemLabel, LINE_HEIGHT } from './cells';
import { flowCell } from './flow';
import { type BladeRadii, boxOf, evenRadii, type FitContext, fitRadii, fitSome, perBlade, textsOf } from './fit';
import { NARROW_TILT } from './lines';
import { bandLines, bandThickness, foldedBand, FOLDED_EDIT, FOLDED_PRESENT, UNFOLDED_BAND_FONT } from './labels';
import type { LayoutInput } from './layout';
import { averageWidths } from './text';

const MARGIN = 6;
/** Above this many items the fan is mostly folded: one allocation is tried, not four. */
export const QUICK_ABOVE = 200;
/** The narrower arcs of an unfolded blade are taken when they cost at most this share of the text size. */
const NARROW_AT_LEAST = 0.85;

export const unfoldedBandFont = (input: LayoutInput) => (input.interactive === false ? UNFOLDED_BAND_FONT.present : UNFOLDED_BAND_FONT.edit);

/** The shape of a folded blade: a drop target when editing, just its name when presenting. */
export const foldedShape = (input: LayoutInput) => (input.interactive === false ? FOLDED_PRESENT : FOLDED_EDIT);

/** Sizes from max down to min in half pixels. */
export function fontSteps({ min, max }: { min: number; max: number }): number[] {
  const out: number[] = [];
  for (let s = max; s >= min - 1e-9; s -= 0.5) out.push(Math.round(s * 2) / 2);
  return out;
}

/** Text area (px²) of each cell's items at a size (blade × ring): what angles are weighed by (an estimate). */
function cellNeeds(input: LayoutInput, size: number): number[][] {
  const width = averageWidths(input.measure, { size });
  return input.blades.map((blade) =>
    input.rings.map((ring) => {
      let area = 0;
      for (const [k, t] of (input.containers.get(containerKey({ bladeId: blade.id, ringId: ring.id })) ?? []).entries())
        area += (width(itemLabel(k, t)) + 3 * size) * size * LINE_HEIGHT;
      return area;
    }),
  );
}

export interface Choice {
  spans: Span[];
  /** Per blade: hub, ring borders, outer. */
  radii: BladeRadii;
  fontSize: number;
  /** Lines of the blade name band. */
  bandLines: number;
  /** Items shown by the fitting (higher is better); Infinity when all fit. */
  shown: number;
  /** Arcs kept within this angle of upright (an unfolded blade that fits so). */
  tilt?: number;
}

export interface Frame {
  total: number;
  cx: number;
  cy: number;
  bottom: number;
}

export function frameOf(width: number, height: number, bottom: number): Frame {
  const total = Math.max(120, Math.min(width / 2 - MARGIN, height - bottom - MARGIN * 2));
  const cy = Math.max(MARGIN + total, (height - bottom + MARGIN + total) / 2);
  return { total, cx: width / 2, cy, bottom };
}

const hubOf = (outer: number) => Math.max(56, outer * 0.12);

/** The largest size at which everything fits (binary search: fitting is monotone in size). */
function fitAll(ctx: FitContext, spans: Span[], hub: number, outer: number, sizes: number[]) {
  let lo = 0;
  let hi = sizes.length - 1;
  let found: { size: number; radii: BladeRadii } | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const fit = perBlade(ctx, hub, outer, (one) => fitRadii(one, spans, hub, outer, sizes[mid]!, null));
    if (fit) {
      found = { size: sizes[mid]!, radii: fit };
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found;
}

/** Sizes at which the text could fit at all (a lower bound of its area against the fan's). */
function possibleSizes(ctx: FitContext, sizes: number[], area: number): number[] {
  let chars = 0;
  ctx.blades.forEach((_, b) => {
    if (ctx.active[b]) for (let j = 0; j < ctx.rings.length; j++) for (const t of textsOf(ctx, b, j)) chars += t.text.length;
  });
  return sizes.filter((size) => chars * 0.4 * size * size * LINE_HEIGHT <= area);
}

/** Partly filled: radii that show the most items at the smallest size, each blade on its own. */
function fitPartly(ctx: FitContext, spans: Span[], hub: number, outer: number, size: number, quick = false): Omit<Choice, 'bandLines' | 'spans'> {
  let shown = 0;
  const radii = perBlade(ctx, hub, outer, (one, b) => {
    const some = fitSome(one, spans, hub, outer, size, !quick);
    // Not even one item a cell: even rings.
    if (!some) return evenRadii(ctx.rings.length, hub, outer);
    ctx.rings.forEach((__, j) => (shown += Math.min(some.caps[j]!, textsOf(ctx, b, j).length)));
    return some.radii;
  })!;
  return { radii, fontSize: size, shown };
}

/**
 * Every blade open: angles by content — balanced on the fullest cells, in proportion to the
 * blade's text (plain and dampened), or even — and the one that shows the most, largest.
 */
export function chooseOverview(input: LayoutInput, ctx: FitContext, frame: Frame, sizes: number[]): Choice {
  const cells = cellNeeds(input, 14);
  const needs = cells.map((row) => row.reduce((a, v) => a + v, 0));
  const allocations: Array<{ spans: Span[] }> = [];
  // Quick for plans too big to show whole anyway: the balanced allocation alone.
  const quick = [...input.containers.values()].reduce((n, list) => n + list.length, 0) > QUICK_ABOVE || input.blades.length > 2 * MAX_BLADES;
  const options = quick ? [balancedShares(cells)] : [balancedShares(cells), contentShares(needs, 1), contentShares(needs, 0.5), contentShares(needs, 0)];
  for (const shares of options) {
    const spans = spansOf(shares);
    if (!allocations.some((a) => a.spans.every((s, i) => Math.abs(s[1] - spans[i]![1]) < 1e-6))) allocations.push({ spans });
  }
  const frameFor = (spans: Span[]) => {
    const lines = bandLines(input.blades, spans, frame.total, input.measure, ctx.hyphenate);
    const outer = frame.total - bandThickness(lines);
    return { lines, outer, hub: hubOf(outer) };
  };
  // Everything shown, at the largest size: after the first fit, only larger sizes can win.
  let best: Choice | null = null;
  for (const { spans } of allocations) {
    const { lines, outer, hub } = frameFor(spans);
    const larger = best ? sizes.filter((size) => size > best!.fontSize) : sizes;
    const found = fitAll(ctx, spans, hub, outer, possibleSizes(ctx, larger, (Math.PI / 2) * (outer * outer - hub * hub)));
    if (found) best = { spans, bandLines: lines, radii: found.radii, fontSize: found.size, shown: Infinity };
  }
  if (best) return best;
  // Partly shown: scored by what the cells actually show.
  for (const { spans } of allocations) {
    const { lines, outer, hub } = frameFor(spans);
    const partly = fitPartly(ctx, spans, hub, outer, sizes.at(-1)!, quick);
    const candidate = { spans, bandLines: lines, ...partly, shown: quick ? 0 : -countHidden(ctx, spans, partly.radii, partly.fontSize) };
    if (!best || candidate.shown > best.shown) best = candidate;
  }
  return best!;
}

/** One blade unfolded: the others fold to their names, it gets the rest and larger text. */
export function chooseUnfolded(input: LayoutInput, ctx: FitContext, frame: Frame, sizes: number[], unfolded: number): Choice {
  const lines = 1;
  const band = bandThickness(lines, unfoldedBandFont(input));
  const outer = frame.total - band;
  // The hub steps back a little: the unfolded blade's inner lines need the room.
  const hub = Math.max(44, outer * 0.09);
  const widths = input.blades.map((blade, b) => (b === unfolded ? 0 : foldedBand(blade.name, hub, outer, input.measure, ctx.hyphenate, foldedShape(input)).angle));
  // The unfolded blade keeps at least 60 % of the half disc.
  const folded = widths.reduce((a, w) => a + w, 0);
  const scale = folded > 0.4 * Math.PI ? (0.4 * Math.PI) / folded : 1;
  const spans = unfoldedSpans(widths.map((w) => w * scale), unfolded);
  const larger = fontSteps({ min: sizes.at(-1)!, max: Math.round(sizes[0]! * 1.4) });
  const possible = possibleSizes(ctx, larger, ((spans[unfolded]![1] - spans[unfolded]![0]) / 2) * (outer * outer - hub * hub));
  const found = fitAll(ctx, spans, hub, outer, possible);
  if (found) {
    // Arcs within 45° of upright (no item bent around more than 90°) when everything fits so
    // at nearly the same size.
    const narrowCtx = { ...ctx, tilt: NARROW_TILT };
    const floor = Math.max(found.size * NARROW_AT_LEAST, Math.min(found.size, sizes.at(-1)! + 2));
    const narrow = fitAll(narrowCtx, spans, hub, outer, possible.filter((size) => size >= floor));
    if (narrow) return { spans, bandLines: lines, radii: narrow.radii, fontSize: narrow.size, shown: Infinity, tilt: NARROW_TILT };
    return { spans, bandLines: lines, radii: found.radii, fontSize: found.size, shown: Infinity };
  }
  return { spans, bandLines: lines, ...fitPartly(ctx, spans, hub, outer, sizes.at(-1)!) };
}

/** Items a geometry leaves hidden among the blades laid out. */
export function countHidden(ctx: FitContext, spans: Span[], radii: BladeRadii, fontSize: number): number {
  let hidden = 0;
  ctx.blades.forEach((_, b) => {
    if (!ctx.active[b]) return;
    ctx.rings.forEach((__, j) => {
      const texts = textsOf(ctx, b, j);
      const box = boxOf(ctx, spans, b, radii[b]![j]!, radii[b]![j + 1]!);
      hidden += flowCell(box, texts, fontSize, ctx.measure, ctx.hyphenate).hidden;
    });
  });
  return hidden;
}
