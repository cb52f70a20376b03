// The Dexie database. Versioned from day one: a schema change adds a
// `db.version(n).stores(...).upgrade(...)` step below; old steps are never edited.
// tests/fixtures/schema-v1.ts keeps a frozen copy of each old schema for the migration tests.
import Dexie, { type EntityTable, type Table } from 'dexie';
import { settleExtras } from '../domain/priorities';
import { type ItemField, withAreaLimit, withItemDefaults } from '../schema/records';
import type { Collection } from '../domain/collection';
import type { Item, Plan, PlanDoc } from '../domain/types';
import { DB_NAME } from './earlyRead';
import type { KeptScreen } from '../screen/keptScreen';

/**
 * A plan's row: what the plan list shows, written from the plan's document with each change
 * (the document itself is in `planUpdates`). Before v12 it was the plan, with items in rows.
 */
export interface PlanRow extends Plan {
  updatedAt: string;
  /** Set when the user deleted the plan; kept until the next start so delete can be undone. */
  deletedAt: string | null;
  /** Its items (v12; before, counted from item rows). */
  itemCount?: number;
}

/** A piece of a plan's Yjs document (v12): the document is all of a plan's pieces merged. */
export interface UpdateRow {
  seq?: number;
  planId: string;
  update: Uint8Array;
  /** A checksum of `update` (src/db/pieces.ts): a piece damaged on disk is known before it is applied. */
  sum?: number;
}

/**
 * A plan as its document read when it was last stored (v13): the next start shows it at once
 * and decodes the document just after, and only while the plan's pieces are still exactly
 * those it was read from (`seq`: the last piece's). Never written to by an edit.
 */
export interface PlanViewRow {
  planId: string;
  seq: number;
  plan: Plan;
  items: Item[];
  /** The screen that showed it, for the next start to show first (src/screen/keptScreen.ts). */
  screen?: KeptScreen;
}

/** An item as stored: with the time it was last written (v2), which decides "later wins". */
export interface ItemRow extends Item {
  updatedAt: string;
}

/** A saved version: a named, immutable snapshot of a plan. */
export interface VersionRow {
  id: string;
  planId: string;
  name: string;
  savedAt: string;
  doc: PlanDoc;
}

/** A plan's dot voting ("Prioritera"): dots per participant and every dot placed. */
export interface VotingRow {
  planId: string;
  dots: number;
  votes: Array<{ participant: string; itemId: string }>;
}

/** A plan's collection ("Samla in"): the files taken in and how they are weighed together. */
export interface CollectionRow extends Collection {
  planId: string;
}

export interface MetaRow {
  key: string;
  value: string;
}

export { DB_NAME, DB_VERSION } from './earlyRead';

export type SolfjadernDb = Dexie & {
  plans: EntityTable<PlanRow, 'id'>;
  /** Items, keyed by [planId, id]: ids are unique within a plan (a plan and its imported copy share them). */
  planItems: Table<ItemRow, [string, string]>;
  planUpdates: EntityTable<UpdateRow, 'seq'>;
  planViews: EntityTable<PlanViewRow, 'planId'>;
  meta: EntityTable<MetaRow, 'key'>;
  versions: EntityTable<VersionRow, 'id'>;
  votings: EntityTable<VotingRow, 'planId'>;
  collections: EntityTable<CollectionRow, 'planId'>;
};

/** A stored plan from before v9 brought up to the priority limits (a copy), with the schema's defaults. */
function upgradeToLimits<T extends PlanDoc>(stored: T): T {
  const doc = structuredClone(stored);
  doc.plan.catalogue.delomraden = doc.plan.catalogue.delomraden.map(withAreaLimit);
  for (const [id, item] of Object.entries(doc.items)) doc.items[id] = withItemDefaults(item, ['extraChoice']);
  settleExtras(doc);
  return doc;
}

/** Fill one field the schema added (src/schema/records.ts owns the default) on a row, in place. */
const fill = (field: ItemField) => (row: Record<string, unknown>) => void Object.assign(row, withItemDefaults(row, [field]));

