// Pointer → drop slot in the fan, in layout coordinates (centre-relative).
import { insertionCoord, insertionIndex } from './cells';
import { hitTestCell, ORIGIN, type Point } from './geometry';
import type { CellShape, FanLayout } from './layout';

export interface FanHit {
  cell: CellShape;
  /** Position among the items as drawn (the dragged item included). */
  drawnIndex: number;
}

export function hitFan(layout: FanLayout, p: Point): FanHit | null {
  const hit = hitTestCell(ORIGIN, layout.spans, layout.radii, p);
  if (!hit) return null;
  const cell = layout.cells.find((c) => c.bladeIndex === hit.bladeIndex && c.ringIndex === hit.ringIndex);
  if (!cell) return null;
  return { cell, drawnIndex: insertionIndex(cell.flow, cell.flow.lines.coordOf(p)) };
}

/** A point on the insertion marker of a slot (as drawn). */
export function slotPoint(cell: CellShape, drawnIndex: number): Point {
  return cell.flow.lines.pointAt(insertionCoord(cell.flow, drawnIndex));
}
