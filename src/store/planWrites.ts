// Writing plans' changes to IndexedDB, in order: changes are queued per plan (consecutive ones of
// the same plan are one batch), written after the next frame in one transaction each, one write
// at a time; a write that fails is queued again before anything newer and retried, so an edit is
// never dropped; a plan's stored pieces are merged now and then. What is safe before it is
// written (the write-ahead log) and what follows the open plan are ./persistence.ts's.
import { itemCount } from '../domain/containers';
import * as repo from '../db/repository';
import { rememberPlan } from '../db/registry';
import { notify, useEditor } from './editorState';
import { exportAction } from './exporter';
import { useUi } from './ui';

/** Changes of one plan not yet in IndexedDB. */
interface Batch {
  planId: string;
  updates: Uint8Array[];
  /** The write-ahead log's sequence number of the last change. */
  seq: number;
}

const RETRY_MS = 2000;
/** A change's write starts after the next frame, or after this at the latest. */
const FLUSH_AT_MOST_MS = 100;
/** A change this large merges its plan's stored pieces after its write (and a room's is not logged: ./persistence.ts). */
export const LARGE_CHANGE_BYTES = 1024 * 1024;

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

/** The save status says "Sparar…". */
export function setSaving(): void {
  if (useUi.getState().save.state !== 'saving') useUi.setState({ save: { state: 'saving' } });
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } })?.name ?? '';
  const inner = (error as { inner?: { name?: string } })?.inner?.name ?? '';
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/** The plan as shown, when `planId` is the open one (its row in the plan list follows it). */
const shownDoc = (planId: string) => {
  const doc = useEditor.getState().doc;
  return doc?.plan.id === planId ? doc : null;
};

/** How a change came, as far as its write cares. */
export interface ChangeKind {
  /** A repair wrote back what it cut: the plan's pieces are merged after the write (the excess goes). */
  repair?: boolean;
  /** A room's change: not counted towards merging the plan's pieces (see `added`). */
  fromRoom?: boolean;
}

export class PlanWrites {
  /** Batches not yet taken by a write, oldest first. */
  private queue: Batch[] = [];
  private writing: Promise<void> = Promise.resolve();
  /** Writes started and not yet finished. */
  private active = 0;
  /** Runs of writes taken from the queue and not yet finished (started or waiting their turn). */
  private unfinished = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  /** A write asked for, to start after the next frame (see `writeSoon`). */
  private soon: { timer: ReturnType<typeof setTimeout> | null } | null = null;
  private stopped = false;
  /** What each plan's row in the plan list was last written from: its plan record and item count. */
  private readonly rowWritten = new Map<string, { plan: object; items: number }>();
  /**
   * Plans whose stored pieces are re-encoded after their next write, not only after many pieces:
   * a large change came from elsewhere, or a repair wrote back what it cut (the excess goes).
   */
  private readonly compactNext = new Set<string>();
  /**
   * Bytes of this tab's own changes to each plan since its last compaction here. A room's changes
   * are not counted: merging a plan's pieces is a long task, and a peer's burst would bring it
   * on while the page is busy taking the burst in (the 64-piece rule still covers them).
   */
  private readonly added = new Map<string, number>();

  constructor(
    private readonly told: {
      /** A plan's changes up to the log's `seq` are in IndexedDB. */
      committed: (planId: string, seq: number) => void;
      /** Everything queued is written ("Sparad" is shown). */
      allWritten: () => void;
    },
  ) {}

  /** Queue one change of a plan (logged as `seq`), to be written once it is on screen. */
  add(planId: string, update: Uint8Array, seq: number, kind: ChangeKind = {}): void {
    if (this.stopped) return;
    if (kind.repair || update.length > LARGE_CHANGE_BYTES) this.compactNext.add(planId);
    if (!kind.fromRoom) this.added.set(planId, (this.added.get(planId) ?? 0) + update.length);
    this.queue = enqueue(this.queue, [{ planId, updates: [update], seq }]);
    setSaving();
    this.writeSoon();
  }

  /** Nothing queued or being written. */
  idle(): boolean {
    return this.queue.length === 0 && this.unfinished === 0 && this.active === 0;
  }

