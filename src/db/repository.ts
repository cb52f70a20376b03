// The storage module: the only code that talks to Dexie. A plan is its Yjs document, stored
// as the document's updates (`planUpdates`: each change appends one; many are merged into
// one now and then), with a row in `plans` for the plan list. Plans stored before (v11: a
// plan row and item rows) become documents when first opened.
import * as Y from 'yjs';
import type { FollowUp } from '../domain/followup';
import type { PlanDoc } from '../domain/types';
import { isRecord, type RestoredDoc, restoreSound } from '../schema/records';
import { ID_RESTORED_NOTE, loadRepair, readDoc } from '../ydoc/read';
import { damagedNote, decodePieces, pieceRow, soundPiece } from './pieces';
import { healOversized } from '../ydoc/heal';
import { docFromPlan } from '../ydoc/replica';
import { writeChanges } from '../ydoc/write';
import { formatOf, isNewer } from '../ydoc/format';
import { planMap } from '../ydoc/shape';
import { LOAD } from '../ydoc/origins';
import { opened } from './connection';
import { geometryKey } from './earlyRead';
import type { PlanRow, SolfjadernDb } from './db';
import { anyViewOf, viewOf } from './views';

export { database, useDatabase } from './connection';
export * from './sideRepository';
export { keepView } from './views';
export { requestPersistence, storageUse, type StorageUse } from './quota';

export interface PlanSummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  itemCount: number;
}

/** A plan read from storage: its document, and the plan it holds. */
export interface StoredPlan {
  ydoc: Y.Doc;
  doc: PlanDoc;
}

/**
 * A plan to open: its document, or — when the plan was shown from its kept view
 * (./views.ts) — how to decode it, which the editor does just after the first paint.
 */
