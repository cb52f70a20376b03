// What the binding (./binding.ts) keeps beside its view to read a change by the records it
// touched: each placed item's container and position key, each container's items in order, the
// placed items of each delområde × ring (what the limits' rule counts), and each comment's item.
import { INSPEL } from '../domain/containers';
import { beyondLimit, delomradeLimits, isExtraByRule, priorityOrder } from '../domain/priorities';
import type { Item, Plan } from '../domain/types';
import { byKey } from './positions';

/** The items whose cell is gone (a blade or ring removed): ranked after Inspel's own. */
export const HOMELESS = 'inspel~';

interface Slot {
  container: string;
  key: string;
}

export type Listed = { id: string; key: string };

export class BindingIndex {
  private slots = new Map<string, Slot>();
  private lists = new Map<string, Listed[]>();
  private groups = new Map<string, Set<string>>();
  private commentOwner = new Map<string, string>();
  private commentIds = new Map<string, Set<string>>();

  /** How many items are placed (in a cell or Inspel). */
  get size(): number {
    return this.slots.size;
  }

  clear(): void {
    this.slots.clear();
    this.lists.clear();
    this.groups.clear();
    this.commentOwner.clear();
    this.commentIds.clear();
  }

  /** Every item at its place (`place`: its container and key), lists sorted once at the end. */
  fill(items: Iterable<Item>, place: (item: Item) => Slot): void {
    const all = [...items];
    for (const item of all) this.slots.set(item.id, place(item));
    for (const [id, slot] of this.slots) this.listOf(slot.container).push({ id, key: slot.key });
    for (const item of all) this.group(item, true);
    for (const list of this.lists.values()) list.sort(byKey);
  }

  /** The delområde × ring groups an item counts in (none while in Inspel). */
  static groupsOf(item: Item | undefined): string[] {
    return item?.cell ? item.delomraden.map((d) => `${d}|${item.cell!.ringId}`) : [];
  }

  /** Add an item to, or take it out of, the groups it counts in. */
  group(item: Item | undefined, add: boolean): void {
    for (const key of BindingIndex.groupsOf(item)) {
      let set = this.groups.get(key);
      if (!set) this.groups.set(key, (set = new Set()));
      if (add) set.add(item!.id);
      else set.delete(item!.id);
    }
  }

  private listOf(container: string): Listed[] {
    let list = this.lists.get(container);
    if (!list) this.lists.set(container, (list = []));
    return list;
  }

  /** Take an item out of its container's list; the container it was in, if any. */
  unplace(id: string): string | null {
    const slot = this.slots.get(id);
    if (!slot) return null;
    const list = this.lists.get(slot.container)!;
    list.splice(list.findIndex((x) => x.id === id), 1);
    this.slots.delete(id);
    return slot.container;
  }

  /** Put an item into a container's list at its key (binary search: the list stays in order). */
  place(id: string, container: string, key: string): void {
    const list = this.listOf(container);
    const at = { id, key };
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byKey(list[mid]!, at) < 0) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, at);
    this.slots.set(id, { container, key });
  }

  /** A container's items in order; Inspel's with the homeless after its own. */
  listed(container: string): Listed[] | undefined {
    if (container === INSPEL) return [...(this.lists.get(INSPEL) ?? []), ...(this.lists.get(HOMELESS) ?? [])];
    return this.lists.get(container);
  }

  commentsOf(itemId: string): Iterable<string> {
    return this.commentIds.get(itemId) ?? [];
  }

  ownerOf(commentId: string): string | undefined {
    return this.commentOwner.get(commentId);
  }

  own(commentId: string, itemId: string | null): void {
    const was = this.commentOwner.get(commentId);
    if (was === itemId) return;
    if (was !== undefined) this.commentIds.get(was)?.delete(commentId);
    if (itemId === null) this.commentOwner.delete(commentId);
    else {
      this.commentOwner.set(commentId, itemId);
      let set = this.commentIds.get(itemId);
      if (!set) this.commentIds.set(itemId, (set = new Set()));
      set.add(commentId);
    }
  }

  /**
   * The limits' italics of the items a change may have changed: those it read, and every member
   * of the delområde × ring groups it changed (their order or members) — not the whole plan.
   */
  settleExtras(plan: Plan, items: Record<string, Item>, read: Iterable<string>, regrouped: ReadonlySet<string>, put: (id: string, item: Item) => void): void {
    const order = priorityOrder(plan.blades);
    const limits = delomradeLimits(plan);
    const beyond = new Map<string, ReadonlySet<string>>();
    const beyondIn = (key: string, limit: number): ReadonlySet<string> => {
      let set = beyond.get(key);
      if (!set) {
        const members = [...(this.groups.get(key) ?? [])].map((id) => items[id]!).sort(order);
        beyond.set(key, (set = beyondLimit(members, limit)));
      }
      return set;
    };
    const candidates = new Set(read);
    for (const key of regrouped) for (const id of this.groups.get(key) ?? []) candidates.add(id);
    for (const id of candidates) {
      const item = items[id];
      if (!item) continue;
      const extra = isExtraByRule(item, limits, beyondIn);
      if (item.extra !== extra) put(id, { ...item, extra });
    }
  }
}
