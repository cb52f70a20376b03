// Drag state: ids and a target slot only, never committed while dragging. Cells subscribe
// to the slot with selectors, so a pointer move re-renders only the cells it affects.
import { create } from 'zustand';
import type { ContainerKey } from '../domain/containers';

/** A place in a list: container and position the item would get (0 = first). */
export interface Slot {
  key: ContainerKey;
  index: number;
}

export interface DragState {
  activeId: string | null;
  origin: Slot | null;
  target: Slot | null;
  /** Item to focus once it has been drawn in its new place (keyboard users keep focus). */
  focusId: string | null;
  /** Nothing can be dragged: the open plan can only be read here (a newer version wrote it). */
  locked: boolean;
}

export const useDrag = create<DragState>(() => ({ activeId: null, origin: null, target: null, focusId: null, locked: false }));

export function setTarget(target: Slot | null): void {
  const current = useDrag.getState().target;
  if (current?.key === target?.key && current?.index === target?.index) return;
  useDrag.setState({ target });
}
