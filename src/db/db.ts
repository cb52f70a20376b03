// The Dexie database. Versioned from day one: later schema changes add a
// `db.version(n).stores(...).upgrade(...)` step below, never edit an old one.
import Dexie, { type EntityTable } from 'dexie';
import type { Item, Plan } from '../domain/types';

export interface PlanRow extends Plan {
  updatedAt: string;
  /** Set when the user deleted the plan; kept until the next start so delete can be undone. */
  deletedAt: string | null;
}

export type ItemRow = Item;

export interface MetaRow {
  key: string;
  value: string;
}

export const DB_NAME = 'solfjadern';

export type SolfjadernDb = Dexie & {
  plans: EntityTable<PlanRow, 'id'>;
  items: EntityTable<ItemRow, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export function openDb(name = DB_NAME): SolfjadernDb {
  const db = new Dexie(name) as SolfjadernDb;
  db.version(1).stores({
    plans: 'id, updatedAt',
    items: 'id, planId',
    meta: 'key',
  });
  return db;
}
