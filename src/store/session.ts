// Plans as a whole: which plan is open, creating, duplicating and deleting plans, and
// writing every change of the open plan to storage right after it happens.
import { namedAfter } from '../domain/limits';
import { produce } from 'immer';
import { createEmptyDoc, createExampleDoc, duplicateWithFollowUp } from '../domain/plan';
import { readFollowUp } from '../ydoc/followUp';
import { settleExtras } from '../domain/priorities';
import type { PlanDoc } from '../domain/types';
import type { FollowUp } from '../domain/followup';
import * as ops from '../domain/operations';
import * as repo from '../db/repository';
import { changeDoc } from '../ydoc/replica';
import { formatOf, isNewer, NEWER_MESSAGE } from '../ydoc/format';
import { loadRepair } from '../ydoc/read';
import { takeStartupRead } from '../db/startup';
import { forgetPlan, knownPlans, rememberPlan, setKnownPlans } from '../db/registry';
import { takeRebuiltPlans } from '../db/wal';
import { notify, useEditor } from './editorState';
import { openYDoc } from './openDoc';
import { flush } from './persistence';
import { useUi } from './ui';
import { geometriesKnown, seedGeometries } from '../fan/keptGeometry';

/** The fan's geometries kept for a plan, read before it shows (the first layout then only checks them). */
async function readKeptGeometries(planId: string): Promise<void> {
  if (!geometriesKnown(planId)) seedGeometries(planId, await repo.readGeometries(planId).catch(() => undefined));
}

async function show({ ydoc, doc }: repo.OpenablePlan, remembered = false): Promise<void> {
  await flush();
  await readKeptGeometries(doc.plan.id);
  // Remember it first: a tab closed right after switching reopens this plan.
  if (!remembered) await repo.setLastPlanId(doc.plan.id);
  openYDoc(ydoc, doc);
  useUi.setState({ unfoldedBladeId: null, exampleIntro: false });
}

/** A new plan's document, stored (`open`: as the plan to open next time). */
const stored = (doc: PlanDoc, open = false, followUp: FollowUp | null = null) => repo.saveDoc(doc, new Date(), open, followUp);

/** Open the plan used last, or the first plan, or — on a first visit — the built-in example. */
export async function bootstrap(): Promise<void> {
  void repo.requestPersistence();
  // Changes logged but perhaps not written before the last tab closed are replayed first.
  let plan = await takeStartupRead();
  performance.mark('solfjadern:plan-read');
  if (plan) {
    // Already the remembered plan: show it without another write.
    await readKeptGeometries(plan.doc.plan.id);
    openYDoc(plan.ydoc, plan.doc);
  } else {
    const first = (await repo.listPlans())[0];
    plan = first ? await repo.loadPlan(first.id) : null;
    const made = !plan;
    plan ??= await stored(createExampleDoc());
    await show(plan);
    if (made) useUi.setState({ exampleIntro: true });
  }
  const planId = plan.doc.plan.id;
  sayRepairs(planId);
  void sayLost();
  // Plans deleted in an earlier session go for good, once the plan is on screen.
  void repo.purgeDeleted(planId);
  // The careful restore step, for anything unsound a room or another tab may bring later.
  void loadRepair();
}

const activities = (n: number) => `${n} ${n === 1 ? 'aktivitet' : 'aktiviteter'}`;

/**
 * Plans this browser held at the last start that storage no longer has (the browser may
 * delete a site's database when the disk fills up): say which, how much the write-ahead log
 * brought back, and what to do. Then the list of known plans is what storage holds.
 */
async function sayLost(): Promise<void> {
  const rebuilt = takeRebuiltPlans();
  const known = knownPlans();
  const stored = await repo.listPlans();
  const here = new Set(stored.map((p) => p.id));
  const parts: string[] = [];
  for (const p of rebuilt) {
    const had = known[p.planId]?.items;
    parts.push(
      had !== undefined && had > p.items
        ? `”${p.name}” återskapades ur ändringsloggen med ${p.items} av ${activities(had)} – som den var när den senast var öppen här.`
        : `”${p.name}” återskapades ur ändringsloggen med alla ${activities(p.items)}.`,
    );
  }
  const made = new Set(rebuilt.map((p) => p.planId));
  for (const [id, p] of Object.entries(known)) if (!here.has(id) && !made.has(id)) parts.push(`”${p.name}” (${activities(p.items)}) gick förlorad.`);
  if (parts.length > 0)
    notify(
      'error',
      `Webbläsaren har tagit bort Solfjäderns sparade planer (det kan hända när datorns disk blir full). ${parts.join(' ')} Har du en exporterad fil (JSON eller Word) kan du importera den.`,
    );
  setKnownPlans(stored);
}

