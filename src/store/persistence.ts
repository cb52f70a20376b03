// Writing the open plan: every change goes to a write-ahead log at once and to IndexedDB
// on the next task; other tabs are told what changed; failures are kept and retried.
import type { Patch } from 'immer';
import type { PlanDoc } from '../domain/types';
import * as repo from '../db/repository';
import { rememberPlan } from '../db/registry';
import { type LogTrouble, WriteAheadLog } from '../db/wal';
import { downloadPlanJson } from '../export/json';
import { applyRemote, notify, onDocChange, useEditor } from './editor';
import { announceSaved, onOtherTabSaved } from './sync';
import { useUi } from './ui';

/** Changes of one plan not yet in IndexedDB: the plan as of its last change, and when that was. */
interface Batch {
  doc: PlanDoc;
  patches: Patch[];
  /** The write-ahead log's sequence number of the last change. */
  seq: number;
  /** When the last change was made: what its rows are stamped with. */
  at: Date;
}

const RETRY_MS = 2000;
/** A change from another tab to an item edited here this recently is worth a word. */
const CONFLICT_WINDOW_MS = 60_000;

/** Batches not yet taken by a write, oldest first; consecutive ones of the same plan are one. */
let queue: Batch[] = [];
let writing: Promise<void> = Promise.resolve();
let wal = new WriteAheadLog();
/** When this tab last changed each item (planId|itemId): a row from another tab older than that is not shown over it. */
const localEdits = new Map<string, string>();
const editKey = (planId: string, itemId: string) => `${planId}|${itemId}`;

let lastStamp = 0;
/**
 * The time of a change, strictly later than the one before in this tab: rows are stamped
 * with the time of the change they carry (not of their write, which may come later), and the
 * write-ahead log's replay tells "written since" from "not yet written" by these times.
 */
function stamp(): Date {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return new Date(lastStamp);
}

/** Add batches after the queue, merging one into the last when both are of the same plan. */
function enqueue(into: Batch[], batches: Batch[]): Batch[] {
  const out = [...into];
  for (const b of batches) {
    const last = out.at(-1);
    if (last && last.doc.plan.id === b.doc.plan.id) out[out.length - 1] = { doc: b.doc, patches: [...last.patches, ...b.patches], seq: b.seq, at: b.at };
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

/** Write one batch; false when it failed (it is then queued again, before anything newer). */
async function write(batch: Batch, rest: Batch[]): Promise<boolean> {
  try {
    await repo.saveChanges(batch.doc, batch.patches, batch.at);
  } catch (error) {
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
  wal.committed(batch.doc.plan.id, batch.seq);
  rememberPlan(batch.doc.plan.id, batch.doc.plan.name, Object.keys(batch.doc.items).length);
  announceSaved(batch.doc.plan.id, repo.touchedRows(batch.patches));
  return true;
}

/** Write everything queued so far; resolves when it is in IndexedDB (or has failed). */
export function flush(): Promise<void> {
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
    if (ok && unfinished === 0 && queue.length === 0) useUi.setState({ save: { state: 'saved', at: new Date() } });
  };
  // Start at once when nothing is being written (the transaction then runs while React
  // draws the change); otherwise after the write in flight, to keep writes in order.
  writing = active === 0 ? run() : writing.then(run);
  return writing;
}

async function showOtherTabChange(planId: string, itemIds: string[], plan: boolean): Promise<void> {
  const rows = await repo.loadRows(planId, itemIds, plan);
  const items: Record<string, PlanDoc['items'][string] | null> = {};
  const clashes: string[] = [];
  const now = Date.now();
  for (const [id, { item, updatedAt }] of Object.entries(rows.items)) {
    const mine = localEdits.get(editKey(planId, id));
    // This tab changed the item after that row was written: its own change stands (and is on its way to storage).
    if (mine && updatedAt && updatedAt < mine) continue;
    items[id] = item;
    if (mine && updatedAt && updatedAt > mine && now - Date.parse(mine) < CONFLICT_WINDOW_MS) {
      const text = item?.text ?? useEditor.getState().doc?.items[id]?.text;
      if (text) clashes.push(text);
    }
  }
  applyRemote(planId, { plan: rows.plan, items });
  if (clashes.length > 0)
    notify('info', `”${clashes[0]}” ändrades samtidigt i en annan flik. Den senaste ändringen gäller och visas nu.`);
}

let stop: (() => void) | null = null;

export function stopPersistence(): void {
  stop?.();
  stop = null;
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

export function startPersistence(): () => void {
  stop?.();
  wal = new WriteAheadLog(undefined, sayLogTrouble);
  const offChange = onDocChange((doc, patches) => {
    const at = stamp();
    const touched = repo.touchedRows(patches);
    const seq = wal.record(doc, touched, at);
    for (const id of touched.items) localEdits.set(editKey(doc.plan.id, id), at.toISOString());
    queue = enqueue(queue, [{ doc, patches, seq, at }]);
    setSaving();
    // A microtask lets a burst of synchronous commits share one transaction, and starts
    // the write before React draws the change.
    queueMicrotask(() => void flush());
  });
  const offTabs = onOtherTabSaved((message) => {
    if (useEditor.getState().doc?.plan.id !== message.planId) return;
    void showOtherTabChange(message.planId, message.items, message.plan);
  });
  stop = () => {
    offChange();
    offTabs();
  };
  return stop;
}
