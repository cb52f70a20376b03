// Storing a plan's document: whole (a new plan, a file, a copy), or change by change (pieces
// added, never overwritten: two tabs cannot undo each other's writes), merged into one piece now
// and then. Part of the storage module (./repository.ts re-exports it).
import * as Y from 'yjs';
import type { FollowUp } from '../domain/followup';
import type { PlanDoc } from '../domain/types';
import { docFromPlan } from '../ydoc/replica';
import { LOAD } from '../ydoc/origins';
import { opened } from './connection';
import type { PlanRow, SolfjadernDb } from './db';
import { pieceRow } from './pieces';
import { compactIn } from './compaction';
import { compactInWorker } from './compactOffThread';

/** A plan read from storage: its document, and the plan it holds. */
export interface StoredPlan {
  ydoc: Y.Doc;
  doc: PlanDoc;
}

/** More pieces than this and a plan's document is merged into one piece. */
export const COMPACT_AFTER = 64;
/**
 * … or once this many bytes were added since (a few large pieces — a workshop's long session, a
 * room's burst — are read back at every start: a plan of 1,000 items after 10,000 edits stored
 * in 37 pieces was read in twice the time of one piece, its fan drawn later for it).
 */
export const COMPACT_AFTER_BYTES = 128 * 1024;

/** A plan's row in the plan list. */
const planRow = (doc: PlanDoc, now: Date, deletedAt: string | null = null): PlanRow => ({
  ...doc.plan,
  updatedAt: now.toISOString(),
  deletedAt,
  itemCount: Object.keys(doc.items).length,
});

/** A plan's item rows from before v12 (keyed [planId+id]). */
export const legacyItems = (d: SolfjadernDb, planId: string) => d.planItems.where('[planId+id]').between([planId, -Infinity], [planId, []], true, true);

/**
 * Store a whole plan's document (a new plan, a file, a copy), replacing what was stored under
 * its id; `open` also makes it the plan opened next time.
 */
export async function savePlan(ydoc: Y.Doc, doc: PlanDoc, now = new Date(), open = false): Promise<void> {
  const d = await opened();
  await d.transaction('rw', d.plans, d.planUpdates, d.planItems, d.meta, async () => {
    if (open) await d.meta.put({ key: 'lastPlanId', value: doc.plan.id });
    await d.planUpdates.where('planId').equals(doc.plan.id).delete();
    await legacyItems(d, doc.plan.id).delete();
    await d.planUpdates.add(pieceRow(doc.plan.id, Y.encodeStateAsUpdate(ydoc)));
    await d.plans.put(planRow(doc, now));
  });
}

/** Store a plan given in its plain form (a new plan, a file, a copy) as a new document. */
export async function saveDoc(doc: PlanDoc, now = new Date(), open = false, followUp: FollowUp | null = null): Promise<StoredPlan> {
  const ydoc = docFromPlan(doc, LOAD, followUp);
  await savePlan(ydoc, doc, now, open);
  return { ydoc, doc };
}

/**
 * Add changes of a plan's document, and its row for the plan list (`doc` as it is now, when the
 * row's fields changed). Pieces
 * are only ever added — the same change twice is harmless — so two tabs never overwrite each
 * other. Returns how many pieces the plan has.
 */
export async function appendUpdates(planId: string, updates: readonly Uint8Array[], doc: PlanDoc | null, now = new Date()): Promise<number> {
  const d = await opened();
  // A burst of changes is one piece (merged: the same document, fewer rows to read back).
  const piece = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates as Uint8Array[]);
  return d.transaction('rw', d.plans, d.planUpdates, async () => {
    await d.planUpdates.add(pieceRow(planId, piece));
    // The plan list's row: written whole when the plan record or its item count changed
    // (`doc` given), else only when it was last changed.
    if (doc && doc.plan.id === planId) {
      const row = await d.plans.get(planId);
      if (row) await d.plans.put(planRow(doc, now, row.deletedAt));
    } else await d.plans.update(planId, { updatedAt: now.toISOString() });
    return d.planUpdates.where('planId').equals(planId).count();
  });
}

/**
 * Make a plan's pieces one, re-encoded from the document they make (./compaction.ts) — in the
 * worker when the page has one, so the page's thread never does the whole document's work.
 */
export async function compactPlan(planId: string): Promise<void> {
  const d = await opened();
  if (!(await compactInWorker(d.name, planId))) await compactIn(d, planId);
}
