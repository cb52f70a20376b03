// Ring radii that fit the text: from the hub out, each ring as thin as its fullest cell
// allows, then the room left over spread so thin rings grow first. Each blade gets radii of
// its own (`perBlade`): its radial room follows what its rings hold, so a full 2025 cell is not
// squeezed into a tower beside an empty målbild cell of another blade.
import { containerKey, type ContainerKey } from '../domain/containers';
import type { Blade, Ring } from '../domain/types';
import { type CellText, LINE_HEIGHT } from './cells';
import { fitsFirst } from './flow';
import { type CellBox, lineMode } from './lines';
import type { Span } from './angles';
import type { Hyphenator, Measure } from './text';

export interface FitContext {
  blades: Blade[];
  rings: Ring[];
  containers: Map<ContainerKey, CellText[]>;
  measure: Measure;
  hyphenate: Hyphenator | null;
  /** Blades whose items are laid out; the others are folded to their name. */
  active: boolean[];
  /** Arcs within this angle of upright (lines.ts MAX_TILT when not given). */
  tilt?: number;
}

/** Blade b's cell between two radii, as the context lays it out. */
export const boxOf = (ctx: FitContext, spans: Span[], b: number, r0: number, r1: number): CellBox => ({
  phi0: spans[b]![0],
  phi1: spans[b]![1],
  r0,
  r1,
  tilt: ctx.tilt,
});

export const textsOf = (ctx: FitContext, b: number, j: number): CellText[] =>
  ctx.containers.get(containerKey({ bladeId: ctx.blades[b]!.id, ringId: ctx.rings[j]!.id })) ?? [];

/** Two lines and their padding; and room across the ring for "+NN till" in a narrow blade. */
export const minThickness = (fontSize: number) => Math.max(2 * fontSize * LINE_HEIGHT + 20, 5.4 * fontSize);

/**
 * A blade near the baseline writes along its axis, so a line there is as long as its ring is
 * thick: such a ring holding text is at least this many ems thick, so its lines hold a few
 * words, not one (fewer, longer lines rather than towers).
 */
export const RADIAL_MIN_EM = 7;

/** The thinnest a ring of blade `b` may be: thicker where its lines run along the blade's axis. */
export function minThicknessOf(ctx: FitContext, spans: Span[], b: number, fontSize: number): number {
  const base = minThickness(fontSize);
  const [phi0, phi1] = spans[b] ?? [0, Math.PI];
  return lineMode({ phi0, phi1, r0: 0, r1: 1 }) === 'radial' && ctx.active[b] ? Math.max(base, RADIAL_MIN_EM * fontSize) : base;
}

/** The thinnest rings may be for the blades laid out (the thickest of their minimums). */
const minThicknessAll = (ctx: FitContext, spans: Span[], fontSize: number) => Math.max(minThickness(fontSize), ...ctx.blades.map((_, b) => (ctx.active[b] ? minThicknessOf(ctx, spans, b, fontSize) : 0)));

/**
 * The smallest radii (hub first, `outer` last) at which every active cell of ring j shows
 * its first `caps[j]` items (all of them without caps), or null when they need more room.
 */
