// Which items differ between two versions of a plan's items. The plan's binding knows what each
// of its changes touched and says so here, so whoever compares the version before a change with
// the one after it (the editor's notes, the fan's "just moved") looks at those items alone, not
// at every item of the plan; any other pair is compared item by item.
import type { Item } from './types';

type Items = Readonly<Record<string, Item>>;

const made = new WeakMap<Items, { from: Items; ids: ReadonlySet<string> }>();

/** `after` was made from `before` by changing (adding, removing) the items `ids` alone. */
export function noteItemChanges(before: Items, after: Items, ids: ReadonlySet<string>): void {
  if (before !== after) made.set(after, { from: before, ids });
}

/** Ids of the items added, removed or changed (a different object) from `before` to `after`. */
export function changedItemIds(before: Items, after: Items): string[] {
  if (before === after) return [];
  const known = made.get(after);
  if (known?.from === before) return [...known.ids].filter((id) => before[id] !== after[id]);
  const out: string[] = [];
  for (const id in after) if (before[id] !== after[id]) out.push(id);
  for (const id in before) if (!Object.hasOwn(after, id)) out.push(id);
  return out;
}
