// The instruction's rule as data: at most `limit` prioritised items per delområde and ring
// (three; five for Nära vård). Items beyond it are extra (italic) unless the user says
// otherwise. The app counts and marks; it never blocks.
import { DEFAULT_LIMIT, type Delomrade, type Item, type PlanDoc, type Ring } from './types';

/** The instruction's limit for a delområde: five for Nära vård ("which has grown large"), else three. */
export function instructionLimit(area: { id?: unknown; name?: unknown }): number {
  const naraVard = area.id === 'nara-vard' || (typeof area.name === 'string' && area.name.trim().toLowerCase() === 'nära vård');
  return naraVard ? 5 : DEFAULT_LIMIT;
}

/**
 * Placed items per delområde and ring ("delområde|ring"), each list most important first: by
 * rank in their cell, then fokusområde. One pass over the items; only the small lists are sorted.
 */
function byDelomradeAndRing(doc: PlanDoc): Map<string, Item[]> {
  const bladeIndex = new Map(doc.plan.blades.map((b, i) => [b.id, i]));
  const ringIds = new Set(doc.plan.rings.map((r) => r.id));
  const groups = new Map<string, Item[]>();
  for (const item of Object.values(doc.items)) {
    if (!item.cell || !bladeIndex.has(item.cell.bladeId) || !ringIds.has(item.cell.ringId)) continue;
    for (const area of item.delomraden) {
      const key = `${area}|${item.cell.ringId}`;
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  const order = (a: Item, b: Item) => a.rank - b.rank || bladeIndex.get(a.cell!.bladeId)! - bladeIndex.get(b.cell!.bladeId)!;
  for (const list of groups.values()) list.sort(order);
  return groups;
}

/** Items of one delområde in one ring, most important first: by rank in their cell, then fokusområde. */
export function delomradeItems(doc: PlanDoc, delomradeId: string, ringId: string): Item[] {
  return byDelomradeAndRing(doc).get(`${delomradeId}|${ringId}`) ?? [];
}

const counts = (item: Item) => item.status !== 'stryks' && item.extraChoice !== 'extra';

export interface PriorityCount {
  ring: Ring;
  /** Items of the delområde in the ring, in priority order (struck ones included). */
  items: Item[];
  /** Items that take one of the limited places: not struck, not chosen extra. */
  prioritized: Item[];
  /** The items the limit makes extra (beyond it under "auto"). */
  beyond: Item[];
  limit: number;
  /** More items kept prioritised (chosen so by the user) than the limit allows. */
  over: boolean;
}

export interface DelomradePriorities {
  delomrade: Delomrade;
  rings: PriorityCount[];
}

/** Per delområde and ring: the items against the limit. */
export function priorityCounts(doc: PlanDoc): DelomradePriorities[] {
  const groups = byDelomradeAndRing(doc);
  return doc.plan.catalogue.delomraden.map((delomrade) => ({
    delomrade,
    rings: doc.plan.rings.map((ring) => {
      const items = groups.get(`${delomrade.id}|${ring.id}`) ?? [];
      const places = items.filter(counts);
      const beyond = places.slice(delomrade.limit).filter((item) => item.extraChoice === 'auto');
      const beyondIds = new Set(beyond.map((i) => i.id));
      const prioritized = places.filter((item) => !beyondIds.has(item.id));
      return { ring, items, prioritized, beyond, limit: delomrade.limit, over: prioritized.length > delomrade.limit };
    }),
  }));
}

/**
 * Whether each item is extra: its own choice, or under "auto" whether it falls beyond the
 * limit in every delområde it belongs to (a place within the limit anywhere keeps it
 * prioritised). Items in Inspel, struck items and items without a delområde are never extra
 * by the limit.
 */
export function extrasByRule(doc: PlanDoc): Set<string> {
  const beyondIn = new Map<string, number>();
  for (const { rings } of priorityCounts(doc)) {
    for (const { beyond } of rings) for (const item of beyond) beyondIn.set(item.id, (beyondIn.get(item.id) ?? 0) + 1);
  }
  const known = new Set(doc.plan.catalogue.delomraden.map((d) => d.id));
  const extras = new Set<string>();
  for (const item of Object.values(doc.items)) {
    if (item.extraChoice === 'extra') extras.add(item.id);
    else if (item.extraChoice === 'auto') {
      const areas = item.delomraden.filter((d) => known.has(d)).length;
      if (areas > 0 && beyondIn.get(item.id) === areas) extras.add(item.id);
    }
  }
  return extras;
}

/** The items the limit makes extra in one delområde × ring group (most important first). */
export function beyondLimit(group: readonly Item[], limit: number): Set<string> {
  return new Set(group.filter(counts).slice(limit).filter((item) => item.extraChoice === 'auto').map((item) => item.id));
}

/**
 * Whether one item is extra by the rule (see `extrasByRule`), given how to get a delområde × ring
 * group ("delområde|ring", most important first) and its items beyond the limit.
 */
export function isExtraByRule(item: Item, limits: DelomradeLimits, beyondIn: (key: string, limit: number) => ReadonlySet<string>): boolean {
  if (item.extraChoice === 'extra') return true;
  if (item.extraChoice !== 'auto' || !item.cell) return false;
  let areas = 0;
  for (const id of item.delomraden) {
    const limit = limits.get(id);
    if (limit === undefined) continue;
    areas++;
    if (!beyondIn(`${id}|${item.cell.ringId}`, limit).has(item.id)) return false;
  }
  return areas > 0;
}

/** Each delområde's limit, by its id (the catalogue's, for `isExtraByRule`). */
export type DelomradeLimits = ReadonlyMap<string, number>;
export const delomradeLimits = (plan: PlanDoc['plan']): DelomradeLimits => new Map(plan.catalogue.delomraden.map((d) => [d.id, d.limit]));

/** Items of a delområde × ring group in priority order: by rank in their cell, then fokusområde. */
export const priorityOrder = (blades: readonly { id: string }[]) => {
  const index = new Map(blades.map((b, i) => [b.id, i]));
  return (a: Item, b: Item) => a.rank - b.rank || index.get(a.cell!.bladeId)! - index.get(b.cell!.bladeId)!;
};

/** The items whose `extra` flag the rule would change, with the new flag. */
export function extraChanges(doc: PlanDoc): Map<string, boolean> {
  const extras = extrasByRule(doc);
  const changes = new Map<string, boolean>();
  for (const item of Object.values(doc.items)) if (item.extra !== extras.has(item.id)) changes.set(item.id, !item.extra);
  return changes;
}

/**
 * Bring every item's `extra` in line with the rule. Reads `doc`; writes into `target` (by
 * default the same document; the store passes an immer draft of it, so that reading thousands
 * of items does not go through draft proxies).
 */
export function settleExtras(doc: PlanDoc, target: PlanDoc = doc): void {
  for (const [id, extra] of extraChanges(doc)) target.items[id]!.extra = extra;
}

/** "4 av 3" style summary of one delområde and ring, for lists and screen readers. */
export function countText(count: PriorityCount): string {
  const base = `${count.prioritized.length} av ${count.limit} prioriterade`;
  const extra = count.beyond.length ? `, ${count.beyond.length} utöver gränsen` : '';
  return `${base}${extra}${count.over ? ' – fler än gränsen' : ''}`;
}

/** Where an item stands against the limits, for the item form: "Nära vård, 2025: plats 2 av 5." */
export function placesText(doc: PlanDoc, item: Item): string {
  const now = item.extra ? 'Nu: extra.' : 'Nu: prioriterad.';
  // An inspel is not placed, so it is neither prioritised nor extra yet (unless the user said extra).
  if (!item.cell) return `Gränserna gäller aktiviteter i solfjädern. ${item.extraChoice === 'extra' ? 'Nu: extra.' : 'Nu: inte placerad.'}`;
  if (item.status === 'stryks') return `En aktivitet som stryks räknas inte mot gränserna. ${now}`;
  const ring = doc.plan.rings.find((r) => r.id === item.cell!.ringId);
  const places = priorityCounts(doc)
    .filter(({ delomrade }) => item.delomraden.includes(delomrade.id))
    .map(({ delomrade, rings }) => {
      const count = rings.find((c) => c.ring.id === ring?.id)!;
      const place = count.items.filter(counts).findIndex((i) => i.id === item.id);
      const where = `${delomrade.name}, ${count.ring.label}`;
      if (place < 0) return `${where}: räknas inte (extra).`;
      return `${where}: plats ${place + 1} av ${count.limit}${place >= count.limit ? ' (utöver gränsen)' : ''}.`;
    });
  if (places.length === 0) return `Utan delområde räknas aktiviteten inte mot någon gräns. ${now}`;
  return `${places.join(' ')} ${now}`;
}
