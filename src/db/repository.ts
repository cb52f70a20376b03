// The storage module: the only code that talks to Dexie. Plans and items are separate
// rows (items keyed by [planId+id]), so an edit writes only the rows it touched.
import type { Patch } from 'immer';
import type { Item, Plan, PlanDoc } from '../domain/types';
import { isRecord, planWithDefaults, pickPlan, type RestoredDoc, restoreSound, soundItem, soundItemOf, soundPlan, withItemDefaults } from '../schema/records';
import type { CollectionRow, ItemRow, PlanRow, SolfjadernDb, VersionRow, VotingRow } from './db';

let db: SolfjadernDb | null = null;
let opening: Promise<SolfjadernDb> | null = null;

/**
 * The database, opened on first use. Dexie and the schema load only then: the first paint
 * does not wait for them (the plan is read before, without Dexie: ./earlyRead.ts).
 */
function opened(): Promise<SolfjadernDb> {
  if (db) return Promise.resolve(db);
  opening ??= import('./db').then(({ openDb }) => (db ??= openDb()));
  return opening;
}

/** The database once it is open (tests reach into it after `useDatabase`). */
export function database(): SolfjadernDb {
  if (!db) throw new Error('The database is not open yet');
  return db;
}

/** For tests: use a fresh database under another name. */
export async function useDatabase(name: string): Promise<void> {
  const { openDb } = await import('./db');
  db?.close();
  db = openDb(name);
  opening = Promise.resolve(db);
  await db.open();
}

export interface PlanSummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  itemCount: number;
}

function toRow(plan: Plan, now: Date): PlanRow {
  return { ...plan, updatedAt: now.toISOString(), deletedAt: null };
}

const itemRow = (item: Item, at: string): ItemRow => ({ ...item, updatedAt: at });


const writtenKey = (planId: string) => `written:${planId}`;

/** A plan's items: the range of the [planId+id] key that starts with the plan's id. */
const itemsOf = (d: SolfjadernDb, planId: string) =>
  // -Infinity sorts before every string, an array after every one: the whole range of the plan's ids.
  d.planItems.where('[planId+id]').between([planId, -Infinity], [planId, []], true, true);

/** Which rows a set of patches touched. */
export function touchedRows(patches: readonly Patch[]): { plan: boolean; items: Set<string> } {
  const items = new Set<string>();
  let plan = false;
  for (const patch of patches) {
    const [root, key] = patch.path;
    if (root === 'plan') plan = true;
    else if (root === 'items') {
      if (key === undefined) throw new Error('Whole-items replacement is not supported');
      items.add(String(key));
    }
  }
  return { plan, items };
}

/** Write what one change touched, in one read-write transaction. */
export async function saveChanges(doc: PlanDoc, patches: readonly Patch[], now = new Date()): Promise<void> {
  const { plan, items } = touchedRows(patches);
  const d = await opened();
  await d.transaction('rw', d.plans, d.planItems, d.meta, async () => {
    const at = now.toISOString();
    // The later change wins: a row another tab changed after this change was made stays.
    const ids = [...items];
    const stored = await d.planItems.bulkGet(ids.map((id): [string, string] => [doc.plan.id, id]));
    const later = new Set(ids.filter((_, i) => (stored[i]?.updatedAt ?? '') > at));
    const own = (id: string) => Object.hasOwn(doc.items, id);
    const puts = ids.flatMap((id) => (own(id) && !later.has(id) ? [itemRow(doc.items[id]!, at)] : []));
    const deletes = ids.filter((id) => !own(id) && !later.has(id));
    if (puts.length) await d.planItems.bulkPut(puts);
    if (deletes.length) await d.planItems.bulkDelete(deletes.map((id): [string, string] => [doc.plan.id, id]));
    if (plan && ((await d.plans.get(doc.plan.id))?.updatedAt ?? '') <= at) await d.plans.put(toRow(doc.plan, now));
    // When this plan was last written, in a tiny row (the write-ahead log's replay reads it).
    await d.meta.put({ key: writtenKey(doc.plan.id), value: at });
  });
}

