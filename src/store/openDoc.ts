// The open plan's document: opening one (read from storage, made from a file, joined in a room,
// or still to be decoded while the plan shows from its kept view) and following it. Its binding
// (src/ydoc/binding.ts) is the plan as the app reads it, kept up to date record by record from
// the document's own changes; the editor's `doc` is the binding's plan, published at once after
// this window's own change and, for changes from elsewhere (a room, another tab, undo), at most
// every SETTLE_GAP_MS (more when showing took long), with what they need said (repairs, losses, clashes).
//
// Following one document (its binding, undo manager and what changed from elsewhere) is in
// ./openFollow.ts. One `OpenPlan` instance does this for one editor store; the app has one
// (`appPlan`, used through the functions below), tests make as many as they need and drop them.
import * as Y from 'yjs';
import type { Losses } from '../domain/losses';
import type { PlanDoc } from '../domain/types';
import { overLimits } from '../domain/planShape';
import { afterPaint } from './afterFrame';
import { ID_RESTORED_NOTE, loadRepair, repairLoaded } from '../ydoc/read';
import { docFromPlan } from '../ydoc/replica';
import { planMap } from '../ydoc/shape';
import { emptyFollowUp } from '../domain/followup';
import { NEW_VOTING } from '../domain/voting';
import { healOversized } from '../ydoc/heal';
import { followDocument, type Open } from './openFollow';

export type { Open } from './openFollow';
import { formatOf, isNewer, migrate, NEWER_MESSAGE } from '../ydoc/format';
import { LOAD, MIGRATE, REPAIR } from '../ydoc/origins';
import { type Clash, RecentEdits } from './clashes';
import { readingNotice } from './readingNotice';
import { LossLedger } from './losses';
import { type EditorStore, notifyIn, useEditor } from './editorState';
import { emptyHistory } from './history';

export type OpenListener = (ydoc: Y.Doc | null, planId: string | null) => void;

/** A burst of changes from elsewhere is read again at most this often (the first at once) … */
const SETTLE_GAP_MS = 50;
/**
 * … or, when showing the last took long (reading it, and React drawing what changed: 45–60 ms
 * for a flood's batch), twice as long as that took, up to this: the page keeps half its time
 * for drawing frames and taking the room's messages in.
 */
const SETTLE_GAP_MAX_MS = 250;

/** A document, or how to make it (decoded when first needed, or just after the first paint). */
export type DocSource = Y.Doc | (() => Y.Doc);

/** The benchmark's "document ready": the first plan of this page load can be edited without a wait. */
const markReady = () => performance.getEntriesByName('solfjadern:doc-ready').length === 0 && performance.mark('solfjadern:doc-ready');

export class OpenPlan {
  private open: Open | null = null;
  /** A plan shown from its kept view whose document is not decoded yet (see `openYDoc`). */
  private pending: { make: () => Y.Doc; planId: string } | null = null;
  private readonly openListeners = new Set<OpenListener>();
  private settleAt = -Infinity;
  /** The gap kept after the last settle (see SETTLE_GAP_MAX_MS). */
  private settleGap = SETTLE_GAP_MS;
  private settleSoon: ReturnType<typeof setTimeout> | 'now' | null = null;
  /** How "Använd min" writes this window's version of a clashing field again (set by the editor). */
  writeMine: (clash: Clash) => boolean = () => false;
  /** How "Återställ" brings back what a large change from elsewhere took (set by the editor: one undoable step). */
  restoreLosses: (losses: Losses) => boolean = () => false;
  /** What changes from elsewhere took lately (said with "Återställ" when it adds up). */
  private readonly losses = new LossLedger((kind, text, action) => this.notify(kind, text, action));

  constructor(
    /** The editor's state this plan is shown in. */
    readonly store: EditorStore,
    /** What this window wrote a moment ago (a change from elsewhere that replaces it is said). */
    readonly edits: RecentEdits = new RecentEdits(),
  ) {}

  private notify(kind: 'error' | 'info', text: string, action?: { label: string; run: () => void }): void {
    notifyIn(this.store, kind, text, action);
  }

