// Reading a stored plan: its document from its pieces, through the one restore step; a damaged
// piece left out and named, the plan made again from its kept view when that costs it its base;
// a plan stored before v12 (a plan row and item rows) made into its document once. Part of the
// storage module (./repository.ts re-exports it).
import * as Y from 'yjs';
import type { PlanDoc } from '../domain/types';
import { isRecord, type RestoredDoc, restoreSound } from '../schema/records';
import { ID_RESTORED_NOTE, loadRepair, readDoc } from '../ydoc/read';
import { healOversized } from '../ydoc/heal';
import { docFromPlan } from '../ydoc/replica';
import { writeChanges } from '../ydoc/write';
import { formatOf, isNewer } from '../ydoc/format';
import { planMap } from '../ydoc/shape';
import { LOAD } from '../ydoc/origins';
import { opened } from './connection';
import type { PlanRow, SolfjadernDb } from './db';
import { damagedNote, decodePieces, pieceRow, soundPiece } from './pieces';
import { legacyItems, savePlan, type StoredPlan } from './storePlan';
import { anyViewOf, viewOf } from './views';

/**
 * A plan to open: its document, or — when the plan was shown from its kept view
 * (./views.ts) — how to decode it, which the editor does just after the first paint.
 */
export interface OpenablePlan {
  ydoc: Y.Doc | (() => Y.Doc);
  doc: PlanDoc;
}

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
