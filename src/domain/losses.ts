// What a change from elsewhere took away (items, blades, rings removed; blades or rings added
// en masse), said in Swedish and brought back by one pure operation: the honest participants'
// way back when someone in a room deletes everything or floods the plan.
import { containerKey } from './containers';
import type { Blade, CellRef, Item, PlanDoc, Ring } from './types';

export interface Losses {
  /** Items removed, as they were (with their cell and rank then). */
  items: Item[];
  /** Blades removed, with where they stood. */
  blades: Array<{ blade: Blade; index: number }>;
  rings: Array<{ ring: Ring; index: number }>;
  /** Blades and rings added (ids). */
  addedBlades: string[];
  addedRings: string[];
  /** Items that went to Inspel because their blade or ring went: where they stood. */
  moved: Array<{ id: string; cell: CellRef; rank: number }>;
}

export const NO_LOSSES: Losses = { items: [], blades: [], rings: [], addedBlades: [], addedRings: [], moved: [] };

/** What `after` no longer has of `before`, and the blades and rings it has more. */
export function lossesBetween(before: PlanDoc, after: PlanDoc): Losses {
  const items = before.items === after.items ? [] : Object.values(before.items).filter((item) => !Object.hasOwn(after.items, item.id));
  const bladeIds = new Set(after.plan.blades.map((b) => b.id));
  const ringIds = new Set(after.plan.rings.map((r) => r.id));
  const blades = before.plan.blades.flatMap((blade, index) => (bladeIds.has(blade.id) ? [] : [{ blade, index }]));
  const rings = before.plan.rings.flatMap((ring, index) => (ringIds.has(ring.id) ? [] : [{ ring, index }]));
  const hadBlades = new Set(before.plan.blades.map((b) => b.id));
  const hadRings = new Set(before.plan.rings.map((r) => r.id));
  const moved: Losses['moved'] = [];
  if (blades.length + rings.length > 0)
    for (const item of Object.values(after.items)) {
      const was = before.items[item.id];
      if (item.cell === null && was?.cell && (!bladeIds.has(was.cell.bladeId) || !ringIds.has(was.cell.ringId))) moved.push({ id: item.id, cell: was.cell, rank: was.rank });
    }
  return {
    items,
    blades,
    rings,
    addedBlades: after.plan.blades.filter((b) => !hadBlades.has(b.id)).map((b) => b.id),
    addedRings: after.plan.rings.filter((r) => !hadRings.has(r.id)).map((r) => r.id),
    moved,
  };
}

/** Two losses in a row as one (the later one's additions that the earlier one's took back cancel). */
export function addLosses(a: Losses, b: Losses): Losses {
  const goneBlades = new Set(b.blades.map((x) => x.blade.id));
  const goneRings = new Set(b.rings.map((x) => x.ring.id));
  const addedBlades = a.addedBlades.filter((id) => !goneBlades.has(id));
  const addedRings = a.addedRings.filter((id) => !goneRings.has(id));
  const wasAdded = new Set(a.addedBlades);
  const wasAddedRing = new Set(a.addedRings);
  return {
    items: [...a.items, ...b.items.filter((i) => !a.items.some((x) => x.id === i.id))],
    blades: [...a.blades, ...b.blades.filter((x) => !wasAdded.has(x.blade.id))],
    rings: [...a.rings, ...b.rings.filter((x) => !wasAddedRing.has(x.ring.id))],
    addedBlades: [...addedBlades, ...b.addedBlades],
    addedRings: [...addedRings, ...b.addedRings],
    moved: [...a.moved, ...b.moved.filter((m) => !a.moved.some((x) => x.id === m.id))],
  };
}

/** What of `losses` is still lost in `doc` (a colleague may have brought some back meanwhile). */
export function stillLost(losses: Losses, doc: PlanDoc): Losses {
  const blades = new Set(doc.plan.blades.map((b) => b.id));
  const rings = new Set(doc.plan.rings.map((r) => r.id));
  return {
    items: losses.items.filter((i) => !Object.hasOwn(doc.items, i.id)),
    blades: losses.blades.filter((x) => !blades.has(x.blade.id)),
    rings: losses.rings.filter((x) => !rings.has(x.ring.id)),
    addedBlades: losses.addedBlades.filter((id) => blades.has(id)),
    addedRings: losses.addedRings.filter((id) => rings.has(id)),
    moved: losses.moved.filter((m) => doc.items[m.id]?.cell === null),
  };
}