/** A plan whose stored rows had to be repaired opens with a message naming what happened. */
function sayRepairs(planId: string): void {
  const notes = repo.takeRepairNotes(planId);
  if (notes.length === 0) return;
  const shown = notes.slice(0, 4).join(' ');
  const more = notes.length > 4 ? ` (och ${notes.length - 4} till)` : '';
  notify('error', `Planen öppnades, men delar av den kunde inte läsas som de var sparade: ${shown}${more} Övriga planer är orörda.`);
}

export async function openPlan(planId: string): Promise<boolean> {
  await flush();
  const plan = await repo.loadPlan(planId);
  if (!plan) {
    notify('error', 'Planen kunde inte öppnas.');
    return false;
  }
  await show(plan);
  sayRepairs(planId);
  return true;
}

export type NewPlanKind = 'example' | 'empty';

export async function createPlan(kind: NewPlanKind, name: string): Promise<PlanDoc> {
  const clean = name.trim() || (kind === 'example' ? 'Ny plan från exemplet' : 'Ny plan');
  const doc = kind === 'example' ? createExampleDoc(new Date(), clean) : createEmptyDoc(clean);
  await flush();
  // One transaction stores the plan and remembers it as the one to open.
  const plan = await stored(doc, true);
  rememberPlan(doc.plan.id, doc.plan.name, Object.keys(doc.items).length);
  await show(plan, true);
  return doc;
}

export async function duplicatePlan(planId: string): Promise<PlanDoc | null> {
  await flush();
  const source = await repo.loadPlan(planId);
  if (!source) return null;
  // A copy is whole: its follow-up comes with it.
  const copy = duplicateWithFollowUp(source.doc, readFollowUp(source.ydoc), namedAfter(source.doc.plan.name, ' (kopia)'));
  await show(await stored(copy.doc, false, copy.followUp));
  return copy.doc;
}

/** Rename a plan from the plan list; the open plan is renamed through the store (undoable). */
export async function renameStoredPlan(planId: string, name: string): Promise<void> {
  const plan = await repo.loadPlan(planId);
  if (!plan) return;
  // A plan a newer version wrote is never written by this one (src/ydoc/format.ts).
  if (isNewer(formatOf(plan.ydoc))) {
    notify('error', `${NEWER_MESSAGE}.`);
    return;
  }
  const updates: Uint8Array[] = [];
  plan.ydoc.on('update', (update: Uint8Array) => updates.push(update));
  const doc = changeDoc(plan.ydoc, (d) => ops.renamePlan(d, name.trim()));
  if (doc && updates.length > 0) await repo.appendUpdates(planId, updates, doc);
}

export async function deletePlan(planId: string): Promise<void> {
  await flush();
  await repo.markDeleted(planId);
  forgetPlan(planId);
  if (useEditor.getState().doc?.plan.id === planId) {
    const next = (await repo.listPlans())[0];
    if (next) await openPlan(next.id);
    else await createPlan('empty', 'Ny plan');
  }
}

/** Store a whole plan (e.g. from a file) and open it. */
/** Open a plan made elsewhere (a file, a version) as the plan shown, stored first; `followUp`: its follow-up, when it has one. */
export async function openNewDoc(given: PlanDoc, followUp: FollowUp | null = null): Promise<void> {
  // The limits' italics follow from the plan: a plan made elsewhere is settled first (on a copy).
  const doc = produce(given, (draft) => settleExtras(given, draft));
  await flush();
  // One transaction stores the plan and remembers it as the one to open.
  const plan = await stored(doc, true, followUp);
  rememberPlan(doc.plan.id, doc.plan.name, Object.keys(doc.items).length);
  await show(plan, true);
}

export async function restorePlan(planId: string): Promise<void> {
  await repo.restoreDeleted(planId);
}

export const listPlans = repo.listPlans;
export const storageUse = repo.storageUse;
export type { PlanSummary, StorageUse } from '../db/repository';

export { flush, startPersistence } from './persistence';
