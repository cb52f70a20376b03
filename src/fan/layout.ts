// The fan layout: plan + size → every shape and text position the view draws.
// Deterministic: the same input always gives the same layout. Blades get angles by what
// they hold, rings radii by what their cells hold; an unfolded blade takes most of the half
// disc while the others fold to their names. See docs/fan-layout.md.
import type { ContainerKey } from '../domain/containers';
import { containerKey } from '../domain/containers';
import type { Blade, Ring } from '../domain/types';
import { balancedShares, contentShares, type Span, spansOf, unfoldedSpans } from './angles';
import { type CellBox, type CellFlow, type CellText, flowCell, itemLabel, LINE_HEIGHT, type TextLine } from './cells';
import { type FitContext, fitRadii, fitSome, textsOf } from './fit';
import { sectorPath } from './geometry';
import {
  bandLines,
  bandThickness,
  bladeLabel,
  foldedBand,
  foldedLabel,
  hubText,
  LABEL_LINE,
  LEGEND_FONT,
  RING_ROW,
  ringLabels,
  UNFOLDED_BAND_FONT,
} from './labels';
import { lineSlots } from './lines';
import type { Hyphenator, Measure } from './text';

const MARGIN = 6;

/** Item text sizes: the editor's, and Presentera's (read from across a room). */
export const EDIT_FONTS = { min: 12, max: 18 };
export const PRESENT_FONTS = { min: 14, max: 30 };

export interface LayoutInput {
  blades: Blade[];
  rings: Ring[];
  vision: string;
  containers: Map<ContainerKey, CellText[]>;
  width: number;
  height: number;
  unfoldedBladeId: string | null;
  measure: Measure;
  /** Swedish hyphenation points; without them words are never broken. */
  hyphenate?: Hyphenator | null;
  /** Item text sizes to choose from (px); the editor's by default. */
  fonts?: { min: number; max: number };
  /** The geometry drawn last: kept while it shows as much, so a drop does not re-flow the fan. */
  previous?: FanGeometry | null;
  /** Items can be dropped: a folded blade stays wide enough to drop on (false in Presentera). */
  interactive?: boolean;
}

const unfoldedBandFont = (input: LayoutInput) => (input.interactive === false ? UNFOLDED_BAND_FONT.present : UNFOLDED_BAND_FONT.edit);

/** Width (px, mid-blade) of a folded blade: a drop target when editing, just its name when presenting. */
const foldedWidth = (input: LayoutInput) => (input.interactive === false ? 24 : 40);

export interface BladeShape {
  id: string;
  name: string;
  color: string;
  phi0: number;
  phi1: number;
  /** Folded to its name while another blade is unfolded. */
  folded: boolean;
  /** The clickable label band outside the rings. */
  labelPath: string;
  label: { lines: TextLine[]; fontSize: number };
}

export interface RingShape {
  id: string;
  label: string;
  r0: number;
  r1: number;
  isMalbild: boolean;
  /** Shortened by the visible rule (a year or "Ring n"); the full name is in the legend. */
  short: boolean;
  labels: { lines: Array<{ text: string; x: number; y: number }>; fontSize: number };
}

export interface CellShape extends CellBox {
  key: ContainerKey;
  bladeId: string;
  ringId: string;
  bladeIndex: number;
  ringIndex: number;
  path: string;
  flow: CellFlow;
  fontSize: number;
  total: number;
}

/** What a later layout may keep: angles, radii and text size. */
export interface FanGeometry {
  key: string;
  spans: Span[];
  radii: number[];
  fontSize: number;
  bandLines: number;
  hidden: number;
}

export interface FanLayout {
  width: number;
  height: number;
  cx: number;
  cy: number;
  hubRadius: number;
  outerRadius: number;
  fontSize: number;
  radii: number[];
  spans: Span[];
  blades: BladeShape[];
  rings: RingShape[];
  cells: CellShape[];
  hub: { path: string; fontSize: number; lines: Array<{ text: string; x: number; y: number }> };
  /** Full names of shortened ring labels, drawn under them. */
  legend: { fontSize: number; lines: Array<{ text: string; x: number; y: number }> };
  geometry: FanGeometry;
}

/** Sizes from max down to min in half pixels. */
export function fontSteps({ min, max }: { min: number; max: number }): number[] {
  const out: number[] = [];
  for (let s = max; s >= min - 1e-9; s -= 0.5) out.push(Math.round(s * 2) / 2);
  return out;
}

