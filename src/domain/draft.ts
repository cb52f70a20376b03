// A plan being changed by the operations (./operations.ts): they mutate the PlanDoc they are
// given, and this records what they changed without copying the plan. The plan's own fields are
// an immer draft; its items are an overlay on the items as they were, which drafts an item only
// when an operation reaches it. A change of one item in a plan of 5,000 then costs one item —
// immer's draft of the whole items record copies, walks and freezes every key.
import { createDraft, current, finishDraft, isDraft } from 'immer';
import type { Item, ItemId, Plan, PlanDoc } from './types';

/** What a change did: the plan's fields, and each item it added, changed (the new item) or removed (null). */
export interface PlanChange {
  plan: Plan;
  items: ReadonlyMap<ItemId, Item | null>;
}

interface Overlay {
  base: Record<ItemId, Item>;
  drafts: Map<ItemId, Item>;
  assigned: Map<ItemId, Item>;
  /** Items given only a new rank (`setRank`): made when read, or when the change is finished. */
  ranked: Map<ItemId, number>;
  deleted: Set<ItemId>;
}

const overlays = new WeakMap<object, Overlay>();

/** The items as they were before the change, when `items` is a draft's overlay (else undefined). */
export const itemsBefore = (items: Record<ItemId, Item>): Record<ItemId, Item> | undefined => overlays.get(items)?.base;

const own = (o: object, key: PropertyKey) => typeof key === 'string' && Object.hasOwn(o, key);

function overlay(base: Record<ItemId, Item>): Record<ItemId, Item> {
  const state: Overlay = { base, drafts: new Map(), assigned: new Map(), ranked: new Map(), deleted: new Set() };
  const has = (key: string) => !state.deleted.has(key) && (state.assigned.has(key) || Object.hasOwn(base, key));
  const read = (key: string): Item | undefined => {
    if (state.deleted.has(key)) return undefined;
    const assigned = state.assigned.get(key);
    if (assigned !== undefined) return assigned;
    const rank = state.ranked.get(key);
    if (rank !== undefined) {
      // Read, it may be changed further: a copy of its own from now on.
      const copy = { ...base[key]!, rank };
      state.ranked.delete(key);
      state.assigned.set(key, copy);
      return copy;
    }
    let draft = state.drafts.get(key);
    if (!draft && Object.hasOwn(base, key)) state.drafts.set(key, (draft = createDraft(base[key]!)));
    return draft;
  };
  const items = new Proxy({} as Record<ItemId, Item>, {
    get: (_, key) => (typeof key === 'string' && (has(key) || own(base, key)) ? read(key) : Reflect.get(base, key)),
    set: (_, key, value: Item) => {
      if (typeof key !== 'string') return false;
      state.deleted.delete(key);
      state.drafts.delete(key);
      state.ranked.delete(key);
      state.assigned.set(key, value);
      return true;
    },
    deleteProperty: (_, key) => {
      if (typeof key !== 'string') return false;
      state.assigned.delete(key);
      state.drafts.delete(key);
      state.ranked.delete(key);
      if (Object.hasOwn(base, key)) state.deleted.add(key);
      return true;
    },
    has: (_, key) => (typeof key === 'string' ? has(key) : Reflect.has(base, key)),
    ownKeys: () => [...Object.keys(base).filter((k) => !state.deleted.has(k)), ...[...state.assigned.keys()].filter((k) => !Object.hasOwn(base, k))],
    // As immer's drafts do: listing the items (Object.values) gives them as they are, drafting none.
    getOwnPropertyDescriptor: (_, key) =>
      typeof key === 'string' && has(key)
        ? { value: state.assigned.get(key) ?? state.drafts.get(key) ?? (state.ranked.has(key) ? read(key) : base[key]), writable: true, enumerable: true, configurable: true }
        : undefined,
    defineProperty: () => false,
  });
  overlays.set(items, state);
  return items;
}

/**
 * An item as the change has it now, to read and not to change (renumbered items are not made
 * for it, nor drafts of the others): what lists an item's container reads.
 */
export function peekItem(items: Record<ItemId, Item>, id: ItemId): Item | undefined {
  const state = overlays.get(items);
  if (!state) return items[id];
  if (state.deleted.has(id)) return undefined;
  const item = state.assigned.get(id) ?? state.drafts.get(id);
  if (item) return item;
  const rank = state.ranked.get(id);
  return rank === undefined ? state.base[id] : { ...state.base[id]!, rank };
}

/**
 * Give an item its rank. On a draft of this file, an item no operation has reached yet is noted
 * with its new rank instead of drafted: renumbering a cell of hundreds then costs a copy per item
 * when the change is finished (none when read back at its old rank), not a draft made, finished
 * and frozen per item.
 */
export function setRank(items: Record<ItemId, Item>, id: ItemId, rank: number): void {
  const state = overlays.get(items);
  if (state && !state.deleted.has(id) && !state.assigned.has(id) && !state.drafts.has(id) && Object.hasOwn(state.base, id)) {
    if (state.base[id]!.rank === rank) state.ranked.delete(id);
    else state.ranked.set(id, rank);
    return;
  }
  items[id]!.rank = rank;
}

/** A plain value: an item given to the overlay may hold drafts (a copy of another item's draft). */
function plain(item: Item): Item {
  if (isDraft(item)) return current(item);
  let out = item;
  for (const [key, value] of Object.entries(item)) {
    if (value && typeof value === 'object' && isDraft(value)) {
      if (out === item) out = { ...item };
      (out as unknown as Record<string, unknown>)[key] = current(value);
    }
  }
  return out;
}

export interface PlanDraft {
  /** The plan to hand to the operations. */
  doc: PlanDoc;
  /** What they changed; null when nothing. Call once, after the operations have run. */
  finish(): PlanChange | null;
}

/** A plan ready to be changed (see the top of this file). Nothing is finished if the operations throw: drop the draft. */
export function draftPlan(base: PlanDoc): PlanDraft {
  const plan = createDraft(base.plan);
  const items = overlay(base.items);
  const state = overlays.get(items)!;
  return {
    doc: { plan, items },
    finish() {
      const changes = new Map<ItemId, Item | null>();
      // Copies first: a copy may hold a part of a draft, readable only until the drafts are finished.
      for (const [id, value] of state.assigned) {
        const item = plain(value);
        if (item !== base.items[id]) changes.set(id, item);
      }
      for (const [id, draft] of state.drafts) {
        const item = finishDraft(draft);
        if (item !== base.items[id]) changes.set(id, item);
      }
      // Only renumbered: a copy of the item as it was (plain already), with its new rank.
      for (const [id, rank] of state.ranked) changes.set(id, { ...base.items[id]!, rank });
      for (const id of state.deleted) changes.set(id, null);
      const after = finishDraft(plan);
      return changes.size === 0 && after === base.plan ? null : { plan: after, items: changes };
    },
  };
}

/** The plan after a change, as a plain PlanDoc (a copy of the items record: for tests and small plans). */
export function applied(base: PlanDoc, change: PlanChange | null): PlanDoc {
  if (!change) return base;
  if (change.items.size === 0) return { plan: change.plan, items: base.items };
  const items = { ...base.items };
  for (const [id, item] of change.items) {
    if (item) items[id] = item;
    else delete items[id];
  }
  return { plan: change.plan, items };
}
