// What the binding (./binding.ts) reads keeps the objects of what did not change — an item
// read again after a change, or the whole plan read again (a blade or ring added or removed, a
// record that needed repair) — so React redraws only what changed.
import type { Item, PlanDoc } from '../domain/types';

/** Equal plain data (objects by their own keys in any order, arrays in order). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => same(x, (b as unknown[])[i]));
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && same(x[k], y[k]));
}

/**
 * `item`, sharing what `old` already holds: `old` itself when every field is the same value,
 * else `item` with `old`'s lists and records where they are the same — so a component reading
 * one field (an item's sources) is not drawn again when another changed.
 */
export function sharedWith(old: Item, item: Item): Item {
  let equal = Object.keys(old).length === Object.keys(item).length;
  let shared: Record<string, unknown> | null = null;
  for (const key of Object.keys(item) as Array<keyof Item>) {
    const x = old[key];
    const y = item[key];
    if (x === y) continue;
    if (typeof x === 'object' && typeof y === 'object' && same(x, y)) {
      (shared ??= { ...item })[key] = x;
      continue;
    }
    equal = false;
  }
  return equal ? old : ((shared as Item | null) ?? item);
}

/** `next`, with every item (and the plan) that equals its counterpart in `prev` replaced by that. */
export function shareUnchanged(prev: PlanDoc | null, next: PlanDoc): PlanDoc {
  if (!prev || prev.plan.id !== next.plan.id) return next;
  const plan = same(prev.plan, next.plan) ? prev.plan : next.plan;
  let changed = plan !== prev.plan || Object.keys(prev.items).length !== Object.keys(next.items).length;
  const items: Record<string, Item> = {};
  for (const [id, item] of Object.entries(next.items)) {
    const old = Object.hasOwn(prev.items, id) ? prev.items[id] : undefined;
    items[id] = old ? sharedWith(old, item) : item;
    if (items[id] !== old) changed = true;
  }
  return changed ? { plan, items } : prev;
}