/** Text area (px²) of each cell's items at a size (blade × ring): what angles are weighed by. */
function cellNeeds(input: LayoutInput, size: number): number[][] {
  const font = { size };
  return input.blades.map((blade) =>
    input.rings.map((ring) => {
      let area = 0;
      for (const [k, t] of (input.containers.get(containerKey({ bladeId: blade.id, ringId: ring.id })) ?? []).entries())
        area += (input.measure(itemLabel(k, t.text, t.extra), font) + 3 * size) * size * LINE_HEIGHT;
      return area;
    }),
  );
}

interface Choice {
  spans: Span[];
  radii: number[];
  fontSize: number;
  /** Lines of the blade name band. */
  bandLines: number;
  /** Items shown by the fitting (higher is better); Infinity when all fit. */
  shown: number;
}

interface Frame {
  total: number;
  cx: number;
  cy: number;
  bottom: number;
}

function frameOf(width: number, height: number, bottom: number): Frame {
  const total = Math.max(120, Math.min(width / 2 - MARGIN, height - bottom - MARGIN * 2));
  const cy = Math.max(MARGIN + total, (height - bottom + MARGIN + total) / 2);
  return { total, cx: width / 2, cy, bottom };
}

const hubOf = (outer: number) => Math.max(56, outer * 0.12);

