// Importing a plan file: read and check it (the schema code loads only now), then let the
// user open it as a new plan or, for a plan that is already here, replace that plan — the
// replaced version is kept as a copy. A refused file changes nothing.
import { duplicateWithFollowUp } from '../domain/plan';
import { readFollowUp } from '../ydoc/followUp';
import { newId } from '../domain/ids';
import type { PlanDoc } from '../domain/types';
import type { FollowUp } from '../domain/followup';
import * as repo from '../db/repository';
import { fileTooLarge, LIMITS, MAX_FILE_BYTES, namedAfter, shortened } from '../domain/limits';
import { notify, useEditor } from './editor';
import { flush, openNewDoc } from './session';
import { openDialog } from './ui';
import { isZip, unreadableKind } from '../files/kinds';


export interface PendingImport {
  fileName: string;
  doc: PlanDoc;
  /** The file's follow-up (Uppföljning), opened with the plan. */
  followUp: FollowUp;
  warnings: string[];
  /** The stored plan with the same id, if any, and what replacing it would change. */
  existing: { name: string; added: number; removed: number; changed: number } | null;
}

/** Read a chosen file; on success the import dialog asks what to do with it. */
export async function chooseImportFile(file: File): Promise<boolean> {
  if (file.size > MAX_FILE_BYTES) {
    notify('error', `”${file.name}” kan inte importeras. ${fileTooLarge(file.size)}`);
    return false;
  }
  const { readPlanFile } = await import('../schema/restore');
  const text = await planText(file);
  if ('refused' in text) {
    notify('error', `”${file.name}” kan inte importeras. ${text.refused}`);
    return false;
  }
  const result = readPlanFile(text.json);
  if (!result.ok) {
    notify('error', `”${file.name}” kan inte importeras. ${result.error}`);
    return false;
  }
  const existing = compare(await storedPlan(result.doc.plan.id), result.doc);
  const warnings = text.origin ? [text.origin, ...result.warnings] : result.warnings;
  openDialog({ kind: 'import', pending: { fileName: file.name, doc: result.doc, followUp: result.followUp, warnings, existing } });
  return true;
}

/** The stored plan of this id: the open one as it is on screen (all of it is being written), else read. */
async function storedPlan(planId: string): Promise<PlanDoc | null> {
  const open = useEditor.getState().doc;
  if (open?.plan.id === planId) return open;
  await flush();
  return repo.readStoredDoc(planId);
}

/** What replacing the stored plan with the file's would change, item by item. */
function compare(stored: PlanDoc | null, doc: PlanDoc): PendingImport['existing'] {
  let existing: PendingImport['existing'] = null;
  if (stored) {
    const ids = new Set([...Object.keys(stored.items), ...Object.keys(doc.items)]);
    let added = 0;
    let removed = 0;
    let changed = 0;
    for (const id of ids) {
      const before = stored.items[id];
      const after = doc.items[id];
      if (!before) added++;
      else if (!after) removed++;
      else if (JSON.stringify(before) !== JSON.stringify(after)) changed++;
    }
    existing = { name: stored.plan.name, added, removed, changed };
  }
  return existing;
}

/** What Importera reads, for messages about what it does not. */
export const IMPORT_KINDS = 'Importera läser planfiler från Solfjädern: JSON (.json) eller en Word-fil (.docx) som Solfjädern har skapat.';

/** Why a file that is not a zip package cannot be a plan file, by its kind; null when it may be JSON. */
export function notPlanText(name: string, head: Uint8Array, size = head.length): string | null {
  const kind = unreadableKind(name, size, head, IMPORT_KINDS);
  if (kind) return kind;
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'docx') return `Filen är inte en Word-fil som går att öppna (den kan vara trasig eller ha fel filändelse). ${IMPORT_KINDS}`;
  if (ext === 'odt' || ext === 'xlsx' || ext === 'pptx') return `Filen är inte en plan från Solfjädern. ${IMPORT_KINDS}`;
  return null;
}

/**
 * The plan file's text: a JSON file as it is, or the plan a Word file made by this app
 * carries (with a line saying where it came from); else why it cannot be read.
 */
async function planText(file: File): Promise<{ json: string; origin: string } | { refused: string }> {
  const head = new Uint8Array(await file.slice(0, 512).arrayBuffer());
  if (!isZip(head)) {
    const refused = notPlanText(file.name, head, file.size);
    return refused ? { refused } : { json: await file.text(), origin: '' };
  }
  const { readPlanPart } = await import('../files/planPart');
  const part = await readPlanPart(file).catch((error: unknown) => (error instanceof Error && error.name === 'ZipTooLarge' ? error : undefined));
  if (part instanceof Error) return { refused: part.message };
  if (part === undefined) return { refused: `Filen går inte att öppna som Word-fil (.docx); den kan vara trasig. ${IMPORT_KINDS}` };
  if (!part) return { refused: 'Word-filen innehåller ingen plan från Solfjädern (bara filer som Solfjädern har skapat bär planen med sig).' };
  const kind = part.document === 'mall' ? 'mallen' : 'handlingsplanen';
  const when = new Date(part.exportedAt);
  const at = Number.isNaN(when.getTime()) ? '' : `, exporterad ${when.toLocaleString('sv-SE', { dateStyle: 'long', timeStyle: 'short' })}`;
  const to = part.recipient ? `, skickad till ${part.recipient}` : '';
  return { json: part.planJson, origin: `Word-filen är ${kind} för ”${part.planName}”${to}${at}.` };
}

/** Open the file as a new plan: a new plan id, the name marked "Importerad", items as in the file. */
export async function importAsNewPlan(pending: PendingImport): Promise<PlanDoc> {
  const planId = newId();
  const items: PlanDoc['items'] = {};
  for (const [id, item] of Object.entries(pending.doc.items)) items[id] = { ...item, planId };
  const doc: PlanDoc = { plan: { ...pending.doc.plan, id: planId, name: shortened(`Importerad: ${pending.doc.plan.name}`, LIMITS.name) }, items };
  await openNewDoc(doc, pending.followUp);
  notify('info', `”${pending.fileName}” öppnades som en ny plan.`);
  return doc;
}

/** Replace the stored plan with the same id; what it was stays as a copy. */
export async function importReplacing(pending: PendingImport, now = new Date()): Promise<void> {
  await flush();
  const stored = await repo.loadPlan(pending.doc.plan.id);
  if (stored) {
    // What the plan was stays whole, its follow-up too.
    const stamp = now.toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
    const copy = duplicateWithFollowUp(stored.doc, readFollowUp(stored.ydoc), namedAfter(stored.doc.plan.name, ` (före import ${stamp})`), now);
    await repo.saveDoc(copy.doc, now, false, copy.followUp);
  }
  await openNewDoc(pending.doc, pending.followUp);
  notify('info', `Planen ersattes med innehållet i ”${pending.fileName}”. Den tidigare versionen finns kvar som kopia under Planer.`);
}
