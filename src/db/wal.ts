// A write-ahead log in localStorage. IndexedDB writes are asynchronous: a tab closed or
// reloaded right after an edit may lose a transaction in flight. localStorage writes are
// synchronous, so each change of a plan's document is logged here the moment it happens,
// dropped once its IndexedDB write has committed, and replayed at the next start. A change
// of a Yjs document applies once however often it is replayed, so replay needs no times.
import { fromBase64, toBase64 } from 'lib0/buffer';
import type { Item, Plan } from '../domain/types';
import { isRecord, pickPlan, planWithDefaults, soundPlan } from '../schema/records';
import { applyLoggedUpdates, type RebuiltPlan } from './repository';

const PREFIX = 'solfjadern:wal:';

interface LogEntry {
  seq: number;
  planId: string;
  /** The update, base64. */
  update: string;
}

interface Log {
  touched: number;
  /** Each logged plan as it was at its last change … */
  plans: Record<string, Plan>;
  /**
   * … and its items changed meanwhile, as they are (planId|itemId; null when deleted): with the
   * plan, what can be made again if storage lost the plan's document, whose changes alone
   * cannot be read without it.
   */
  items?: Record<string, Item | null>;
  entries: LogEntry[];
}

const storage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

/** What the log could not keep: `trimmed` when localStorage was full and only the latest entries fit. */
export type LogTrouble = 'trimmed' | 'off';

export class WriteAheadLog {
  private seq = 0;
  private log: Log & { items: Record<string, Item | null> } = { touched: 0, plans: {}, items: {}, entries: [] };

  constructor(
    private readonly key: string = PREFIX + crypto.randomUUID(),
    private readonly onTrouble: (trouble: LogTrouble) => void = () => {},
  ) {}

  /** Log a change of a plan's document; returns its sequence number. */
  record(plan: Plan, update: Uint8Array, now = new Date()): number {
    const seq = ++this.seq;
    this.log.plans[plan.id] = plan;
    this.log.entries.push({ seq, planId: plan.id, update: toBase64(update) });
    this.log.touched = now.getTime();
    this.persist();
    return seq;
  }

  /** The plan and the items a change just logged made different, as they are now. */
  keep(plan: Plan, items: ReadonlyArray<Item | string>): void {
    if (!this.log.entries.some((e) => e.planId === plan.id)) return;
    this.log.plans[plan.id] = plan;
    for (const item of items) this.log.items[`${plan.id}|${typeof item === 'string' ? item : item.id}`] = typeof item === 'string' ? null : item;
    this.persist();
  }

  /** The plan's changes up to `seq` are in IndexedDB. */
  committed(planId: string, seq: number): void {
    this.log.entries = this.log.entries.filter((e) => e.planId !== planId || e.seq > seq);
    if (!this.log.entries.some((e) => e.planId === planId)) {
      delete this.log.plans[planId];
      for (const key of Object.keys(this.log.items)) if (key.startsWith(`${planId}|`)) delete this.log.items[key];
    }
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
    // localStorage full: keep the most recent changes that fit (without the items kept for a
    // rebuild, which are only a courtesy), and say so.
    const all = this.log.entries;
    for (let keep = all.length; ; keep = Math.floor(keep / 2)) {
      const log = keep === all.length ? this.log : { ...this.log, items: {}, entries: all.slice(all.length - keep) };
      try {
        s.setItem(this.key, JSON.stringify(log));
        if (keep < all.length) this.onTrouble('trimmed');
        return;
      } catch {
        if (keep === all.length) {
          try {
            s.setItem(this.key, JSON.stringify({ ...this.log, items: {} }));
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

const logKeys = (s: Storage) => Array.from({ length: s.length }, (_, i) => s.key(i)).filter((k): k is string => !!k && k.startsWith(PREFIX));

/** Whether any tab's log waits to be replayed. */
export function logsWaiting(): boolean {
  const s = storage();
  return !!s && logKeys(s).length > 0;
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

/** At start: add every tab's logged changes to storage, then drop the logs. */
export async function replayLogs(): Promise<number> {
  const s = storage();
  if (!s) return 0;
  let applied = 0;
  for (const key of logKeys(s)) {
    let log: Log;
    try {
      log = JSON.parse(s.getItem(key) ?? '') as Log;
    } catch {
      s.removeItem(key);
      continue;
    }
    // A malformed entry (a hand-edited or half-written log) is skipped; the rest still counts.
    const entries = (isRecord(log) && Array.isArray(log.entries) ? log.entries : []).map(decoded).filter((e) => e !== null);
    const plans = isRecord(log) && isRecord(log.plans) ? log.plans : {};
    try {
      for (const planId of new Set(entries.map((e) => e.planId))) {
        const raw = plans[planId];
        const record = isRecord(raw) ? planWithDefaults(raw) : null;
        if (!record || !soundPlan(record) || record.id !== planId) continue;
        const updates = entries.filter((e) => e.planId === planId).map((e) => e.update);
        const items = isRecord(log.items) ? Object.entries(log.items).flatMap(([k, item]) => (k.startsWith(`${planId}|`) && isRecord(item) ? [item] : [])) : [];
        const made = await applyLoggedUpdates(pickPlan(record), updates, items);
        if (made) rebuilt.push(made);
        applied += updates.length;
      }
    } catch (error) {
      // Never let a log stop the app from starting and saving; it stays for the next start.
      console.warn('Write-ahead log could not be replayed', error);
      continue;
    }
    // In storage now. A log of a tab still open goes too: that tab writes its whole log
    // again with its next change, and what it had logged is stored already.
    s.removeItem(key);
  }
  return applied;
}