/** The largest size at which everything fits (binary search: fitting is monotone in size). */
function fitAll(ctx: FitContext, spans: Span[], hub: number, outer: number, sizes: number[]) {
  let lo = 0;
  let hi = sizes.length - 1;
  let found: { size: number; radii: number[] } | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const fit = fitRadii(ctx, spans, hub, outer, sizes[mid]!, null);
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

/** Partly filled: radii that show the most items at the smallest size. */
function fitPartly(ctx: FitContext, spans: Span[], hub: number, outer: number, size: number): Omit<Choice, 'bandLines' | 'spans'> {
  const some = fitSome(ctx, spans, hub, outer, size);
  if (!some) {
    // Not even one item a cell: even rings.
    const n = ctx.rings.length;
    return { radii: Array.from({ length: n + 1 }, (_, j) => hub + ((outer - hub) * j) / n), fontSize: size, shown: 0 };
  }
  let shown = 0;
  ctx.blades.forEach((_, b) => {
    if (ctx.active[b]) ctx.rings.forEach((__, j) => (shown += Math.min(some.caps[j]!, textsOf(ctx, b, j).length)));
  });
  return { radii: some.radii, fontSize: size, shown };
}

/**
 * Every blade open: angles by content — balanced on the fullest cells, in proportion to the
 * blade's text (plain and dampened), or even — and the one that shows the most, largest.
 */
function chooseOverview(input: LayoutInput, ctx: FitContext, frame: Frame, sizes: number[]): Choice {
  const cells = cellNeeds(input, 14);
  const needs = cells.map((row) => row.reduce((a, v) => a + v, 0));
  const candidates: Choice[] = [];
  for (const shares of [balancedShares(cells), contentShares(needs, 1), contentShares(needs, 0.5), contentShares(needs, 0)]) {
    const spans = spansOf(shares);
    if (candidates.some((c) => c.spans.every((s, i) => Math.abs(s[1] - spans[i]![1]) < 1e-6))) continue;
    const lines = bandLines(input.blades, spans, frame.total, input.measure, ctx.hyphenate);
    const band = bandThickness(lines);
    const outer = frame.total - band;
    const hub = hubOf(outer);
    const possible = possibleSizes(ctx, sizes, (Math.PI / 2) * (outer * outer - hub * hub));
    const found = fitAll(ctx, spans, hub, outer, possible);
    if (found) candidates.push({ spans, bandLines: lines, radii: found.radii, fontSize: found.size, shown: Infinity });
    else {
      // Partly shown: scored by what the cells actually show.
      const partly = fitPartly(ctx, spans, hub, outer, sizes.at(-1)!);
      candidates.push({ spans, bandLines: lines, ...partly, shown: -countHidden(ctx, spans, partly.radii, partly.fontSize) });
    }
  }
  // All shown at the largest size; failing that, the most shown.
  return candidates.reduce((best, c) => (c.shown > best.shown || (c.shown === best.shown && c.fontSize > best.fontSize) ? c : best));
}

/** One blade unfolded: the others fold to their names, it gets the rest and larger text. */
function chooseUnfolded(input: LayoutInput, ctx: FitContext, frame: Frame, sizes: number[], unfolded: number): Choice {
  const lines = 1;
  const band = bandThickness(lines, unfoldedBandFont(input));
  const outer = frame.total - band;
  // The hub steps back a little: the unfolded blade's inner lines need the room.
  const hub = Math.max(44, outer * 0.09);
  const widths = input.blades.map((blade, b) => (b === unfolded ? 0 : foldedBand(blade.name, hub, outer, input.measure, ctx.hyphenate, foldedWidth(input)).angle));
  // The unfolded blade keeps at least 60 % of the half disc.
  const folded = widths.reduce((a, w) => a + w, 0);
  const scale = folded > 0.4 * Math.PI ? (0.4 * Math.PI) / folded : 1;
  const spans = unfoldedSpans(widths.map((w) => w * scale), unfolded);
  const larger = fontSteps({ min: sizes.at(-1)!, max: Math.round(sizes[0]! * 1.4) });
  const possible = possibleSizes(ctx, larger, ((spans[unfolded]![1] - spans[unfolded]![0]) / 2) * (outer * outer - hub * hub));
  const found = fitAll(ctx, spans, hub, outer, possible);
  if (found) return { spans, bandLines: lines, radii: found.radii, fontSize: found.size, shown: Infinity };
  return { spans, bandLines: lines, ...fitPartly(ctx, spans, hub, outer, sizes.at(-1)!) };
}

function geometryKey(input: LayoutInput, fonts: { min: number; max: number }): string {
  return JSON.stringify([
    input.width,
    input.height,
    input.unfoldedBladeId,
    fonts,
    input.hyphenate ? 1 : 0,
    input.interactive === false ? 0 : 1,
    input.blades.map((b) => [b.id, b.name]),
    input.rings.map((r) => [r.id, r.label]),
    input.vision,
  ]);
}

/** Cells of the last layout (per text measure), by what they were made from. */
const lastCellsByMeasure = new WeakMap<Measure, Map<string, CellShape>>();

export function computeFanLayout(input: LayoutInput): FanLayout {
  const { width, height, blades, rings, measure } = input;
  const hyphenate = input.hyphenate ?? null;
  const fonts = input.fonts ?? EDIT_FONTS;
  const sizes = fontSteps(fonts);
  const unfolded = blades.findIndex((b) => b.id === input.unfoldedBladeId);
  const ctx: FitContext = { blades, rings, containers: input.containers, measure, hyphenate, active: blades.map((_, b) => unfolded < 0 || b === unfolded) };
  const key = geometryKey(input, fonts);

  // Ring labels take one row under the baseline; shortened ones add their legend below.
  let rows = 1;
  let legendRows = 0;
  let frame = frameOf(width, height, RING_ROW + 10);
  let choice: Choice | null = null;
  let labels = null as ReturnType<typeof ringLabels> | null;
  for (let pass = 0; pass < 4; pass++) {
    choice = null;
    const prev = input.previous;
    if (prev && prev.key === `${key}|${rows}|${legendRows}`) {
      // The last geometry stays while it shows every item — or no fewer than a new one would.
      const kept = countHidden(ctx, prev.spans, prev.radii, prev.fontSize);
      const keep = { spans: prev.spans, radii: prev.radii, fontSize: prev.fontSize, bandLines: prev.bandLines };
      if (kept === 0) choice = { ...keep, shown: Infinity };
      else {
        const fresh = unfolded >= 0 ? chooseUnfolded(input, ctx, frame, sizes, unfolded) : chooseOverview(input, ctx, frame, sizes);
        const freshHidden = countHidden(ctx, fresh.spans, fresh.radii, fresh.fontSize);
        choice = kept <= freshHidden ? { ...keep, shown: 0 } : fresh;
      }
    }
    choice ??= unfolded >= 0 ? chooseUnfolded(input, ctx, frame, sizes, unfolded) : chooseOverview(input, ctx, frame, sizes);
    labels = ringLabels(rings, choice.radii, rows, measure, hyphenate);
    // Room reserved for the legend it needs (a smaller fan may shorten more names: go again).
    if (labels.legend.length <= legendRows || pass === 3) break;
    legendRows = labels.legend.length;
    frame = frameOf(width, height, RING_ROW + 10 + legendRows * Math.ceil(LEGEND_FONT * LABEL_LINE) + 4);
  }
  const { spans, radii, fontSize } = choice!;
  const outer = radii.at(-1)!;
  const hub = radii[0]!;

  const bladeShapes: BladeShape[] = blades.map((blade, b) => {
    const [phi0, phi1] = spans[b]!;
    const folded = unfolded >= 0 && b !== unfolded;
    const label = folded
      ? foldedLabel(foldedBand(blade.name, hub, outer, measure, hyphenate, foldedWidth(input)), phi0, phi1, outer, measure)
      : bladeLabel(blade, phi0, phi1, outer, choice!.bandLines, measure, hyphenate, unfolded >= 0 ? unfoldedBandFont(input) : undefined);
    return { id: blade.id, name: blade.name, color: blade.color, phi0, phi1, folded, labelPath: sectorPath(phi0, phi1, outer, frame.total), label };
  });

  const ringShapes: RingShape[] = rings.map((ring, j) => {
    const r0 = radii[j]!;
    const r1 = radii[j + 1]!;
    const label = labels!.rings[j]!;
    const lh = label.fontSize * LABEL_LINE;
    const lines = label.texts.flatMap((text, i) => {
      const y = 6 + label.fontSize * 0.9 + i * lh;
      return [
        { text, x: -(r0 + r1) / 2, y },
        { text, x: (r0 + r1) / 2, y },
      ];
    });
    return { id: ring.id, label: ring.label, r0, r1, isMalbild: j === rings.length - 1, short: label.short, labels: { fontSize: label.fontSize, lines } };
  });
  const legendTop = 6 + RING_ROW + 6;
  const legend = {
    fontSize: LEGEND_FONT,
    lines: labels!.legend.map((text, i) => ({ text, x: 0, y: legendTop + LEGEND_FONT * 0.9 + i * LEGEND_FONT * LABEL_LINE })),
  };

  const cells: CellShape[] = [];
  const reuse = new Map<string, CellShape>();
  const lastCells = lastCellsByMeasure.get(measure) ?? new Map<string, CellShape>();
  let hidden = 0;
  blades.forEach((blade, b) => {
    const [phi0, phi1] = spans[b]!;
    rings.forEach((ring, j) => {
      const cell = { bladeId: blade.id, ringId: ring.id };
      const cellKey = containerKey(cell);
      const box = { phi0, phi1, r0: radii[j]!, r1: radii[j + 1]! };
      const texts = input.containers.get(cellKey) ?? [];
      const active = ctx.active[b]!;
      // A cell whose box, size and items are as last time keeps its shape (and React skips it).
      const signature = [cellKey, b, j, phi0, phi1, box.r0, box.r1, fontSize, active ? 1 : 0, hyphenate ? 1 : 0, ...texts.map((t) => `${t.id}\u0001${t.text}\u0001${t.extra}\u0001${t.status ?? ''}`)].join('\u0002');
      const shape = lastCells.get(signature) ?? {
        ...box,
        ...cell,
        key: cellKey,
        bladeIndex: b,
        ringIndex: j,
        path: sectorPath(phi0, phi1, box.r0, box.r1),
        flow: active ? flowCell(box, texts, fontSize, measure, hyphenate) : foldedFlow(box, texts, fontSize),
        fontSize,
        total: texts.length,
      };
      if (active) hidden += shape.flow.hidden;
      reuse.set(signature, shape);
      cells.push(shape);
    });
  });
  lastCellsByMeasure.set(measure, reuse);

  const hubLabel = hubText(input.vision, hub, measure, hyphenate) ?? { fontSize: 10, lines: [{ text: input.vision, x: 0, y: -10 }] };
  return {
    width,
    height,
    cx: frame.cx,
    cy: frame.cy,
    hubRadius: hub,
    outerRadius: outer,
    fontSize,
    radii,
    spans,
    blades: bladeShapes,
    rings: ringShapes,
    cells,
    hub: { path: sectorPath(0, Math.PI, 0, hub), fontSize: hubLabel.fontSize, lines: hubLabel.lines },
    legend,
    geometry: { key: `${key}|${rows}|${legendRows}`, spans, radii, fontSize, bandLines: choice!.bandLines, hidden },
  };
}

/** A folded blade's cell: a drop target showing nothing; its items are listed for screen readers. */
function foldedFlow(box: CellBox, texts: CellText[], fontSize: number): CellFlow {
  return {
    items: [],
    hidden: texts.length,
    hiddenItems: texts.map((t, index) => ({ id: t.id, text: t.text, index, extra: t.extra, struck: t.status === 'stryks' })),
    more: null,
    lines: lineSlots(box, fontSize),
    folded: true,
  };
}

/** Items a geometry leaves hidden among the blades laid out. */
function countHidden(ctx: FitContext, spans: Span[], radii: number[], fontSize: number): number {
  let hidden = 0;
  ctx.blades.forEach((_, b) => {
    if (!ctx.active[b]) return;
    ctx.rings.forEach((__, j) => {
      const texts = textsOf(ctx, b, j);
      const box = { phi0: spans[b]![0], phi1: spans[b]![1], r0: radii[j]!, r1: radii[j + 1]! };
      hidden += flowCell(box, texts, fontSize, ctx.measure, ctx.hyphenate).hidden;
    });
  });
  return hidden;
}
