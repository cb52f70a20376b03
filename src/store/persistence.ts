// Writing the open plan: every change of its document (this window's edits, undo, a room's
// changes) goes to a write-ahead log at once and to IndexedDB once it is on screen
// (./planWrites.ts: in order, failures kept and retried); other tabs get the change too. Changes
// that came from storage or from another tab are not written again. Beside the document, the plan
// as shown (the kept view), the log's base and the fan's geometry are kept at quiet moments.
// One `PlanStorage` instance does this from `start()` to `stop()`; a write still in flight when
// it stops is forgotten by it (tests make and drop instances).
import * as Y from 'yjs';
import { onGeometryKept, storedGeometries } from '../fan/keptGeometry';
import * as repo from '../db/repository';
import { type LogTrouble, WriteAheadLog } from '../db/wal';
import { LOCAL, mustStore, REPAIR, TAB } from '../ydoc/origins';
import { notify, useEditor } from './editorState';
import { exportAction } from './exporter';
import { currentYDoc, onOpenDoc, peerIsNewer, showsDocument } from './openDoc';
import { onTabMessage, sayHello, sendUpdate } from './tabs';
import { PlanWrites, setSaving } from './planWrites';
import { RoomBatches } from './roomBatches';
import { isStartView, useUi } from './ui';
import { itemsIn } from '../domain/containers';
import type { PlanDoc } from '../domain/types';
import { captureScreen } from '../screen/captureScreen';
import type { KeptScreen } from '../screen/keptScreen';

const QUIET_MS = 1000;
/** A kept fan geometry is written once it has stayed the same this long. */
const GEOMETRY_MS = 500;
/** A room's batch of changes larger than this is not logged (the room holds it); a colleague's edits are far smaller. */
const ROOM_LOG_BYTES = 64 * 1024;
/** The origin of a room's changes, handed on in batches (./roomBatches.ts). */
const GATHERED = 'solfjadern:gathered';

/** A change this window made (an edit, undo, redo): logged at once, before anything else happens. */
const isOwn = (origin: unknown) => origin === LOCAL || origin instanceof Y.UndoManager;

export class PlanStorage {
  private readonly wal = new WriteAheadLog(undefined, (trouble) => this.sayLogTrouble(trouble));
  /** The changes on their way to IndexedDB. */
  private readonly writes = new PlanWrites({
    committed: (planId, seq) => this.wal.committed(planId, seq),
    allWritten: () => this.keepViewSoon(),
  });
  private keepTimer: ReturnType<typeof setTimeout> | null = null;
  /** Kept fan geometries waiting to be written, per plan. */
  private readonly geometries = new Map<string, ReturnType<typeof setTimeout>>();
  private stopped = false;
  /** The screen last copied, and the reading and window size it showed. */
  private lastScreen: { doc: PlanDoc; size: string; screen: KeptScreen } | null = null;
  private detach: () => void = () => {};
  /** The log's base asked for and not yet kept (see `keepBaseSoon`). */
  private baseSoon: { cancel: () => void } | null = null;
  /**
   * This tab has changed the plan since its base was last kept: the base is kept anew at the
   * next quiet moment. Changes from a room or another tab do not ask for it — they are kept
   * where they came from, and a peer's flood would otherwise have the whole, grown document
   * encoded and written in one idle task after each burst (~100 ms a megabyte).
   */
  private ownSinceBase = false;

  constructor(
    /** Whether the person is in the middle of something (a drag) that a long write must not stop. */
    private readonly busy: () => boolean = () => false,
  ) {}
  private logTrouble: LogTrouble | null = null;
  /** A room's changes, gathered and handed on in batches. */
  private readonly room = new RoomBatches((planId, update) => this.changed(planId, update, GATHERED));
  /** The document followed now, and its plan. */
  private followed: { ydoc: Y.Doc; planId: string } | null = null;

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
    this.writes.stop();
    if (this.keepTimer) clearTimeout(this.keepTimer);
    this.keepTimer = null;
    this.baseSoon?.cancel();
    this.baseSoon = null;
    for (const timer of this.geometries.values()) clearTimeout(timer);
    this.geometries.clear();
  }

  /** Write everything queued so far (a room's changes gathered too); resolves when it is in IndexedDB (or has failed). */
  flush(): Promise<void> {
    this.room.flush();
    return this.writes.flush();
  }

  /** Every change of this tab is in IndexedDB and the plan shown is what its document holds. */
  private allStored(): boolean {
    return this.writes.idle() && showsDocument();
  }

  /**
   * Keep the plan as shown for the next start (src/db/views.ts), now, if everything is stored;
   * and the log's base anew — only when this tab has changed the plan since the base was last
   * kept: a page that only looked at it, or only took in a room's changes, writes no base (300 KB
   * at 1,000 items) for the next start to read and drop.
   */
  private keepViewNow(): void {
    const doc = useEditor.getState().doc;
    if (this.stopped) return;
    // A base that did not fit is tried again here, at a quiet moment (the plan may have shrunk).
    const followed = this.followed?.planId;
    if (followed && this.ownSinceBase && (this.wal.hasBase(followed) || this.wal.baseRefused(followed) || this.baseSoon)) this.keepBase();
    if (doc && this.allStored()) void repo.keepView(doc, this.screenAsStartShows(doc)).catch(() => {});
  }

  /**
   * The page's screen, kept with the view when the page shows the plan as the next start opens
   * it (src/screen/keptScreen.ts). Copied once per reading of the plan and window size: a tab
   * hidden and shown again, or kept again with nothing changed, copies nothing.
   */
  private screenAsStartShows(doc: PlanDoc): KeptScreen | null {
    if (typeof window === 'undefined' || !isStartView(useUi.getState(), itemsIn(doc, null).length, window.innerWidth)) return null;
    const size = `${window.innerWidth}x${window.innerHeight}`;
    if (this.lastScreen?.doc === doc && this.lastScreen.size === size) return this.lastScreen.screen;
    const screen = captureScreen();
    // None yet (the fan still settling): asked again at the next quiet moment.
    this.lastScreen = screen ? { doc, size, screen } : null;
    return screen;
  }

  /** The followed plan's whole document kept beside the write-ahead log, as it is now. */
  private keepBase(): void {
    this.baseSoon?.cancel();
    this.baseSoon = null;
    const followed = this.followed;
    if (!followed || this.stopped) return;
    this.wal.keepBase(followed.planId, Y.encodeStateAsUpdate(followed.ydoc));
    if (this.wal.hasBase(followed.planId)) this.ownSinceBase = false;
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
    // A room's large change is not logged: the room holds it, and a peer must not be able to fill
    // this browser's localStorage (what it displaces would be this person's own unsaved edits),
    // nor have the page encode and write it there in the middle of a flood.
    const seq = origin === GATHERED && update.length > ROOM_LOG_BYTES ? this.wal.lastSeq : this.wal.record(planId, update);
    // This tab's first change of the plan brings its base along (the plan can then be made again from the log).
    if (isOwn(origin) || origin === REPAIR) {
      this.ownSinceBase = true;
      if (!this.wal.hasBase(planId) && !this.wal.baseRefused(planId)) this.keepBaseSoon();
    }
    this.writes.add(planId, update, seq, { repair: origin === REPAIR, fromRoom: origin === GATHERED });
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
