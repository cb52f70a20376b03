// The items a change touched, read into the binding's view (./binding.ts): each read again
// through the per-record restore step, the containers they left and entered ranked again, the
// limits' italics settled — every other item keeps its object, and only the containers a
// changed item left or entered get a new list.
import type * as Y from 'yjs';
import { containerKey, INSPEL, knownContainers, setContainers } from '../domain/containers';
import { noteItemChanges } from '../domain/itemChanges';
import { isReservedId } from '../domain/ids';
import type { CellRef, Item, PlanDoc } from '../domain/types';
import { soundItem, soundItemOf, withItemDefaults } from '../schema/records';
import { BindingIndex, HOMELESS } from './bindingIndex';
import { commentsOf, idsOf, readItemEntry } from './read';
import { isYMap, itemMap } from './shape';
import { sharedWith } from './view';

/** The rule fields: a change of any of these may change which items are extra. */
const RULE_FIELDS = ['cell', 'rank', 'delomraden', 'extraChoice', 'status'] as const;

/**
 * A copy of the items' record, for the next view, of a record of `size` ids. Up to about a
 * thousand ids it is an ordinary object to the engine, which `Object.assign` copies whole (~1 µs
 * in Chromium); beyond, a dictionary, which a loop over its keys copies in ~0.75 ms at 5,000
 * items, where `Object.assign` or a spread takes ~1.8 ms (~3 ms within a move).
 */
function copyRecord<T>(record: Record<string, T>, size: number): Record<string, T> {
  if (size <= 1000) return Object.assign({}, record);
  const copy: Record<string, T> = {};
  for (const key in record) copy[key] = record[key]!;
  return copy;
}

/**
 * The touched items read again, the containers they left and entered ranked again, and the
 * limits' italics settled: the next view (`doc` itself when nothing it shows changed), the index
 * `at` kept with it. False when a record is not sound as it is or its place cannot be used (then
 * the whole plan is read, which repairs and names it); nothing is changed then.
 */
export function readTouchedItems(ydoc: Y.Doc, doc: PlanDoc, at: BindingIndex, touched: Set<string>): PlanDoc | false {
  const plan = doc.plan;
  const blades = idsOf(plan.blades);
  const rings = idsOf(plan.rings);
  const entriesMap = itemMap(ydoc);
  const read = new Map<string, { item: Item; key: string; container: string } | null>();
  for (const id of touched) {
    if (isReservedId(id)) continue;
    const entry = entriesMap.get(id);
    if (entry === undefined) {
      read.set(id, null);
      continue;
    }
    if (!isYMap(entry)) return false;
    const got = readItemEntry(id, entry, plan.id, commentsOf(ydoc, at.commentsOf(id)), blades, rings);
    if (got.place !== 'cell' && got.place !== 'inspel') return false;
    const record = withItemDefaults(got.record);
    if (!soundItem(record, plan)) return false;
    read.set(id, { item: soundItemOf(record, plan), key: got.key!, container: got.place === 'inspel' ? INSPEL : containerKey(record.cell as CellRef) });
  }
  const next = copyRecord(doc.items, at.size);
  let dirty = false;
  /** The items given a new object or removed. */
  const changed = new Set<string>();
  const put = (id: string, item: Item) => {
    next[id] = item;
    if (item !== doc.items[id]) {
      dirty = true;
      changed.add(id);
    }
  };
  const affected = new Set<string>();
  /** The delområde × ring groups whose members or order may have changed. */
  const regrouped = new Set<string>();
  let rule = false;
  for (const [id, got] of read) {
    const was = at.unplace(id);
    if (was !== null) affected.add(was);
    const old = doc.items[id];
    at.group(old, false);
    for (const key of BindingIndex.groupsOf(old)) regrouped.add(key);
    if (!got) {
      if (was !== null) {
        rule = dirty = true;
        changed.add(id);
      }
      delete next[id];
      continue;
    }
    at.place(id, got.container, got.key);
    affected.add(got.container);
    // Rank and italics are the view's to settle; the item keeps what it had until then.
    const item = { ...got.item, rank: old?.rank ?? -1, extra: old?.extra ?? false };
    if (!old || RULE_FIELDS.some((f) => f !== 'rank' && JSON.stringify(old[f]) !== JSON.stringify(item[f]))) rule = true;
    put(id, old ? sharedWith(old, item) : item);
  }
  if (affected.has(HOMELESS)) affected.add(INSPEL);
  for (const container of affected) {
    if (container === HOMELESS) continue;
    at.listed(container)?.forEach(({ id }, rank) => {
      const item = next[id]!;
      if (item.rank !== rank) {
        put(id, { ...item, rank });
        for (const key of BindingIndex.groupsOf(item)) regrouped.add(key);
        rule = true;
      }
    });
  }
  for (const id of read.keys()) {
    const item = next[id];
    at.group(item, true);
    for (const key of BindingIndex.groupsOf(item)) regrouped.add(key);
  }
  if (rule) at.settleExtras(plan, next, read.keys(), regrouped, put);
  if (!dirty) return doc;
  noteItemChanges(doc.items, next, changed);
  shareContainers(at, doc.items, next, changed);
  return { plan, items: next };
}

/**
 * The items' lists by container for the new items, made from the last ones: only the
 * containers a changed item left or entered get a new list (the fan then redraws those cells).
 */
function shareContainers(at: BindingIndex, before: Record<string, Item>, after: Record<string, Item>, changed: ReadonlySet<string>): void {
  const last = knownContainers(before);
  if (!last) return;
  const keys = new Set<string>();
  for (const id of changed) {
    if (before[id]) keys.add(containerKey(before[id].cell));
    if (after[id]) keys.add(containerKey(after[id].cell));
  }
  const lists = new Map(last);
  for (const key of keys) {
    const ids = at.listed(key) ?? [];
    if (ids.length === 0) lists.delete(key);
    else lists.set(key, ids.map(({ id }) => after[id]!));
  }
  setContainers(after, lists);
}
