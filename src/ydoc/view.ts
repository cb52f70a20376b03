// When the binding (./binding.ts) has to read the whole plan again (a blade or ring added or
// removed, a record that needed repair), every part that did not change keeps its object, so
// React redraws only what changed.
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

function sameItem(a: Item, b: Item): boolean {
  for (const key of Object.keys(b) as Array<keyof Item>) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || !same(x, y)) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

/** `next`, with every item (and the plan) that equals its counterpart in `prev` replaced by that. */
export function shareUnchanged(prev: PlanDoc | null, next: PlanDoc): PlanDoc {
  if (!prev || prev.plan.id !== next.plan.id) return next;
  const plan = same(prev.plan, next.plan) ? prev.plan : next.plan;
  let changed = plan !== prev.plan || Object.keys(prev.items).length !== Object.keys(next.items).length;
  const items: Record<string, Item> = {};
  for (const [id, item] of Object.entries(next.items)) {
    const old = Object.hasOwn(prev.items, id) ? prev.items[id] : undefined;
    if (old && sameItem(old, item)) items[id] = old;
    else {
      items[id] = item;
      changed = true;
    }
  }
  return changed ? { plan, items } : prev;
}