export function fitRadii(
  ctx: FitContext,
  spans: Span[],
  hub: number,
  outer: number,
  fontSize: number,
  caps: number[] | null,
  hopeless: ReadonlySet<string> = NONE,
  /** A cell that cannot show what is asked even in the thickest ring it could get shows "+N till" only. */
  lenient = false,
): number[] | null {
  const minThick = minThicknessAll(ctx, spans, fontSize);
  const radii = [hub];
  let r0 = hub;
  const last = ctx.rings.length - 1;
  const givenUp = new Set(hopeless);
  // Quick refusal: a ring that cannot hold its cells even at the most room it could get.
  if (!lenient) {
    for (let j = 0; j <= last; j++) {
      const r0 = hub + j * minThick;
      const r1 = outer - (last - j) * minThick;
      if (r1 <= r0) return null;
      const roomy = ctx.blades.every((_, b) => {
        if (!ctx.active[b]) return true;
        const texts = textsOf(ctx, b, j);
        return fitsFirst(boxOf(ctx, spans, b, r0, r1), texts, givenUp.has(`${b}|${j}`) ? 0 : caps ? caps[j]! : texts.length, fontSize, ctx.measure, ctx.hyphenate);
      });
      if (!roomy) return null;
    }
  }
  for (let j = 0; j <= last; j++) {
    const cellFits = (b: number, r1: number) => {
      if (!ctx.active[b]) return true;
      const texts = textsOf(ctx, b, j);
      const count = givenUp.has(`${b}|${j}`) ? 0 : caps ? caps[j]! : texts.length;
      return fitsFirst(boxOf(ctx, spans, b, r0, r1), texts, count, fontSize, ctx.measure, ctx.hyphenate);
    };
    const cellsFit = (r1: number) => ctx.blades.every((_, b) => cellFits(b, r1));
    // Leave each ring further out at least its minimum thickness.
    const hi = outer - (last - j) * minThick;
    let lo = r0 + minThick;
    if (lo > hi) return null;
    if (!cellsFit(hi)) {
      if (!lenient) return null;
      ctx.blades.forEach((_, b) => {
        if (!cellFits(b, hi)) givenUp.add(`${b}|${j}`);
      });
    }
    if (!cellsFit(lo)) {
      let top = hi;
      for (let k = 0; k < 9; k++) {
        const mid = (lo + top) / 2;
        if (cellsFit(mid)) top = mid;
        else lo = mid;
      }
      lo = top;
    }
    radii.push(lo);
    r0 = lo;
  }
  // The room left over evens the rings out (from what each needs at least, the last ring's
  // included) — unless that moves a cell to where it no longer fits (lines parallel to a
  // blade's axis get shorter further out): then the last ring takes it.
  const even = spreadSlack(radii, outer);
  radii[radii.length - 1] = outer;
  return cellsFitAll(ctx, spans, even, fontSize, caps, givenUp) ? even : radii;
}

const NONE: ReadonlySet<string> = new Set();

/** Does every active cell show its first `caps[j]` items (all without caps) within these radii? */
function cellsFitAll(ctx: FitContext, spans: Span[], radii: number[], fontSize: number, caps: number[] | null, hopeless: ReadonlySet<string>): boolean {
  return ctx.rings.every((_, j) =>
    ctx.blades.every((__, b) => {
      if (!ctx.active[b]) return true;
      const texts = textsOf(ctx, b, j);
      const box = boxOf(ctx, spans, b, radii[j]!, radii[j + 1]!);
      const count = hopeless.has(`${b}|${j}`) ? 0 : caps ? caps[j]! : texts.length;
      return fitsFirst(box, texts, count, fontSize, ctx.measure, ctx.hyphenate);
    }),
  );
}

/**
 * Give the room left over to the rings so their thicknesses come as close to an even split
 * as their needs allow ("water filling"): thin rings grow first.
 */
export function spreadSlack(radii: number[], outer: number): number[] {
  const n = radii.length - 1;
  const hub = radii[0]!;
  const need = radii.slice(1).map((r, j) => r - radii[j]!);
  const total = outer - hub;
  // Find the level L with sum(max(need_j, L)) = total.
  let lo = 0;
  let hi = total;
  for (let k = 0; k < 40; k++) {
    const level = (lo + hi) / 2;
    const sum = need.reduce((acc, t) => acc + Math.max(t, level), 0);
    if (sum > total) hi = level;
    else lo = level;
  }
  const out = [hub];
  need.forEach((t) => out.push(out.at(-1)! + Math.max(t, lo)));
  out[n] = outer;
  return out;
}

