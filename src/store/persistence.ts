// Writing the open plan: every change of its document (this window's edits, undo, a room's
// changes) goes to a write-ahead log at once and to IndexedDB on the next task; other tabs get
// the change too; failures are kept and retried. Changes that came from storage or from another
// tab are not written again.
import * as Y from 'yjs';
import type { Item, Plan } from '../domain/types';
import * as repo from '../db/repository';
import { rememberPlan } from '../db/registry';
import { type LogTrouble, WriteAheadLog } from '../db/wal';
import { downloadPlanJson } from '../export/json';
import { LOCAL, mustStore, REPAIR, TAB } from '../ydoc/origins';
import { currentYDoc, notify, onOpenDoc, peerIsNewer, showsDocument, useEditor } from './editor';
import { onTabMessage, sayHello, sendUpdate } from './tabs';
import { useUi } from './ui';

/** Changes of one plan not yet in IndexedDB. */
interface Batch {
  planId: string;
  updates: Uint8Array[];
  /** The write-ahead log's sequence number of the last change. */
  seq: number;
}

const RETRY_MS = 2000;

/** Batches not yet taken by a write, oldest first; consecutive ones of the same plan are one. */
let queue: Batch[] = [];
let writing: Promise<void> = Promise.resolve();
let wal = new WriteAheadLog();

/** Add batches after the queue, merging one into the last when both are of the same plan. */
function enqueue(into: Batch[], batches: Batch[]): Batch[] {
  const out = [...into];
  for (const b of batches) {
    const last = out.at(-1);
    if (last && last.planId === b.planId) out[out.length - 1] = { planId: b.planId, updates: [...last.updates, ...b.updates], seq: b.seq };
    else out.push(b);
  }
  return out;
}

function setSaving(): void {
  if (useUi.getState().save.state !== 'saving') useUi.setState({ save: { state: 'saving' } });
}

export const exportAction = {
  label: 'Exportera JSON',
  run: () => {
    const doc = useEditor.getState().doc;
    if (doc) downloadPlanJson(doc);
  },
};

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } })?.name ?? '';
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? '';
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/** Writes started and not yet finished. */
let active = 0;
/** Runs of writes taken from the queue and not yet finished (started or waiting their turn). */
let unfinished = 0;
let retry: ReturnType<typeof setTimeout> | null = null;

/** The plan as shown, when `planId` is the open one (its row in the plan list follows it). */
const shownDoc = (planId: string) => {
  const doc = useEditor.getState().doc;
  return doc?.plan.id === planId ? doc : null;
};

/** What each plan's row in the plan list was last written from: its plan record and item count. */
const rowWritten = new Map<string, { plan: object; items: number }>();

/**
 * The open plan, when its row in the plan list needs writing with this batch (its name, blades,
 * rings or catalogue changed, or how many items it has): most edits change an item only, and
 * then only the document's update is stored.
 */
function rowDue(planId: string): ReturnType<typeof shownDoc> {
  const doc = shownDoc(planId);
  if (!doc) return null;
  const items = Object.keys(doc.items).length;
  const last = rowWritten.get(planId);
  if (last && last.plan === doc.plan && last.items === items) return null;
  return doc;
}

/**
 * Plans whose stored pieces are re-encoded after their next write, not only after many pieces:
 * a large change came from elsewhere, or a repair wrote back what it cut (the excess goes).
 */
const compactNext = new Set<string>();
const LARGE_BYTES = 1024 * 1024;

/** Counts stops: a write started before the last stop (a test ending mid-write) is forgotten. */
let generation = 0;

