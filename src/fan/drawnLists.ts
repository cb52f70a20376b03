// What the fan draws of a plan's items: per container, each item's id, text, extra, status and
// number of comments — nothing else. A change the fan does not draw (a description, a delområde,
// a source; a colleague's flood of them) leaves these lists as they were, so the fan is not laid
// out or drawn again for it; a container whose drawn items are the same keeps its list, so a
// change redraws only the cells it shows in.
import { useRef } from 'react';
import type { ContainerKey } from '../domain/containers';
import type { Item } from '../domain/types';
import type { CellText } from './cells';

/** An item as the fan draws it. */
export function drawnItem(item: Item | CellText): CellText {
  const drawn: CellText = { id: item.id, text: item.text, extra: item.extra };
  if (item.status !== undefined) drawn.status = item.status;
  // Its own copy: what it was drawn with stays as it was.
  if (item.comments !== undefined) drawn.comments = item.comments.slice();
  return drawn;
}

/** The same drawing: the fan shows only how many comments there are. */
const sameDrawn = (a: CellText, b: Item | CellText) =>
  a.id === b.id && a.text === b.text && a.extra === b.extra && a.status === b.status && (a.comments?.length ?? 0) === (b.comments?.length ?? 0);

/** The list of items each drawn list was made from (lists are never changed in place: the same list draws the same). */
const madeFrom = new WeakMap<CellText[], ReadonlyArray<Item | CellText>>();

/**
 * The drawn lists of `containers`, each the list from `last` while its items draw the same, and
 * `last` itself when every list is (so whatever is made from it is not made again).
 */
export function drawnLists(containers: ReadonlyMap<ContainerKey, ReadonlyArray<Item | CellText>>, last: ReadonlyMap<ContainerKey, CellText[]> | null): Map<ContainerKey, CellText[]> {
  const out = new Map<ContainerKey, CellText[]>();
  let same = last !== null && last.size === containers.size;
  for (const [key, list] of containers) {
    const before = last?.get(key);
    if (before && (madeFrom.get(before) === list || (before.length === list.length && list.every((item, i) => sameDrawn(before[i]!, item))))) {
      out.set(key, before);
      madeFrom.set(before, list);
      continue;
    }
    same = false;
    const drawn = list.map((item, i) => (before?.[i] && sameDrawn(before[i], item) ? before[i] : drawnItem(item)));
    madeFrom.set(drawn, list);
    out.set(key, drawn);
  }
  return same ? (last as Map<ContainerKey, CellText[]>) : out;
}

/** `drawnLists` for a component: the lists it drew last are what the next ones are made from. */
export function useDrawnLists(containers: ReadonlyMap<ContainerKey, ReadonlyArray<Item | CellText>>): Map<ContainerKey, CellText[]> {
  const last = useRef<{ from: object; lists: Map<ContainerKey, CellText[]> } | null>(null);
  if (last.current?.from !== containers) last.current = { from: containers, lists: drawnLists(containers, last.current?.lists ?? null) };
  return last.current.lists;
}
