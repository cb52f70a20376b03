// Reading the plan out of its Yjs document. Whatever is in it — written by this app, by an
// older one, or by a buggy or hostile peer in a room — goes through the same restore as a file
// or a stored row (schema/records.ts, schema/repair.ts): the rest shows, the bad part is named
// and left out, nothing throws.
import * as Y from 'yjs';
import { isReservedId } from '../domain/ids';
import { containerKey } from '../domain/containers';
import type { CellRef, PlanDoc } from '../domain/types';
import type { Voting } from '../domain/voting';
import { isRecord, restoreSound, type RestoredDoc } from '../schema/records';
import { restoreVotes } from '../schema/sideRecords';
import { byKey, isKey } from './positions';
import { bladeMap, commentMap, dotMap, isYMap, ITEM_VALUE_DEFAULTS, ITEM_VALUES, itemMap, planMap, ringMap, votingMap } from './shape';

/**
 * The careful restore step (src/schema/repair.ts, with zod) is loaded after the first paint,
 * not with the app: until then a record that is not sound is left out whole and named, and
 * `partial` says a reading with the careful step would keep more of it.
 */
type Repair = (planRaw: unknown, itemRaws: Iterable<unknown>, open: boolean) => RestoredDoc | null;
let repair: Repair | null = null;

/** Whether the careful restore step is loaded (a reading then keeps all that can be kept). */
export const repairLoaded = (): boolean => repair !== null;

export async function loadRepair(): Promise<void> {
  repair ??= (await import('../schema/repair')).restoreDocRecords;
}

/** Without the careful step: each unsound item left out and named; null when the plan itself is not sound. */
function withoutRepair(plan: Record<string, unknown>, records: Array<Record<string, unknown>>): RestoredDoc | null {
  const sound = restoreSound(plan, [], true);
  if (!sound) return null;
  const notes: string[] = [];
  const kept = records.filter((record) => {
    if (restoreSound(plan, [{ ...record, rank: 0 }], true)) return true;
    notes.push(`En aktivitet (id ${String(record.id).slice(0, 20)}) kunde inte läsas och lämnades utanför.`);
    return false;
  });
  const doc = restoreSound(plan, kept, true);
  return doc ? { doc, notes } : null;
}

export interface ReadDoc {
  /** Read without the careful restore step (not loaded yet), which would keep more. */
  partial?: boolean;
  doc: PlanDoc;
  /** What could not be read and was repaired or left out, in Swedish. */
  notes: string[];
  /** Items whose cell is gone (a blade or ring removed meanwhile): shown in Inspel. */
  rehomed: string[];
}

/** A plain value as stored; a Yjs type where a plain value belongs is not one. */
export const plain = (value: unknown): unknown => (value instanceof Y.AbstractType ? undefined : value);

/** Own entries of a map, reserved names (`__proto__` …) left out. */
export function entries(map: Y.Map<unknown>): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  map.forEach((value, key) => {
    if (!isReservedId(key)) out.push([key, value]);
  });
  return out;
}

/** Blades or rings in their order: (pos, id), those without a usable pos last. */
function ordered(map: Y.Map<unknown>): unknown[] {
  const list = entries(map).map(([id, value]) => {
    const record = plain(value);
    return { id, key: isRecord(record) && isKey(record.pos) ? record.pos : '\uffff', record };
  });
  list.sort(byKey);
  return list.map(({ id, record }) => {
    if (!isRecord(record)) return null;
    const { pos: _pos, ...fields } = record;
    return { ...fields, id };
  });
}

/**
 * Who the reading expects the plan to be: the id it was opened as (a document's id never
 * changes — a peer that deletes or changes it is overruled and named), and a plan record to
 * fall back on for what the document lost (its stored row, when damaged pieces were left out).
 */
export interface Expected {
  id: string;
  fallback?: Record<string, unknown> | null;
}

/** The note for a plan whose id was changed or removed in its document. */
export const ID_RESTORED_NOTE = 'Planens id hade ändrats eller tagits bort i dokumentet och återställdes.';

