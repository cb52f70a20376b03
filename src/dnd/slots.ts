// Keyboard movement between drop slots, as pure functions of the plan's shape.
// ←/→ change fokusområde (Inspel is to the right of the last one), Page Up/Down or
// Shift+↑/↓ change ring outwards/inwards, ↑/↓ move one place up/down in the list.
import { containerKey, INSPEL, parseContainerKey, type ContainerKey } from '../domain/containers';
import type { Slot } from './dragStore';

export interface SlotModel {
  bladeIds: string[];
  ringIds: string[];
  /** Items in a container, counting the dragged one only if it is there already. */
  count: (key: ContainerKey) => number;
  originKey: ContainerKey;
}

export type SlotKey = 'left' | 'right' | 'up' | 'down' | 'outer' | 'inner';

export function keyToMove(event: Pick<KeyboardEvent, 'code' | 'shiftKey'>): SlotKey | null {
  switch (event.code) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return event.shiftKey ? 'outer' : 'up';
    case 'ArrowDown':
      return event.shiftKey ? 'inner' : 'down';
    case 'PageUp':
      return 'outer';
    case 'PageDown':
      return 'inner';
    default:
      return null;
  }
}

/** Largest index a slot in `key` may have: the end of the list without the dragged item. */
function maxIndex(model: SlotModel, key: ContainerKey): number {
  const n = model.count(key);
  return key === model.originKey ? n - 1 : n;
}

function clampSlot(model: SlotModel, key: ContainerKey, index: number): Slot {
  return { key, index: Math.max(0, Math.min(maxIndex(model, key), index)) };
}

export function nextSlot(model: SlotModel, from: Slot, move: SlotKey, lastRingId?: string): Slot {
  const cell = parseContainerKey(from.key);
  const { bladeIds, ringIds } = model;
  switch (move) {
    case 'up':
      return clampSlot(model, from.key, from.index - 1);
    case 'down':
      return clampSlot(model, from.key, from.index + 1);
    case 'left':
    case 'right': {
      const step = move === 'left' ? -1 : 1;
      const order: ContainerKey[] = bladeIds.map((b) => b);
      const position = cell ? order.indexOf(cell.bladeId) : order.length;
      const nextPosition = position + step;
      if (nextPosition < 0 || nextPosition > order.length) return from;
      if (nextPosition === order.length) return clampSlot(model, INSPEL, from.index);
      const ringId = cell?.ringId ?? lastRingId ?? ringIds[0]!;
      return clampSlot(model, containerKey({ bladeId: bladeIds[nextPosition]!, ringId }), from.index);
    }
    case 'outer':
    case 'inner': {
      if (!cell) return from;
      const r = ringIds.indexOf(cell.ringId) + (move === 'outer' ? 1 : -1);
      if (r < 0 || r >= ringIds.length) return from;
      return clampSlot(model, containerKey({ bladeId: cell.bladeId, ringId: ringIds[r]! }), from.index);
    }
  }
}
