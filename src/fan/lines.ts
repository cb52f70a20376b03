// Text lines inside a cell. Blades near the top carry text along arcs ("tangential");
// blades near the baseline carry straight lines parallel to the blade's axis ("radial"),
// so no text is tilted more than 45° from horizontal — readable on a projector.
//
// Lines are produced in reading order. Each has a flow coordinate `s` that grows in
// reading order; pointer positions map to the same coordinate to find insertion points.
import { arcPath, ORIGIN, polarToPoint, sectorPath, type Point } from './geometry';

export type LineMode = 'tangential' | 'radial';

export interface CellBox {
  phi0: number;
  phi1: number;
  r0: number;
  r1: number;
  /** Arcs are kept within this angle of upright (MAX_TILT unless a layout asks for less). */
  tilt?: number;
}

export const ASCENT = 0.78;
export const DESCENT = 0.24;
export const CELL_PAD = 4;
const SIDE_PAD = 6;

export function lineMode(box: CellBox): LineMode {
  const mid = (box.phi0 + box.phi1) / 2;
  return mid <= Math.PI / 4 + 1e-9 || mid >= (3 * Math.PI) / 4 - 1e-9 ? 'radial' : 'tangential';
}

/** Axis (outwards), reading direction and "up" for radial lines, in screen coordinates. */
function radialFrame(box: CellBox) {
  const mid = (box.phi0 + box.phi1) / 2;
  const axis = { x: -Math.cos(mid), y: -Math.sin(mid) };
  // Left blades read from the rim towards the hub, right blades from the hub outwards.
  const v = mid < Math.PI / 2 ? { x: -axis.x, y: -axis.y } : axis;
  const up = { x: v.y, y: -v.x };
  // Sign of `up` along the blade's own normal, to express offsets as positions in the axis frame.
  return { mid, axis, v, up, alpha: (box.phi1 - box.phi0) / 2 };
}

/** Interval of t (distance along the axis) where the line at offset d stays inside the cell. */
function radialInterval(box: CellBox, alpha: number, d: number): [number, number] {
  const ad = Math.abs(d);
  if (ad >= box.r1) return [0, 0];
  const lo = Math.max(Math.sqrt(Math.max(0, box.r0 * box.r0 - d * d)), ad / Math.tan(alpha));
  const hi = Math.sqrt(box.r1 * box.r1 - d * d);
  return [lo, hi];
}

const pt = (a: Point, t: number, b: Point, d: number): Point => ({ x: a.x * t + b.x * d, y: a.y * t + b.y * d });
const round2 = (v: number) => Math.round(v * 100) / 100;
const seg = (p: Point, q: Point) => `M${p.x.toFixed(2)},${p.y.toFixed(2)}L${q.x.toFixed(2)},${q.y.toFixed(2)}`;

export const LINE_HEIGHT = 1.17;

/** A side of a wide cell narrower than this is left empty rather than written in. */
const SIDE_MIN = (10 * Math.PI) / 180;

/**
 * The lines of a cell for a font size, in reading order. A cell wider than the upright cone
 * (an unfolded blade) writes in the cone along arcs, then in its sides along their axes.
 */
export function lineSlots(box: CellBox, fontSize: number): LineGenerator {
  if (lineMode(box) === 'radial') return radialLines(box, fontSize);
  const tilt = box.tilt ?? MAX_TILT;
  const lo = Math.PI / 2 - tilt;
  const hi = Math.PI / 2 + tilt;
  const parts: Array<{ gen: LineGenerator; phi0: number; phi1: number }> = [
    { gen: tangentialLines(box, fontSize), phi0: Math.max(box.phi0, lo), phi1: Math.min(box.phi1, hi) },
  ];
  // Narrowed arcs (an unfolded blade that fits in them) write in the cone alone.
  if (box.tilt !== undefined) return parts[0]!.gen;
  if (lo - box.phi0 >= SIDE_MIN) parts.push({ gen: radialLines({ ...box, phi1: lo }, fontSize), phi0: box.phi0, phi1: lo });
  if (box.phi1 - hi >= SIDE_MIN) parts.push({ gen: radialLines({ ...box, phi0: hi }, fontSize), phi0: hi, phi1: box.phi1 });
  return parts.length === 1 ? parts[0]!.gen : regions(parts, fontSize * LINE_HEIGHT);
}

