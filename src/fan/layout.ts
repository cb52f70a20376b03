// The fan layout: plan + size → every shape and text position the view draws.
// Deterministic: the same plan, size and measure always give the same layout.
import type { ContainerKey } from '../domain/containers';
import { containerKey } from '../domain/containers';
import type { Blade, Ring } from '../domain/types';
import { type CellBox, type CellFlow, type CellText, fitsAll, flowCell, LINE_HEIGHT, type TextLine } from './cells';
import { arcPath, bladeAngles, ringRadii, sectorPath } from './geometry';
import { ellipsize, type FontSpec, type Measure, wrapText } from './text';

export const ITEM_FONT_SIZES = [18, 17, 16, 15.5, 15, 14.5, 14, 13.5, 13];
const BLADE_FONT_SIZES = [20, 19, 18, 17, 16, 15, 14, 13, 12];
const RING_FONT_SIZES = [16, 15, 14, 13, 12, 11];
const HUB_FONT_SIZES = [22, 20, 18, 16, 14, 12];
const MARGIN = 8;

export interface LayoutInput {
  blades: Blade[];
  rings: Ring[];
  vision: string;
  containers: Map<ContainerKey, CellText[]>;
  width: number;
  height: number;
  unfoldedBladeId: string | null;
  measure: Measure;
}

export interface BladeShape {
  id: string;
  name: string;
  color: string;
  phi0: number;
  phi1: number;
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
  /** Item text size: the unfolded blade reads larger when its items allow. */
  fontSize: number;
  total: number;
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
  spans: Array<[number, number]>;
  blades: BladeShape[];
  rings: RingShape[];
  cells: CellShape[];
  hub: { path: string; fontSize: number; lines: Array<{ text: string; x: number; y: number }> };
}

function bladeBand(fontSize: number, lines: number): number {
  return Math.ceil(lines * fontSize * 1.15 + 12);
}

function ringBand(): number {
  return Math.ceil(2 * 14 * 1.15 + 12);
}