/** Write one batch; false when it failed (it is then queued again, before anything newer). */
async function write(batch: Batch, rest: Batch[]): Promise<boolean> {
  let pieces: number;
  const started = generation;
  try {
    const row = rowDue(batch.planId);
    pieces = await repo.appendUpdates(batch.planId, batch.updates, row);
    if (row) rowWritten.set(batch.planId, { plan: row.plan, items: Object.keys(row.items).length });
  } catch (error) {
    if (started !== generation) return false;
    // Keep what failed queued before anything newer, each plan's changes apart: an edit is never dropped.
    queue = enqueue([batch, ...rest], queue);
    const message = error instanceof Error ? error.message : String(error);
    useUi.setState({ save: { state: 'error', message } });
    notify(
      'error',
      isQuotaError(error)
        ? 'Lagringsutrymmet i webbläsaren är fullt. Arbetet finns kvar i fönstret – spara det med Exportera JSON.'
        : 'Ändringen kunde inte sparas i webbläsaren. Arbetet finns kvar i fönstret och sparas så snart det går.',
      exportAction,
    );
    retry ??= setTimeout(() => {
      retry = null;
      void flush();
    }, RETRY_MS);
    return false;
  }
  if (started !== generation) return false;
  wal.committed(batch.planId, batch.seq);
  const doc = shownDoc(batch.planId);
  if (doc) rememberPlan(doc.plan.id, doc.plan.name, Object.keys(doc.items).length);
  // Many small pieces are merged now and then (reading a plan stays fast); a failure here loses nothing.
  const now = compactNext.delete(batch.planId);
  if (pieces > repo.COMPACT_AFTER || now) await repo.compactPlan(batch.planId).catch(() => {});
  return true;
}

/** Write everything queued so far; resolves when it is in IndexedDB (or has failed). */
export function flush(): Promise<void> {
  takeRemote();
  const batches = queue;
  queue = [];
  if (batches.length === 0) return writing;
  unfinished++;
  const run = async () => {
    active++;
    let ok = true;
    try {
      for (let i = 0; i < batches.length && ok; i++) ok = await write(batches[i]!, batches.slice(i + 1));
    } finally {
      active--;
      unfinished--;
    }
    // "Sparad" only when nothing is queued or being written.
    if (ok && unfinished === 0 && queue.length === 0) {
      useUi.setState({ save: { state: 'saved', at: new Date() } });
      keepViewSoon();
    }
  };
  // Start at once when nothing is being written (the transaction then runs while React
  // draws the change); otherwise after the write in flight, to keep writes in order.
  writing = active === 0 ? run() : writing.then(run);
  return writing;
}

/** Every change of this tab is in IndexedDB and the plan shown is what its document holds. */
const allStored = () => queue.length === 0 && unfinished === 0 && active === 0 && showsDocument();

const QUIET_MS = 1000;
let keepTimer: ReturnType<typeof setTimeout> | null = null;

/** Keep the plan as shown for the next start (src/db/views.ts), now, if everything is stored. */
function keepViewNow(): void {
  const doc = useEditor.getState().doc;
  if (doc && allStored()) void repo.keepView(doc).catch(() => {});
}

/** Keep the plan as shown once the tab has been quiet a moment (a write of every item: not with each change). */
function keepViewSoon(): void {
  if (keepTimer) clearTimeout(keepTimer);
  keepTimer = setTimeout(() => {
    keepTimer = null;
    if (typeof requestIdleCallback === 'function') requestIdleCallback(keepViewNow, { timeout: QUIET_MS });
    else keepViewNow();
  }, QUIET_MS);
}

let stop: (() => void) | null = null;

export function stopPersistence(): void {
  if (remote) clearTimeout(remote.timer);
  remote = null;
  stop?.();
  stop = null;
  generation++;
  if (retry) clearTimeout(retry);
  retry = null;
  if (keepTimer) clearTimeout(keepTimer);
  keepTimer = null;
  // Forget writes still in flight (storage is gone, or a test ends mid-write).
  queue = [];
  writing = Promise.resolve();
  active = 0;
  unfinished = 0;
}

let logTrouble: LogTrouble | null = null;

/** Say once per tab when localStorage cannot hold the write-ahead log (what it still covers, and what to do). */
function sayLogTrouble(trouble: LogTrouble): void {
  if (logTrouble) return;
  logTrouble = trouble;
  notify(
    'error',
    trouble === 'trimmed'
      ? 'Webbläsarens lokala lagring är nästan full: bara de senaste ändringarna skyddas om fliken stängs innan de hunnit sparas. Planen sparas som vanligt – exportera den gärna och frigör utrymme.'
      : 'Webbläsarens lokala lagring är full: ändringar som inte hunnit sparas skyddas inte om fliken stängs. Planen sparas som vanligt – exportera den gärna och frigör utrymme.',
    exportAction,
  );
}

/**
 * Changes that came from a room: gathered for a moment and logged, stored and passed on as one
 * (merged — proportional to their size), so a burst of thousands of tiny updates costs a few
 * writes rather than a rewrite of the whole log per update. The room holds them meanwhile.
 */
const REMOTE_BATCH_MS = 200;
let remote: { plan: Plan; updates: Uint8Array[]; timer: ReturnType<typeof setTimeout> } | null = null;