/** Write a whole plan (replacing its stored items); `open` also makes it the plan opened next time. */
export async function saveDoc(doc: PlanDoc, now = new Date(), open = false): Promise<void> {
  const d = await opened();
  await d.transaction('rw', d.plans, d.planItems, d.meta, async () => {
    if (open) await d.meta.put({ key: 'lastPlanId', value: doc.plan.id });
    await itemsOf(d, doc.plan.id).delete();
    await d.planItems.bulkPut(Object.values(doc.items).map((item) => itemRow(item, now.toISOString())));
    await d.plans.put(toRow(doc.plan, now));
    await d.meta.put({ key: writtenKey(doc.plan.id), value: now.toISOString() });
  });
}

/** What restoring each plan's stored rows repaired or left out, until the app has said so. */
const repairNotes = new Map<string, string[]>();

/** What was repaired or left out when the plan was last read (once: the notes are taken). */
export function takeRepairNotes(planId: string): string[] {
  const notes = repairNotes.get(planId) ?? [];
  repairNotes.delete(planId);
  return notes;
}

/**
 * A plan from its stored records, through the one restore step (src/schema/records.ts): sound
 * records the fast way; otherwise the careful way (./repair.ts, loaded only then), whose notes
 * are kept for the app to say. Null when the plan record itself cannot be read.
 */
async function restored(planRow: unknown, itemRows: readonly unknown[]): Promise<RestoredDoc | null> {
  const sound = restoreSound(planRow, itemRows);
  if (sound) return { doc: sound, notes: [] };
  const { restoreDocRecords } = await import('../schema/repair');
  return restoreDocRecords(planRow, itemRows);
}

/** The plan of rows read straight from IndexedDB before the app loaded (src/db/earlyRead.ts). */
export async function docFromRows(planRow: unknown, itemRows: readonly unknown[]): Promise<PlanDoc | null> {
  const id = isRecord(planRow) && typeof planRow.id === 'string' ? planRow.id : null;
  return id ? docOf(id, { row: planRow, rows: itemRows }) : null;
}

async function docOf(planId: string, read: { row: unknown; rows: readonly unknown[] } | null): Promise<PlanDoc | null> {
  if (!read) return null;
  const result = await restored(read.row, read.rows);
  if (!result) return null;
  if (result.notes.length > 0) repairNotes.set(planId, result.notes);
  else repairNotes.delete(planId);
  return result.doc;
}

/** A plan's stored rows, as they are (restored outside the transaction: restoring may load code). */
async function readRows(d: SolfjadernDb, planId: string): Promise<{ row: PlanRow; rows: ItemRow[] } | null> {
  const row = await d.plans.get(planId);
  if (!row || row.deletedAt) return null;
  return { row, rows: await itemsOf(d, planId).toArray() };
}

export async function loadDoc(planId: string): Promise<PlanDoc | null> {
  const d = await opened();
  return docOf(planId, await d.transaction('r', d.plans, d.planItems, () => readRows(d, planId)));
}

/** The plan open last, in one read (the start of the app waits for it). */
export async function loadLastDoc(): Promise<PlanDoc | null> {
  const d = await opened();
  const read = await d.transaction('r', d.meta, d.plans, d.planItems, async () => {
    const lastId = (await d.meta.get('lastPlanId'))?.value;
    return lastId ? readRows(d, lastId) : null;
  });
  return read ? docOf(read.row.id, read) : null;
}

export async function listPlans(): Promise<PlanSummary[]> {
  const d = await opened();
  return d.transaction('r', d.plans, d.planItems, async () => {
    const rows = (await d.plans.toArray()).filter((r) => !r.deletedAt);
    const summaries = await Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        name: r.name,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        itemCount: await itemsOf(d, r.id).count(),
      })),
    );
    return summaries.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  });
}

