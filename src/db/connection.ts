// The database connection of the storage module (./repository.ts and ./sideRepository.ts).
import type { SolfjadernDb } from './db';

let db: SolfjadernDb | null = null;
let opening: Promise<SolfjadernDb> | null = null;

/**
 * The database, opened on first use. Dexie and the schema load only then: the first paint
 * does not wait for them (the plan is read before, without Dexie: ./earlyRead.ts).
 */
export function opened(): Promise<SolfjadernDb> {
  if (db) return Promise.resolve(db);
  opening ??= import('./db').then(({ openDb }) => (db ??= openDb()));
  return opening;
}

/** The database once it is open (tests reach into it after `useDatabase`). */
export function database(): SolfjadernDb {
  if (!db) throw new Error('The database is not open yet');
  return db;
}

/** For tests: use a fresh database under another name. */
export async function useDatabase(name: string): Promise<void> {
  const { openDb } = await import('./db');
  db?.close();
  db = openDb(name);
  opening = Promise.resolve(db);
  await db.open();
}
