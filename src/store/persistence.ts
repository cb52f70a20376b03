// Writing the open plan: every change of its document (this window's edits, undo, a room's
// changes) goes to a write-ahead log at once and to IndexedDB on the next task; other tabs get
// the change too; failures are kept and retried. Changes that came from storage or from another
// tab are not written again. One `PlanStorage` instance does this from `start()` to `stop()`;
// a write still in flight when it stops is forgotten by it (tests make and drop instances).
import * as Y from 'yjs';
import { itemCount } from '../domain/containers';
import { onGeometryKept, storedGeometries } from '../fan/keptGeometry';
import * as repo from '../db/repository';
import { rememberPlan } from '../db/registry';
import { type LogTrouble, WriteAheadLog } from '../db/wal';
import { LOCAL, mustStore, REPAIR, TAB } from '../ydoc/origins';
import { notify, useEditor } from './editorState';
import { exportAction } from './exporter';
import { currentYDoc, onOpenDoc, peerIsNewer, showsDocument } from './openDoc';
import { onTabMessage, sayHello, sendUpdate } from './tabs';
import { RoomBatches } from './roomBatches';
import { useUi } from './ui';

/** Changes of one plan not yet in IndexedDB. */
interface Batch {
  planId: string;
  updates: Uint8Array[];
  /** The write-ahead log's sequence number of the last change. */
  seq: number;
}

const RETRY_MS = 2000;
const QUIET_MS = 1000;
/** A change's write starts after the next frame, or after this at the latest. */
const FLUSH_AT_MOST_MS = 100;
/** A kept fan geometry is written once it has stayed the same this long. */
const GEOMETRY_MS = 500;
const LARGE_BYTES = 1024 * 1024;
/** The origin of a room's changes, handed on in batches (./roomBatches.ts). */
const GATHERED = 'solfjadern:gathered';

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

/** A change this window made (an edit, undo, redo): logged at once, before anything else happens. */
const isOwn = (origin: unknown) => origin === LOCAL || origin instanceof Y.UndoManager;

export class PlanStorage {
  /** Batches not yet taken by a write, oldest first; consecutive ones of the same plan are one. */
  private queue: Batch[] = [];
  private writing: Promise<void> = Promise.resolve();
  private readonly wal = new WriteAheadLog(undefined, (trouble) => this.sayLogTrouble(trouble));
  /** Writes started and not yet finished. */
  private active = 0;
  /** Runs of writes taken from the queue and not yet finished (started or waiting their turn). */
  private unfinished = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private keepTimer: ReturnType<typeof setTimeout> | null = null;
  /** Kept fan geometries waiting to be written, per plan. */
  private readonly geometries = new Map<string, ReturnType<typeof setTimeout>>();
  /** A write asked for, to start after the next frame (see `flushSoon`). */
  private soon: { timer: ReturnType<typeof setTimeout> | null } | null = null;
  private stopped = false;
  private detach: () => void = () => {};
  /** The log's base asked for and not yet kept (see `keepBaseSoon`). */
  private baseSoon: { cancel: () => void } | null = null;

  constructor(
    /** Whether the person is in the middle of something (a drag) that a long write must not stop. */
    private readonly busy: () => boolean = () => false,
  ) {}
  private logTrouble: LogTrouble | null = null;
  /** A room's changes, gathered and handed on in batches. */
  private readonly room = new RoomBatches((planId, update) => this.changed(planId, update, GATHERED));
  /** The document followed now, and its plan. */
  private followed: { ydoc: Y.Doc; planId: string } | null = null;
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

