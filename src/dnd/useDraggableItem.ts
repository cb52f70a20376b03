// What makes an item (in the fan or in Inspel) draggable, openable and focusable:
// pointer and keyboard drag (Space), Enter or a click opens it, and after a keyboard
// drop focus follows it to its new place.
//
// An item is a dnd-kit draggable only while it may be dragged: pointed at, focused, pressed or
// being dragged (its `host`, rendered beside it, holds `useDraggable`). A draggable re-renders
// whenever any drag starts or ends, so with every item one, a drag's start at 5,000 items
// re-drew some 700 Inspel cards and the fan's items in one long task; now it re-draws the one
// or two armed. The element itself is the same throughout (focus stays), with the attributes
// dnd-kit gives a draggable.
import { useDraggable, type DraggableSyntheticListeners } from '@dnd-kit/core';
import { createElement, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type PointerEvent, type ReactNode, type RefObject } from 'react';
import { openDialog } from '../store/ui';
import { useDrag } from './dragStore';

/** The DndContext's id (src/dnd/DndProvider.tsx): its hidden drag instructions are `aria-describedby` of every item. */
export const DND_ID = 'solfjadern-dnd';

type Listeners = NonNullable<DraggableSyntheticListeners>;

interface HostProps {
  id: string;
  node: RefObject<HTMLElement | SVGElement | null>;
  listeners: RefObject<Listeners | null>;
  /** A press that came before the item was a draggable: handed to dnd-kit as soon as it is one. */
  pressed: RefObject<PointerEvent | null>;
  onDragging: (dragging: boolean) => void;
}

/** The item as a dnd-kit draggable, drawn as nothing: it registers the item's element and lends it its listeners. */
function DraggableHost({ id, node, listeners, pressed, onDragging }: HostProps) {
  const { listeners: own, setNodeRef, isDragging } = useDraggable({ id });
  useLayoutEffect(() => {
    setNodeRef(node.current as HTMLElement | null);
  }, [node, setNodeRef]);
  useLayoutEffect(() => {
    listeners.current = own ?? null;
    const press = pressed.current;
    if (!press || !own?.onPointerDown) return;
    own.onPointerDown(press);
    // Taken (or refused for good: another drag, a right button): either way it is done.
    pressed.current = null;
  }, [own, listeners, pressed]);
  useLayoutEffect(() => onDragging(isDragging), [isDragging, onDragging]);
  useEffect(
    () => () => {
      listeners.current = null;
    },
    [listeners],
  );
  return null;
}

export function useDraggableItem<T extends HTMLElement | SVGElement>(id: string, { onFocus }: { onFocus?: (event: FocusEvent<T>) => void } = {}) {
  const node = useRef<T | null>(null);
  const listeners = useRef<Listeners | null>(null);
  const pressed = useRef<PointerEvent | null>(null);
  const hot = useRef({ pointer: false, focus: false });
  const [armed, setArmed] = useState(false);
  const [isDragging, setDragging] = useState(false);
  const shouldFocus = useDrag((s) => s.focusId === id);
  // A plan that can only be read: the item opens (to read), never becomes a draggable.
  const locked = useDrag((s) => s.locked);
  useEffect(() => {
    if (shouldFocus && node.current) {
      node.current.focus();
      useDrag.setState({ focusId: null });
    }
  }, [shouldFocus]);
  const cool = () => setArmed(hot.current.pointer || hot.current.focus);
  const arm = () => {
    if (!useDrag.getState().locked) setArmed(true);
  };
  const open = () => openDialog({ kind: 'item', itemId: id });
  const host: ReactNode =
    (armed && !locked) || isDragging ? createElement(DraggableHost, { id, node, listeners, pressed, onDragging: setDragging }) : null;
  return {
    isDragging,
    host,
    props: {
      ref: (element: T | null) => {
        node.current = element;
      },
      role: 'button',
      tabIndex: 0,
      'aria-disabled': false,
      'aria-pressed': isDragging ? true : undefined,
      'aria-roledescription': locked ? 'aktivitet' : 'flyttbar aktivitet',
      'aria-describedby': locked ? undefined : DND_ID,
      onPointerEnter: () => {
        hot.current.pointer = true;
        arm();
      },
      onPointerLeave: () => {
        hot.current.pointer = false;
        cool();
      },
      onFocus: (event: FocusEvent<T>) => {
        hot.current.focus = true;
        arm();
        onFocus?.(event);
      },
      onBlur: () => {
        hot.current.focus = false;
        cool();
      },
      onPointerDown: (event: PointerEvent<T>) => {
        if (listeners.current?.onPointerDown) listeners.current.onPointerDown(event);
        else {
          // Pressed before it was a draggable (a touch has no pointing first): it becomes one now.
          if (useDrag.getState().locked) return;
          pressed.current = event as PointerEvent;
          arm();
        }
      },
      onClick: open,
      onKeyDown: (event: KeyboardEvent<T>) => {
        // Enter during a keyboard drag drops the item (dnd-kit); otherwise it opens it.
        if (event.key === 'Enter' && !useDrag.getState().activeId) {
          event.preventDefault();
          open();
          return;
        }
        listeners.current?.onKeyDown?.(event);
      },
    },
  };
}
