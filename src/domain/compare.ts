// What changed between two versions of a plan, item by item: added, removed, moved (to
// another cell, or out of order within its cell) and edited (field by field).
import { containerKey, groupByContainer } from './containers';
import { EXTRA_LABEL, STATUS_LABEL, type CellRef, type Item, type PlanDoc } from './types';

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

export interface ItemMove {
  item: Item;
  from: { cell: CellRef | null; rank: number };
  to: { cell: CellRef | null; rank: number };
}

export interface PlanComparison {
  added: Item[];
  removed: Item[];
  moved: ItemMove[];
  edited: Array<{ item: Item; changes: FieldChange[] }>;
  /** Changes to the plan itself: name, vision, fokusområden, rings. */
  plan: FieldChange[];
}

const list = (values: string[]) => (values.length ? values.join(', ') : '–');

/** The fields a reviewer reads, with their Swedish names and how they are shown. */
function fieldsOf(item: Item, doc: PlanDoc): Array<[string, string]> {
  const areas = new Map(doc.plan.catalogue.delomraden.map((d) => [d.id, d.name]));
  const goals = new Map(doc.plan.catalogue.delomraden.flatMap((d) => d.effektmal.map((g) => [g.id, g.text])));
  const target = item.indikator.target === null ? '–' : `${item.indikator.target}${item.indikator.unit ? ` ${item.indikator.unit}` : ''}`;
  return [
    ['Text', item.text],
    ['Beskrivning', item.description || '–'],
    ['Delområden', list(item.delomraden.map((id) => areas.get(id) ?? id))],
    ['Effektmål', list(item.effektmal.map((id) => goals.get(id) ?? id))],
    ['Indikator', item.indikator.text || '–'],
    ['Målvärde', target],
    ['Ansvarsnivå', item.ansvarsniva ?? '–'],
    ['Källa', item.kalla || '–'],
    // The user's choice, not the derived flag: a moved neighbour must not make this item "edited".
    ['Extra', EXTRA_LABEL[item.extraChoice]],
    ['Status', STATUS_LABEL[item.status]],
    ['Kommentarer', String(item.comments.length)],
  ];
}

/**
 * Items of a container that kept their place relative to one another: the longest run of
 * common items in the same order in both versions. The others in the container moved.
 * Among equally long runs the one keeping the earliest items wins, so an item pulled up
 * the list (the usual way to prioritise) is the one reported as moved, also for a swap.
 */
function keptInOrder(beforeIds: string[], afterIds: string[]): Set<string> {
  const common = new Set(afterIds);
  const seq = beforeIds.filter((id) => common.has(id));
  const position = new Map(afterIds.map((id, i) => [id, i]));
  const values = seq.map((id) => position.get(id)!);
  // runFrom[i]: length of the longest increasing run starting at i (quadratic, cells are small).
  const runFrom = values.map(() => 1);
  for (let i = values.length - 1; i >= 0; i--) {
    for (let j = i + 1; j < values.length; j++) {
      if (values[j]! > values[i]! && runFrom[j]! + 1 > runFrom[i]!) runFrom[i] = runFrom[j]! + 1;
    }
  }
  const kept = new Set<string>();
  let need = Math.max(0, ...runFrom);
  let last = -1;
  for (let i = 0; i < values.length && need > 0; i++) {
    if (runFrom[i] === need && values[i]! > last) {
      kept.add(seq[i]!);
      last = values[i]!;
      need--;
    }
  }
  return kept;
}

function planChanges(before: PlanDoc, after: PlanDoc): FieldChange[] {
  const changes: FieldChange[] = [];
  const same = (field: string, a: string, b: string) => a !== b && changes.push({ field, before: a, after: b });
  same('Planens namn', before.plan.name, after.plan.name);
  same('Vision', before.plan.vision, after.plan.vision);
  same('Fokusområden', before.plan.blades.map((b) => b.name).join(', '), after.plan.blades.map((b) => b.name).join(', '));
  same('Horisonter', before.plan.rings.map((r) => r.label).join(', '), after.plan.rings.map((r) => r.label).join(', '));
  const limits = (doc: PlanDoc) => doc.plan.catalogue.delomraden.map((d) => `${d.name} ${d.limit}`).join(', ');
  same('Gränser per delområde', limits(before), limits(after));
  return changes;
}

export function comparePlans(before: PlanDoc, after: PlanDoc): PlanComparison {
  const added = Object.values(after.items).filter((item) => !before.items[item.id]);
  const removed = Object.values(before.items).filter((item) => !after.items[item.id]);
  const beforeGroups = groupByContainer(before.items);
  const afterGroups = groupByContainer(after.items);
  const moved: ItemMove[] = [];
  const edited: PlanComparison['edited'] = [];
  const keptCache = new Map<string, Set<string>>();
  const kept = (key: string) => {
    let set = keptCache.get(key);
    if (!set) {
      set = keptInOrder((beforeGroups.get(key) ?? []).map((i) => i.id), (afterGroups.get(key) ?? []).map((i) => i.id));
      keptCache.set(key, set);
    }
    return set;
  };
  for (const item of Object.values(after.items)) {
    const old = before.items[item.id];
    if (!old) continue;
    const from = containerKey(old.cell);
    const to = containerKey(item.cell);
    if (from !== to || !kept(to).has(item.id)) {
      moved.push({ item, from: { cell: old.cell, rank: old.rank }, to: { cell: item.cell, rank: item.rank } });
    }
    const a = fieldsOf(old, before);
    const b = fieldsOf(item, after);
    const changes = a.flatMap(([field, value], i) => (value !== b[i]![1] ? [{ field, before: value, after: b[i]![1] }] : []));
    if (changes.length > 0) edited.push({ item, changes });
  }
  const inAfter = byPlace(after);
  return {
    added: added.sort(inAfter),
    removed: removed.sort(byPlace(before)),
    moved: moved.sort((x, y) => inAfter(x.item, y.item)),
    edited: edited.sort((x, y) => inAfter(x.item, y.item)),
    plan: planChanges(before, after),
  };
}

/** Reading order: Inspel first, then fokusområde by fokusområde, ring by ring, by rank. */
function byPlace(doc: PlanDoc): (a: Item, b: Item) => number {
  const blades = new Map(doc.plan.blades.map((b, i) => [b.id, i]));
  const rings = new Map(doc.plan.rings.map((r, i) => [r.id, i]));
  const at = (i: Item) => (i.cell ? [blades.get(i.cell.bladeId) ?? 99, rings.get(i.cell.ringId) ?? 99, i.rank] : [-1, 0, i.rank]);
  return (x, y) => {
    const [p, q] = [at(x), at(y)];
    return p[0]! - q[0]! || p[1]! - q[1]! || p[2]! - q[2]!;
  };
}

/** "Nära invånaren, Viktiga milstolpar 2025, plats 2" or "Inspel, plats 1". */
export function placeName(doc: PlanDoc, place: { cell: CellRef | null; rank: number }): string {
  if (!place.cell) return `Inspel, plats ${place.rank + 1}`;
  const blade = doc.plan.blades.find((b) => b.id === place.cell!.bladeId)?.name ?? 'okänt fokusområde';
  const ring = doc.plan.rings.find((r) => r.id === place.cell!.ringId)?.label ?? 'okänd ring';
  return `${blade}, ${ring}, plats ${place.rank + 1}`;
}