function gather(plan: Plan, update: Uint8Array): void {
  if (remote && remote.plan.id !== plan.id) takeRemote();
  if (remote) {
    remote.plan = plan;
    remote.updates.push(update);
  } else remote = { plan, updates: [update], timer: setTimeout(takeRemote, REMOTE_BATCH_MS) };
  setSaving();
}

/** Log and queue the room's gathered changes now (as one). */
function takeRemote(): void {
  const gathered = remote;
  remote = null;
  if (!gathered) return;
  clearTimeout(gathered.timer);
  const update = gathered.updates.length === 1 ? gathered.updates[0]! : Y.mergeUpdates(gathered.updates);
  changed(gathered.plan, update, GATHERED);
}

const GATHERED = 'solfjadern:gathered';

/** A change this window made (an edit, undo, redo): logged at once, before anything else happens. */
const isOwn = (origin: unknown) => origin === LOCAL || origin instanceof Y.UndoManager;

/** Log and queue one change of a plan's document, and pass it to the other tabs. */
function changed(plan: Plan, update: Uint8Array, origin: unknown): void {
  if (origin !== TAB) sendUpdate(plan.id, update);
  if (!mustStore(origin)) return;
  if (origin === REPAIR || update.length > LARGE_BYTES) compactNext.add(plan.id);
  // A room's large change is not logged: the room holds it, and a peer must not be able to fill
  // this browser's localStorage (what it displaces would be this person's own unsaved edits).
  const seq = origin === GATHERED && update.length > LARGE_BYTES ? wal.lastSeq : wal.record(plan, update);
  queue = enqueue(queue, [{ planId: plan.id, updates: [update], seq }]);
  setSaving();
  // A microtask lets a burst of synchronous commits share one transaction, and starts
  // the write before React draws the change.
  queueMicrotask(() => void flush());
}

export function startPersistence(): () => void {
  stop?.();
  wal = new WriteAheadLog(undefined, sayLogTrouble);
  let detach = () => {};
  const follow = (ydoc: Y.Doc | null, planId: string | null) => {
    detach();
    detach = () => {};
    if (!ydoc || !planId) return;
    const onUpdate = (update: Uint8Array, origin: unknown) => {
      // The plan as it is after the change (logged with it, so a lost database can be rebuilt).
      const plan = useEditor.getState().doc?.plan;
      if (plan?.id !== planId) return;
      if (isOwn(origin) || origin === REPAIR || !mustStore(origin)) changed(plan, update, origin);
      else gather(plan, update);
    };
    ydoc.on('update', onUpdate);
    detach = () => {
      ydoc.off('update', onUpdate);
      takeRemote();
    };
    sayHello(planId);
    // A plan opened without a view kept of it as it is stored now gets one.
    keepViewSoon();
  };
  const offOpen = onOpenDoc(follow);
  // What the logged changes made of the plan, kept beside them (the log can make a plan again from it).
  const offDoc = useEditor.subscribe((state, prev) => {
    const next = state.doc;
    const before = prev.doc;
    if (!next || !before || next === before || next.plan.id !== before.plan.id) return;
    const items: Array<Item | string> = [];
    if (next.items !== before.items) {
      for (const [id, item] of Object.entries(next.items)) if (before.items[id] !== item) items.push(item);
      for (const id of Object.keys(before.items)) if (!Object.hasOwn(next.items, id)) items.push(id);
    }
    wal.keep(next.plan, items);
  });
  follow(currentYDoc(), useEditor.getState().doc?.plan.id ?? null);
  const offTabs = onTabMessage((message) => {
    const ydoc = currentYDoc();
    if (!ydoc || useEditor.getState().doc?.plan.id !== message.planId) return;
    peerIsNewer(message.format);
    if (message.kind === 'update') Y.applyUpdate(ydoc, message.update, TAB);
    // A tab that just opened this plan gets what this one has (a change may still be on its way to storage).
    else sendUpdate(message.planId, Y.encodeStateAsUpdate(ydoc));
  });
  // The page going away keeps the plan as shown, if everything is stored by then.
  const onHide = () => {
    if (document.visibilityState !== 'hidden') return;
    takeRemote();
    keepViewNow();
  };
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onHide);
  stop = () => {
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onHide);
    offOpen();
    offDoc();
    offTabs();
    detach();
  };
  return stop;
}
