// Collision detection for dnd-kit: the fan's cells are annular sectors whose bounding
// boxes overlap, so a pointer is tested in polar coordinates against the drawn layout;
// Inspel is an ordinary list. Keyboard drags have no pointer: they use the slot the
// keyboard chose (see keyboard.ts).
import type { CollisionDetection } from '@dnd-kit/core';
import { INSPEL } from '../domain/containers';
import { hitFan } from '../fan/hit';
import { useDrag, type Slot } from './dragStore';
import { inspelItemRects, registeredFan } from './fanRegistry';

/** Convert a drawn position (dragged item still in its old place) into a final index. */
export function finalIndex(slotKey: string, drawnIndex: number): number {
  const { origin } = useDrag.getState();
  if (origin && origin.key === slotKey && drawnIndex > origin.index) return drawnIndex - 1;
  return drawnIndex;
}

export function inspelIndexAt(y: number, rects: Array<{ rect: { top: number; bottom: number } }>): number {
  let index = 0;
  rects.forEach(({ rect }, i) => {
    if ((rect.top + rect.bottom) / 2 < y) index = i + 1;
  });
  return index;
}

export const fanCollision: CollisionDetection = ({ pointerCoordinates, droppableRects }) => {
  if (!pointerCoordinates) {
    const target = useDrag.getState().target;
    return target ? [{ id: target.key, data: { slot: target } }] : [];
  }
  const inspel = droppableRects.get(INSPEL);
  const p = pointerCoordinates;
  if (inspel && p.x >= inspel.left && p.x <= inspel.right && p.y >= inspel.top && p.y <= inspel.bottom) {
    const slot: Slot = { key: INSPEL, index: finalIndex(INSPEL, inspelIndexAt(p.y, inspelItemRects())) };
    return [{ id: INSPEL, data: { slot } }];
  }
  const fan = registeredFan();
  if (!fan) return [];
  const hit = hitFan(fan.layout, fan.toLocal(p));
  if (!hit || !droppableRects.has(hit.cell.key)) return [];
  const slot: Slot = { key: hit.cell.key, index: finalIndex(hit.cell.key, hit.drawnIndex) };
  return [{ id: hit.cell.key, data: { slot } }];
};