export function openDb(name = DB_NAME): SolfjadernDb {
  // Relaxed durability: a commit is reported once the data is with the OS rather than on the
  // disk, much faster in Chromium. A closed or crashed tab loses nothing (and the write-ahead
  // log covers the moment before the write); only a power cut could lose the last second.
  const db = new Dexie(name, { chromeTransactionDurability: 'relaxed' }) as SolfjadernDb;
  db.version(1).stores({
    plans: 'id, updatedAt',
    items: 'id, planId',
    meta: 'key',
  });
  // v2: items carry updatedAt (when last written), so concurrent tabs and the write-ahead
  // log can tell which version of an item is the later one.
  db.version(2)
    .stores({ items: 'id, planId, updatedAt' })
    .upgrade(async (tx) => {
      const planTimes = new Map<string, string>();
      await tx
        .table('plans')
        .toCollection()
        .each((p: PlanRow) => void planTimes.set(p.id, p.updatedAt));
      await tx
        .table('items')
        .toCollection()
        .modify((item: Partial<ItemRow> & { planId: string }) => {
          item.updatedAt ??= planTimes.get(item.planId) ?? new Date(0).toISOString();
        });
    });
  // v3: items keyed by [planId+id] in a new table (a primary key cannot change in place).
  db.version(3)
    .stores({ planItems: '[planId+id], planId, updatedAt' })
    .upgrade(async (tx) => {
      const rows = await tx.table('items').toArray();
      await tx.table('planItems').bulkPut(rows);
    });
  // v4: the old items table goes.
  db.version(4).stores({ items: null });
  // v5: items carry a review status; stored items are proposals.
  db.version(5)
    .stores({})
    .upgrade((tx) =>
      tx
        .table('planItems')
        .toCollection()
        .modify(fill('status')),
    );
  // v6: items lose their planId and updatedAt indexes: a plan's items are a range of the
  // [planId+id] key, and nothing looks items up by time. Fewer indexes, faster writes.
  db.version(6).stores({ planItems: '[planId+id]' });
  // v7: items carry review comments.
  db.version(7)
    .stores({})
    .upgrade((tx) =>
      tx
        .table('planItems')
        .toCollection()
        .modify(fill('comments')),
    );
  // v8: saved versions of plans.
  db.version(8).stores({ versions: 'id, planId' });
  // v9: delområden carry their limit (the instruction's: five for Nära vård, else three), items
  // the user's say on extra (those marked extra stay extra); then the rule is settled per plan.
  db.version(9)
    .stores({})
    .upgrade(async (tx) => {
      const plans = await tx.table('plans').toArray();
      const items = await tx.table('planItems').toArray();
      for (const plan of plans) {
        const doc = upgradeToLimits({ plan, items: Object.fromEntries(items.filter((i) => i.planId === plan.id).map((i) => [i.id, i])) });
        await tx.table('plans').put(doc.plan);
        await tx.table('planItems').bulkPut(Object.values(doc.items));
      }
      await tx
        .table('versions')
        .toCollection()
        .modify((version: VersionRow) => {
          version.doc = upgradeToLimits(version.doc);
        });
    });
  // v10: dot voting per plan.
  db.version(10).stores({ votings: 'planId' });
  // v11: a collection per plan ("Samla in"); items (and saved versions' items) carry the
  // proposals they were made from — none for what was stored before.
  db.version(11)
    .stores({ collections: 'planId' })
    .upgrade(async (tx) => {
      await tx.table('planItems').toCollection().modify(fill('sources'));
      await tx
        .table('versions')
        .toCollection()
        .modify((version: VersionRow) => {
          for (const item of Object.values(version.doc.items)) fill('sources')(item as unknown as Record<string, unknown>);
        });
    });
  // v12: a plan is a Yjs document (live co-editing), stored as its updates; a plan's item rows
  // are turned into its document when it is first opened (repository.ts), then removed.
  db.version(12).stores({ planUpdates: '++seq, planId' });
  // v13: the plan as its document read when last stored, shown first at the next start.
  db.version(13).stores({ planViews: 'planId' });
  return db;
}
