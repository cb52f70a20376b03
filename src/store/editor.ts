// The editor: every change of this window goes through `commit` — a pure operation on the plan
// (immer), written into the plan's Yjs document (src/ydoc/) through `change` as one transaction
// and one undoable step. The document is the one source of truth, alone or in a room
// (./openDoc.ts opens and follows it); `doc` in the state is its binding's plan.
import { produce } from 'immer';
import type * as Y from 'yjs';
import { changedItemIds } from '../domain/itemChanges';
import { RuleError } from '../domain/rules';
import type { PlanDoc } from '../domain/types';
import { LOCAL } from '../ydoc/origins';
import { writeChanges } from '../ydoc/write';
import { rememberedAuthor } from './author';
import { mineOf, noteEdits } from './clashes';
import { updateItem } from '../domain/operations';
import { bringBack, stampAuthor } from './losses';
import { notify, useEditor } from './editorState';
import { HISTORY_LIMIT, pushed, type Step } from './history';
import { change, type Open, openDocument, refusedAsNewer, setRestoreLosses, setWriteMine, settleNow } from './openDoc';

export { clearNotice, notify, obeyingRules, useEditor, type EditorState, type Notice } from './editorState';
export { change, currentYDoc, type DocSource, loadDoc, onOpenDoc, type OpenListener, openYDoc, peerIsNewer, settleNow, showsDocument } from './openDoc';

/**
 * Apply one user action to the open plan as one undoable step: the pure operation runs on the
 * plan as its document holds it, and what it changed is written into the document as one
 * transaction; the document's binding then holds the new plan, which shows at once. Returns
 * false when the action changed nothing or broke a rule (the rule's Swedish message is shown).
 */
export function commit(label: string, recipe: (draft: PlanDoc) => void, mergeKey?: string): boolean {
  settleNow();
  const open = openDocument();
  const doc = open?.binding.doc;
  if (!doc || !open) return false;
  let next: PlanDoc;
  try {
    next = produce(doc, (draft) => void recipe(draft as PlanDoc));
    if (next === doc) return false;
  } catch (error) {
    if (error instanceof RuleError) {
      notify('error', error.message);
      return false;
    }
    throw error;
  }
  const { ydoc } = open;
  // A change that removes carries who made it, for the others to say (./losses.ts).
  const removes = Object.keys(next.items).length < Object.keys(doc.items).length || next.plan.blades.length < doc.plan.blades.length || next.plan.rings.length < doc.plan.rings.length;
  const written = recordStep(open, label, mergeKey, () => {
    writeChanges(ydoc, doc, next);
    if (removes) stampAuthor(ydoc, rememberedAuthor());
  });
  if (!written) return false;
  const after = open.binding.doc ?? doc;
  useEditor.setState({ doc: after });
  noteEdits(doc, after);
  warnAboutNewExtras(doc, after);
  return true;
}

/**
 * Write into the open plan's document as this window's change and one undoable step (or part of
 * the last one, with the same `mergeKey`).
 */
function recordStep({ undo }: Open, label: string, mergeKey: string | undefined, write: () => void): boolean {
  const { history } = useEditor.getState();
  const last = history.past.at(-1);
  const merging = !!mergeKey && last?.mergeKey === mergeKey && !!last.item && undo.undoStack.at(-1) === last.item && history.future.length === 0;
  if (!merging) undo.stopCapturing();
  const before = undo.undoStack.length;
  if (!change(LOCAL, write)) return false;
  const item = undo.undoStack.at(-1);
  if (undo.undoStack.length > before && item) {
    useEditor.setState({ history: pushed(history, { label, item, ...(mergeKey ? { mergeKey } : {}) }) });
    if (undo.undoStack.length > HISTORY_LIMIT) undo.undoStack.splice(0, undo.undoStack.length - HISTORY_LIMIT);
  } else if (merging) useEditor.setState({ history: { past: [...history.past.slice(0, -1), { ...last!, label }], future: [] } });
  return true;
}

/**
 * A change beside the plan's items that lives in its document too (Prioritera's dots): written
 * by `write` as one undoable step of this window. Returns the step, or null when nothing changed.
 */
export function commitWrite(label: string, write: (ydoc: Y.Doc) => void): Step | null {
  const open = openDocument();
  if (!open) return null;
  const { ydoc } = open;
  const before = useEditor.getState().history.past.at(-1);
  if (!recordStep(open, label, undefined, () => write(ydoc))) return null;
  const step = useEditor.getState().history.past.at(-1);
  return step && step !== before ? step : null;
}

setRestoreLosses((losses) => commit('Återställ', (d) => bringBack(d, losses)));
setWriteMine((clash) => commit('Använd min', (d) => void (d.items[clash.id] && updateItem(d, clash.id, mineOf(clash)))));

/** Warn, never block: say when a change pushed an item beyond its delområde's limit. */
function warnAboutNewExtras(before: PlanDoc, after: PlanDoc): void {
  if (before.items === after.items) return;
  const pushedOut = changedItemIds(before.items, after.items).flatMap((id) => {
    const item = after.items[id];
    return item?.extra && item.extraChoice === 'auto' && before.items[id]?.extra === false ? [item] : [];
  });
  if (pushedOut.length === 0) return;
  const names = pushedOut.length === 1 ? `”${pushedOut[0]!.text}” är` : `${pushedOut.length} aktiviteter är`;
  notify('info', `${names} nu utöver gränsen för sitt delområde och visas som extra (kursivt). Se Delområden.`);
}

/**
 * Record a change of a store beside the plan as one undoable step (it is already made). Returns
 * the step, so a notice's "Ångra" can take back exactly it while it is still the last.
 */
export function pushSideStep(label: string, side: NonNullable<Step['side']>): Step {
  const step: Step = { label, side };
  useEditor.setState(({ history }) => ({ history: pushed(history, step) }));
  return step;
}

/** Undo `step` if it is still the last change (a notice's "Ångra"); false otherwise. */
export function undoIfLast(step: Step): boolean {
  return useEditor.getState().history.past.at(-1) === step && undo();
}

/**
 * Plan steps whose stack items the UndoManager no longer holds in `stack` (it skips items a
 * colleague's changes made empty) leave `from` with the step taken.
 */
function stillThere(steps: Step[], stack: readonly object[]): Step[] {
  const held = new Set(stack);
  return steps.filter((s) => !s.item || held.has(s.item));
}

export function undo(): boolean {
  settleNow();
  const open = openDocument();
  const { history } = useEditor.getState();
  const step = history.past.at(-1);
  if (!step || (!step.side && refusedAsNewer())) return false;
  if (step.side) step.side.undo();
  else open?.undo.undo();
  const moved = history.past.at(-1)!;
  const past = stillThere(history.past.slice(0, -1), open?.undo.undoStack ?? []);
  useEditor.setState({ history: { past, future: [moved, ...history.future] } });
  settleNow();
  return true;
}

export function redo(): boolean {
  settleNow();
  const open = openDocument();
  const { history } = useEditor.getState();
  const step = history.future[0];
  if (!step || (!step.side && refusedAsNewer())) return false;
  if (step.side) step.side.redo();
  else {
    open?.undo.redo();
    // The redone change is a new stack item: the step follows it.
    const item = open?.undo.undoStack.at(-1);
    if (item) step.item = item;
  }
  useEditor.setState({ history: { past: [...history.past, step], future: history.future.slice(1) } });
  settleNow();
  return true;
}