/** The plan record as the restore step reads one; null when the document holds no plan (and none is expected). */
export function planRecord(ydoc: Y.Doc, notes: string[], expected?: Expected): Record<string, unknown> | null {
  const plan = planMap(ydoc);
  let id = plan.get('id');
  if (expected && id !== expected.id) {
    if (id !== undefined || plan.size > 0) notes.push(ID_RESTORED_NOTE);
    id = expected.id;
  }
  if (typeof id !== 'string' || id === '' || isReservedId(id)) return null;
  const fallback = expected?.fallback ?? null;
  const blades = ordered(bladeMap(ydoc));
  const rings = ordered(ringMap(ydoc));
  const record: Record<string, unknown> = {
    id,
    blades: blades.length === 0 && Array.isArray(fallback?.blades) ? fallback.blades : blades,
    rings: rings.length === 0 && Array.isArray(fallback?.rings) ? fallback.rings : rings,
  };
  for (const field of ['name', 'vision', 'createdAt', 'catalogue', 'recipient']) {
    const value = plain(plan.get(field));
    if (value !== undefined) record[field] = value;
    else if (fallback && fallback[field] !== undefined) record[field] = fallback[field];
  }
  return record;
}

/** A comment record as read from the document; null when it cannot be read. */
export function readComment(id: string, raw: unknown): { id: string; key: string; itemId: string; comment: Record<string, unknown> } | null {
  const record = plain(raw);
  if (!isRecord(record) || typeof record.at !== 'string' || typeof record.itemId !== 'string') return null;
  return { id, key: record.at, itemId: record.itemId, comment: { id, author: record.author, at: record.at, text: record.text } };
}

/** Every item's comments (item id → raw comments, oldest first); what cannot be read is counted. */
function commentsByItem(ydoc: Y.Doc): { byItem: Map<string, unknown[]>; lost: number } {
  const list: Array<NonNullable<ReturnType<typeof readComment>>> = [];
  let lost = 0;
  for (const [id, raw] of entries(commentMap(ydoc))) {
    const read = readComment(id, raw);
    if (read) list.push(read);
    else lost++;
  }
  list.sort(byKey);
  const byItem = new Map<string, unknown[]>();
  for (const { itemId, comment } of list) {
    const of = byItem.get(itemId);
    if (of) of.push(comment);
    else byItem.set(itemId, [comment]);
  }
  return { byItem, lost };
}

/** An item's comments, oldest first (one item's share of `commentsByItem`). */
export function commentsOf(ydoc: Y.Doc, ids: Iterable<string>): unknown[] {
  const map = commentMap(ydoc);
  const list: Array<NonNullable<ReturnType<typeof readComment>>> = [];
  for (const id of ids) {
    const read = readComment(id, map.get(id));
    if (read) list.push(read);
  }
  return list.sort(byKey).map((c) => c.comment);
}

/**
 * One item's record as its document holds it (rank 0; its container sets it), and its place:
 * `cell` when it names a blade and ring of `blades` × `rings`, `gone` when it names one that is
 * not there (the item then shows in Inspel), `unreadable` when its place cannot be read.
 */
export interface ItemEntry {
  record: Record<string, unknown>;
  key: string | null;
  place: 'cell' | 'inspel' | 'gone' | 'unreadable' | 'none';
}

export function readItemEntry(id: string, entry: Y.Map<unknown>, planId: string, comments: unknown[], blades: ReadonlySet<unknown>, rings: ReadonlySet<unknown>): ItemEntry {
  const record: Record<string, unknown> = { id, planId, extra: false, rank: 0 };
  for (const field of ITEM_VALUES) {
    const value = plain(entry.get(field));
    if (value !== undefined) record[field] = value;
    else if (!entry.has(field)) record[field] = ITEM_VALUE_DEFAULTS[field]?.();
  }
  record.comments = comments;
  const place = plain(entry.get('place'));
  const cell = isRecord(place) ? place.cell : undefined;
  const key = isRecord(place) && isKey(place.pos) ? place.pos : null;
  record.cell = null;
  if (cell === null && key) return { record, key, place: 'inspel' };
  if (isRecord(cell) && typeof cell.bladeId === 'string' && typeof cell.ringId === 'string' && key) {
    if (!blades.has(cell.bladeId) || !rings.has(cell.ringId)) return { record, key, place: 'gone' };
    record.cell = { bladeId: cell.bladeId, ringId: cell.ringId };
    return { record, key, place: 'cell' };
  }
  return { record, key, place: place === undefined ? 'none' : 'unreadable' };
}

