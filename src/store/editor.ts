// The editor store: the open plan, its undo history and the last user-facing message.
// The plan is a Yjs document (src/ydoc/): alone or in a room, it is the one source of truth.
// Every change of this window goes through `commit` — a pure operation on the plan (immer),
// written into the document as one transaction; `doc` is what the document holds, kept in
// step after changes from elsewhere (a room, another tab, undo).
import { enablePatches, produce, produceWithPatches, type Patch } from 'immer';
import * as Y from 'yjs';
import { create } from 'zustand';
import { settleExtras } from '../domain/priorities';
import { RuleError } from '../domain/rules';
import type { PlanDoc } from '../domain/types';
import { loadRepair, readDoc } from '../ydoc/read';
import { docFromPlan } from '../ydoc/replica';
import { bladeMap, commentMap, dotMap, itemMap, planMap, ringMap, votingMap } from '../ydoc/shape';
import { shareUnchanged } from '../ydoc/view';
import { writeChanges } from '../ydoc/write';
import { clashing, noteEdits } from './clashes';
import { emptyHistory, HISTORY_LIMIT, pushed, type History, type Step } from './history';
import { LOAD, LOCAL, TAB } from '../ydoc/origins';

enablePatches();

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

interface Open {
  ydoc: Y.Doc;
  undo: Y.UndoManager;
  /** The document changed from elsewhere and `doc` is not read again yet. */
  stale: boolean;
  /** Notes and moved items already said, so a later reading does not say them again. */
  said: Set<string>;
  /** Where the changes not yet read came from: another tab, or a room. */
  from: 'tab' | 'room' | null;
  off: () => void;
}

let open: Open | null = null;

export type OpenListener = (ydoc: Y.Doc | null, planId: string | null) => void;
const openListeners = new Set<OpenListener>();

/** Be told whenever another plan's document opens (storage, other tabs and the room follow it). */
export function onOpenDoc(listener: OpenListener): () => void {
  openListeners.add(listener);
  return () => openListeners.delete(listener);
}

/** The open plan's document. */
export function currentYDoc(): Y.Doc | null {
  return open?.ydoc ?? null;
}

/** Read the document again where it changed from elsewhere; say what could not be read or had to move. */
function settle(): void {
  if (!open?.stale) return;
  open.stale = false;
  const current = open;
  const read = readDoc(current.ydoc);
  if (!read || read.partial) {
    // Read it again once the careful restore step is here (it keeps more of what is not sound).
    void loadRepair().then(() => {
      if (open !== current) return;
      current.stale = true;
      settle();
    });
  }
  if (!read) return;
  const prev = useEditor.getState().doc;
  const doc = shareUnchanged(prev, read.doc);
  if (doc !== prev) useEditor.setState({ doc });
  const from = current.from;
  current.from = null;
  const clashes = from && prev && doc.items !== prev.items ? clashing(prev, doc) : [];
  const fresh = read.notes.filter((n) => !open!.said.has(n));
  const moved = read.rehomed.filter((id) => !open!.said.has(`moved:${id}`));
  for (const n of fresh) open.said.add(n);
  for (const id of moved) open.said.add(`moved:${id}`);
  if (fresh.length > 0) notify('error', `En del av planen kunde inte läsas och lämnades utanför: ${fresh.slice(0, 3).join(' ')}${fresh.length > 3 ? ` (och ${fresh.length - 3} till)` : ''}`);
  else if (moved.length > 0) {
    const what = moved.length === 1 ? `”${doc.items[moved[0]!]?.text ?? ''}”` : `${moved.length} aktiviteter`;
    notify('info', `${what} låg där ett fokusområde eller en ring togs bort och ligger nu i Inspel.`);
  } else if (clashes.length > 0)
    notify('info', `”${clashes[0]}” ändrades samtidigt ${from === 'tab' ? 'i en annan flik' : 'av någon annan i rummet'}. Den senaste ändringen gäller och visas nu.`);
}

/**
 * Open a plan's document (read from storage, made from a file, joined in a room). `doc` is
 * what it holds, when the caller has read it already. A fresh history starts.
 */
export function openYDoc(ydoc: Y.Doc, doc: PlanDoc | null = readDoc(ydoc)?.doc ?? null): void {
  open?.off();
  const undo = new Y.UndoManager([planMap(ydoc), bladeMap(ydoc), ringMap(ydoc), itemMap(ydoc), commentMap(ydoc), dotMap(ydoc), votingMap(ydoc)], {
    trackedOrigins: new Set([LOCAL]),
    // One stack item per step: the editor says when a step ends (stopCapturing).
    captureTimeout: Number.POSITIVE_INFINITY,
  });
  const current: Open = { ydoc, undo, stale: false, said: new Set(), from: null, off: () => {} };
  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL || transaction.changed.size === 0 || open !== current) return;
    current.stale = true;
    if (transaction.origin !== undo) current.from ??= transaction.origin === TAB ? 'tab' : 'room';
    // Several updates arriving together are read once.
    queueMicrotask(settle);
  };
  ydoc.on('afterTransaction', onTransaction);
  current.off = () => {
    ydoc.off('afterTransaction', onTransaction);
    undo.destroy();
  };
  open = current;
  useEditor.setState({ doc, history: emptyHistory() });
  for (const listener of openListeners) listener(ydoc, doc?.plan.id ?? null);
}

