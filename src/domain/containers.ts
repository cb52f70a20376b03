// Items live in containers: Inspel or one cell (blade × ring).
import type { CellRef, Item, PlanDoc } from './types';

export const INSPEL = 'inspel';
export type ContainerKey = string;

export function containerKey(cell: CellRef | null): ContainerKey {
  return cell ? `${cell.bladeId}|${cell.ringId}` : INSPEL;
}

export function parseContainerKey(key: ContainerKey): CellRef | null {
  if (key === INSPEL) return null;
  const [bladeId, ringId] = key.split('|');
  if (!bladeId || !ringId) throw new Error(`Bad container key: ${key}`);
  return { bladeId, ringId };
}

export function sameCell(a: CellRef | null, b: CellRef | null): boolean {
  if (a === null || b === null) return a === b;
  return a.bladeId === b.bladeId && a.ringId === b.ringId;
}

export const byRank = (a: Item, b: Item) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Items of every container, each list in rank order. */
export function groupByContainer(items: Record<string, Item>): Map<ContainerKey, Item[]> {
  const groups = new Map<ContainerKey, Item[]>();
  for (const item of Object.values(items)) {
    const key = containerKey(item.cell);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  for (const list of groups.values()) list.sort(byRank);
  return groups;
}

const groupCache = new WeakMap<object, Map<ContainerKey, Item[]>>();

/** The lists already made for these items, if any. */
export const knownContainers = (items: Record<string, Item>): ReadonlyMap<ContainerKey, Item[]> | undefined => groupCache.get(items);

/** Lists made elsewhere for these items (the binding makes them from the last ones, changing only what moved). */
export function setContainers(items: Record<string, Item>, lists: Map<ContainerKey, Item[]>): void {
  groupCache.set(items, lists);
}

/** Memoised per items object: immer gives a new object only when an item changed. */
export function containersOf(doc: PlanDoc): Map<ContainerKey, Item[]> {
  return itemsByContainer(doc.items);
}

/** The same, given the items alone. */
export function itemsByContainer(items: Record<string, Item>): Map<ContainerKey, Item[]> {
  let groups = groupCache.get(items);
  if (!groups) {
    groups = groupByContainer(items);
    groupCache.set(items, groups);
  }
  return groups;
}

export function itemsIn(doc: PlanDoc, cell: CellRef | null): Item[] {
  return containersOf(doc).get(containerKey(cell)) ?? [];
}

/** A container's name as the UI says it: "Inspel", or "<fokusområde>, <ring>". */
export function containerName(doc: PlanDoc, key: ContainerKey): string {
  if (key === INSPEL) return 'Inspel';
  const cell = parseContainerKey(key)!;
  const blade = doc.plan.blades.find((b) => b.id === cell.bladeId)?.name ?? '';
  const ring = doc.plan.rings.find((r) => r.id === cell.ringId)?.label ?? '';
  return `${blade}, ${ring}`;
}

const counts = new WeakMap<object, number>();

/** How many items a plan has (counted once per items object: a big plan is asked on every change). */
export function itemCount(items: Record<string, Item>): number {
  let n = counts.get(items);
  if (n === undefined) counts.set(items, (n = Object.keys(items).length));
  return n;
}
