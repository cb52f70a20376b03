// Keyboard dragging: the arrow keys move between slots (see slots.ts); the overlay is
// moved to the chosen slot so sighted keyboard users see where the item will land.
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import { containersOf, INSPEL } from '../domain/containers';
import { slotPoint } from '../fan/hit';
import { useEditor } from '../store/editor';
import { setTarget, useDrag, type Slot } from './dragStore';
import { inspelItemRects, registeredFan } from './fanRegistry';
import { keyToMove, nextSlot, type SlotModel } from './slots';

function slotModel(): SlotModel | null {
  const doc = useEditor.getState().doc;
  const origin = useDrag.getState().origin;
  if (!doc || !origin) return null;
  const groups = containersOf(doc);
  return {
    bladeIds: doc.plan.blades.map((b) => b.id),
    ringIds: doc.plan.rings.map((r) => r.id),
    count: (key) => groups.get(key)?.length ?? 0,
    originKey: origin.key,
  };
}

/** Client point of a slot: where its insertion marker is. */
export function slotClientPoint(slot: Slot): { x: number; y: number } | null {
  const origin = useDrag.getState().origin;
  const drawn = origin && origin.key === slot.key && slot.index >= origin.index ? slot.index + 1 : slot.index;
  if (slot.key === INSPEL) {
    const rects = inspelItemRects();
    const list = document.querySelector('[data-inspel-list]')?.getBoundingClientRect();
    const at = rects[drawn]?.rect ?? rects.at(-1)?.rect ?? list;
    if (!at) return null;
    return { x: at.left + 8, y: drawn < rects.length ? at.top : at.bottom };
  }
  const fan = registeredFan();
  const cell = fan?.layout.cells.find((c) => c.key === slot.key);
  if (!fan || !cell) return null;
  return fan.toClient(slotPoint(cell, drawn));
}

let lastRingId: string | undefined;

export const keyboardCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates }) => {
  const move = keyToMove(event);
  const model = slotModel();
  const target = useDrag.getState().target;
  if (!move || !model || !target) return undefined;
  event.preventDefault();
  const next = nextSlot(model, target, move, lastRingId);
  if (next.key !== INSPEL) lastRingId = next.key.split('|')[1];
  if (next.key === target.key && next.index === target.index) return undefined;
  setTarget(next);
  const point = slotClientPoint(next);
  if (!point) return { x: currentCoordinates.x + 1, y: currentCoordinates.y };
  const coords = { x: point.x - 20, y: point.y - 14 };
  // dnd-kit only re-runs collision detection when the coordinates change.
  if (coords.x === currentCoordinates.x && coords.y === currentCoordinates.y) coords.x += 1;
  return coords;
};