/** Open a plan from its plain form (a new plan, a file, a test): its document is made here. */
export function loadDoc(doc: PlanDoc | null): void {
  if (!doc) {
    open?.off();
    open = null;
    useEditor.setState({ doc: null, history: emptyHistory() });
    for (const listener of openListeners) listener(null, null);
    return;
  }
  openYDoc(docFromPlan(doc, LOAD), doc);
}

/** Item fields the limits' rule does not read: changing only these cannot change an item's `extra`. */
const OUTSIDE_RULE = new Set(['text', 'description', 'effektmal', 'indikator', 'ansvarsniva', 'kalla', 'comments', 'sources', 'extra']);

const affectsExtras = (patches: readonly Patch[]): boolean =>
  patches.some((p) => p.path[0] !== 'items' || p.path.length < 3 || !OUTSIDE_RULE.has(String(p.path[2])));

/**
 * Apply one user action to the open plan as one undoable step. Returns false when the
 * action changed nothing or broke a rule (the rule's Swedish message is shown).
 */
export function commit(label: string, recipe: (draft: PlanDoc) => void, mergeKey?: string): boolean {
  settle();
  const { doc } = useEditor.getState();
  if (!doc || !open) return false;
  let next: PlanDoc;
  try {
    const [changed, patches] = produceWithPatches(doc, (draft) => void recipe(draft as PlanDoc));
    if (patches.length === 0) return false;
    // The limits' italics follow from the new state.
    next = affectsExtras(patches) ? produce(changed, (draft) => settleExtras(changed, draft as PlanDoc)) : changed;
  } catch (error) {
    if (error instanceof RuleError) {
      notify('error', error.message);
      return false;
    }
    throw error;
  }
  const { ydoc } = open;
  recordStep(label, mergeKey, () => writeChanges(ydoc, doc, next));
  useEditor.setState({ doc: next });
  noteEdits(doc, next);
  warnAboutNewExtras(doc, next);
  return true;
}

/**
 * Write into the open plan's document as this window's change and one undoable step (or part of
 * the last one, with the same `mergeKey`).
 */
function recordStep(label: string, mergeKey: string | undefined, write: () => void): void {
  const { ydoc, undo } = open!;
  const { history } = useEditor.getState();
  const last = history.past.at(-1);
  const merging = !!mergeKey && last?.mergeKey === mergeKey && !!last.item && undo.undoStack.at(-1) === last.item && history.future.length === 0;
  if (!merging) undo.stopCapturing();
  const before = undo.undoStack.length;
  ydoc.transact(write, LOCAL);
  const item = undo.undoStack.at(-1);
  if (undo.undoStack.length > before && item) {
    useEditor.setState({ history: pushed(history, { label, item, ...(mergeKey ? { mergeKey } : {}) }) });
    if (undo.undoStack.length > HISTORY_LIMIT) undo.undoStack.splice(0, undo.undoStack.length - HISTORY_LIMIT);
  } else if (merging) useEditor.setState({ history: { past: [...history.past.slice(0, -1), { ...last!, label }], future: [] } });
}

/**
 * A change beside the plan's items that lives in its document too (Prioritera's dots): written
 * by `write` as one undoable step of this window. Returns the step, or null when nothing changed.
 */
export function commitWrite(label: string, write: (ydoc: Y.Doc) => void): Step | null {
  if (!open) return null;
  const { ydoc } = open;
  const before = useEditor.getState().history.past.at(-1);
  recordStep(label, undefined, () => write(ydoc));
  const step = useEditor.getState().history.past.at(-1);
  return step && step !== before ? step : null;
}

/** Warn, never block: say when a change pushed an item beyond its delområde's limit. */
function warnAboutNewExtras(before: PlanDoc, after: PlanDoc): void {
  if (before.items === after.items) return;
  const pushedOut = Object.values(after.items).filter((item) => item.extra && item.extraChoice === 'auto' && before.items[item.id]?.extra === false);
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
  settle();
  const { history } = useEditor.getState();
  const step = history.past.at(-1);
  if (!step) return false;
  if (step.side) step.side.undo();
  else open?.undo.undo();
  const moved = history.past.at(-1)!;
  const past = stillThere(history.past.slice(0, -1), open?.undo.undoStack ?? []);
  useEditor.setState({ history: { past, future: [moved, ...history.future] } });
  settle();
  return true;
}

export function redo(): boolean {
  settle();
  const { history } = useEditor.getState();
  const step = history.future[0];
  if (!step) return false;
  if (step.side) step.side.redo();
  else {
    open?.undo.redo();
    // The redone change is a new stack item: the step follows it.
    const item = open?.undo.undoStack.at(-1);
    if (item) step.item = item;
  }
  useEditor.setState({ history: { past: [...history.past, step], future: history.future.slice(1) } });
  settle();
  return true;
}

/** Read the document again now if it changed from elsewhere (tests, and before reading `doc` in a handler). */
export const settleNow = settle;
