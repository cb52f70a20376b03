// The rooms' SQLite file, kept sound whatever is on disk: a damaged or truncated file is moved
// aside and the relay carries on with an empty one (every participant keeps the plan, and
// their apps fill each room in again as they connect).
import BetterSqlite3 from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';

export interface Store {
  fetch(name: string): Uint8Array | null;
  store(name: string, state: Uint8Array): void;
  /** Whether the file answers a query now (for `/health`). */
  healthy(): boolean;
  close(): void;
}

/** The rooms' SQLite file, opened and checked; throws when it cannot be read as one. */
function openStore(file: string): Store {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(String(check)), { code: 'SQLITE_CORRUPT' });
    db.exec('CREATE TABLE IF NOT EXISTS rooms (name TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at TEXT NOT NULL)');
  } catch (error) {
    db.close();
    throw error;
  }
  const read = db.prepare<[string], { data: Buffer }>('SELECT data FROM rooms WHERE name = ?');
  const probe = db.prepare('SELECT count(*) AS n FROM rooms');
  const write = db.prepare('INSERT INTO rooms (name, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at');
  return {
    fetch: (name) => {
      const row = read.get(name);
      return row ? new Uint8Array(row.data) : null;
    },
    store: (name, state) => void write.run(name, Buffer.from(state), new Date().toISOString()),
    healthy: () => {
      probe.get();
      return true;
    },
    close: () => db.close(),
  };
}

/** Whether an error says the SQLite file is not a sound database (damaged, truncated, something else). */
const damaged = (error: unknown): boolean => /^SQLITE_(CORRUPT|NOTADB)/.test(String((error as { code?: unknown })?.code ?? '')) || /malformed|not a database/i.test(String(error));

/** Move a damaged rooms file (and its journal) aside, keeping it for a closer look; returns where it went. */
function moveAside(file: string): string {
  const aside = `${file}.skadad-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}

/**
 * The rooms' store, sound whatever is on disk: a file that is damaged (at start, or found so
 * later) is moved aside and the relay carries on with an empty one — every participant keeps
 * the plan, and their apps fill each room in again as they connect.
 */
export function sturdyStore(file: string, movedAside: (aside: string) => void): Store {
  const fresh = (error: unknown): Store => {
    if (!damaged(error)) throw error;
    const aside = moveAside(file);
    movedAside(aside);
    return openStore(file);
  };
  let current: Store;
  try {
    current = openStore(file);
  } catch (error) {
    current = fresh(error);
  }
  const guarded =
    <A extends unknown[], R>(run: (store: Store, ...args: A) => R) =>
    (...args: A): R => {
      try {
        return run(current, ...args);
      } catch (error) {
        try {
          current.close();
        } catch {
          // Already unusable.
        }
        current = fresh(error);
        return run(current, ...args);
      }
    };
  return {
    fetch: guarded((s, name: string) => s.fetch(name)),
    store: guarded((s, name: string, state: Uint8Array) => s.store(name, state)),
    healthy: () => {
      try {
        return current.healthy();
      } catch {
        return false;
      }
    },
    close: () => current.close(),
  };
}