  /** Write everything queued so far; resolves when it is in IndexedDB (or has failed). */
  flush(): Promise<void> {
    const batches = this.queue;
    this.queue = [];
    if (batches.length === 0 || this.stopped) return this.writing;
    this.unfinished++;
    const run = async () => {
      this.active++;
      let ok = true;
      try {
        for (let i = 0; i < batches.length && ok; i++) ok = await this.write(batches[i]!, batches.slice(i + 1));
      } finally {
        this.active--;
        this.unfinished--;
      }
      // "Sparad" only when nothing is queued or being written.
      if (ok && !this.stopped && this.idle()) {
        useUi.setState({ save: { state: 'saved', at: new Date() } });
        this.told.allWritten();
      }
    };
    // Start at once when nothing is being written (the transaction then runs while React
    // draws the change); otherwise after the write in flight, to keep writes in order.
    this.writing = this.active === 0 ? run() : this.writing.then(run);
    return this.writing;
  }

  /** Stop: what is queued is forgotten, and writes in flight finish unheard (storage is gone, or a test ends mid-write). */
  stop(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    if (this.soon?.timer) clearTimeout(this.soon.timer);
    this.soon = null;
    this.queue = [];
  }

  /**
   * The open plan, when its row in the plan list needs writing with this batch (its name, blades,
   * rings or catalogue changed, or how many items it has): most edits change an item only, and
   * then only the document's update is stored.
   */
  private rowDue(planId: string): ReturnType<typeof shownDoc> {
    const doc = shownDoc(planId);
    if (!doc) return null;
    const items = itemCount(doc.items);
    const last = this.rowWritten.get(planId);
    if (last && last.plan === doc.plan && last.items === items) return null;
    return doc;
  }

  /** Write one batch; false when it failed (it is then queued again, before anything newer). */
  private async write(batch: Batch, rest: Batch[]): Promise<boolean> {
    let pieces: number;
    try {
      const row = this.rowDue(batch.planId);
      pieces = await repo.appendUpdates(batch.planId, batch.updates, row);
      if (row) this.rowWritten.set(batch.planId, { plan: row.plan, items: itemCount(row.items) });
    } catch (error) {
      if (this.stopped) return false;
      // Keep what failed queued before anything newer, each plan's changes apart: an edit is never dropped.
      this.queue = enqueue([batch, ...rest], this.queue);
      const message = error instanceof Error ? error.message : String(error);
      useUi.setState({ save: { state: 'error', message } });
      notify(
        'error',
        isQuotaError(error)
          ? 'Lagringsutrymmet i webbläsaren är fullt. Arbetet finns kvar i fönstret – spara det med Exportera JSON.'
          : 'Ändringen kunde inte sparas i webbläsaren. Arbetet finns kvar i fönstret och sparas så snart det går.',
        exportAction,
      );
      this.retry ??= setTimeout(() => {
        this.retry = null;
        void this.flush();
      }, RETRY_MS);
      return false;
    }
    if (this.stopped) return false;
    this.told.committed(batch.planId, batch.seq);
    const doc = shownDoc(batch.planId);
    if (doc) rememberPlan(doc.plan.id, doc.plan.name, itemCount(doc.items));
    // Many small pieces are merged now and then (reading a plan stays fast); a failure here loses nothing.
    const now = this.compactNext.delete(batch.planId);
    if (pieces > repo.COMPACT_AFTER || (this.added.get(batch.planId) ?? 0) > repo.COMPACT_AFTER_BYTES || now) {
      this.added.delete(batch.planId);
      await repo.compactPlan(batch.planId).catch(() => {});
    }
    return true;
  }

  /**
   * Write what is queued once the change is on screen: the next frame is drawn first (the
   * write's own work — Dexie's, a few ms — would hold it up), and every change made until then
   * shares one transaction. Nothing waits on it to be safe: each change is in the log already.
   * A hidden page draws no frames: there a task starts it.
   */
  private writeSoon(): void {
    if (this.soon) return;
    const run = () => {
      if (!this.soon) return;
      if (this.soon.timer) clearTimeout(this.soon.timer);
      this.soon = null;
      void this.flush();
    };
    const drawing = typeof requestAnimationFrame === 'function' && typeof document !== 'undefined' && document.visibilityState === 'visible';
    this.soon = { timer: null };
    if (drawing) requestAnimationFrame(() => setTimeout(run, 0));
    // A frame may not come (a page in the background, a busy one): the write never waits longer than this.
    this.soon.timer = setTimeout(run, drawing ? FLUSH_AT_MOST_MS : 0);
  }
}
