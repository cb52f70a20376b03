// The editor store: the open plan, its undo history and the last user-facing message.
// Every change to the plan goes through `commit`; listeners (storage) receive the patches.
import { produce, produceWithPatches, type Patch } from 'immer';
import { create } from 'zustand';
import { RuleError } from '../domain/rules';
import { rehomeOrphans } from '../domain/operations';
import { settleExtras } from '../domain/priorities';
import type { PlanDoc } from '../domain/types';
import type { RemoteRows } from './sync';
import { amendStep, commitStep, emptyHistory, HISTORY_LIMIT, redoStep, undoStep, type CommitResult, type History, type Step } from './history';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  id: number;
  action?: { label: string; run: () => void };
}

export interface EditorState {
  doc: PlanDoc | null;
  history: History;
  notice: Notice | null;
}

export const useEditor = create<EditorState>(() => ({
  doc: null,
  history: emptyHistory(),
  notice: null,
}));

export type ChangeListener = (doc: PlanDoc, patches: Patch[]) => void;
const listeners = new Set<ChangeListener>();

export function onDocChange(listener: ChangeListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let noticeSeq = 0;
export function notify(kind: Notice['kind'], text: string, action?: Notice['action']): void {
  useEditor.setState({ notice: { kind, text, id: ++noticeSeq, ...(action ? { action } : {}) } });
}

/** Run a step that may break a rule of the plan: the rule's Swedish message is shown and `undefined` returned. */
export function obeyingRules<T>(run: () => T): T | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof RuleError) {
      notify('error', error.message);
      return undefined;
    }
    throw error;
  }
}

export function clearNotice(): void {
  useEditor.setState({ notice: null });
}

function apply(result: CommitResult | null): boolean {
  if (!result) return false;
  // Listeners (storage) first: their write starts before React draws the change.
  for (const listener of listeners) listener(result.doc, result.patches);
  useEditor.setState({ doc: result.doc, history: result.history });
  return true;
}

/**
 * Apply one user action to the open plan as one undoable step. Returns false when the
 * action changed nothing or broke a rule (the rule's Swedish message is shown).
 */
export function commit(label: string, recipe: (draft: PlanDoc) => void, mergeKey?: string): boolean {
  const { doc, history } = useEditor.getState();
  if (!doc) return false;
  try {
    const result = commitStep(doc, history, label, recipe, mergeKey);
    // The limits' italics follow from the new state: settled on the plain result (fast) and
    // joined to the same undo step.
    const changed = apply(result && affectsExtras(result.patches) ? amendStep(result, (draft) => settleExtras(result.doc, draft)) : result);
    if (changed) warnAboutNewExtras(doc, useEditor.getState().doc!);
    return changed;
  } catch (error) {
    if (error instanceof RuleError) {
      notify('error', error.message);
      return false;
    }
    throw error;
  }
}

/** Item fields the limits' rule does not read: changing only these cannot change an item's `extra`. */
const OUTSIDE_RULE = new Set(['text', 'description', 'effektmal', 'indikator', 'ansvarsniva', 'kalla', 'comments', 'sources', 'extra']);

function affectsExtras(patches: readonly Patch[]): boolean {
  return patches.some((p) => p.path[0] !== 'items' || p.path.length < 3 || !OUTSIDE_RULE.has(String(p.path[2])));
}

/** Warn, never block: say when a change pushed an item beyond its delområde's limit. */
function warnAboutNewExtras(before: PlanDoc, after: PlanDoc): void {
  if (before.items === after.items) return;
  const pushed = Object.values(after.items).filter((item) => item.extra && item.extraChoice === 'auto' && before.items[item.id]?.extra === false);
  if (pushed.length === 0) return;
  const names = pushed.length === 1 ? `”${pushed[0]!.text}” är` : `${pushed.length} aktiviteter är`;
  notify('info', `${names} nu utöver gränsen för sitt delområde och visas som extra (kursivt). Se Delområden.`);
}

/**
 * Record a change of a store beside the plan as one undoable step (it is already made). Returns
 * the step, so a notice's "Ångra" can take back exactly it while it is still the last.
 */
export function pushSideStep(label: string, side: NonNullable<Step['side']>): Step {
  const step: Step = { label, patches: [], inverse: [], side };
  useEditor.setState(({ history }) => {
    const past = [...history.past, step];
    if (past.length > HISTORY_LIMIT) past.splice(0, past.length - HISTORY_LIMIT);
    return { history: { past, future: [] } };
  });
  return step;
}

/** Undo `step` if it is still the last change (a notice's "Ångra"); false otherwise. */
export function undoIfLast(step: Step): boolean {
  return useEditor.getState().history.past.at(-1) === step && undo();
}

/** Undo/redo patches can no longer apply when another tab changed the same rows. */
function step(run: typeof undoStep): boolean {
  const { doc, history } = useEditor.getState();
  if (!doc) return false;
  // A side store's step: its own undo or redo, and the step moves like any other.
  const side = run === undoStep ? history.past.at(-1) : history.future[0];
  if (side?.side) {
    if (run === undoStep) {
      side.side.undo();
      useEditor.setState({ history: { past: history.past.slice(0, -1), future: [side, ...history.future] } });
    } else {
      side.side.redo();
      useEditor.setState({ history: { past: [...history.past, side], future: history.future.slice(1) } });
    }
    return true;
  }
  let result: CommitResult | null;
  try {
    result = run(doc, history);
  } catch {
    useEditor.setState({ history: emptyHistory() });
    notify('error', 'Det går inte att ångra längre: planen har ändrats i en annan flik.');
    return false;
  }
  return apply(result);
}

export const undo = (): boolean => step(undoStep);
export const redo = (): boolean => step(redoStep);

/**
 * Show rows another tab wrote. Not a user action here: no history, no write — except that an
 * item left in a cell that is gone (the other tab removed its blade or ring while this one
 * placed it there) goes back to Inspel, which is written like any change and said.
 */
export function applyRemote(planId: string, rows: RemoteRows): void {
  const { doc } = useEditor.getState();
  if (!doc || doc.plan.id !== planId) return;
  const next = produce(doc, (draft) => {
    if (rows.plan) draft.plan = rows.plan;
    for (const [id, item] of Object.entries(rows.items)) {
      if (item) draft.items[id] = item;
      else delete draft.items[id];
    }
  });
  let moved: string[] = [];
  const [fixed, patches] = produceWithPatches(next, (draft) => void (moved = rehomeOrphans(draft)));
  if (patches.length > 0) for (const listener of listeners) listener(fixed, patches);
  if (fixed !== doc) useEditor.setState({ doc: fixed });
  if (moved.length > 0) {
    const what = moved.length === 1 ? `”${fixed.items[moved[0]!]!.text}”` : `${moved.length} aktiviteter`;
    notify('info', `${what} låg där ett fokusområde eller en ring togs bort i en annan flik och ligger nu i Inspel.`);
  }
}

/** Open a plan: replaces the document and starts a fresh history. */
export function loadDoc(doc: PlanDoc | null): void {
  useEditor.setState({ doc, history: emptyHistory() });
}