interface Placed {
  id: string;
  key: string;
  record: Record<string, unknown>;
}

/** The ids of a blades or rings list of a plan record. */
export const idsOf = (list: unknown): Set<unknown> => new Set((Array.isArray(list) ? list : []).flatMap((x: unknown) => (isRecord(x) ? [x.id] : [])));

/**
 * Read the plan; null when the document holds none, or its plan cannot be read at all. Given
 * what is `expected`, the plan is read as that plan whatever its document says of its id.
 */
export function readDoc(ydoc: Y.Doc, expected?: Expected): ReadDoc | null {
  const notes: string[] = [];
  const plan = planRecord(ydoc, notes, expected);
  if (!plan) return null;
  const rehomed: string[] = [];
  const blades = idsOf(plan.blades);
  const rings = idsOf(plan.rings);
  const comments = commentsByItem(ydoc);
  if (comments.lost > 0) notes.push(`${comments.lost === 1 ? 'En kommentar' : `${comments.lost} kommentarer`} kunde inte läsas och lämnades utanför.`);
  const containers = new Map<string, Placed[]>();
  const homeless: Placed[] = [];
  for (const [id, entry] of entries(itemMap(ydoc))) {
    if (!isYMap(entry)) {
      notes.push(`En aktivitet (id ${id.slice(0, 20)}) kunde inte läsas och lämnades utanför.`);
      continue;
    }
    const { record, key, place } = readItemEntry(id, entry, plan.id as string, comments.byItem.get(id) ?? [], blades, rings);
    if (place === 'inspel') add(containers, 'inspel', { id, key: key!, record });
    else if (place === 'cell') add(containers, containerKey(record.cell as CellRef), { id, key: key!, record });
    else {
      if (place === 'gone') rehomed.push(id);
      if (place === 'unreadable') notes.push(`Aktiviteten ${typeof record.text === 'string' ? `”${record.text.slice(0, 60)}”` : `(id ${id.slice(0, 20)})`}: dess plats kunde inte läsas och den ligger i Inspel.`);
      homeless.push({ id, key: key ?? '\uffff', record });
    }
  }
  // Items whose cell is gone follow Inspel's own, in their old order.
  homeless.sort(byKey);
  const inspel = (containers.get('inspel') ?? []).sort(byKey);
  containers.set('inspel', [...inspel, ...homeless]);
  const records: Array<Record<string, unknown>> = [];
  for (const [container, list] of containers) {
    if (container !== 'inspel') list.sort(byKey);
    list.forEach((placed, rank) => records.push({ ...placed.record, rank }));
  }

  const sound = restoreSound(plan, records, true);
  if (sound) return { doc: sound, notes, rehomed };
  const restored = repair ? repair(plan, records, true) : withoutRepair(plan, records);
  if (!restored) return null;
  return { doc: restored.doc, notes: [...notes, ...restored.notes], rehomed, ...(repair ? {} : { partial: true }) };
}

function add(map: Map<string, Placed[]>, key: string, placed: Placed): void {
  const list = map.get(key);
  if (list) list.push(placed);
  else map.set(key, [placed]);
}

/** Prioritera's dots in the order placed; what cannot be read is left out and named. */
export function readVoting(ydoc: Y.Doc, notes: string[] = []): Voting {
  const dots = plain(votingMap(ydoc).get('dots'));
  const votes = entries(dotMap(ydoc))
    .map(([id, value]) => ({ id, value: plain(value) }))
    .map(({ id, value }) => ({ id, key: isRecord(value) && typeof value.at === 'string' ? value.at : '\uffff', value }));
  votes.sort(byKey);
  const restored = restoreVotes({ dots: dots ?? 5, votes: votes.map((v) => v.value) }, notes);
  return restored ?? { dots: 5, votes: [] };
}
