// The storage module: the only code that talks to Dexie. A plan is its Yjs document, stored
// as the document's updates (`planUpdates`: each change appends one; many are merged into
// one now and then: ./storePlan.ts), with a row in `plans` for the plan list; it is read
// through the one restore step (./readStored.ts). Plans stored before (v11: a plan row and
// item rows) become documents when first opened. Here: the plan list, deleting, a plan made
// again from the write-ahead log, and what is kept beside a plan.
import * as Y from 'yjs';
import { loadRepair, readDoc } from '../ydoc/read';
import { writeChanges } from '../ydoc/write';
import { LOAD } from '../ydoc/origins';
import { opened } from './connection';
import { geometryKey } from './earlyRead';
import { pieceRow } from './pieces';
import { legacyItems, savePlan } from './storePlan';

export { database, useDatabase } from './connection';
export * from './sideRepository';
export { keepView } from './views';
export { requestPersistence, storageUse, type StorageUse } from './quota';
export { appendUpdates, COMPACT_AFTER, COMPACT_AFTER_BYTES, compactPlan, savePlan, saveDoc, type StoredPlan } from './storePlan';
export { type Fallback, loadLastPlan, loadPlan, type OpenablePlan, planFromRows, planFromUpdates, readStoredDoc, takeRepairNotes } from './readStored';

export interface PlanSummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  itemCount: number;
}

/** A plan storage no longer had, made again from a write-ahead log: what it holds now. */
export interface RebuiltPlan {
  planId: string;
  name: string;
  items: number;
}

/**
 * Changes from a write-ahead log: added to the plan's document (a change already stored is
 * harmless). A plan that storage lost altogether (the browser may delete a site's database
 * when the disk is full) is made again from the base the log kept of it (its whole document
 * as one update) and the changes after it; without a base there is nothing to make it from.
 * Returns 'stored' when the changes were added to a stored plan, the plan made again, or null.
 */
export async function applyLoggedUpdates(planId: string, updates: readonly Uint8Array[], base: Uint8Array | null = null): Promise<RebuiltPlan | 'stored' | null> {
  const d = await opened();
  const row = await d.plans.get(planId);
  if (row) {
    if (updates.length > 0) await d.planUpdates.bulkAdd(updates.map((update) => pieceRow(planId, update)));
    return 'stored';
  }
  if (!base) return null;
  const ydoc = new Y.Doc();
  for (const update of [base, ...updates]) {
    try {
      Y.applyUpdate(ydoc, update, LOAD);
    } catch {
      // A change that cannot be read is left out: the rest is made again.
    }
  }
  await loadRepair();
  const read = readDoc(ydoc, { id: planId });
  if (!read) return null;
  // What the reading repaired is written back, so the stored document reads as it shows.
  if (read.notes.length > 0) ydoc.transact(() => writeChanges(ydoc, null, read.doc), LOAD);
  await savePlan(ydoc, read.doc);
  return { planId, name: read.doc.plan.name, items: Object.keys(read.doc.items).length };
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
        itemCount: r.itemCount ?? (await legacyItems(d, r.id).count()),
      })),
    );
    return summaries.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  });
}

/** Soft delete: the plan disappears from the list but can be restored until the next start. */
export async function markDeleted(planId: string, now = new Date()): Promise<void> {
  await (await opened()).plans.update(planId, { deletedAt: now.toISOString() });
}

export async function restoreDeleted(planId: string): Promise<void> {
  await (await opened()).plans.update(planId, { deletedAt: null });
}

/** Remove plans (their document, versions and side rows) deleted in an earlier session — never the open one. */
export async function purgeDeleted(keep?: string): Promise<number> {
  const d = await opened();
  return d.transaction('rw', [d.plans, d.planItems, d.planUpdates, d.planViews, d.meta, d.versions, d.votings, d.collections], async () => {
    const gone = (await d.plans.toArray()).filter((r) => r.deletedAt && r.id !== keep);
    for (const row of gone) {
      await legacyItems(d, row.id).delete();
      await d.planUpdates.where('planId').equals(row.id).delete();
      await d.planViews.delete(row.id);
      await d.versions.where('planId').equals(row.id).delete();
      await d.votings.delete(row.id);
      await d.collections.delete(row.id);
      await d.meta.delete(geometryKey(row.id));
      await d.plans.delete(row.id);
    }
    return gone.length;
  });
}

/** The fan's geometries kept for a plan, as stored (JSON: src/fan/keptGeometry.ts reads them). */
export async function readGeometries(planId: string): Promise<string | undefined> {
  return (await (await opened()).meta.get(geometryKey(planId)))?.value;
}

/** Keep the fan's geometries for a plan (JSON, as src/fan/keptGeometry.ts makes it). */
export async function keepGeometries(planId: string, kept: string): Promise<void> {
  await (await opened()).meta.put({ key: geometryKey(planId), value: kept });
}

export async function getLastPlanId(): Promise<string | null> {
  return (await (await opened()).meta.get('lastPlanId'))?.value ?? null;
}

export async function setLastPlanId(planId: string): Promise<void> {
  await (await opened()).meta.put({ key: 'lastPlanId', value: planId });
}
