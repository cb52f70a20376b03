// What the user points at, which the fan draws in full rather than behind "+N till": filter
// matches, items a comparison marks, the rows of a coverage goal, the selected item, items a
// colleague edits or drags, and the items just placed or moved (by anyone, any way).
import { useMemo, useRef } from 'react';
import { containerKey } from '../domain/containers';
import { changedItemIds } from '../domain/itemChanges';
import type { Item } from '../domain/types';
import { useRoom } from '../store/roomState';

/** A change that moves more items than this at once (a restore, a plan opened) points at none of them. */
export const MOVED_AT_MOST = 8;

/** Items whose cell is not the one they had before (placed from Inspel, moved, brought back). */
export function movedItems(before: Readonly<Record<string, Item>> | null, after: Readonly<Record<string, Item>>): string[] {
  if (!before || before === after) return [];
  const moved: string[] = [];
  for (const id of changedItemIds(before, after)) {
    const item = after[id];
    if (!item?.cell) continue;
    const was = before[id];
    if (!was || containerKey(was.cell) !== containerKey(item.cell)) moved.push(id);
    if (moved.length > MOVED_AT_MOST) return [];
  }
  return moved;
}

export interface Pointers {
  filterMatches: ReadonlySet<string> | null;
  highlighted: ReadonlySet<string> | null;
  compared: ReadonlyMap<string, unknown> | null;
  selected: string | null;
  peers: readonly string[];
  moved: readonly string[];
}

/** Every id pointed at, in a stable order (so an unchanged set is recognised by its key). */
export function pointedIds(p: Pointers): string[] {
  const ids = new Set<string>(p.moved);
  for (const id of p.peers) ids.add(id);
  if (p.selected) ids.add(p.selected);
  for (const id of p.highlighted ?? []) ids.add(id);
  for (const id of p.compared?.keys() ?? []) ids.add(id);
  for (const id of p.filterMatches ?? []) ids.add(id);
  return [...ids].sort();
}

/** The items just moved: kept until the next move, so the item stays in view after its drop. */
function useMoved(items: Readonly<Record<string, Item>>): readonly string[] {
  const last = useRef<{ items: Readonly<Record<string, Item>>; moved: readonly string[] } | null>(null);
  const previous = last.current;
  if (previous?.items !== items) {
    const moved = movedItems(previous?.items ?? null, items);
    last.current = { items, moved: moved.length > 0 || !previous ? moved : previous.moved };
  }
  return last.current!.moved;
}

/** The set of pinned ids for the layout: the same object while its members are the same. */
export function usePointed(items: Readonly<Record<string, Item>>, pointers: Omit<Pointers, 'peers' | 'moved'>): ReadonlySet<string> | null {
  const moved = useMoved(items);
  // Items other people are on, as one string so the fan redraws only when that changes.
  const peerKey = useRoom((s) =>
    s.peers
      .filter((p) => !p.self && p.activity?.itemId)
      .map((p) => p.activity!.itemId!)
      .sort()
      .join('\u0001'),
  );
  const ids = pointedIds({ ...pointers, peers: peerKey ? peerKey.split('\u0001') : [], moved });
  const key = ids.join('\u0001');
  return useMemo(() => (key ? new Set(key.split('\u0001')) : null), [key]);
}