/**
 * Several parts of one cell as one run of lines: each part's flow coordinates shifted to
 * follow the previous part's, with a gap of two lines (where no line is) between them.
 */
function regions(parts: Array<{ gen: LineGenerator; phi0: number; phi1: number }>, lh: number): LineGenerator {
  const offsets: number[] = [];
  parts.forEach((part, k) => {
    offsets.push(k === 0 ? 0 : parts[k - 1]!.gen.end + offsets[k - 1]! + 2 * lh - part.gen.start);
  });
  const startOf = (k: number) => parts[k]!.gen.start + offsets[k]!;
  const endOf = (k: number) => parts[k]!.gen.end + offsets[k]!;
  /** The part a flow coordinate falls in (the gap after a part belongs to it). */
  const which = (s: number) => {
    let k = 0;
    while (k + 1 < parts.length && s >= startOf(k + 1) - 1e-9) k++;
    return k;
  };
  const local = (s: number) => {
    const k = which(s);
    return { k, gen: parts[k]!.gen, s: s - offsets[k]!, inside: s <= endOf(k) + 1e-9 };
  };
  return {
    mode: 'tangential',
    start: startOf(0),
    end: endOf(parts.length - 1),
    lengthAt: (s) => {
      const at = local(s);
      return at.inside ? at.gen.lengthAt(at.s) : 0;
    },
    pathAt: (s) => {
      const at = local(s);
      return at.gen.pathAt(at.s);
    },
    straightAt: (s) => {
      const at = local(s);
      return at.gen.straightAt?.(at.s) ?? null;
    },
    coordOf: (p) => {
      const { phi } = { phi: Math.atan2(-p.y, -p.x) };
      const k = Math.max(0, parts.findIndex((part) => phi >= part.phi0 - 1e-9 && phi <= part.phi1 + 1e-9));
      const gen = parts[k]!.gen;
      // Kept within the part, so every point of a part sorts after the parts before it.
      return Math.min(gen.end + lh, Math.max(gen.start - lh, gen.coordOf(p))) + offsets[k]!;
    },
    pointAt: (s) => {
      const at = local(s);
      return at.gen.pointAt(at.s);
    },
    markerPath: (s) => {
      const at = local(s);
      return at.gen.markerPath(at.s);
    },
    bandPath: (s0, s1) => {
      const at = local(s0);
      return at.gen.bandPath(at.s, s1 - offsets[at.k]!);
    },
    nextPart: (s) => {
      const k = which(s);
      return k + 1 < parts.length ? startOf(k + 1) : null;
    },
  };
}

export interface LineGenerator {
  mode: LineMode;
  /** First baseline's flow coordinate. */
  start: number;
  /** Last flow coordinate a baseline may take. */
  end: number;
  /** Usable length of the line whose baseline is at flow coordinate s. */
  lengthAt: (s: number) => number;
  /** Path to draw that line's text on (left to right as read). */
  pathAt: (s: number) => string;
  /** For straight lines: the line's middle and its angle (degrees), to draw without a path. */
  straightAt?: (s: number) => { x: number; y: number; angle: number } | null;
  /** Flow coordinate of a point (centre-relative). */
  coordOf: (p: Point) => number;
  /** Middle of the line at flow coordinate s (where a keyboard drag points). */
  pointAt: (s: number) => Point;
  /** Insertion marker path at flow coordinate s. */
  markerPath: (s: number) => string;
  /** Area covering flow coordinates [s0, s1] (for hit areas). */
  bandPath: (s0: number, s1: number) => string;
  /** A cell written in several parts: where the part after the one holding s starts. */
  nextPart?: (s: number) => number | null;
}

/**
 * Text along an arc is kept within this angle of upright: a wide (unfolded) blade writes in
 * the middle of its arcs rather than tilting words towards the baseline.
 */
export const MAX_TILT = (65 * Math.PI) / 180;

/**
 * An unfolded blade (a Presentera step) keeps its arcs to 45° either side of upright when its
 * items fit in that cone alone, at nearly the size they would get otherwise: a long item is then
 * not bent around more than 90° of arc.
 */
export const NARROW_TILT = Math.PI / 4;

