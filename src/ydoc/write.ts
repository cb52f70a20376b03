// Writing a change of the plan into its Yjs document as the smallest set of writes: the fields
// that changed, one place per moved item, new keys only where an order really changed. The
// operations stay pure functions on a PlanDoc (immer); this turns their result into writes.
// Call inside `doc.transact(…, origin)`.
import * as Y from 'yjs';
import { byRank, containerKey, itemsByContainer } from '../domain/containers';
import type { PlanChange } from '../domain/draft';
import type { Blade, Comment, Item, Plan, PlanDoc, Ring } from '../domain/types';
import { isKey, reorder } from './positions';
import { FORMAT } from './format';
import { bladeMap, commentMap, isDefault, isYMap, ITEM_VALUES, itemMap, planMap, ringMap, type Place } from './shape';

const PLAN_VALUES = ['id', 'name', 'vision', 'createdAt', 'catalogue', 'recipient'] as const satisfies readonly (keyof Plan)[];

/** Write `after` over `before` (null: the document is new, write everything). */
export function writeChanges(ydoc: Y.Doc, before: PlanDoc | null, after: PlanDoc, random: () => number = Math.random): void {
  const items = new Map<string, Item | null>();
  if (before?.items !== after.items) {
    const was = before?.items ?? {};
    for (const id in after.items) if (was[id] !== after.items[id]) items.set(id, after.items[id]!);
    for (const id in was) if (!Object.hasOwn(after.items, id)) items.set(id, null);
  }
  writeChange(ydoc, before, { plan: after.plan, items }, random);
}

/**
 * Write what a change did (./domain/draft.ts) over the plan it was made on (null: the document
 * is new): the plan's fields that differ, the items it names, and new places only in the
 * containers whose order it changed.
 */
export function writeChange(ydoc: Y.Doc, before: PlanDoc | null, change: PlanChange, random: () => number = Math.random): void {
  writePlan(ydoc, before?.plan ?? null, change.plan, random);
  if (change.items.size === 0) return;
  const items = itemMap(ydoc);
  const affected = new Set<string>();
  const was = before?.items ?? {};
  const changed: Item[] = [];
  for (const [id, item] of change.items) {
    const old = was[id];
    if (!item) {
      if (!old) continue;
      items.delete(id);
      writeComments(ydoc, id, old.comments, []);
      affected.add(containerKey(old.cell));
      continue;
    }
    if (old === item) continue;
    changed.push(item);
    const entry = items.get(id);
    if (!old) {
      const made = new Y.Map<unknown>();
      items.set(id, made);
      writeItem(ydoc, made, null, item);
    } else if (isYMap(entry)) writeItem(ydoc, entry, old, item);
    // Else someone deleted it meanwhile: a change to it does not bring it back.
    else continue;
    if (!old || old.rank !== item.rank || containerKey(old.cell) !== containerKey(item.cell)) {
      affected.add(containerKey(item.cell));
      if (old) affected.add(containerKey(old.cell));
    }
  }
  if (affected.size === 0) return;
  // The members of the containers whose order changed: those that stayed, and those changed into them.
  const members = new Map<string, Item[]>();
  for (const key of affected) {
    const stayed = before
      ? (itemsByContainer(before.items).get(key) ?? []).filter((item) => {
          const now = change.items.get(item.id);
          return now === undefined || now === item;
        })
      : [];
    members.set(key, stayed);
  }
  for (const item of changed) members.get(containerKey(item.cell))?.push(item);
  for (const [key, list] of members) placeContainer(ydoc, list.sort(byRank), key, random);
}

function writePlan(ydoc: Y.Doc, before: Plan | null, after: Plan, random: () => number): void {
  const plan = planMap(ydoc);
  if (!before) plan.set('format', FORMAT);
  for (const field of PLAN_VALUES) {
    const value = after[field];
    if (before && before[field] === value) continue;
    if (value === undefined) plan.delete(field);
    else plan.set(field, value);
  }
  if (!before || before.blades !== after.blades) writeOrdered(bladeMap(ydoc), before?.blades ?? [], after.blades, ({ name, color }: Blade) => ({ name, color }), random);
  if (!before || before.rings !== after.rings) writeOrdered(ringMap(ydoc), before?.rings ?? [], after.rings, ({ label, year }: Ring) => ({ label, year }), random);
}

/** Blades or rings: a record per id with its key; only changed records are written. */
function writeOrdered<T extends { id: string }>(map: Y.Map<unknown>, before: readonly T[], after: readonly T[], fields: (value: T) => object, random: () => number): void {
  const current = new Map<string, string>();
  for (const { id } of after) {
    const stored = map.get(id) as { pos?: unknown } | undefined;
    if (stored && isKey(stored.pos)) current.set(id, stored.pos);
  }
  const moved = reorder(after.map((v) => v.id), current, random);
  const old = new Map(before.map((v) => [v.id, v]));
  for (const value of after) {
    const pos = moved.get(value.id) ?? current.get(value.id)!;
    if (!moved.has(value.id) && old.get(value.id) === value && map.has(value.id)) continue;
    map.set(value.id, { ...fields(value), pos });
  }
  const keep = new Set(after.map((v) => v.id));
  for (const id of [...map.keys()]) if (!keep.has(id)) map.delete(id);
}

function writeItem(ydoc: Y.Doc, entry: Y.Map<unknown>, before: Item | null, after: Item): void {
  for (const field of ITEM_VALUES) {
    if (before ? before[field] === after[field] : isDefault(field, after[field])) continue;
    entry.set(field, after[field]);
  }
  if (!before || before.comments !== after.comments) writeComments(ydoc, after.id, before?.comments ?? [], after.comments);
}

function writeComments(ydoc: Y.Doc, itemId: string, before: readonly Comment[], after: readonly Comment[]): void {
  const map = commentMap(ydoc);
  const old = new Map(before.map((c) => [c.id, c]));
  for (const comment of after) {
    if (old.get(comment.id) === comment && map.has(comment.id)) continue;
    const { author, at, text } = comment;
    map.set(comment.id, { itemId, author, at, text });
  }
  const keep = new Set(after.map((c) => c.id));
  for (const id of old.keys()) if (!keep.has(id)) map.delete(id);
}

/** Give the items of one container (`members`, in rank order) places that read that order. */
function placeContainer(ydoc: Y.Doc, all: readonly Item[], key: string, random: () => number): void {
  const items = itemMap(ydoc);
  // An item someone deleted meanwhile has no place to write.
  const members = all.filter((item) => isYMap(items.get(item.id)));
  if (members.length === 0) return;
  const current = new Map<string, string>();
  for (const item of members) {
    const place = (items.get(item.id) as Y.Map<unknown>).get('place') as Partial<Place> | undefined;
    if (place && isKey(place.pos) && containerKey(place.cell ?? null) === key) current.set(item.id, place.pos);
  }
  const moved = reorder(
    members.map((i) => i.id),
    current,
    random,
  );
  for (const item of members) {
    const pos = moved.get(item.id);
    if (pos !== undefined) (items.get(item.id) as Y.Map<unknown>).set('place', { cell: item.cell ? { bladeId: item.cell.bladeId, ringId: item.cell.ringId } : null, pos } satisfies Place);
  }
}
