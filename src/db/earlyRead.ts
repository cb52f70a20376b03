// The first read of a page load, with IndexedDB's own API and no other code: src/early.ts
// starts it before the app's code (React, Dexie, the fan) has even downloaded, so the plan
// is read while the rest loads. It only reads what is plainly there — the plan opened last,
// in a database of the current schema — and otherwise answers null; the app then reads
// through the storage module as usual (as it does when a write-ahead log waits for replay).

export const DB_NAME = 'solfjadern';
/** The Dexie schema version (src/db/db.ts); IndexedDB stores it × 10. */
export const DB_VERSION = 13;

/** The stored rows of the plan opened last, as they are (restored by the storage module). */
export interface StoredRows {
  planRow: unknown;
  /** The pieces of its document as stored, with their checksums (none: not yet turned into one — the storage module does that). */
  updates: unknown[];
  /** The number of its last piece. */
  lastSeq: number;
  /** The plan as its document read when last stored, if kept (src/db/views.ts). */
  view: unknown;
  /** The fan's geometries kept for it (src/fan/keptGeometry.ts), as stored. */
  geometries: unknown;
}

/** The `meta` key under which a plan's kept fan geometries lie. */
export const geometryKey = (planId: string) => `fan:${planId}`;

let started: Promise<StoredRows | null> | null = null;

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

/** Open the existing database without creating or upgrading it; null when there is none. */
function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let r: IDBOpenDBRequest;
    try {
      r = indexedDB.open(name);
    } catch {
      resolve(null);
      return;
    }
    // No database yet: cancel its creation (Dexie creates it with its schema).
    r.onupgradeneeded = () => r.transaction?.abort();
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => resolve(null);
    r.onblocked = () => resolve(null);
  });
}

/** Read the plan opened last straight from IndexedDB; null whenever the storage module should. */
export async function readStoredRows(name = DB_NAME): Promise<StoredRows | null> {
  if (typeof indexedDB === 'undefined') return null;
  const db = await openExisting(name);
  if (!db) return null;
  try {
    const stores = ['meta', 'plans', 'planUpdates', 'planViews'];
    if (db.version !== DB_VERSION * 10 || !stores.every((s) => db.objectStoreNames.contains(s))) return null;
    const tx = db.transaction(stores, 'readonly');
    const last = (await request(tx.objectStore('meta').get('lastPlanId'))) as { value?: unknown } | undefined;
    const planId = last?.value;
    if (typeof planId !== 'string') return null;
    const [planRow, rows, view, geometries] = await Promise.all([
      request(tx.objectStore('plans').get(planId)) as Promise<{ deletedAt?: unknown } | undefined>,
      request(tx.objectStore('planUpdates').index('planId').getAll(planId)) as Promise<Array<{ seq?: unknown; update?: unknown; sum?: unknown }>>,
      request(tx.objectStore('planViews').get(planId)) as Promise<unknown>,
      request(tx.objectStore('meta').get(geometryKey(planId))) as Promise<{ value?: unknown } | undefined>,
    ]);
    if (!planRow || planRow.deletedAt || rows.length === 0) return null;
    const lastSeq = rows.reduce((max, r) => (typeof r.seq === 'number' && r.seq > max ? r.seq : max), -1);
    return { planRow, updates: rows, lastSeq, view, geometries: geometries?.value };
  } catch {
    return null;
  } finally {
    db.close();
  }
}

/** Start the early read (once per page load). */
export function beginEarlyRead(name = DB_NAME): void {
  started ??= readStoredRows(name)
    .catch(() => null)
    .finally(() => performance.mark('solfjadern:early-read'));
}

/** The early read's rows, if it was started, without taking them (the app's start takes them). */
export function peekEarlyRead(): Promise<StoredRows | null> {
  return started ?? Promise.resolve(null);
}

/** The early read's rows, if it was started (taken once: a later start reads afresh). */
export function takeEarlyRead(): Promise<StoredRows | null> {
  const read = started ?? Promise.resolve(null);
  started = null;
  return read;
}
