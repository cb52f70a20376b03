// Pure fan geometry: angles, radii, paths and hit tests. No DOM, no React.
//
// The fan is a half disc standing on its diameter. Angles (`phi`) are measured from the
// left end of the baseline, clockwise over the top: phi = 0 points left, PI/2 up, PI right.
// Blades run left to right in plan order; rings run from the hub outwards.
import { path as d3path } from 'd3-path';
import { arc as d3arc } from 'd3-shape';

export interface Point {
  x: number;
  y: number;
}

export interface Frame {
  cx: number;
  cy: number;
}

/** Layout coordinates are relative to the fan centre; the view translates them. */
export const ORIGIN: Frame = { cx: 0, cy: 0 };

/** Screen point of a polar position (phi from the left baseline, r from the centre). */
export function polarToPoint(frame: Frame, phi: number, r: number): Point {
  return { x: frame.cx - r * Math.cos(phi), y: frame.cy - r * Math.sin(phi) };
}

/** Polar position of a screen point; phi is in (-PI, PI], points below the baseline are negative. */
export function pointToPolar(frame: Frame, p: Point): { phi: number; r: number } {
  const dx = p.x - frame.cx;
  const dy = frame.cy - p.y;
  return { phi: Math.atan2(dy, -dx), r: Math.hypot(dx, dy) };
}

/** SVG path of an annular sector (a cell) around the fan centre (0,0), via d3-shape. */
export function sectorPath(phi0: number, phi1: number, r0: number, r1: number): string {
  // d3.arc measures angles clockwise from 12 o'clock; our phi starts at 9 o'clock.
  return (
    d3arc()({ innerRadius: r0, outerRadius: r1, startAngle: phi0 - Math.PI / 2, endAngle: phi1 - Math.PI / 2 }) ?? ''
  );
}

/** Arc from phi0 to phi1 at radius r, drawn left to right (for text on a path). */
export function arcPath(phi0: number, phi1: number, r: number): string {
  const p = d3path();
  const a = polarToPoint(ORIGIN, phi0, r);
  p.moveTo(a.x, a.y);
  // d3-path's arc takes canvas angles (clockwise from 3 o'clock in screen space):
  // our phi maps to PI + phi, and increasing phi runs clockwise on screen.
  p.arc(0, 0, r, Math.PI + phi0, Math.PI + phi1, false);
  return p.toString();
}

/** Index of the interval [edges[i], edges[i+1]) holding v, or -1. */
function intervalIndex(edges: number[], v: number): number {
  for (let i = 0; i + 1 < edges.length; i++) if (v >= edges[i]! && v < edges[i + 1]!) return i;
  return -1;
}

export interface CellHit {
  bladeIndex: number;
  ringIndex: number;
}

/**
 * Which cell (annular sector) holds a point — the polar test the drop targets use.
 * Points just below the baseline (within `slack` px) count as on it.
 */
export function hitTestCell(
  frame: Frame,
  spans: Array<[number, number]>,
  /** Ring borders: one list for every blade, or one per blade. */
  radii: number[] | number[][],
  p: Point,
  slack = 12,
): CellHit | null {
  const polar = pointToPolar(frame, p);
  const r = polar.r;
  let phi = polar.phi;
  if (frame.cy - p.y < 0) {
    if (p.y - frame.cy > slack) return null;
    phi = p.x < frame.cx ? 0 : Math.PI;
  }
  const edges = [spans[0]![0], ...spans.map((s) => s[1])];
  const bladeIndex = phi >= Math.PI ? spans.length - 1 : intervalIndex(edges, Math.max(0, phi));
  if (bladeIndex < 0) return null;
  const borders = Array.isArray(radii[0]) ? (radii as number[][])[bladeIndex]! : (radii as number[]);
  const ringIndex = intervalIndex(borders, r);
  if (ringIndex < 0) return null;
  return { bladeIndex, ringIndex };
}