export async function renamePlanRow(planId: string, name: string, now = new Date()): Promise<void> {
  await (await opened()).plans.update(planId, { name, updatedAt: now.toISOString() });
}

/** Soft delete: the plan disappears from the list but can be restored until the next start. */
export async function markDeleted(planId: string, now = new Date()): Promise<void> {
  await (await opened()).plans.update(planId, { deletedAt: now.toISOString() });
}

export async function restoreDeleted(planId: string): Promise<void> {
  await (await opened()).plans.update(planId, { deletedAt: null });
}

/** Remove plans (their items and versions) deleted in an earlier session — never the open one. */
export async function purgeDeleted(keep?: string): Promise<number> {
  const d = await opened();
  return d.transaction('rw', [d.plans, d.planItems, d.meta, d.versions, d.votings, d.collections], async () => {
    const gone = (await d.plans.toArray()).filter((r) => r.deletedAt && r.id !== keep);
    for (const row of gone) {
      await itemsOf(d, row.id).delete();
      await d.versions.where('planId').equals(row.id).delete();
      await d.votings.delete(row.id);
      await d.collections.delete(row.id);
      await d.plans.delete(row.id);
      await d.meta.delete(writtenKey(row.id));
    }
    return gone.length;
  });
}

export async function getLastPlanId(): Promise<string | null> {
  return (await (await opened()).meta.get('lastPlanId'))?.value ?? null;
}

export async function setLastPlanId(planId: string): Promise<void> {
  await (await opened()).meta.put({ key: 'lastPlanId', value: planId });
}

