// Writing the open plan: every change goes to a write-ahead log at once and to IndexedDB
// on the next task; other tabs are told what changed; failures are kept and retried.
import type { Patch } from 'immer';
import type { PlanDoc } from '../domain/types';
import * as repo from '../db/repository';
import { WriteAheadLog } from '../db/wal';
import { downloadPlanJson } from '../export/json';
import { applyRemote, notify, onDocChange, useEditor } from './editor';
import { announceSaved, onOtherTabSaved } from './sync';
import { useUi } from './ui';

interface Batch {
  doc: PlanDoc;
  patches: Patch[];
  seq: number;
}

const RETRY_MS = 2000;
/** A change from another tab to an item edited here this recently is worth a word. */
const CONFLICT_WINDOW_MS = 60_000;

let pending: Batch | null = null;
let writing: Promise<void> = Promise.resolve();
let wal = new WriteAheadLog();
const localWrites = new Map<string, string>();

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

let active = 0;

/** Write everything queued so far; resolves when it is in IndexedDB (or has failed). */
export function flush(): Promise<void> {
  const batch = pending;
  pending = null;
  if (!batch) return writing;
  const run = async () => {
    active++;
    try {
      const now = new Date();
      await repo.saveChanges(batch.doc, batch.patches, now);
      wal.committed(batch.seq);
      const touched = repo.touchedRows(batch.patches);
      for (const id of touched.items) localWrites.set(id, now.toISOString());
      announceSaved(batch.doc.plan.id, touched);
      if (!pending) useUi.setState({ save: { state: 'saved', at: now } });
    } catch (error) {
      // Keep what failed queued (before anything newer) and try again: an edit is never dropped.
      const newer = pending as Batch | null;
      pending = {
        doc: newer?.doc ?? batch.doc,
        patches: [...batch.patches, ...(newer?.patches ?? [])],
        seq: Math.max(batch.seq, newer?.seq ?? 0),
      };
      const message = error instanceof Error ? error.message : String(error);
      useUi.setState({ save: { state: 'error', message } });
      notify(
        'error',
        isQuotaError(error)
          ? 'Lagringsutrymmet i webbläsaren är fullt. Arbetet finns kvar i fönstret – spara det med Exportera JSON.'
          : 'Ändringen kunde inte sparas i webbläsaren. Arbetet finns kvar i fönstret och sparas så snart det går.',
        exportAction,
      );
      setTimeout(() => void flush(), RETRY_MS);
    } finally {
      active--;
    }
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
    items[id] = item;
    const mine = localWrites.get(id);
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
  pending = null;
}

export function startPersistence(): () => void {
  stop?.();
  wal = new WriteAheadLog();
  const offChange = onDocChange((doc, patches) => {
    if (pending && pending.doc.plan.id !== doc.plan.id) void flush();
    const seq = wal.record(doc, repo.touchedRows(patches));
    pending = { doc, patches: pending ? [...pending.patches, ...patches] : patches, seq };
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