export interface OpenablePlan {
  ydoc: Y.Doc | (() => Y.Doc);
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

const planRow = (doc: PlanDoc, now: Date, deletedAt: string | null = null): PlanRow => ({
  ...doc.plan,
  updatedAt: now.toISOString(),
  deletedAt,
  itemCount: Object.keys(doc.items).length,
});

/** A plan's item rows from before v12 (keyed [planId+id]). */
const legacyItems = (d: SolfjadernDb, planId: string) => d.planItems.where('[planId+id]').between([planId, -Infinity], [planId, []], true, true);

/** What reading each plan repaired or left out, until the app has said so. */
const repairNotes = new Map<string, string[]>();

/** What was repaired or left out when the plan was last read (once: the notes are taken). */
export function takeRepairNotes(planId: string): string[] {
  const notes = repairNotes.get(planId) ?? [];
  repairNotes.delete(planId);
  return notes;
}

function keepNotes(planId: string, notes: string[]): void {
  if (notes.length > 0) repairNotes.set(planId, notes);
  else repairNotes.delete(planId);
}

/** The plan as its kept view shows it, whatever pieces it was read from (a copy to fall back on). */
export interface Fallback {
  /** The plan's row in the plan list (its name, blades, rings and catalogue as last stored). */
  row?: unknown;
  /** Its kept view, and whether it was read from exactly the pieces stored now. */
  view?: { doc: PlanDoc; exact: boolean } | null;
}

/**
 * A plan from the pieces of its document, through the one restore step (src/ydoc/read.ts →
 * src/schema/records.ts), read as `planId` whatever the document says. A damaged piece is left
 * out; when that costs the plan its base, or its kept view holds all of it, the plan is made
 * again from the view (and stored so, replacing the damaged pieces). Null when nothing can be read.
 */
export async function planFromUpdates(planId: string, updates: readonly unknown[], fallback: Fallback = {}): Promise<StoredPlan | null> {
  const decoded = decodePieces(updates);
  performance.mark('solfjadern:doc-applied');
  const view = fallback.view ?? null;
  if (decoded.broken > 0 && view && (view.exact || !decoded.hasPlan)) {
    const ydoc = docFromPlan(view.doc, LOAD);
    await savePlan(ydoc, view.doc).catch(() => {});
    keepNotes(planId, [
      `${damagedNote(decoded.broken)}. Planen återskapades som den såg ut när den senast sparades${view.exact ? ' – inget gick förlorat' : '; ändringar gjorda efter det kan saknas'}.`,
    ]);
    return { ydoc, doc: view.doc };
  }
  const { ydoc } = decoded;
  const expected = { id: planId, fallback: isRecord(fallback.row) ? fallback.row : null };
  let read = readDoc(ydoc, expected);
  performance.mark('solfjadern:doc-read');
  // Something is not sound: read it again with the careful restore step.
  if (!read || read.partial) {
    await loadRepair();
    read = readDoc(ydoc, expected);
  }
  if (!read) return null;
  const lostBase = decoded.broken > 0 && !decoded.hasPlan;
  keepNotes(planId, [
    ...(decoded.broken > 0 ? [`${damagedNote(decoded.broken)}${lostBase ? ': planens aktiviteter kunde inte läsas. Har du en exporterad fil eller en sparad version kan du återställa den.' : '. Det som ändrades i dem saknas.'}`] : []),
    ...read.notes.filter((n) => !lostBase || n !== ID_RESTORED_NOTE),
  ]);
  // What could be read is stored as the plan's one sound piece: the next start reads no damage
  // again. What only the plan's row still had (its name, blades, rings when the document lost its
  // base) is written into the document first: the document is what the plan is read from.
  if (decoded.broken > 0) {
    if (!isNewer(formatOf(ydoc))) ydoc.transact(() => writeChanges(ydoc, readDoc(ydoc, { id: planId })?.doc ?? null, read.doc), LOAD);
    await savePlan(ydoc, read.doc).catch(() => {});
  }
  else if (read.notes.length > 0) await healStored(planId, ydoc, read.doc, read.notes.includes(ID_RESTORED_NOTE)).catch(() => {});
  return { ydoc, doc: read.doc };
}

/** Write back into a stored plan's document what its reading repaired (its id, texts past their limits), and store that. */
async function healStored(planId: string, ydoc: Y.Doc, doc: PlanDoc, id: boolean): Promise<void> {
  // A newer version's document is never written by this one (src/ydoc/format.ts).
  if (isNewer(formatOf(ydoc))) return;
  const updates: Uint8Array[] = [];
  const keep = (update: Uint8Array) => void updates.push(update);
  ydoc.on('update', keep);
  ydoc.transact(() => {
    if (id) planMap(ydoc).set('id', planId);
    healOversized(ydoc, doc);
  }, LOAD);
  ydoc.off('update', keep);
  if (updates.length > 0) await (await opened()).planUpdates.add(pieceRow(planId, Y.mergeUpdates(updates)));
}

/**
 * The plan of rows read straight from IndexedDB before the app loaded (src/db/earlyRead.ts):
 * its kept view with the document still to decode when the view was read from exactly these
 * pieces (`lastSeq`: the last one's number) and every piece is sound, else the document read now.
 */
export async function planFromRows(row: unknown, updates: readonly unknown[], lastSeq = -1, view: unknown = null): Promise<OpenablePlan | null> {
  if (!isRecord(row) || typeof row.id !== 'string') return null;
  const shown = viewOf(view, row.id, lastSeq);
  if (shown && updates.every(soundPiece)) return { doc: shown, ydoc: () => decodePieces(updates).ydoc };
  const kept = shown ? { doc: shown, exact: true } : anyViewOf(view, row.id);
  return planFromUpdates(row.id, updates, { row, view: kept });
}

async function restoredLegacy(row: unknown, items: readonly unknown[]): Promise<RestoredDoc | null> {
  const sound = restoreSound(row, items);
  if (sound) return { doc: sound, notes: [] };
  const { restoreDocRecords } = await import('../schema/repair');
  return restoreDocRecords(row, items);
}

/**
 * A plan stored before v12 (a plan row and item rows) made into its document, once: the
 * document is written and the item rows go, in one transaction.
 */
async function convertLegacy(d: SolfjadernDb, row: PlanRow): Promise<StoredPlan | null> {
  const items = await legacyItems(d, row.id).toArray();
  const restored = await restoredLegacy(row, items);
  if (!restored) return null;
  const ydoc = docFromPlan(restored.doc, LOAD);
  await d.transaction('rw', d.plans, d.planItems, d.planUpdates, async () => {
    // Another tab may have converted it meanwhile: then its document stands.
    if ((await d.planUpdates.where('planId').equals(row.id).count()) > 0) return;
    await d.planUpdates.add(pieceRow(row.id, Y.encodeStateAsUpdate(ydoc)));
    await legacyItems(d, row.id).delete();
    await d.plans.put({ ...row, itemCount: Object.keys(restored.doc.items).length });
  });
  const stored = await d.planUpdates.where('planId').equals(row.id).toArray();
  const plan = (await planFromUpdates(row.id, stored)) ?? { ydoc, doc: restored.doc };
  // What the conversion repaired is what there is to say.
  keepNotes(row.id, restored.notes);
  return plan;
}

async function readPlan(d: SolfjadernDb, planId: string): Promise<StoredPlan | null> {
  const [row, rows, view] = await d.transaction('r', d.plans, d.planUpdates, d.planViews, () =>
    Promise.all([d.plans.get(planId), d.planUpdates.where('planId').equals(planId).toArray(), d.planViews.get(planId)]),
  );
  if (!row || row.deletedAt) return null;
  if (rows.length === 0) return convertLegacy(d, row);
  const lastSeq = Math.max(...rows.map((r) => r.seq ?? -1));
  const exact = viewOf(view, planId, lastSeq);
  return planFromUpdates(planId, rows, { row, view: exact ? { doc: exact, exact: true } : anyViewOf(view, planId) });
}

export async function loadPlan(planId: string): Promise<StoredPlan | null> {
  return readPlan(await opened(), planId);
}

/** The plan as it is stored (a version, a copy, a comparison). */
export async function readStoredDoc(planId: string): Promise<PlanDoc | null> {
  return (await loadPlan(planId))?.doc ?? null;
}

/** The plan open last (the start of the app waits for it). */
export async function loadLastPlan(): Promise<StoredPlan | null> {
  const d = await opened();
  const lastId = (await d.meta.get('lastPlanId'))?.value;
  return lastId ? readPlan(d, lastId) : null;
}

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
 * Make a plan's pieces one, re-encoded from the document they make (in one transaction: a tab
 * adding meanwhile waits): what was overwritten or deleted long ago is not kept, as the relay
 * does not keep it either.
 */
export async function compactPlan(planId: string): Promise<void> {
  const d = await opened();
  await d.transaction('rw', d.planUpdates, async () => {
    const rows = await d.planUpdates.where('planId').equals(planId).toArray();
    // Damaged pieces stay as they are (the next read names them); the sound ones become one.
    const sound = rows.filter(soundPiece);
    if (sound.length === 0) return;
    const ydoc = new Y.Doc();
    const applied = sound.filter((row) => {
      try {
        Y.applyUpdate(ydoc, row.update);
        return true;
      } catch {
        return false;
      }
    });
    const merged = Y.encodeStateAsUpdate(ydoc);
    ydoc.destroy();
    if (applied.length === 0 || (applied.length === 1 && merged.length >= applied[0]!.update.length)) return;
    await d.planUpdates.bulkDelete(applied.map((r) => r.seq!));
    await d.planUpdates.add(pieceRow(planId, merged));
  });
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
