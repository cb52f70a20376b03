// A write-ahead log in localStorage. IndexedDB writes are asynchronous: a tab closed or
// reloaded right after an edit may lose a transaction in flight. localStorage writes are
// synchronous, so each change is logged here the moment it happens, dropped once its
// IndexedDB write has committed, and replayed at the next start. Rows carry their time, so
// a replay never overwrites a later version.
import type { Item, Plan, PlanDoc } from '../domain/types';
import { isRecord, pickPlan, planWithDefaults, soundPlan } from '../schema/records';
import { applyLoggedRows, type RebuiltPlan } from './repository';

const PREFIX = 'solfjadern:wal:';

/** Logs this old are left from closed tabs: replayed, then removed. */
const STALE_MS = 60_000;

interface LogEntry<T> {
  seq: number;
  at: string;
  planId: string;
  row: T;
}

/** A plan's row is always in the log with its items (the log can rebuild a plan storage lost); `touched` when it changed. */
interface PlanEntry extends LogEntry<Plan> {
  touched: boolean;
}

interface Log {
  touched: number;
  plans: Record<string, PlanEntry>;
  items: Record<string, LogEntry<Item | null>>;
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
  private log: Log = { touched: 0, plans: {}, items: {} };

  constructor(
    private readonly key: string = PREFIX + crypto.randomUUID(),
    private readonly onTrouble: (trouble: LogTrouble) => void = () => {},
  ) {}

  /** Log the current state of the rows a change touched; returns its sequence number. */
  record(doc: PlanDoc, touched: { plan: boolean; items: Set<string> }, now = new Date()): number {
    const seq = ++this.seq;
    const at = now.toISOString();
    const planId = doc.plan.id;
    const before = this.log.plans[planId];
    this.log.plans[planId] = touched.plan || !before ? { seq, at, planId, row: doc.plan, touched: touched.plan || !!before?.touched } : { ...before, seq, row: doc.plan };
    // Keyed by plan and item: a plan and its imported copy may share item ids.
    for (const id of touched.items) this.log.items[`${planId}|${id}`] = { seq, at, planId, row: Object.hasOwn(doc.items, id) ? doc.items[id]! : null };
    this.log.touched = now.getTime();
    this.persist();
    return seq;
  }

  /** The plan's changes up to `seq` are in IndexedDB. */
  committed(planId: string, seq: number): void {
    const plan = this.log.plans[planId];
    if (plan && plan.seq <= seq) delete this.log.plans[planId];
    for (const [key, e] of Object.entries(this.log.items)) if (e.planId === planId && e.seq <= seq) delete this.log.items[key];
    this.persist();
  }

  get size(): number {
    return Object.keys(this.log.plans).length + Object.keys(this.log.items).length;
  }

  private persist(): void {
    const s = storage();
    if (!s) return;
    if (this.size === 0) {
      s.removeItem(this.key);
      return;
    }
    // localStorage full: keep the most recent changes that fit, and say so.
    const items = Object.entries(this.log.items).sort(([, a], [, b]) => b.seq - a.seq);
    for (let keep = items.length; ; keep = Math.floor(keep / 2)) {
      const log = keep === items.length ? this.log : { ...this.log, items: Object.fromEntries(items.slice(0, keep)) };
      try {
        s.setItem(this.key, JSON.stringify(log));
        if (keep < items.length) this.onTrouble('trimmed');
        return;
      } catch {
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

const planEntry = (e: unknown): e is { row: Plan; at: string; touched?: boolean } =>
  isRecord(e) && typeof e.at === 'string' && isRecord(e.row) && soundPlan(planWithDefaults(e.row));
const itemEntry = (e: unknown): e is { planId: string; row: Item | null; at: string } =>
  isRecord(e) &&
  typeof e.at === 'string' &&
  typeof e.planId === 'string' &&
  (e.row === null || (isRecord(e.row) && typeof e.row.id === 'string' && e.row.planId === e.planId));

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

/** At start: apply every tab's log (never over later rows) and drop the old ones. */
export async function replayLogs(now = Date.now()): Promise<number> {
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
    const plans = isRecord(log) && isRecord(log.plans) ? Object.values(log.plans).filter(planEntry) : [];
    const items = isRecord(log) && isRecord(log.items) ? Object.entries(log.items).filter(([, e]) => itemEntry(e)) : [];
    try {
      const result = await applyLoggedRows(
        // Logs written before plan rows were always kept carry only changed ones.
        plans.map((e) => ({ plan: pickPlan(planWithDefaults(e.row as unknown as Record<string, unknown>)), at: e.at, touched: e.touched !== false })),
        items.map(([key, e]) => ({ id: key.slice(key.indexOf('|') + 1), planId: e.planId, item: e.row, at: e.at })),
      );
      applied += result.applied;
      rebuilt.push(...result.rebuilt);
    } catch (error) {
      // Never let a log stop the app from starting and saving; it stays for the next start.
      console.warn('Write-ahead log could not be replayed', error);
      continue;
    }
    if (now - (log.touched ?? 0) > STALE_MS) s.removeItem(key);
  }
  return applied;
}
