// Where items stand: the cell and rank an operation gives an item, and a container's list as it
// is now — on a draft (./draft.ts, or immer's) without making a draft of every item of the plan.
// Used by the operations on items (./operations.ts) and on fokusområden and rings (./planShape.ts).
import { isDraft, original } from 'immer';
import { itemsBefore, peekItem, setRank } from './draft';
import { byRank, containerKey, groupByContainer, INSPEL, itemsByContainer, sameCell } from './containers';
import type { CellRef, Item, ItemId, PlanDoc } from './types';

/**
 * Items whose cell or rank an operation changed in a draft (only `place` and `renumber` below
 * change them): read from the draft, every other item from the
 * draft's base — so listing a container does not make a draft of each item of the plan.
 */
const placed = new WeakMap<object, Set<ItemId>>();

/** The items as they were when `items` is being changed (a draft of ./draft.ts, or immer's); undefined for a plain plan. */
const baseOf = (items: Record<ItemId, Item>): Record<ItemId, Item> | undefined => itemsBefore(items) ?? (isDraft(items) ? original(items) : undefined);

export function touch(doc: PlanDoc, id: ItemId): void {
  if (!baseOf(doc.items)) return;
  let ids = placed.get(doc.items);
  if (!ids) placed.set(doc.items, (ids = new Set()));
  ids.add(id);
}

/** Renumber a container's items 0..n-1 in the given order, writing only the ranks that change. */
export function renumber(doc: PlanDoc, list: readonly Item[]): void {
  list.forEach((item, i) => {
    if (item.rank === i) return;
    setRank(doc.items, item.id, i);
    touch(doc, item.id);
  });
}

/** Put an item in a container (its rank follows from `renumber`). */
export function place(doc: PlanDoc, item: Item, cell: CellRef | null): void {
  item.cell = cell ? { bladeId: cell.bladeId, ringId: cell.ringId } : null;
  touch(doc, item.id);
}

/** A container's items in rank order, as they are now. */
export function containerList(doc: PlanDoc, cell: CellRef | null, exclude?: ItemId): Item[] {
  const items = doc.items;
  const base = baseOf(items);
  const changed = base ? placed.get(items) : undefined;
  // On a draft: the container as it was (the lists are kept per unchanging items object), less
  // what moved since. A plain plan changes in place: its items are looked through.
  const was = base ? (itemsByContainer(base).get(containerKey(cell)) ?? []) : Object.values(items).filter((item) => sameCell(item.cell, cell));
  const list = was.filter((item) => item.id !== exclude && !changed?.has(item.id));
  if (changed)
    for (const id of changed) {
      const item = id === exclude ? undefined : peekItem(items, id);
      if (item && sameCell(item.cell, cell)) list.push(item);
    }
  return list.sort(byRank);
}

/** Items matching `predicate` back to Inspel, after the ones already there (cell by cell, each in rank order). */
export function returnToInspel(doc: PlanDoc, predicate: (item: Item) => boolean): void {
  const inspel = containerList(doc, null);
  const moving = [...groupByContainer(doc.items)].flatMap(([key, list]) => (key === INSPEL ? [] : list.filter(predicate)));
  for (const item of moving) place(doc, doc.items[item.id]!, null);
  renumber(doc, [...inspel, ...moving]);
}

/** A position in a list of `length` (0 … length: after the last). */
export function clampIndex(index: number, length: number): number {
  return Math.max(0, Math.min(length, Math.floor(index)));
}