/** Largest list in each ring among the active blades. */
function longest(ctx: FitContext): number[] {
  return ctx.rings.map((_, j) => Math.max(0, ...ctx.blades.map((__, b) => (ctx.active[b] ? textsOf(ctx, b, j).length : 0))));
}

/**
 * When not everything fits: radii that show as many items as possible, and at least the
 * first item of every cell. The same number first for every ring (binary search), then
 * one more in a ring wherever the room allows.
 */
export function fitSome(
  ctx: FitContext,
  spans: Span[],
  hub: number,
  outer: number,
  fontSize: number,
  /** Then one more item wherever the room allows (not for a quick first paint). */
  grow = true,
): { radii: number[]; caps: number[] } | null {
  const most = longest(ctx);
  const m = ctx.rings.length;
  // A cell whose first item would not fit even in the thickest ring it could get shows "+N till" only.
  const hopeless = new Set<string>();
  const minThick = minThicknessAll(ctx, spans, fontSize);
  ctx.blades.forEach((_, b) => {
    if (!ctx.active[b]) return;
    for (let j = 0; j < m; j++) {
      const texts = textsOf(ctx, b, j);
      const box = boxOf(ctx, spans, b, hub + j * minThick, outer - (m - 1 - j) * minThick);
      if (texts.length > 0 && !fitsFirst(box, texts, 1, fontSize, ctx.measure, ctx.hyphenate)) hopeless.add(`${b}|${j}`);
    }
  });
  const capsAt = (k: number) => most.map((n) => Math.min(n, Math.max(k, 1)));
  let lo = 1;
  let hi = Math.max(1, ...most);
  // The first item wherever it can be shown: never fails while the rings have their minimum room.
  let best = fitRadii(ctx, spans, hub, outer, fontSize, capsAt(1), hopeless, true);
  if (!best) return null;
  let caps = capsAt(1);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const fit = fitRadii(ctx, spans, hub, outer, fontSize, capsAt(mid), hopeless);
    if (fit) {
      lo = mid;
      best = fit;
      caps = capsAt(mid);
    } else hi = mid - 1;
  }
  // One more item per cell, ring by ring (inner rings first: their cells are smallest).
  for (let grown = grow; grown; ) {
    grown = false;
    for (let j = 0; j < caps.length; j++) {
      if (caps[j]! >= most[j]!) continue;
      const next = caps.map((c, i) => (i === j ? c + 1 : c));
      const fit = fitRadii(ctx, spans, hub, outer, fontSize, next, hopeless);
      if (fit) {
        caps = next;
        best = fit;
        grown = true;
      }
    }
  }
  return { radii: best, caps };
}

/** Radii per blade: [blade][hub … outer]. */
export type BladeRadii = number[][];

/** The context with only blade `b` laid out. */
export const onlyBlade = (ctx: FitContext, b: number): FitContext => ({ ...ctx, active: ctx.active.map((_, i) => i === b) });

/** Even rings from hub to outer. */
export const evenRadii = (rings: number, hub: number, outer: number): number[] => Array.from({ length: rings + 1 }, (_, j) => hub + ((outer - hub) * j) / rings);

/**
 * Radii for each laid-out blade by `fit` (null: that blade does not fit, nor does the fan);
 * a folded blade takes the radii of the first laid-out one, so the rings read as one.
 */
export function perBlade(ctx: FitContext, hub: number, outer: number, fit: (one: FitContext, b: number) => number[] | null): BladeRadii | null {
  const out: Array<number[] | null> = [];
  for (let b = 0; b < ctx.blades.length; b++) {
    if (!ctx.active[b]) {
      out.push(null);
      continue;
    }
    const radii = fit(onlyBlade(ctx, b), b);
    if (!radii) return null;
    out.push(radii);
  }
  const first = out.find((r) => r !== null) ?? evenRadii(ctx.rings.length, hub, outer);
  return out.map((r) => r ?? first);
}
