// A write-ahead log in localStorage. IndexedDB writes are asynchronous: a tab closed or
// reloaded right after an edit may lose a transaction in flight. localStorage writes are
// synchronous, so each change is logged here the moment it happens, dropped once its
// IndexedDB write has committed, and replayed at the next start. Rows carry their time, so
// a replay never overwrites a later version.
import type { Item, Plan, PlanDoc } from '../domain/types';
import { isRecord, pickPlan, planWithDefaults, soundPlan } from '../schema/records';
import { applyLoggedRows } from './repository';

const PREFIX = 'solfjadern:wal:';

/** Logs this old are left from closed tabs: replayed, then removed. */
const STALE_MS = 60_000;

interface LogEntry<T> {
  seq: number;
  at: string;
  planId: string;
  row: T;
}

interface Log {
  touched: number;
  plans: Record<string, LogEntry<Plan>>;
  items: Record<string, LogEntry<Item | null>>;
}

const storage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
};

export class WriteAheadLog {
  private seq = 0;
  private log: Log = { touched: 0, plans: {}, items: {} };

  constructor(private readonly key: string = PREFIX + crypto.randomUUID()) {}

  /** Log the current state of the rows a change touched; returns its sequence number. */
  record(doc: PlanDoc, touched: { plan: boolean; items: Set<string> }, now = new Date()): number {
    const seq = ++this.seq;
    const at = now.toISOString();
    const planId = doc.plan.id;
    if (touched.plan) this.log.plans[planId] = { seq, at, planId, row: doc.plan };
    // Keyed by plan and item: a plan and its imported copy may share item ids.
    for (const id of touched.items) this.log.items[`${planId}|${id}`] = { seq, at, planId, row: doc.items[id] ?? null };
    this.log.touched = now.getTime();
    this.persist();
    return seq;
  }

  /** Everything up to `seq` is in IndexedDB. */
  committed(seq: number): void {
    for (const [id, e] of Object.entries(this.log.plans)) if (e.seq <= seq) delete this.log.plans[id];
    for (const [id, e] of Object.entries(this.log.items)) if (e.seq <= seq) delete this.log.items[id];
    this.persist();
  }

  get size(): number {
    return Object.keys(this.log.plans).length + Object.keys(this.log.items).length;
  }

  private persist(): void {
    const s = storage();
    if (!s) return;
    try {
      if (this.size === 0) s.removeItem(this.key);
      else s.setItem(this.key, JSON.stringify(this.log));
    } catch {
      // localStorage full or blocked: IndexedDB remains the record; nothing else to do.
    }
  }
}

const planEntry = (e: unknown): e is { row: Plan; at: string } => isRecord(e) && typeof e.at === 'string' && isRecord(e.row) && soundPlan(planWithDefaults(e.row));
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
      applied += await applyLoggedRows(
        plans.map((e) => ({ plan: pickPlan(planWithDefaults(e.row as unknown as Record<string, unknown>)), at: e.at })),
        items.map(([key, e]) => ({ id: key.slice(key.indexOf('|') + 1), planId: e.planId, item: e.row, at: e.at })),
      );
    } catch (error) {
      // Never let a log stop the app from starting and saving; it stays for the next start.
      console.warn('Write-ahead log could not be replayed', error);
      continue;
    }
    if (now - (log.touched ?? 0) > STALE_MS) s.removeItem(key);
  }
  return applied;
}
