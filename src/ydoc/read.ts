// Reading the plan out of its Yjs document. Whatever is in it — written by this app, by an
// older one, or by a buggy or hostile peer in a room — goes through the same restore as a file
// or a stored row (schema/records.ts, schema/repair.ts): the rest shows, the bad part is named
// and left out, nothing throws.
import * as Y from 'yjs';
import { isReservedId } from '../domain/ids';
import type { PlanDoc } from '../domain/types';
import type { Voting } from '../domain/voting';
import { isRecord, restoreSound } from '../schema/records';
import { restoreDocRecords } from '../schema/repair';
import { restoreVotes } from '../schema/sideRecords';
import { byKey, isKey } from './positions';
import { bladeMap, dotMap, isYMap, ITEM_VALUES, itemMap, planMap, ringMap, votingMap } from './shape';

export interface ReadDoc {
  doc: PlanDoc;
  /** What could not be read and was repaired or left out, in Swedish. */
  notes: string[];
  /** Items whose cell is gone (a blade or ring removed meanwhile): shown in Inspel. */
  rehomed: string[];
}

/** A plain value as stored; a Yjs type where a plain value belongs is not one. */
const plain = (value: unknown): unknown => (value instanceof Y.AbstractType ? undefined : value);

/** Own entries of a map, reserved names (`__proto__` …) left out. */
function entries(map: Y.Map<unknown>): Array<[string, unknown]> {
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

/** The plan record as the restore step reads one; null when the document holds no plan. */
function planRecord(ydoc: Y.Doc): Record<string, unknown> | null {
  const plan = planMap(ydoc);
  const id = plan.get('id');
  if (typeof id !== 'string' || id === '') return null;
  const record: Record<string, unknown> = { id, blades: ordered(bladeMap(ydoc)), rings: ordered(ringMap(ydoc)) };
  for (const field of ['name', 'vision', 'createdAt', 'catalogue', 'recipient']) {
    const value = plain(plan.get(field));
    if (value !== undefined) record[field] = value;
  }
  return record;
}

function comments(value: unknown, notes: string[], name: string): unknown[] {
  if (!isYMap(value)) {
    if (value !== undefined) notes.push(`Aktiviteten ${name}: kommentarerna kunde inte läsas och lämnades utanför.`);
    return [];
  }
  const list: Array<{ id: string; key: string; record: Record<string, unknown> }> = [];
  let lost = 0;
  for (const [id, raw] of entries(value)) {
    const record = plain(raw);
    if (isRecord(record) && typeof record.at === 'string') list.push({ id, key: record.at, record });
    else lost++;
  }
  if (lost > 0) notes.push(`Aktiviteten ${name}: ${lost === 1 ? 'en kommentar' : `${lost} kommentarer`} kunde inte läsas och lämnades utanför.`);
  list.sort(byKey);
  return list.map(({ id, record }) => ({ author: record.author, at: record.at, text: record.text, id }));
}

interface Placed {
  id: string;
  key: string;
  record: Record<string, unknown>;
}

/** Read the plan; null when the document holds none, or its plan cannot be read at all. */
export function readDoc(ydoc: Y.Doc): ReadDoc | null {
  const plan = planRecord(ydoc);
  if (!plan) return null;
  const notes: string[] = [];
  const rehomed: string[] = [];
  const blades = new Set((plan.blades as unknown[]).flatMap((b) => (isRecord(b) ? [b.id] : [])));
  const rings = new Set((plan.rings as unknown[]).flatMap((r) => (isRecord(r) ? [r.id] : [])));
  const containers = new Map<string, Placed[]>();
  const homeless: Placed[] = [];
  for (const [id, entry] of entries(itemMap(ydoc))) {
    if (!isYMap(entry)) {
      notes.push(`En aktivitet (id ${id.slice(0, 20)}) kunde inte läsas och lämnades utanför.`);
      continue;
    }
    const record: Record<string, unknown> = { id, planId: plan.id, extra: false, rank: 0 };
    for (const field of ITEM_VALUES) {
      const value = plain(entry.get(field));
      if (value !== undefined) record[field] = value;
    }
    const name = typeof record.text === 'string' ? `”${record.text.slice(0, 60)}”` : `(id ${id.slice(0, 20)})`;
    record.comments = comments(entry.get('comments'), notes, name);
    const place = plain(entry.get('place'));
    const cell = isRecord(place) ? place.cell : undefined;
    const key = isRecord(place) && isKey(place.pos) ? place.pos : null;
    if (cell === null && key) {
      record.cell = null;
      add(containers, 'inspel', { id, key, record });
    } else if (isRecord(cell) && typeof cell.bladeId === 'string' && typeof cell.ringId === 'string' && key) {
      if (blades.has(cell.bladeId) && rings.has(cell.ringId)) {
        record.cell = { bladeId: cell.bladeId, ringId: cell.ringId };
        add(containers, `${cell.bladeId}|${cell.ringId}`, { id, key, record });
      } else {
        record.cell = null;
        rehomed.push(id);
        homeless.push({ id, key, record });
      }
    } else {
      if (place !== undefined) notes.push(`Aktiviteten ${name}: dess plats kunde inte läsas och den ligger i Inspel.`);
      record.cell = null;
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

  const sound = restoreSound(plan, records);
  if (sound) return { doc: sound, notes, rehomed };
  const restored = restoreDocRecords(plan, records);
  if (!restored) return null;
  return { doc: restored.doc, notes: [...notes, ...restored.notes], rehomed };
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
