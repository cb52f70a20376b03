// Collision detection for dnd-kit: the fan's cells are annular sectors whose bounding
// boxes overlap, so a pointer is tested in polar coordinates against the drawn layout;
// Inspel is an ordinary list. Keyboard drags have no pointer: they use the slot the
// keyboard chose (see keyboard.ts).
import type { CollisionDetection } from '@dnd-kit/core';
import { INSPEL } from '../domain/containers';
import { hitFan } from '../fan/hit';
import { useDrag, type Slot } from './dragStore';
import { inspelItemNodes, registeredFan } from './fanRegistry';

/** Convert a drawn position (dragged item still in its old place) into a final index. */
export function finalIndex(slotKey: string, drawnIndex: number): number {
  const { origin } = useDrag.getState();
  if (origin && origin.key === slotKey && drawnIndex > origin.index) return drawnIndex - 1;
  return drawnIndex;
}

/**
 * The drawn index a pointer at `y` points to in a list of `count` items drawn top to bottom:
 * the number of items whose middle is above it. Items' rects are asked for by binary search
 * (a dozen of 5,000, not all of them on every pointer move).
 */
export function inspelIndexAt(y: number, count: number, rectAt: (index: number) => { top: number; bottom: number }): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const rect = rectAt(mid);
    if ((rect.top + rect.bottom) / 2 < y) low = mid + 1;
    else high = mid;
  }
  return low;
}

export const fanCollision: CollisionDetection = ({ pointerCoordinates, droppableRects }) => {
  if (!pointerCoordinates) {
    const target = useDrag.getState().target;
    return target ? [{ id: target.key, data: { slot: target } }] : [];
  }
  const inspel = droppableRects.get(INSPEL);
  const p = pointerCoordinates;
  if (inspel && p.x >= inspel.left && p.x <= inspel.right && p.y >= inspel.top && p.y <= inspel.bottom) {
    const nodes = inspelItemNodes();
    const slot: Slot = { key: INSPEL, index: finalIndex(INSPEL, inspelIndexAt(p.y, nodes.length, (i) => nodes[i]!.getBoundingClientRect())) };
    return [{ id: INSPEL, data: { slot } }];
  }
  const fan = registeredFan();
  if (!fan) return [];
  const hit = hitFan(fan.layout, fan.toLocal(p));
  if (!hit || !droppableRects.has(hit.cell.key)) return [];
  const slot: Slot = { key: hit.cell.key, index: finalIndex(hit.cell.key, hit.drawnIndex) };
  return [{ id: hit.cell.key, data: { slot } }];
};