  /** Be told whenever another plan's document opens (storage, other tabs and the room follow it). */
  onOpenDoc(listener: OpenListener): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }

  /** The open plan's document (made now if the plan shows from its view and it is not yet). */
  currentYDoc(): Y.Doc | null {
    this.made();
    return this.open?.ydoc ?? null;
  }

  /** The open document and its undo manager (made now if the plan shows from its view). */
  openDocument(): Open | null {
    this.made();
    return this.open;
  }

  /** The plan shown is what its document holds (made, and nothing from elsewhere unread). */
  showsDocument(): boolean {
    return !this.pending && !!this.open && !this.open.stale;
  }

  private scheduleSettle(): void {
    if (this.settleSoon !== null) return;
    const wait = this.settleAt + this.settleGap - performance.now();
    const run = () => {
      this.settleSoon = null;
      const start = performance.now();
      this.settle();
      // After React's own microtask (queued by the store's change): what showing it cost.
      queueMicrotask(() => (this.settleGap = Math.min(SETTLE_GAP_MAX_MS, Math.max(SETTLE_GAP_MS, 2 * (performance.now() - start)))));
    };
    if (wait <= 0) {
      this.settleSoon = 'now';
      queueMicrotask(run);
    } else this.settleSoon = setTimeout(run, wait);
  }

  /** Show what the document holds now, if it changed from elsewhere; say what could not be read or had to move. */
  settle(): void {
    this.made();
    const current = this.open;
    // Changes from elsewhere the binding is still gathering are read now (they mark it stale).
    current?.binding.readWaiting();
    if (!current?.stale) return;
    current.stale = false;
    this.settleAt = performance.now();
    const read = current.read;
    current.read = { notes: [], rehomed: [], partial: false, unreadable: false };
    // Read it again once the careful restore step is here (it keeps more of what is not sound) —
    // once: a reading that stays short of the plan with it loaded is what there is.
    if ((read.unreadable || read.partial) && !repairLoaded())
      void loadRepair().then(() => {
        if (this.open === current) current.binding.reread(REPAIR);
      });
    const doc = current.binding.doc;
    if (read.unreadable || !doc) {
      if (!current.said.has('unreadable')) this.notify('error', 'Planen i dokumentet kunde inte läsas just nu. Det som visas är planen som den senast gick att läsa – inget av det har ändrats.');
      current.said.add('unreadable');
      if (!doc) return;
    }
    // A peer changed or removed the plan's id, or wrote texts past their limits: write back what
    // was read (every copy then agrees again, and the excess leaves the document).
    if (read.notes.length > 0 && !current.newer)
      this.change(REPAIR, (ydoc) => {
        if (read.notes.includes(ID_RESTORED_NOTE)) planMap(ydoc).set('id', current.planId ?? doc.plan.id);
        healOversized(ydoc, doc);
      });
    const prev = this.store.getState().doc;
    if (doc !== prev) this.store.setState({ doc });
    const from = current.from;
    const by = current.by;
    current.from = null;
    current.by = [];
    const large = !!from && !!prev && prev !== doc && this.losses.note(prev, doc, from, by, this.restoreLosses);
    const clashes = from && prev && doc.items !== prev.items ? this.edits.clashing(prev, doc) : [];
    const over = overLimits(doc);
    const fresh = read.notes.filter((n) => !current.said.has(n));
    const moved = read.rehomed.filter((id) => !current.said.has(`moved:${id}`) && doc.items[id]);
    for (const n of fresh) current.said.add(n);
    for (const id of moved) current.said.add(`moved:${id}`);
    if (large) return;
    const notice = readingNotice(doc, fresh, over && !current.said.has(over) ? over : null, moved, from && clashes[0] ? { clash: clashes[0], from } : null);
    if (!notice) return;
    if (notice.over) current.said.add(notice.text);
    const clash = notice.clash;
    this.notify(notice.kind, notice.text, clash ? { label: 'Använd min', run: () => void this.writeMine(clash) } : undefined);
  }

  /**
   * Open a plan's document (read from storage, made from a file, joined in a room). `doc` is
   * what it holds, when the caller has read it already. A fresh history starts. Given how to
   * make the document instead (a plan shown from its kept view), `doc` shows at once and the
   * document is made just after the first paint — or at once when something needs it first
   * (an edit, undo, another tab, the room): nothing is ever written anywhere but into it.
   */
  openYDoc(source: DocSource, doc: PlanDoc | null = null): void {
    this.open?.off();
    this.open = null;
    if (typeof source === 'function') {
      if (!doc) throw new Error('A plan shown before its document is made needs its reading');
      const current = { make: source, planId: doc.plan.id };
      this.pending = current;
      this.store.setState({ doc, followUp: emptyFollowUp(), voting: NEW_VOTING, history: emptyHistory(), readOnly: null });
      for (const listener of this.openListeners) listener(null, null);
      afterPaint(() => this.pending === current && this.made());
      return;
    }
    this.pending = null;
    const opened = this.start(source, doc?.plan.id ?? null, doc);
    // What the caller read is what shows; the binding's own reading shares its records.
    this.store.setState({ doc: opened.binding.doc, history: emptyHistory() });
    // Whoever read it for opening has said what the reading repaired.
    opened.stale = false;
    opened.read = { notes: [], rehomed: [], partial: opened.read.partial, unreadable: false };
    opened.said = new Set(opened.binding.firstRead?.notes ?? []);
    markReady();
    for (const listener of this.openListeners) listener(source, opened.binding.doc?.plan.id ?? null);
    // After storage and the others follow it: the migration is stored and sent like any change.
    this.bringUpToDate(opened);
  }

  /** Open a plan from its plain form (a new plan, a file, a test): its document is made here. */
  loadDoc(doc: PlanDoc | null): void {
    if (!doc) {
      this.close();
      this.store.setState({ doc: null, followUp: emptyFollowUp(), voting: NEW_VOTING, history: emptyHistory(), readOnly: null });
      for (const listener of this.openListeners) listener(null, null);
      return;
    }
    this.openYDoc(docFromPlan(doc, LOAD), doc);
  }

  /** Stop following the open document (its binding and undo manager go); nothing is shown changed. */
  close(): void {
    this.open?.off();
    this.open = null;
    this.pending = null;
    if (this.settleSoon !== null && this.settleSoon !== 'now') clearTimeout(this.settleSoon);
    this.settleSoon = null;
  }

  /** The pending plan's document made now, read again (what differs from its view shows) and followed. */
  private made(): void {
    const current = this.pending;
    if (!current) return;
    this.pending = null;
    const ydoc = current.make();
    const opened = this.start(ydoc, current.planId, this.store.getState().doc);
    // Storage follows the document first: a repair the reading writes back is stored too.
    for (const listener of this.openListeners) listener(ydoc, current.planId);
    this.bringUpToDate(opened);
    this.settle();
    markReady();
  }

  /**
   * The open document brought to this build's format, once, in one step — or, when it is of a
   * newer format, left as it is and this window made read-only.
   */
  private bringUpToDate(current: Open): void {
    if (current.newer || this.open !== current) return;
    if (isNewer(formatOf(current.ydoc))) this.markNewer(current);
    else migrate(current.ydoc, MIGRATE);
  }

  private markNewer(current: Open): void {
    if (current.newer) return;
    current.newer = true;
    if (this.open === current) this.store.setState({ readOnly: NEWER_MESSAGE });
  }

  /** Another tab or a room peer runs a newer format of the document: this window only reads the open plan from now on. */
  peerIsNewer(format: unknown, ydoc?: Y.Doc): void {
    if (this.open && isNewer(format) && (!ydoc || this.open.ydoc === ydoc)) this.markNewer(this.open);
  }

  /**
   * The one way anything is written into the open plan's document: `write` runs in one
   * transaction with `origin` (so undo, storage, other tabs and the room each see one change).
   * Refused, with its message, when the document is of a newer format than this window's.
   */
  change(origin: unknown, write: (ydoc: Y.Doc) => void): boolean {
    const current = this.openDocument();
    if (!current || this.refusedAsNewer()) return false;
    current.ydoc.transact(() => write(current.ydoc), origin);
    return true;
  }

  /** Whether the open document may not be written by this window (then its message is shown). */
  refusedAsNewer(): boolean {
    if (!this.openDocument()?.newer) return false;
    this.notify('error', `${NEWER_MESSAGE}.`);
    return true;
  }

  /**
   * Follow a document as the open one (./openFollow.ts). `shown`: the plan on screen now (its
   * records are kept where the document agrees).
   */
  private start(ydoc: Y.Doc, planId: string | null, shown: PlanDoc | null = null): Open {
    this.losses.forget();
    const current = followDocument(
      {
        store: this.store,
        isOpen: (open) => this.open === open,
        markNewer: (open) => this.markNewer(open),
        changedElsewhere: () => this.scheduleSettle(),
      },
      ydoc,
      planId,
      shown,
    );
    this.open = current;
    return current;
  }
}

/** The app's open plan, shown in the app's editor store. */
export const appPlan = new OpenPlan(useEditor);

export const onOpenDoc = (listener: OpenListener) => appPlan.onOpenDoc(listener);
export const currentYDoc = () => appPlan.currentYDoc();
export const openDocument = () => appPlan.openDocument();
export const showsDocument = () => appPlan.showsDocument();
export const openYDoc = (source: DocSource, doc: PlanDoc | null = null) => appPlan.openYDoc(source, doc);
export const loadDoc = (doc: PlanDoc | null) => appPlan.loadDoc(doc);
export const peerIsNewer = (format: unknown, ydoc?: Y.Doc) => appPlan.peerIsNewer(format, ydoc);
export const change = (origin: unknown, write: (ydoc: Y.Doc) => void) => appPlan.change(origin, write);
export const refusedAsNewer = () => appPlan.refusedAsNewer();
/** Read the document again now if it changed from elsewhere (tests, and before reading `doc` in a handler). */
export const settleNow = () => appPlan.settle();
