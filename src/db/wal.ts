// A write-ahead log in localStorage. IndexedDB writes are asynchronous: a tab closed or
// reloaded right after an edit may lose a transaction in flight. localStorage writes are
// synchronous, so each change of a plan's document is logged here the moment it happens,
// dropped once its IndexedDB write has committed, and replayed at the next start. A change
// of a Yjs document applies once however often it is replayed, so replay needs no times.
//
// The log holds updates only. Beside it (its own key, written seldom) lies the open plan's whole
// document as one update — its base — so a plan the browser's storage lost altogether (it may
// delete a site's database when the disk fills) can be made again: the base, then the changes.
import { fromBase64, toBase64 } from 'lib0/buffer';
import { isRecord } from '../schema/records';
import { applyLoggedUpdates, type RebuiltPlan } from './repository';

import { BASE, logKeys, PREFIX, storage } from './walKeys';

export { logsWaiting } from './walKeys';

interface LogEntry {
  seq: number;
  planId: string;
  /** The update, base64. */
  update: string;
}

interface Log {
  touched: number;
  entries: LogEntry[];
}

/** A plan's whole document as one update (base64), as it was when kept. */
interface Base {
  planId: string;
  update: string;
}

/** What the log could not keep: `trimmed` when localStorage was full and only the latest entries fit. */
export type LogTrouble = 'trimmed' | 'off';

export class WriteAheadLog {
  private seq = 0;
  private log: Log = { touched: 0, entries: [] };
  /** The plan whose base is kept beside the log. */
  private based: string | null = null;
  /** The plan whose base did not fit (or gave way to the log): not tried again with every change. */
  private refused: string | null = null;

  constructor(
    private readonly key: string = PREFIX + crypto.randomUUID(),
    private readonly onTrouble: (trouble: LogTrouble) => void = () => {},
  ) {}

  /** Log a change of a plan's document; returns its sequence number. */
  record(planId: string, update: Uint8Array, now = new Date()): number {
    const seq = ++this.seq;
    this.log.entries.push({ seq, planId, update: toBase64(update) });
    this.log.touched = now.getTime();
    this.persist();
    return seq;
  }

  /** Whether a base of this plan is kept beside the log. */
  hasBase(planId: string): boolean {
    return this.based === planId;
  }

  /**
   * Whether this plan's base was refused the last time: localStorage could not hold it (a big
   * plan's base is megabytes), or it gave way to the log. Each change then only logs itself;
   * trying again with every change would make and throw away the whole document each time.
   */
  baseRefused(planId: string): boolean {
    return this.refused === planId;
  }

  /**
   * Keep the plan's whole document (`state`, one update) beside the log: with it and the logged
   * changes the plan can be made again. One plan's at a time; a courtesy that gives way to the
   * log itself when localStorage is short of room.
   */
  keepBase(planId: string, state: Uint8Array): void {
    const s = storage();
    if (!s) return;
    try {
      s.setItem(this.key + BASE, JSON.stringify({ planId, update: toBase64(state) } satisfies Base));
      this.based = planId;
      this.refused = null;
    } catch {
      this.dropBase();
      this.refused = planId;
    }
  }

  private dropBase(): void {
    if (this.based !== null) this.refused = this.based;
    this.based = null;
    try {
      storage()?.removeItem(this.key + BASE);
    } catch {
      // Nothing to drop.
    }
  }

  /** The plan's changes up to `seq` are in IndexedDB. */
  committed(planId: string, seq: number): void {
    this.log.entries = this.log.entries.filter((e) => e.planId !== planId || e.seq > seq);
    this.persist();
  }

  /** The sequence number of the last change logged. */
  get lastSeq(): number {
    return this.seq;
  }

  get size(): number {
    return this.log.entries.length;
  }

  private persist(): void {
    const s = storage();
    if (!s) return;
    if (this.size === 0) {
      s.removeItem(this.key);
      return;
    }
    // localStorage full: the base gives way first, then the log keeps the most recent changes
    // that fit, and says so.
    const all = this.log.entries;
    for (let keep = all.length; ; keep = Math.floor(keep / 2)) {
      const log = keep === all.length ? this.log : { ...this.log, entries: all.slice(all.length - keep) };
      try {
        s.setItem(this.key, JSON.stringify(log));
        if (keep < all.length) this.onTrouble('trimmed');
        return;
      } catch {
        if (keep === all.length && this.based !== null) {
          this.dropBase();
          try {
            s.setItem(this.key, JSON.stringify(log));
            return;
          } catch {
            // Still too big: fewer changes.
          }
        }
        if (keep === 0) break;
      }
    }
    try {
      s.removeItem(this.key);
    } catch {
      // Nothing more to do: IndexedDB remains the record.
    }
    this.onTrouble('off');
  }
}


/** Plans storage had lost, rebuilt from the log at the last start, until the app has said so. */
let rebuilt: RebuiltPlan[] = [];

/** The plans the last replay rebuilt (once: they are taken). */
export function takeRebuiltPlans(): RebuiltPlan[] {
  const out = rebuilt;
  rebuilt = [];
  return out;
}

function decoded(entry: unknown): { planId: string; update: Uint8Array } | null {
  if (!isRecord(entry) || typeof entry.planId !== 'string' || typeof entry.update !== 'string') return null;
  try {
    return { planId: entry.planId, update: fromBase64(entry.update) };
  } catch {
    return null;
  }
}

function parsed(s: Storage, key: string): unknown {
  try {
    return JSON.parse(s.getItem(key) ?? 'null') as unknown;
  } catch {
    return null;
  }
}

/**
 * At start: add every tab's logged changes to storage, then drop the logs. A plan storage no
 * longer has is made again from its base and its changes, when a base was kept.
 */
export async function replayLogs(): Promise<number> {
  const s = storage();
  if (!s) return 0;
  let applied = 0;
  const tabs = new Set(logKeys(s).map((k) => (k.endsWith(BASE) ? k.slice(0, -BASE.length) : k)));
  for (const key of tabs) {
    const log = parsed(s, key);
    // A malformed entry (a hand-edited or half-written log) is skipped; the rest still counts.
    const entries = (isRecord(log) && Array.isArray(log.entries) ? log.entries : []).map(decoded).filter((e) => e !== null);
    const base = decoded(parsed(s, key + BASE));
    try {
      for (const planId of new Set([...entries.map((e) => e.planId), ...(base ? [base.planId] : [])])) {
        const updates = entries.filter((e) => e.planId === planId).map((e) => e.update);
        const made = await applyLoggedUpdates(planId, updates, base?.planId === planId ? base.update : null);
        if (made && made !== 'stored') rebuilt.push(made);
        if (made) applied += updates.length;
      }
    } catch (error) {
      // Never let a log stop the app from starting and saving; it stays for the next start.
      console.warn('Write-ahead log could not be replayed', error);
      continue;
    }
    // In storage now. A log of a tab still open goes too: that tab writes its whole log
    // again with its next change (and its base when it keeps its view next), and what it had
    // logged is stored already.
    s.removeItem(key);
    s.removeItem(key + BASE);
  }
  return applied;
}
