// Undo/redo by immer patches: each step keeps the forward and inverse patches of one
// commit, never a snapshot of the whole plan.
import { applyPatches, enablePatches, produceWithPatches, type Patch } from 'immer';
import type { PlanDoc } from '../domain/types';

enablePatches();

export const HISTORY_LIMIT = 200;

export interface Step {
  label: string;
  patches: Patch[];
  inverse: Patch[];
  /** Consecutive commits with the same key (e.g. dragging a colour picker) form one step. */
  mergeKey?: string;
  /**
   * A step of a store beside the plan (Prioritera's votes, Samla in's collection): no patches
   * of the plan; undo and redo run these instead, so Ctrl+Z takes back the last change
   * whichever part of the workshop made it.
   */
  side?: { undo: () => void; redo: () => void };
}

export interface History {
  past: Step[];
  future: Step[];
}

export const emptyHistory = (): History => ({ past: [], future: [] });

export interface CommitResult {
  doc: PlanDoc;
  history: History;
  patches: Patch[];
}

/** Run a recipe on the document; null when it changed nothing. Throws what the recipe throws. */
export function commitStep(
  doc: PlanDoc,
  history: History,
  label: string,
  recipe: (draft: PlanDoc) => void,
  mergeKey?: string,
): CommitResult | null {
  const [next, patches, inverse] = produceWithPatches(doc, (draft) => {
    recipe(draft as PlanDoc);
  });
  if (patches.length === 0) return null;
  const last = history.past.at(-1);
  if (mergeKey && last?.mergeKey === mergeKey && history.future.length === 0) {
    const merged: Step = { label, mergeKey, patches: [...last.patches, ...patches], inverse: [...inverse, ...last.inverse] };
    return { doc: next, history: { past: [...history.past.slice(0, -1), merged], future: [] }, patches };
  }
  const step: Step = mergeKey ? { label, patches, inverse, mergeKey } : { label, patches, inverse };
  const past = [...history.past, step];
  if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
  return { doc: next, history: { past, future: [] }, patches };
}

/**
 * Follow a commit with changes that belong to it (e.g. flags derived from the new state):
 * they join the commit's step, so one undo takes back both.
 */
export function amendStep(result: CommitResult, recipe: (draft: PlanDoc) => void): CommitResult {
  const [doc, patches, inverse] = produceWithPatches(result.doc, (draft) => {
    recipe(draft as PlanDoc);
  });
  const last = result.history.past.at(-1);
  if (patches.length === 0 || !last) return result;
  const amended: Step = { ...last, patches: [...last.patches, ...patches], inverse: [...inverse, ...last.inverse] };
  return { doc, history: { ...result.history, past: [...result.history.past.slice(0, -1), amended] }, patches: [...result.patches, ...patches] };
}

export function undoStep(doc: PlanDoc, history: History): CommitResult | null {
  const step = history.past.at(-1);
  if (!step) return null;
  return {
    doc: applyPatches(doc, step.inverse),
    history: { past: history.past.slice(0, -1), future: [step, ...history.future] },
    patches: step.inverse,
  };
}

export function redoStep(doc: PlanDoc, history: History): CommitResult | null {
  const step = history.future[0];
  if (!step) return null;
  return {
    doc: applyPatches(doc, step.patches),
    history: { past: [...history.past, step], future: history.future.slice(1) },
    patches: step.patches,
  };
}