/** For one font size: the smallest ring radii that fit every cell with blades folded. */
function fitRadii(input: LayoutInput, hub: number, outer: number, fontSize: number, strict: boolean): number[] | null {
  const spans = bladeAngles(input.blades.length);
  const minThick = 2 * fontSize * LINE_HEIGHT + 20;
  const radii = [hub];
  let r0 = hub;
  const last = input.rings.length - 1;
  for (const [j, ring] of input.rings.entries()) {
    const cellsFit = (r1: number) =>
      input.blades.every((blade, b) => {
        const texts = input.containers.get(containerKey({ bladeId: blade.id, ringId: ring.id })) ?? [];
        const [phi0, phi1] = spans[b]!;
        return fitsAll({ phi0, phi1, r0, r1 }, texts, fontSize, input.measure, strict);
      });
    // Leave each ring further out at least its minimum thickness.
    const hi = outer - (last - j) * minThick;
    let lo = r0 + minThick;
    if (lo > hi || !cellsFit(hi)) return null;
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
  return spreadSlack(radii, outer);
}

/**
 * Give the room left over to the rings so their thicknesses come as close to an even split
 * as their needs allow ("water filling"): thin rings grow first.
 */
function spreadSlack(radii: number[], outer: number): number[] {
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

/**
 * A lower bound of the area the item text covers at a font size (lines only, glyphs no
 * narrower than 0.4 em): sizes above what this allows cannot fit and are not tried.
 */
function textAreaAt(input: LayoutInput, fontSize: number): number {
  let chars = 0;
  for (const texts of input.containers.values()) for (const t of texts) chars += t.text.length;
  return chars * 0.4 * fontSize * fontSize * LINE_HEIGHT;
}

/**
 * Rough area (r² units) the fullest cell of each ring asks for, when nothing fits exactly:
 * from character counts (0.55 em a glyph), since a plan this big is mostly folded anyway.
 */
function estimatedNeeds(input: LayoutInput, fontSize: number): number[] {
  const dphi = Math.PI / input.blades.length;
  return input.rings.map((ring) => {
    let most = 0;
    for (const blade of input.blades) {
      const texts = input.containers.get(containerKey({ bladeId: blade.id, ringId: ring.id })) ?? [];
      const width = texts.reduce((sum, t) => sum + t.text.length * 0.55 * fontSize + 40, 0);
      most = Math.max(most, width);
    }
    return (2 * most * fontSize * LINE_HEIGHT * 1.4) / dphi;
  });
}

function bladeLabel(blade: Blade, phi0: number, phi1: number, rIn: number, measure: Measure, maxLines: number) {
  for (const size of BLADE_FONT_SIZES) {
    const font: FontSpec = { size, bold: true };
    const lh = size * 1.15;
    const inner = rIn + 6 + 0.25 * size;
    const width = (r: number) => r * (phi1 - phi0) - 16;
    // Lines are listed top (outer) first.
    const centre = maxLines === 1 ? inner : inner + lh / 2;
    const one = wrapText(blade.name, font, measure, () => width(centre), 1);
    if (one) return { fontSize: size, texts: one, radii: [centre] };
    if (maxLines < 2) continue;
    const two = wrapText(blade.name, font, measure, (i) => width(i === 0 ? inner + lh : inner), 2);
    if (two) return { fontSize: size, texts: two, radii: [inner + lh, inner] };
  }
  const size = BLADE_FONT_SIZES.at(-1)!;
  const r = rIn + 6 + 0.25 * size + (maxLines === 1 ? 0 : (size * 1.15) / 2);
  return {
    fontSize: size,
    texts: [ellipsize(blade.name, { size, bold: true }, measure, r * (phi1 - phi0) - 16)],
    radii: [r],
  };
}

/** Blade names on one line (a thinner band, a bigger fan) when they all fit at a good size. */
function bladeBandLines(blades: Blade[], outerIfOne: number, measure: Measure): 1 | 2 {
  const spans = bladeAngles(blades.length);
  const ok = blades.every((blade, b) => {
    const [phi0, phi1] = spans[b]!;
    return bladeLabel(blade, phi0, phi1, outerIfOne, measure, 1).fontSize >= 16 &&
      !bladeLabel(blade, phi0, phi1, outerIfOne, measure, 1).texts[0]!.endsWith('…');
  });
  return ok ? 1 : 2;
}

function ringLabel(ring: Ring, r0: number, r1: number, measure: Measure) {
  const width = r1 - r0 - 10;
  for (const size of RING_FONT_SIZES) {
    const lines = wrapText(ring.label, { size, bold: true }, measure, () => width, 2);
    if (lines) return { fontSize: size, texts: lines };
  }
  const size = RING_FONT_SIZES.at(-1)!;
  return { fontSize: size, texts: [ellipsize(ring.label, { size, bold: true }, measure, width)] };
}

function hubText(vision: string, hub: number, measure: Measure) {
  for (const size of HUB_FONT_SIZES) {
    const lh = size * 1.15;
    for (let k = 1; k <= 4; k++) {
      const baseline = (i: number) => -10 - (k - 1 - i) * lh;
      const width = (i: number) => {
        const top = Math.abs(baseline(i)) + 0.8 * size;
        return top >= hub ? 0 : 2 * Math.sqrt(hub * hub - top * top) - 16;
      };
      const lines = wrapText(vision, { size, bold: true }, measure, width, k);
      if (lines) return { fontSize: size, lines: lines.map((text, i) => ({ text, x: 0, y: baseline(i) })) };
    }
  }
  const size = HUB_FONT_SIZES.at(-1)!;
  return { fontSize: size, lines: [{ text: ellipsize(vision, { size, bold: true }, measure, hub * 1.6), x: 0, y: -10 }] };
}

const UNFOLDED_FONT_SIZES = [24, 22, 20, 19, 18, 17, 16, 15, 14];

/** The largest size (never below the fan's own) at which every item of the unfolded blade fits. */
function unfoldedFont(input: LayoutInput, blade: Blade, phi0: number, phi1: number, radii: number[], base: number): number {
  for (const size of UNFOLDED_FONT_SIZES) {
    if (size <= base) break;
    const fits = input.rings.every((ring, j) => {
      const texts = input.containers.get(containerKey({ bladeId: blade.id, ringId: ring.id })) ?? [];
      return fitsAll({ phi0, phi1, r0: radii[j]!, r1: radii[j + 1]! }, texts, size, input.measure);
    });
    if (fits) return size;
  }
  return base;
}

/** Cells of the last layout (per text measure), by what they were made from. */
const lastCellsByMeasure = new WeakMap<Measure, Map<string, CellShape>>();

export function computeFanLayout(input: LayoutInput): FanLayout {
  const { width, height, blades, rings, measure } = input;
  const bandBottom = ringBand();
  const total = Math.max(120, Math.min(width / 2 - MARGIN, height - bandBottom - MARGIN * 2));
  const labelLines = bladeBandLines(blades, total - bladeBand(BLADE_FONT_SIZES[0]!, 1), measure);
  const outer = total - bladeBand(BLADE_FONT_SIZES[0]!, labelLines);
  const hub = Math.max(56, outer * 0.12);
  const cx = width / 2;
  const cy = Math.max(MARGIN + total, (height - bandBottom + MARGIN + total) / 2);

  let fontSize = ITEM_FONT_SIZES.at(-1)!;
  let radii: number[] | null = null;
  // Whole words at the largest size that fits; failing that, allow hyphenation. Sizes whose
  // text could not fit even if it filled the whole fan are not tried (a big plan skips the
  // search at once and shows "+N till").
  const textArea = textAreaAt(input, ITEM_FONT_SIZES.at(-1)!);
  const fanArea = (Math.PI / 2) * (outer * outer - hub * hub);
  const possible = ITEM_FONT_SIZES.filter((size) => textArea * (size / ITEM_FONT_SIZES.at(-1)!) ** 2 <= fanArea);
  // Fitting is monotone in the size (what fits at 16 px fits at 15 px): binary search.
  search: for (const strict of [true, false]) {
    let lo = 0;
    let hi = possible.length - 1;
    let found: { size: number; radii: number[] } | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const size = possible[mid]!;
      const fit = fitRadii(input, hub, outer, size, strict);
      if (fit) {
        found = { size, radii: fit };
        hi = mid - 1;
      } else lo = mid + 1;
    }
    if (found) {
      fontSize = found.size;
      radii = found.radii;
      break search;
    }
  }
  radii ??= ringRadii(hub, outer, estimatedNeeds(input, fontSize));

  const unfolded = blades.findIndex((b) => b.id === input.unfoldedBladeId);
  const spans = bladeAngles(blades.length, unfolded);

  const bladeShapes: BladeShape[] = blades.map((blade, b) => {
    const [phi0, phi1] = spans[b]!;
    const label = bladeLabel(blade, phi0, phi1, outer, measure, labelLines);
    return {
      id: blade.id,
      name: blade.name,
      color: blade.color,
      phi0,
      phi1,
      labelPath: sectorPath(phi0, phi1, outer, total),
      label: {
        fontSize: label.fontSize,
        lines: label.texts.map((text, i) => ({ text, d: arcPath(phi0, phi1, label.radii[i]!) })),
      },
    };
  });

  const ringShapes: RingShape[] = rings.map((ring, j) => {
    const r0 = radii![j]!;
    const r1 = radii![j + 1]!;
    const label = ringLabel(ring, r0, r1, measure);
    const lh = label.fontSize * 1.15;
    const lines = label.texts.flatMap((text, i) => {
      const y = 6 + label.fontSize * 0.9 + i * lh;
      return [
        { text, x: -(r0 + r1) / 2, y },
        { text, x: (r0 + r1) / 2, y },
      ];
    });
    return { id: ring.id, label: ring.label, r0, r1, isMalbild: j === rings.length - 1, labels: { fontSize: label.fontSize, lines } };
  });

  const cells: CellShape[] = [];
  const reuse = new Map<string, CellShape>();
  const lastCells = lastCellsByMeasure.get(measure) ?? new Map<string, CellShape>();
  blades.forEach((blade, b) => {
    const [phi0, phi1] = spans[b]!;
    const size = b === unfolded ? unfoldedFont(input, blade, phi0, phi1, radii!, fontSize) : fontSize;
    rings.forEach((ring, j) => {
      const cell = { bladeId: blade.id, ringId: ring.id };
      const key = containerKey(cell);
      const box = { phi0, phi1, r0: radii![j]!, r1: radii![j + 1]! };
      const texts = input.containers.get(key) ?? [];
      // A cell whose box, size and items are as last time keeps its shape (and React skips it).
      const signature = [key, b, j, phi0, phi1, box.r0, box.r1, size, ...texts.map((t) => `${t.id}\u0001${t.text}\u0001${t.extra}\u0001${t.status ?? ''}`)].join('\u0002');
      const shape = lastCells.get(signature) ?? {
        ...box,
        ...cell,
        key,
        bladeIndex: b,
        ringIndex: j,
        path: sectorPath(phi0, phi1, box.r0, box.r1),
        flow: flowCell(box, texts, size, measure),
        fontSize: size,
        total: texts.length,
      };
      reuse.set(signature, shape);
      cells.push(shape);
    });
  });

  lastCellsByMeasure.set(measure, reuse);
  const hubLabel = hubText(input.vision, hub, measure);
  return {
    width,
    height,
    cx,
    cy,
    hubRadius: hub,
    outerRadius: outer,
    fontSize,
    radii: radii!,
    spans,
    blades: bladeShapes,
    rings: ringShapes,
    cells,
    hub: { path: sectorPath(0, Math.PI, 0, hub), fontSize: hubLabel.fontSize, lines: hubLabel.lines },
  };
}
