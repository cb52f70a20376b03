// The editor: every change of this window goes through `commit` — a pure operation on the plan
// (on a draft that records what it changed: src/domain/draft.ts), written into the plan's Yjs document (src/ydoc/) through `change` as one transaction
// and one undoable step. The document is the one source of truth, alone or in a room
// (./openDoc.ts opens and follows it); `doc` in the state is its binding's plan.
//
// A `PlanEditor` is one window's editor of one open plan: its state (a store), its document, its
// history. The app has one (`appEditor`, which the components reach through ./editor.ts once
// this part of the app has loaded: see ./engine.ts); tests make several, as several windows.
import { produce } from 'immer';
import type * as Y from 'yjs';
import type { FollowUp } from '../domain/followup';
import { draftPlan, type PlanChange } from '../domain/draft';
import { changedItemIds } from '../domain/itemChanges';
import { RuleError } from '../domain/rules';
import type { PlanDoc } from '../domain/types';
import { LOCAL } from '../ydoc/origins';
import { writeChange } from '../ydoc/write';
import { writeFollowUp } from '../ydoc/followUp';
import { releaseSteps } from '../ydoc/undo';
import { rememberedAuthor } from './author';
import { mineOf } from './clashes';
import { updateItem } from '../domain/operations';
import { bringBack, stampAuthor } from './losses';
import { createEditorStore, type EditorStore, notifyIn, pushSideStepIn } from './editorState';
import { HISTORY_LIMIT, pushed, type Step } from './history';
import { appPlan, type Open, OpenPlan } from './openDoc';


/**
 * Plan steps whose stack items the UndoManager no longer holds in `stack` (it skips items a
 * colleague's changes made empty) leave `from` with the step taken.
 */
function stillThere(steps: Step[], stack: readonly object[]): Step[] {
  const held = new Set(stack);
  return steps.filter((s) => !s.item || held.has(s.item));
}

export class PlanEditor {
  readonly store: EditorStore;

  constructor(readonly plan: OpenPlan = new OpenPlan(createEditorStore())) {
    this.store = plan.store;
    plan.restoreLosses = (losses) => this.commit('Återställ', (d) => bringBack(d, losses));
    plan.writeMine = (clash) => this.commit('Använd min', (d) => void (d.items[clash.id] && updateItem(d, clash.id, mineOf(clash))));
  }

  /**
   * Apply one user action to the open plan as one undoable step: the pure operation runs on the
   * plan as its document holds it, and what it changed is written into the document as one
   * transaction; the document's binding then holds the new plan, which shows at once. Returns
   * false when the action changed nothing or broke a rule (the rule's Swedish message is shown).
   */
  commit(label: string, recipe: (draft: PlanDoc) => void, mergeKey?: string): boolean {
    this.plan.settle();
    const open = this.plan.openDocument();
    const doc = open?.binding.doc;
    if (!doc || !open) return false;
    const change = this.changeOf(doc, recipe);
    if (!change) return false;
    const { ydoc } = open;
    // A change that removes carries who made it, for the others to say (./losses.ts).
    const removes = [...change.items.values()].includes(null) || change.plan.blades.length < doc.plan.blades.length || change.plan.rings.length < doc.plan.rings.length;
    const written = this.recordStep(open, label, mergeKey, () => {
      writeChange(ydoc, doc, change);
      if (removes) stampAuthor(ydoc, rememberedAuthor());
    });
    if (!written) return false;
    const after = open.binding.doc ?? doc;
    this.store.setState({ doc: after });
    this.plan.edits.note(doc, after);
    this.warnAboutNewExtras(doc, after);
    return true;
  }

  /** What `recipe` changes in `doc`; null when nothing, or when it broke a rule (whose message is shown). */
  private changeOf(doc: PlanDoc, recipe: (draft: PlanDoc) => void): PlanChange | null {
    const draft = draftPlan(doc);
    try {
      recipe(draft.doc);
      return draft.finish();
    } catch (error) {
      if (error instanceof RuleError) {
        notifyIn(this.store, 'error', error.message);
        return null;
      }
      throw error;
    }
  }

  /**
   * Write into the open plan's document as this window's change and one undoable step (or part of
   * the last one, with the same `mergeKey`).
   */
  private recordStep({ undo }: Open, label: string, mergeKey: string | undefined, write: () => void): boolean {
    const { history } = this.store.getState();
    const last = history.past.at(-1);
    const merging = !!mergeKey && last?.mergeKey === mergeKey && !!last.item && undo.undoStack.at(-1) === last.item && history.future.length === 0;
    if (!merging) undo.stopCapturing();
    const before = undo.undoStack.length;
    if (!this.plan.change(LOCAL, write)) return false;
    const item = undo.undoStack.at(-1);
    if (undo.undoStack.length > before && item) {
      this.store.setState({ history: pushed(history, { label, item, ...(mergeKey ? { mergeKey } : {}) }) });
      if (undo.undoStack.length > HISTORY_LIMIT) releaseSteps(undo.doc, undo.undoStack.splice(0, undo.undoStack.length - HISTORY_LIMIT));
    } else if (merging) this.store.setState({ history: { past: [...history.past.slice(0, -1), { ...last!, label }], future: [] } });
    return true;
  }