/** Ask the browser to keep this site's data even under storage pressure. */
export async function requestPersistence(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    return (await navigator.storage.persisted?.()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}

export interface StorageUse {
  usage: number;
  quota: number;
  persisted: boolean;
}

export async function storageUse(): Promise<StorageUse | null> {
  try {
    if (!navigator.storage?.estimate) return null;
    const { usage = 0, quota = 0 } = await navigator.storage.estimate();
    const persisted = (await navigator.storage.persisted?.()) ?? false;
    return { usage, quota, persisted };
  } catch {
    return null;
  }
}

export interface RowChanges {
  plan: Plan | null;
  /** Items by id: the stored item, or null when it is gone; with the time it was written. */
  items: Record<string, { item: Item | null; updatedAt: string | null }>;
}

/** Read back some rows of a plan (what another tab just wrote). */
export async function loadRows(planId: string, itemIds: string[], withPlan: boolean): Promise<RowChanges> {
  const d = await opened();
  return d.transaction('r', d.plans, d.planItems, async () => {
    const planRow = await d.plans.get(planId);
    const planRecord = planRow && !planRow.deletedAt ? planWithDefaults(planRow as unknown as Record<string, unknown>) : null;
    const plan = planRecord && soundPlan(planRecord) ? pickPlan(planRecord) : null;
    const rows = await d.planItems.bulkGet(itemIds.map((id): [string, string] => [planId, id]));
    const items: RowChanges['items'] = {};
    itemIds.forEach((id, i) => {
      const row = rows[i];
      // Each row through the restore step's check; one that is not sound counts as gone here
      // (this tab keeps what it has; opening the plan again repairs it and says so).
      const record = row ? withItemDefaults(row as unknown as Record<string, unknown>) : null;
      // An item in a cell the plan no longer has comes as it is: the editor puts it back in Inspel and says so.
      const item = record && plan && (soundItem(record, plan) || soundItem({ ...record, cell: null }, plan)) ? soundItemOf(record, plan) : null;
      items[id] = item && row ? { item, updatedAt: row.updatedAt } : { item: null, updatedAt: null };
    });
    return { plan: withPlan ? plan : null, items };
  });
}

/** A plan storage no longer had, made again from a write-ahead log: what it holds now. */
export interface RebuiltPlan {
  planId: string;
  name: string;
  items: number;
}

/**
 * Write-ahead-log rows: apply each only where storage does not hold a later version. A plan
 * that storage lost altogether (the browser may delete a site's database when the disk is
 * full) is made again from its logged row and whatever of its items the log holds.
 */
export async function applyLoggedRows(
  plans: Array<{ plan: Plan; at: string; touched: boolean }>,
  items: Array<{ id: string; planId: string; item: Item | null; at: string }>,
): Promise<{ applied: number; rebuilt: RebuiltPlan[] }> {
  const d = await opened();
  return d.transaction('rw', d.plans, d.planItems, d.meta, async () => {
    let applied = 0;
    const rebuilt: RebuiltPlan[] = [];
    for (const { plan, at, touched } of plans) {
      const current = await d.plans.get(plan.id);
      if (!current) {
        await d.plans.put({ ...plan, updatedAt: at, deletedAt: null });
        const own = items.filter((i) => i.planId === plan.id && i.item);
        await d.planItems.bulkPut(own.map((i) => itemRow(i.item!, i.at)));
        rebuilt.push({ planId: plan.id, name: plan.name, items: own.length });
        applied += 1 + own.length;
        continue;
      }
      if (!touched || current.updatedAt >= at) continue;
      await d.plans.put({ ...plan, updatedAt: at, deletedAt: current.deletedAt ?? null });
      applied++;
    }
    const made = new Set(rebuilt.map((r) => r.planId));
    for (const { id, planId, item, at } of items) {
      if (made.has(planId)) continue;
      const current = await d.planItems.get([planId, id]);
      if (current && current.updatedAt >= at) continue;
      if (!current && item) {
        // Gone from storage: written and deleted since (the plan was written later), or never
        // written (the plan was not) — only the latter comes back.
        const plan = await d.plans.get(item.planId);
        const written = (await d.meta.get(writtenKey(item.planId)))?.value ?? plan?.updatedAt ?? '';
        if (!plan || written >= at) continue;
      }
      if (item) await d.planItems.put(itemRow(item, at));
      else if (current) await d.planItems.delete([planId, id]);
      else continue;
      applied++;
    }
    return { applied, rebuilt };
  });
}

export interface VersionSummary {
  id: string;
  planId: string;
  name: string;
  savedAt: string;
  itemCount: number;
}

/** Keep a named snapshot of a plan; versions are never changed afterwards. */
export async function saveVersion(row: VersionRow): Promise<void> {
  await (await opened()).versions.add(row);
}

/** A plan's versions, newest first. */
export async function listVersions(planId: string): Promise<VersionSummary[]> {
  const rows: unknown[] = await (await opened()).versions.where('planId').equals(planId).toArray();
  // A row that cannot be read as a version is left out of the list (opening it could not work either).
  return rows
    .flatMap((row) =>
      isRecord(row) && typeof row.id === 'string' && typeof row.name === 'string' && typeof row.savedAt === 'string' && isRecord(row.doc) && isRecord(row.doc.items)
        ? [{ id: row.id, planId, name: row.name, savedAt: row.savedAt, itemCount: Object.keys(row.doc.items).length }]
        : [],
    )
    .sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function loadVersion(id: string): Promise<VersionRow | null> {
  const row = await (await opened()).versions.get(id);
  if (!row) return null;
  // Versions saved before items had newer fields read like stored items do: one restore step.
  const result = isRecord(row.doc) && isRecord(row.doc.items) ? await restored(row.doc.plan, Object.values(row.doc.items)) : null;
  return result ? { ...row, doc: result.doc } : null;
}

export async function saveVoting(row: VotingRow): Promise<void> {
  await (await opened()).votings.put(row);
}

export async function loadVoting(planId: string): Promise<VotingRow | null> {
  return (await (await opened()).votings.get(planId)) ?? null;
}

export async function saveCollection(row: CollectionRow): Promise<void> {
  await (await opened()).collections.put(row);
}

export async function loadCollection(planId: string): Promise<CollectionRow | null> {
  return (await (await opened()).collections.get(planId)) ?? null;
}
