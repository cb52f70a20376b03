// Drag and drop wiring: sensors (pointer incl. touch, keyboard), collision detection,
// Swedish announcements, and one commit on drop — nothing while dragging, nothing on cancel.
import { setActivity } from '../store/roomState';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
  type DragMoveEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { containerKey, containersOf, parseContainerKey } from '../domain/containers';
import type { Entry } from '../domain/collection';
import { moveItem } from '../store/actions';
import { useEditor, useReadOnly } from '../store/editor';
import { createAnnouncements, describeSlot, screenReaderInstructions } from './announcements';
import { fanCollision } from './collision';
import { setTarget, useDrag, type Slot } from './dragStore';
import { keyboardCoordinates } from './keyboard';
import { DND_ID } from './useDraggableItem';

const keyboardCodes = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] };

function slotOf(event: DragMoveEvent): Slot | null {
  const data = event.collisions?.[0]?.data as { slot?: Slot } | undefined;
  return data?.slot ?? null;
}

let endMessage = '';

/** A group from "Samla in" being dragged: it has no place in the plan until it is dropped. */
const entryOf = (data: unknown) => (data as { entry?: Entry } | undefined)?.entry ?? null;
let draggedEntry: Entry | null = null;

/** No way to start a drag (a plan that can only be read). */
const NO_SENSORS: ReturnType<typeof useSensors> = [];

export function DndProvider({ children }: { children: ReactNode }) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { keyboardCodes, coordinateGetter: keyboardCoordinates }),
  );
  // A plan that can only be read here: nothing starts a drag, and the items say they cannot be moved.
  const readOnly = useReadOnly();
  useEffect(() => {
    // Only a change is told: each item's selector would run for nothing.
    if (useDrag.getState().locked !== readOnly) useDrag.setState({ locked: readOnly });
  }, [readOnly]);
  const [overlayText, setOverlayText] = useState<string | null>(null);

  const announcements = useMemo(() => {
    const base = createAnnouncements({
      doc: () => useEditor.getState().doc,
      name: () => draggedEntry?.text,
      origin: () => useDrag.getState().origin,
      target: () => useDrag.getState().target,
    });
    return { ...base, onDragEnd: () => endMessage };
  }, []);

  const onDragStart = ({ active }: DragStartEvent) => {
    draggedEntry = entryOf(active.data.current);
    if (draggedEntry) {
      useDrag.setState({ activeId: String(active.id), origin: null, target: null, focusId: null });
      setOverlayText(draggedEntry.text);
      return;
    }
    const doc = useEditor.getState().doc;
    const item = doc?.items[String(active.id)];
    if (!doc || !item) return;
    const key = containerKey(item.cell);
    const index = (containersOf(doc).get(key) ?? []).findIndex((i) => i.id === item.id);
    const origin = { key, index };
    useDrag.setState({ activeId: item.id, origin, target: origin, focusId: null });
    setOverlayText(item.text);
    // In a room, the others see who moves it.
    setActivity({ itemId: item.id, kind: 'drag' });
  };

  const onDragMove = (event: DragMoveEvent) => {
    // Keyboard drags choose their slot in the coordinate getter.
    if (event.activatorEvent instanceof KeyboardEvent) return;
    setTarget(slotOf(event));
  };

  const finish = (focusId: string | null) => {
    setOverlayText(null);
    setActivity(null);
    // Announcements read the drag state after this handler: clear it afterwards.
    queueMicrotask(() => useDrag.setState({ activeId: null, origin: null, target: null, focusId }));
  };

  const onDragEnd = ({ active, activatorEvent }: DragEndEvent) => {
    const { target } = useDrag.getState();
    const id = String(active.id);
    const doc = useEditor.getState().doc;
    const entry = draggedEntry;
    draggedEntry = null;
    if (entry) {
      endMessage = doc && target ? `${entry.text} placerades i ${describeSlot(doc, target, null)}.` : `${entry.text} släpptes utanför solfjädern och ligger kvar i Samla in.`;
      if (doc && target) void import('../store/collection').then((m) => m.placeEntry(entry, parseContainerKey(target.key), target.index));
      finish(null);
      return;
    }
    const text = doc?.items[id]?.text ?? 'Aktiviteten';
    if (doc && target) {
      endMessage = `${text} släpptes i ${describeSlot(doc, target, useDrag.getState().origin?.key ?? null)}.`;
      moveItem(id, parseContainerKey(target.key), target.index);
    } else {
      endMessage = `${text} släpptes utanför solfjädern och ligger kvar.`;
    }
    finish(activatorEvent instanceof KeyboardEvent ? id : null);
  };

  const onDragCancel = ({ active, activatorEvent }: { active: { id: string | number }; activatorEvent: Event | null }) => {
    const wasEntry = draggedEntry !== null;
    draggedEntry = null;
    finish(activatorEvent instanceof KeyboardEvent && !wasEntry ? String(active.id) : null);
  };

  return (
    <DndContext
      id={DND_ID}
      sensors={readOnly ? NO_SENSORS : sensors}
      collisionDetection={fanCollision}
      accessibility={{ announcements, screenReaderInstructions }}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragOver={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
    >
      {children}
      <DragOverlay dropAnimation={null} className="drag-overlay">
        {overlayText ? <div className="drag-card">{overlayText}</div> : null}
      </DragOverlay>
    </DndContext>
  );
}
