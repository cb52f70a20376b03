// A copy of the rooms' SQLite file taken while the relay runs: SQLite's online backup reads a
// consistent state page by page between the relay's writes (a plain file copy of a database in
// WAL mode can catch it half written). The copy is a sound rooms file of its own: start a relay
// on it (RELAY_DATA) to restore — docs/relay.md.
import BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';

export interface BackupResult {
  /** Rooms in the copy. */
  rooms: number;
  bytes: number;
}

/** Copy the rooms' file `source` to `target` (which must not exist yet) while it may be in use. */
export async function backupRooms(source: string, target: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`Rumsfilen ${source} finns inte.`);
  if (existsSync(target)) throw new Error(`${target} finns redan: välj ett nytt filnamn för kopian.`);
  const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new BetterSqlite3(target, { readonly: true });
  try {
    const check = copy.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`Kopian ${target} blev inte hel (${String(check)}).`);
    const { n } = copy.prepare<[], { n: number }>('SELECT count(*) AS n FROM rooms').get()!;
    const { bytes } = copy.prepare<[], { bytes: number }>('SELECT page_count * page_size AS bytes FROM pragma_page_count, pragma_page_size').get()!;
    return { rooms: n, bytes };
  } finally {
    copy.close();
  }
}