/** Large enough to be named with a way back: many items, any blade or ring, or a flood of new ones. */
export function isLarge(losses: Losses): boolean {
  return losses.items.length >= 3 || losses.blades.length > 0 || losses.rings.length > 0 || losses.addedBlades.length + losses.addedRings.length >= 3 || losses.moved.length >= 3;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "tog bort 38 aktiviteter och fokusområdet ”X” …" — what happened, in Swedish, after "<who> ". */
export function describeLosses(losses: Losses): string {
  const removed: string[] = [];
  if (losses.items.length > 0) removed.push(count(losses.items.length, 'aktivitet', 'aktiviteter'));
  if (losses.blades.length === 1) removed.push(`fokusområdet ”${losses.blades[0]!.blade.name}”`);
  else if (losses.blades.length > 1) removed.push(count(losses.blades.length, 'fokusområde', 'fokusområden'));
  if (losses.rings.length === 1) removed.push(`ringen ”${losses.rings[0]!.ring.label}”`);
  else if (losses.rings.length > 1) removed.push(count(losses.rings.length, 'ring', 'ringar'));
  const added: string[] = [];
  if (losses.addedBlades.length > 0) added.push(count(losses.addedBlades.length, 'fokusområde', 'fokusområden'));
  if (losses.addedRings.length > 0) added.push(count(losses.addedRings.length, 'ring', 'ringar'));
  const parts = [...(removed.length ? [`tog bort ${join(removed)}`] : []), ...(added.length ? [`lade till ${join(added)}`] : [])];
  const moved = losses.moved.length > 0 ? ` (${count(losses.moved.length, 'aktivitet', 'aktiviteter')} hamnade i Inspel)` : '';
  return `${join(parts)}${moved}`;
}

const join = (parts: string[]) => (parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} och ${parts.at(-1)}`);

/**
 * Bring back what was lost, keeping everything done since: removed blades and rings go back
 * where they stood (their items return to them), blades and rings added en masse go (items in
 * them to Inspel), removed items come back at their old place and priority. Nothing present is
 * changed.
 */
export function bringBack(doc: PlanDoc, losses: Losses): void {
  const { plan } = doc;
  const dropBlades = new Set(losses.addedBlades);
  const dropRings = new Set(losses.addedRings);
  plan.blades = plan.blades.filter((b) => !dropBlades.has(b.id));
  plan.rings = plan.rings.filter((r) => !dropRings.has(r.id));
  for (const { blade, index } of [...losses.blades].sort((a, b) => a.index - b.index))
    if (!plan.blades.some((b) => b.id === blade.id)) plan.blades.splice(Math.min(index, plan.blades.length), 0, { ...blade });
  for (const { ring, index } of [...losses.rings].sort((a, b) => a.index - b.index))
    if (!plan.rings.some((r) => r.id === ring.id)) plan.rings.splice(Math.min(index, plan.rings.length), 0, { ...ring });
  const blades = new Set(plan.blades.map((b) => b.id));
  const rings = new Set(plan.rings.map((r) => r.id));
  const placeable = (cell: Item['cell']) => (cell && blades.has(cell.bladeId) && rings.has(cell.ringId) ? cell : null);
  // Every container's list in priority order, items whose cell went at the end of Inspel.
  const lists = new Map<string, Item[]>();
  const listOf = (cell: Item['cell']) => {
    const key = containerKey(cell);
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    return list;
  };
  // Items that went to Inspel with their blade or ring go back where they stood.
  const wasAt = new Map(losses.moved.map((m) => [m.id, m]));
  const present = Object.values(doc.items).sort((a, b) => a.rank - b.rank);
  const returning: Item[] = [];
  const homeless: Item[] = [];
  for (const item of present) {
    const back = item.cell === null ? wasAt.get(item.id) : undefined;
    if (back && placeable(back.cell)) {
      returning.push(item);
      continue;
    }
    const cell = placeable(item.cell);
    if (cell) listOf(cell).push(item);
    else if (item.cell) homeless.push(item);
    else listOf(null).push(item);
  }
  for (const item of homeless) {
    item.cell = null;
    listOf(null).push(item);
  }
  for (const item of returning.sort((a, b) => wasAt.get(a.id)!.rank - wasAt.get(b.id)!.rank)) {
    const { cell, rank } = wasAt.get(item.id)!;
    item.cell = { ...cell };
    const list = listOf(item.cell);
    list.splice(Math.min(rank, list.length), 0, item);
  }
  for (const lost of [...losses.items].sort((a, b) => a.rank - b.rank)) {
    if (Object.hasOwn(doc.items, lost.id)) continue;
    const item: Item = structuredClone(lost);
    item.cell = placeable(item.cell);
    item.planId = plan.id;
    const list = listOf(item.cell);
    list.splice(Math.min(lost.rank, list.length), 0, item);
    doc.items[item.id] = item;
  }
  for (const list of lists.values())
    list.forEach((item, rank) => {
      if (item.rank !== rank) item.rank = rank;
    });
}
