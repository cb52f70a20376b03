// What makes an item (in the fan or in Inspel) draggable, openable and focusable:
// pointer and keyboard drag (Space), Enter or a click opens it, and after a keyboard
// drop focus follows it to its new place.
import { useDraggable } from '@dnd-kit/core';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { openDialog } from '../store/ui';
import { useDrag } from './dragStore';

export function useDraggableItem<T extends HTMLElement | SVGElement>(id: string) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id });
  const node = useRef<T | null>(null);
  const shouldFocus = useDrag((s) => s.focusId === id);
  useEffect(() => {
    if (shouldFocus && node.current) {
      node.current.focus();
      useDrag.setState({ focusId: null });
    }
  }, [shouldFocus]);
  const open = () => openDialog({ kind: 'item', itemId: id });
  return {
    isDragging,
    props: {
      ref: (element: T | null) => {
        node.current = element;
        setNodeRef(element as unknown as HTMLElement | null);
      },
      ...attributes,
      'aria-roledescription': 'flyttbar aktivitet',
      ...listeners,
      onClick: open,
      onKeyDown: (event: KeyboardEvent<T>) => {
        // Enter during a keyboard drag drops the item (dnd-kit); otherwise it opens it.
        if (event.key === 'Enter' && !useDrag.getState().activeId) {
          event.preventDefault();
          open();
          return;
        }
        listeners?.onKeyDown?.(event as unknown as KeyboardEvent<HTMLElement>);
      },
    },
  };
}
