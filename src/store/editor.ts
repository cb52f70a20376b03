// The components' way to the open plan: its state (`useEditor`: the plan as shown, the undo
// history, the notice) and the calls that change it. What holds the plan's document (Yjs, the
// editor, storage: ./engine.ts) loads after the first paint; until it has opened the plan, a
// change is kept and made, in order, as soon as it has — nothing is lost, and the plan shows
// from its kept view meanwhile. Tests load it first (tests/setup-unit.ts), so every call runs
// at once.
import type * as Y from 'yjs';
import type { PlanDoc } from '../domain/types';
import type { FollowUp } from '../domain/followup';
import { pushSideStepIn, useEditor } from './editorState';
import type { Step } from './history';
import type { DocSource, OpenListener } from './openDoc';

export { clearNotice, notify, obeyingRules, useEditor, useReadOnly, type EditorState, type Notice } from './editorState';
export type { DocSource, OpenListener };

type Engine = typeof import('./engine');

/** The engine once loaded (its listeners attached), and once it has opened the app's first plan. */
let loaded: Engine | null = null;
let ready: Engine | null = null;
let markReady: (engine: Engine) => void = () => {};
/** The engine, once it has opened the app's first plan: calls made before wait for this, in order. */
export const engineReady: Promise<Engine> = new Promise((resolve) => (markReady = resolve));
/** Listeners that came before the engine, and how to stop each once it is attached. */
const waiting = new Map<OpenListener, { off: (() => void) | null }>();

/** The engine has loaded: what waited to be told of plans opening now is (before any opens). */
export function engineLoaded(engine: Engine): void {
  loaded = engine;
  for (const [listener, handle] of waiting) handle.off = engine.appPlan.onOpenDoc(listener);
  waiting.clear();
}

/** The engine has opened the app's first plan: calls run at once from now on, and those kept run now. */
export function engineStarted(engine: Engine): void {
  if (!loaded) engineLoaded(engine);
  ready = engine;
  markReady(engine);
}

/** Run `call` now if the engine is ready; else as soon as it is, and answer `meanwhile`. */
function whenReady<T>(call: (engine: Engine) => T, meanwhile: T): T {
  if (ready) return call(ready);
  void engineReady.then(call);
  return meanwhile;
}

/**
 * Apply one user action to the open plan as one undoable step (see `PlanEditor.commit`): false
 * when it changed nothing or broke a rule (its message is shown). Made before the engine has
 * opened the plan, it is made as soon as it has (and answers true now).
 */
export const commit = (label: string, recipe: (draft: PlanDoc) => void, mergeKey?: string): boolean => whenReady((e) => e.appEditor.commit(label, recipe, mergeKey), true);

/** Change the open plan's follow-up as one undoable step (see `PlanEditor.commitFollowUp`). */
export const commitFollowUp = (label: string, recipe: (draft: FollowUp, doc: PlanDoc) => void, mergeKey?: string): boolean =>
  whenReady((e) => e.appEditor.commitFollowUp(label, recipe, mergeKey), true);
/** Undo / redo the last step; nothing to undo before the engine has opened the plan. */
export const undo = (): boolean => ready?.appEditor.undo() ?? false;
export const redo = (): boolean => ready?.appEditor.redo() ?? false;

/** Record a change of a store beside the plan as one undoable step of the app's editor (see `pushSideStepIn`). */
export const pushSideStep = (label: string, side: NonNullable<Step['side']>): Step => pushSideStepIn(useEditor, label, side);

/** Undo `step` if it is still the last change (a notice's "Ångra"); false otherwise. */
export const undoIfLast = (step: Step): boolean => useEditor.getState().history.past.at(-1) === step && undo();

/** Open a plan from its plain form (a new plan, a file, a test). */
export const loadDoc = (doc: PlanDoc | null): void => whenReady((e) => e.appPlan.loadDoc(doc), undefined);

/** Open a plan's document (see `OpenPlan.openYDoc`). */
export const openYDoc = (source: DocSource, doc: PlanDoc | null = null): void => whenReady((e) => e.appPlan.openYDoc(source, doc), undefined);

/** The open plan's document, or null (none before the engine has opened one). */
export const currentYDoc = (): Y.Doc | null => ready?.appPlan.currentYDoc() ?? null;

/** Read the document again now if it changed from elsewhere (tests, and before reading `doc` in a handler). */
export const settleNow = (): void => ready?.appPlan.settle();

/** Be told whenever another plan's document opens (also of the first, when the listener came before the engine). */
export function onOpenDoc(listener: OpenListener): () => void {
  if (loaded) return loaded.appPlan.onOpenDoc(listener);
  const handle: { off: (() => void) | null } = { off: null };
  waiting.set(listener, handle);
  return () => {
    waiting.delete(listener);
    handle.off?.();
  };
}