  /**
   * A change beside the plan's items that lives in its document too (Prioritera's dots): written
   * by `write` as one undoable step of this window. Returns the step, or null when nothing changed.
   */
  commitWrite(label: string, write: (ydoc: Y.Doc) => void): Step | null {
    const open = this.plan.openDocument();
    if (!open) return null;
    const { ydoc } = open;
    const before = this.store.getState().history.past.at(-1);
    if (!this.recordStep(open, label, undefined, () => write(ydoc))) return null;
    const step = this.store.getState().history.past.at(-1);
    return step && step !== before ? step : null;
  }

  /**
   * Change the open plan's follow-up (Uppföljning) as one undoable step: the operations of
   * `src/domain/followup.ts` run on a draft of it as its document holds it, and the records they
   * changed are written into the document. False when nothing changed or a rule broke (its
   * Swedish message is shown); `mergeKey` as for `commit` (typing a comment is one step).
   */
  commitFollowUp(label: string, recipe: (draft: FollowUp, doc: PlanDoc) => void, mergeKey?: string): boolean {
    this.plan.settle();
    const open = this.plan.openDocument();
    const doc = open?.binding.doc;
    if (!doc || !open) return false;
    const before = open.binding.followUp;
    let after: FollowUp;
    try {
      after = produce(before, (draft) => recipe(draft as FollowUp, doc));
    } catch (error) {
      if (error instanceof RuleError) {
        notifyIn(this.store, 'error', error.message);
        return false;
      }
      throw error;
    }
    if (after === before) return false;
    return this.recordStep(open, label, mergeKey, () => writeFollowUp(open.ydoc, before, after));
  }

  /** Warn, never block: say when a change pushed an item beyond its delområde's limit. */
  private warnAboutNewExtras(before: PlanDoc, after: PlanDoc): void {
    if (before.items === after.items) return;
    const pushedOut = changedItemIds(before.items, after.items).flatMap((id) => {
      const item = after.items[id];
      return item?.extra && item.extraChoice === 'auto' && before.items[id]?.extra === false ? [item] : [];
    });
    if (pushedOut.length === 0) return;
    const names = pushedOut.length === 1 ? `”${pushedOut[0]!.text}” är` : `${pushedOut.length} aktiviteter är`;
    notifyIn(this.store, 'info', `${names} nu utöver gränsen för sitt delområde och visas som extra (kursivt). Se Delområden.`);
  }

  /**
   * Record a change of a store beside the plan as one undoable step (it is already made). Returns
   * the step, so a notice's "Ångra" can take back exactly it while it is still the last.
   */
  pushSideStep(label: string, side: NonNullable<Step['side']>): Step {
    return pushSideStepIn(this.store, label, side);
  }

  /** Undo `step` if it is still the last change (a notice's "Ångra"); false otherwise. */
  undoIfLast(step: Step): boolean {
    return this.store.getState().history.past.at(-1) === step && this.undo();
  }

  undo(): boolean {
    this.plan.settle();
    const open = this.plan.openDocument();
    const { history } = this.store.getState();
    const step = history.past.at(-1);
    if (!step || (!step.side && this.plan.refusedAsNewer())) return false;
    if (step.side) step.side.undo();
    else open?.undo.undo();
    const moved = history.past.at(-1)!;
    const past = stillThere(history.past.slice(0, -1), open?.undo.undoStack ?? []);
    this.store.setState({ history: { past, future: [moved, ...history.future] } });
    this.plan.settle();
    return true;
  }

  redo(): boolean {
    this.plan.settle();
    const open = this.plan.openDocument();
    const { history } = this.store.getState();
    const step = history.future[0];
    if (!step || (!step.side && this.plan.refusedAsNewer())) return false;
    if (step.side) step.side.redo();
    else {
      open?.undo.redo();
      // The redone change is a new stack item: the step follows it.
      const item = open?.undo.undoStack.at(-1);
      if (item) step.item = item;
    }
    this.store.setState({ history: { past: [...history.past, step], future: history.future.slice(1) } });
    this.plan.settle();
    return true;
  }
}

/** The app's editor: the open plan shown in `useEditor`. */
export const appEditor = new PlanEditor(appPlan);

/** A change beside the plan's items written into its document as one undoable step of the app's editor (see `PlanEditor.commitWrite`). */
export const commitWrite = (label: string, write: (ydoc: Y.Doc) => void) => appEditor.commitWrite(label, write);