/** The part of a cell's arc that carries text. */
export function textArc(box: CellBox): [number, number] {
  const tilt = box.tilt ?? MAX_TILT;
  const lo = Math.max(box.phi0, Math.PI / 2 - tilt);
  const hi = Math.min(box.phi1, Math.PI / 2 + tilt);
  return hi > lo ? [lo, hi] : [box.phi0, box.phi1];
}

function tangentialLines(box: CellBox, fontSize: number): LineGenerator {
  // s = -r: reading goes from the rim inwards.
  const [a0, a1] = textArc(box);
  const span = a1 - a0;
  const length = (r: number) => Math.max(0, (r - 4) * span - 2 * SIDE_PAD);
  return {
    mode: 'tangential',
    start: -(box.r1 - CELL_PAD - ASCENT * fontSize),
    end: -(box.r0 + CELL_PAD + DESCENT * fontSize),
    lengthAt: (s) => length(-s),
    pathAt: (s) => arcPath(a0, a1, -s),
    coordOf: (p) => -Math.hypot(p.x, p.y),
    pointAt: (s) => polarToPoint(ORIGIN, (a0 + a1) / 2, -s),
    markerPath: (s) => {
      const r = -s;
      const inset = 6 / Math.max(r, 1);
      return arcPath(a0 + inset, a1 - inset, r);
    },
    bandPath: (s0, s1) => {
      const rOut = Math.min(box.r1, -s0);
      const rIn = Math.max(box.r0, -s1);
      const inset = 3 / Math.max(rIn, 1);
      return sectorPath(a0 + inset, a1 - inset, rIn, rOut);
    },
  };
}

function radialLines(box: CellBox, fontSize: number): LineGenerator {
  const f = radialFrame(box);
  const edge = box.r1 * Math.sin(f.alpha);
  const asc = ASCENT * fontSize;
  const desc = DESCENT * fontSize;
  // s = -d: reading goes from the "up" side down.
  const segment = (d: number) => {
    const [lo1, hi1] = radialInterval(box, f.alpha, d + asc);
    const [lo2, hi2] = radialInterval(box, f.alpha, d - desc);
    const lo = Math.max(lo1, lo2) + SIDE_PAD;
    const hi = Math.min(hi1, hi2) - SIDE_PAD;
    return { lo, hi };
  };
  const linePath = (d: number, lo: number, hi: number) => {
    const a = pt(f.axis, lo, f.up, d);
    const b = pt(f.axis, hi, f.up, d);
    // Draw in reading direction.
    return f.v.x * (b.x - a.x) + f.v.y * (b.y - a.y) >= 0 ? seg(a, b) : seg(b, a);
  };
  return {
    mode: 'radial',
    start: -(edge - CELL_PAD - asc),
    end: edge - CELL_PAD - desc,
    lengthAt: (s) => {
      const { lo, hi } = segment(-s);
      return Math.max(0, hi - lo);
    },
    pathAt: (s) => {
      const { lo, hi } = segment(-s);
      return hi > lo ? linePath(-s, lo, hi) : '';
    },
    straightAt: (s) => {
      const { lo, hi } = segment(-s);
      if (hi <= lo) return null;
      const mid = pt(f.axis, (lo + hi) / 2, f.up, -s);
      return { x: round2(mid.x), y: round2(mid.y), angle: round2((Math.atan2(f.v.y, f.v.x) * 180) / Math.PI) };
    },
    coordOf: (p) => -(p.x * f.up.x + p.y * f.up.y),
    pointAt: (s) => {
      const d = -s;
      const [lo, hi] = radialInterval(box, f.alpha, d);
      return pt(f.axis, (lo + hi) / 2, f.up, d);
    },
    markerPath: (s) => {
      const d = -s;
      const [lo, hi] = radialInterval(box, f.alpha, d);
      return hi > lo ? linePath(d, lo + 4, hi - 4) : '';
    },
    bandPath: (s0, s1) => {
      const top = -s0;
      const bottom = -s1;
      const [lo1, hi1] = radialInterval(box, f.alpha, top);
      const [lo2, hi2] = radialInterval(box, f.alpha, bottom);
      const corners = [pt(f.axis, lo1, f.up, top), pt(f.axis, hi1, f.up, top), pt(f.axis, hi2, f.up, bottom), pt(f.axis, lo2, f.up, bottom)];
      return `M${corners.map((c) => `${c.x.toFixed(2)},${c.y.toFixed(2)}`).join('L')}Z`;
    },
  };
}