  /** Follow the open plan (and every plan opened later) until `stop()`. */
  start(): this {
    let unfollow = () => {};
    const follow = (ydoc: Y.Doc | null, planId: string | null) => {
      unfollow();
      unfollow = () => {};
      if (!ydoc || !planId) return;
      const onUpdate = (update: Uint8Array, origin: unknown) => {
        if (isOwn(origin) || origin === REPAIR || !mustStore(origin)) this.changed(planId, update, origin);
        else {
          this.room.add(planId, update);
          setSaving();
        }
      };
      ydoc.on('update', onUpdate);
      this.followed = { ydoc, planId };
      unfollow = () => {
        this.followed = null;
        ydoc.off('update', onUpdate);
        this.room.flush();
      };
      sayHello(planId);
      // A plan opened without a view kept of it as it is stored now gets one.
      this.keepViewSoon();
    };
    const offOpen = onOpenDoc(follow);
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
      this.room.flush();
      this.keepViewNow();
    };
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onHide);
    // The fan's geometry, kept beside the plan for the next start to open with.
    const offGeometry = onGeometryKept((planId) => this.keepGeometrySoon(planId));
    this.detach = () => {
      if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onHide);
      offGeometry();
      offOpen();
      offTabs();
      unfollow();
    };
    return this;
  }

  /** Write a plan's kept fan geometries and cells once they have stayed the same a moment (a resize keeps many on its way, a workshop many moves). */
  private keepGeometrySoon(planId: string): void {
    const waiting = this.geometries.get(planId);
    if (waiting) clearTimeout(waiting);
    this.geometries.set(
      planId,
      setTimeout(() => {
        this.geometries.delete(planId);
        if (!this.stopped) void repo.keepGeometries(planId, storedGeometries(planId)).catch(() => {});
      }, GEOMETRY_MS),
    );
  }

  /** Stop following; writes still in flight are forgotten (storage is gone, or a test ends mid-write). */
  stop(): void {
    this.room.drop();
    this.detach();
    this.detach = () => {};
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    if (this.keepTimer) clearTimeout(this.keepTimer);
    this.keepTimer = null;
    if (this.soon?.timer) clearTimeout(this.soon.timer);
    this.soon = null;
    this.baseSoon?.cancel();
    this.baseSoon = null;
    for (const timer of this.geometries.values()) clearTimeout(timer);
    this.geometries.clear();
    this.queue = [];
  }

  /** Write everything queued so far; resolves when it is in IndexedDB (or has failed). */
  flush(): Promise<void> {
    this.room.flush();
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
      if (ok && !this.stopped && this.unfinished === 0 && this.queue.length === 0) {
        useUi.setState({ save: { state: 'saved', at: new Date() } });
        this.keepViewSoon();
      }
    };
    // Start at once when nothing is being written (the transaction then runs while React
    // draws the change); otherwise after the write in flight, to keep writes in order.
    this.writing = this.active === 0 ? run() : this.writing.then(run);
    return this.writing;
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
    this.wal.committed(batch.planId, batch.seq);
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

  /** Every change of this tab is in IndexedDB and the plan shown is what its document holds. */
  private allStored(): boolean {
    return this.queue.length === 0 && this.unfinished === 0 && this.active === 0 && showsDocument();
  }

  /**
   * Keep the plan as shown for the next start (src/db/views.ts), now, if everything is stored;
   * and the log's base anew — only once this tab has logged a change of the plan: a page that
   * only looked at it leaves no base (300 KB at 1,000 items) for the next start to read and drop.
   */
  private keepViewNow(): void {
    const doc = useEditor.getState().doc;
    if (this.stopped) return;
    // A base that did not fit is tried again here, at a quiet moment (the plan may have shrunk).
    const followed = this.followed?.planId;
    if (followed && (this.wal.hasBase(followed) || this.wal.baseRefused(followed) || this.baseSoon)) this.keepBase();
    if (doc && this.allStored()) void repo.keepView(doc).catch(() => {});
  }

  /** The followed plan's whole document kept beside the write-ahead log, as it is now. */
  private keepBase(): void {
    this.baseSoon?.cancel();
    this.baseSoon = null;
    const followed = this.followed;
    if (followed && !this.stopped) this.wal.keepBase(followed.planId, Y.encodeStateAsUpdate(followed.ydoc));
  }

  /**
   * Keep the log's base in idle time, not in the change that asks for it: the whole document
   * encoded and written to localStorage is 100–180 ms at 5,000 items — the first edit after
   * opening a big plan, or the first batch a room sends, held the page that long. Until then the
   * change is logged and stored as always; the base only matters if the browser later loses the
   * plan's database altogether. A page going away keeps it at once (`keepViewNow`).
   */
  private keepBaseSoon(): void {
    if (this.baseSoon || this.stopped) return;
    const run = () => {
      this.baseSoon = null;
      if (this.followed && !this.wal.hasBase(this.followed.planId)) this.keepBase();
    };
    // Truly idle: a room's flood of changes asks for the base with its first batch, and a task of
    // 20–40 ms forced in mid-flood would hold a frame; a page going away keeps it at once.
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run);
      this.baseSoon = { cancel: () => cancelIdleCallback(handle) };
    } else {
      const timer = setTimeout(run, 0);
      this.baseSoon = { cancel: () => clearTimeout(timer) };
    }
  }

  /**
   * Keep the plan as shown once the tab has been quiet a moment (a write of every item: not with
   * each change). A drag (`busy`) is not quiet, though it changes nothing until the drop: the write
   * (one task of ~150 ms at 5,000 items) waits until it is over, so it never stops the dragged item.
   */
  private keepViewSoon(): void {
    if (this.stopped) return;
    if (this.keepTimer) clearTimeout(this.keepTimer);
    this.keepTimer = setTimeout(() => {
      this.keepTimer = null;
      if (this.busy()) return this.keepViewSoon();
      if (typeof requestIdleCallback === 'function')
        requestIdleCallback(() => (this.busy() ? this.keepViewSoon() : this.keepViewNow()), { timeout: QUIET_MS });
      else this.keepViewNow();
    }, QUIET_MS);
  }

  /** Say once per tab when localStorage cannot hold the write-ahead log (what it still covers, and what to do). */
  private sayLogTrouble(trouble: LogTrouble): void {
    if (this.logTrouble) return;
    this.logTrouble = trouble;
    notify(
      'error',
      trouble === 'trimmed'
        ? 'Webbläsarens lokala lagring är nästan full: bara de senaste ändringarna skyddas om fliken stängs innan de hunnit sparas. Planen sparas som vanligt – exportera den gärna och frigör utrymme.'
        : 'Webbläsarens lokala lagring är full: ändringar som inte hunnit sparas skyddas inte om fliken stängs. Planen sparas som vanligt – exportera den gärna och frigör utrymme.',
      exportAction,
    );
  }

  /** Log and queue one change of a plan's document, and pass it to the other tabs. */
  private changed(planId: string, update: Uint8Array, origin: unknown): void {
    if (origin !== TAB) sendUpdate(planId, update);
    if (!mustStore(origin)) return;
    if (origin === REPAIR || update.length > LARGE_BYTES) this.compactNext.add(planId);
    if (origin !== GATHERED) this.added.set(planId, (this.added.get(planId) ?? 0) + update.length);
    // A room's large change is not logged: the room holds it, and a peer must not be able to fill
    // this browser's localStorage (what it displaces would be this person's own unsaved edits).
    const seq = origin === GATHERED && update.length > LARGE_BYTES ? this.wal.lastSeq : this.wal.record(planId, update);
    // The plan's first logged change brings its base along (the plan can then be made again from the log).
    if (!this.wal.hasBase(planId) && !this.wal.baseRefused(planId)) this.keepBaseSoon();
    this.queue = enqueue(this.queue, [{ planId, updates: [update], seq }]);
    setSaving();
    this.flushSoon();
  }

  /**
   * Write what is queued once the change is on screen: the next frame is drawn first (the
   * write's own work — Dexie's, a few ms — would hold it up), and every change made until then
   * shares one transaction. Nothing waits on it to be safe: each change is in the log already.
   * A hidden page draws no frames: there a task starts it.
   */
  private flushSoon(): void {
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

/** The storage of this window's open plans, while started. */
let current: PlanStorage | null = null;

export function startPersistence(busy?: () => boolean): () => void {
  current?.stop();
  const started = new PlanStorage(busy).start();
  current = started;
  return () => {
    started.stop();
    if (current === started) current = null;
  };
}

export function stopPersistence(): void {
  current?.stop();
  current = null;
}

/** Write everything queued so far; resolves when it is in IndexedDB (or has failed). */
export function flush(): Promise<void> {
  return current?.flush() ?? Promise.resolve();
}
