import Dexie from 'dexie';
import { produceWithPatches, enablePatches } from 'immer';
import { beforeEach, describe, expect, it } from 'vitest';
import { addItem, updateItem } from '../domain/operations';
import { createEmptyDoc, createExampleDoc } from '../domain/plan';
import { NEW_COLLECTION } from '../domain/collection';
import { DB_NAME, DB_VERSION, openDb } from './db';
import { openDbV1, openDbV8 } from '../../tests/fixtures/schema-v1';
import * as repo from './repository';
import { EXAMPLE_ITEM_COUNT } from '../domain/example';

enablePatches();
let n = 0;
beforeEach(async () => {
  await repo.useDatabase(`test-${++n}`);
});

describe('storage', () => {
  it('rows another tab wrote: an item in a cell the plan no longer has comes as it is (the editor rehomes it)', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc);
    const item = Object.values(doc.items).find((i) => i.cell?.bladeId === 'ledarskap')!;
    const without = { ...doc, plan: { ...doc.plan, blades: doc.plan.blades.filter((b) => b.id !== 'ledarskap') } };
    await repo.saveChanges(without, [{ op: 'replace', path: ['plan', 'blades'], value: [] }]);
    const rows = await repo.loadRows(doc.plan.id, [item.id], true);
    expect(rows.items[item.id]!.item).toEqual(item);
  });

  it('creates the versioned schema on an empty database (migrate from empty)', async () => {
    const name = `empty-${n}`;
    expect(await Dexie.exists(name)).toBe(false);
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['collections', 'meta', 'planItems', 'plans', 'versions', 'votings']);
    expect(db.planItems.schema.primKey.keyPath).toEqual(['planId', 'id']);
    db.close();
    expect(DB_NAME).toBe('solfjadern');
  });

  it('writes a whole plan and reads it back exactly', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc);
    expect(await repo.loadDoc(doc.plan.id)).toEqual(doc);
    const [summary] = await repo.listPlans();
    expect(summary).toMatchObject({ id: doc.plan.id, name: doc.plan.name, itemCount: EXAMPLE_ITEM_COUNT });
  });

  it('an edit writes only the rows it touched', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc);
    const itemId = Object.keys(doc.items)[3]!;
    const [next, patches] = produceWithPatches(doc, (d) => updateItem(d, itemId, { text: 'Ny text' }));
    expect(repo.touchedRows(patches)).toEqual({ plan: false, items: new Set([itemId]) });

    const db = repo.database();
    const writes: string[] = [];
    db.planItems.hook('updating', (_m, key) => void writes.push(String(key)));
    db.planItems.hook('creating', (key) => void writes.push(String(key)));
    await repo.saveChanges(next, patches);
    expect(writes).toEqual([`${doc.plan.id},${itemId}`]);
    expect((await repo.loadDoc(doc.plan.id))!.items[itemId]!.text).toBe('Ny text');
  });

  it('stores added and deleted items and plan changes', async () => {
    const doc = createEmptyDoc('Tom');
    await repo.saveDoc(doc);
    let id = '';
    const [added, p1] = produceWithPatches(doc, (d) => void (id = addItem(d, { text: 'A' })));
    await repo.saveChanges(added, p1);
    const [renamed, p2] = produceWithPatches(added, (d) => {
      d.plan.name = 'Bytt';
      delete d.items[id];
    });
    await repo.saveChanges(renamed, p2);
    const back = await repo.loadDoc(doc.plan.id);
    expect(back!.plan.name).toBe('Bytt');
    expect(back!.items).toEqual({});
  });

  it('soft-deletes, restores and purges plans, and remembers the last plan', async () => {
    const a = createEmptyDoc('A');
    const b = createExampleDoc();
    await repo.saveDoc(a);
    await repo.saveDoc(b);
    await repo.markDeleted(b.plan.id);
    expect((await repo.listPlans()).map((p) => p.name)).toEqual(['A']);
    expect(await repo.loadDoc(b.plan.id)).toBeNull();
    await repo.restoreDeleted(b.plan.id);
    expect(await repo.listPlans()).toHaveLength(2);
    await repo.markDeleted(b.plan.id);
    expect(await repo.purgeDeleted()).toBe(1);
    expect((await repo.database().planItems.toArray()).filter((r) => r.planId === b.plan.id)).toHaveLength(0);
    expect((await repo.database().planItems.toArray()).filter((r) => r.planId === a.plan.id)).toHaveLength(Object.keys(a.items).length);
    await repo.setLastPlanId(a.plan.id);
    expect(await repo.getLastPlanId()).toBe(a.plan.id);
  });
});

describe('migrations', () => {
  it('opens a version-1 database with the current code and migrates it through every version', async () => {
    const name = `v1-${n}`;
    const doc = createExampleDoc();
    const old = openDbV1(name);
    await old.open();
    // The plan as version 1 stored it: no limits per delområde yet (added in v9).
    const delomraden = doc.plan.catalogue.delomraden.map(({ limit: _l, ...area }) => area);
    await old.table('plans').put({ ...doc.plan, catalogue: { ...doc.plan.catalogue, delomraden }, updatedAt: '2025-04-01T08:00:00.000Z', deletedAt: null });
    // Items as version 1 stored them: no review status (v5), comments (v7), choice on extra (v9) or sources (v11).
    await old.table('items').bulkPut(Object.values(doc.items).map(({ status: _s, comments: _c, extraChoice: _e, sources: _so, ...item }) => item));
    await old.table('meta').put({ key: 'lastPlanId', value: doc.plan.id });
    old.close();

    await repo.useDatabase(name);
    const db = repo.database();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['collections', 'meta', 'planItems', 'plans', 'versions', 'votings']);
    // Items are found by their [planId+id] key alone (v6 dropped the other indexes).
    expect(db.planItems.schema.indexes).toEqual([]);
    const rows = await db.planItems.toArray();
    expect(rows).toHaveLength(EXAMPLE_ITEM_COUNT);
    expect(rows.every((r) => r.updatedAt === '2025-04-01T08:00:00.000Z')).toBe(true);
    expect(rows.every((r) => r.status === 'forslag' && r.comments.length === 0 && r.extraChoice === 'auto' && r.sources.length === 0)).toBe(true);
    expect(await repo.loadDoc(doc.plan.id)).toEqual(doc);
    expect(await repo.getLastPlanId()).toBe(doc.plan.id);
  });
});

describe('migration to v9 (priority limits)', () => {
  it('gives delområden the instruction\'s limits, keeps extras extra, and settles the rule in plans and saved versions', async () => {
    const name = `v8-${n}`;
    const doc = createExampleDoc();
    const old = openDbV8(name);
    await old.open();
    const v8Plan = { ...doc.plan, catalogue: { ...doc.plan.catalogue, delomraden: doc.plan.catalogue.delomraden.map(({ limit: _l, ...a }) => a) } };
    // Four Barnuppdraget items on rank 0 of 2025 (limit three: the fourth is beyond), one marked extra by hand.
    // Stored before v9 (no choice on extra) and v11 (no sources): the version's items too.
    const rows = Object.values(doc.items).map(({ extraChoice: _e, sources: _s, ...item }) => ({ ...item, updatedAt: '2025-04-01T08:00:00.000Z' }));
    const firsts = rows.filter((r) => r.cell?.ringId === 'r2025' && r.rank === 0);
    for (const r of firsts) r.delomraden = ['barnuppdraget'];
    const marked = rows.find((r) => r.cell?.ringId === 'r2027')!;
    marked.extra = true;
    await old.table('plans').put({ ...v8Plan, updatedAt: '2025-04-01T08:00:00.000Z', deletedAt: null });
    await old.table('planItems').bulkPut(rows);
    const versionItems = Object.fromEntries(rows.map(({ updatedAt: _u, ...i }) => [i.id, i]));
    await old.table('versions').put({ id: 'v', planId: doc.plan.id, name: 'Före', savedAt: '2025-04-01T08:00:00.000Z', doc: { plan: v8Plan, items: versionItems } });
    old.close();

    await repo.useDatabase(name);
    const loaded = (await repo.loadDoc(doc.plan.id))!;
    expect(loaded.plan.catalogue.delomraden.map((d) => d.limit)).toEqual([5, 3, 3, 3, 3, 3]);
    expect(loaded.items[marked.id]).toMatchObject({ extraChoice: 'extra', extra: true });
    const extras = Object.values(loaded.items).filter((i) => i.extra && i.extraChoice === 'auto');
    expect(extras.map((i) => i.cell)).toEqual([{ bladeId: 'ledarskap', ringId: 'r2025' }]);
    const version = (await repo.loadVersion('v'))!.doc;
    expect(version.items).toEqual(loaded.items);
    expect(Object.values(version.items).every((i) => i.sources.length === 0)).toBe(true);
    expect(version.plan.catalogue).toEqual(loaded.plan.catalogue);
  });
});

describe('items per plan', () => {
  it('keeps two plans whose items share ids apart (a plan and its imported copy)', async () => {
    const a = createExampleDoc();
    const b = { plan: { ...a.plan, id: 'kopia', name: 'Kopia' }, items: Object.fromEntries(Object.entries(a.items).map(([id, item]) => [id, { ...item, planId: 'kopia' }])) };
    await repo.saveDoc(a);
    await repo.saveDoc(b);
    const itemId = Object.keys(a.items)[0]!;
    const [next, patches] = produceWithPatches(b, (d) => void delete d.items[itemId]);
    await repo.saveChanges(next, patches);
    expect(Object.keys((await repo.loadDoc(a.plan.id))!.items)).toHaveLength(EXAMPLE_ITEM_COUNT);
    expect(Object.keys((await repo.loadDoc('kopia'))!.items)).toHaveLength(37);
  });
});

describe('versions', () => {
  it('keeps named snapshots per plan, newest first, and purges them with a deleted plan', async () => {
    await repo.useDatabase(`versions-${n}`);
    const doc = createExampleDoc();
    await repo.saveDoc(doc);
    await repo.saveVersion({ id: 'v1', planId: doc.plan.id, name: 'Inför internat', savedAt: '2026-04-20T08:00:00.000Z', doc });
    await repo.saveVersion({ id: 'v2', planId: doc.plan.id, name: 'Efter internat', savedAt: '2026-04-25T08:00:00.000Z', doc });
    await repo.saveVersion({ id: 'vx', planId: 'other', name: 'Annan plan', savedAt: '2026-04-26T08:00:00.000Z', doc });
    expect((await repo.listVersions(doc.plan.id)).map((v) => [v.name, v.itemCount])).toEqual([
      ['Efter internat', EXAMPLE_ITEM_COUNT],
      ['Inför internat', EXAMPLE_ITEM_COUNT],
    ]);
    expect((await repo.loadVersion('v1'))?.doc).toEqual(doc);
    // Immutable: the same id cannot be written twice.
    await expect(repo.saveVersion({ id: 'v1', planId: doc.plan.id, name: 'Ändrad', savedAt: '', doc })).rejects.toThrow();
    await repo.saveVoting({ planId: doc.plan.id, dots: 3, votes: [{ participant: 'Anna', itemId: 'x' }] });
    expect(await repo.loadVoting(doc.plan.id)).toEqual({ planId: doc.plan.id, dots: 3, votes: [{ participant: 'Anna', itemId: 'x' }] });
    const collection = { planId: doc.plan.id, ...NEW_COLLECTION, dismissed: ['i1'] };
    await repo.saveCollection(collection);
    expect(await repo.loadCollection(doc.plan.id)).toEqual(collection);
    await repo.markDeleted(doc.plan.id);
    await repo.purgeDeleted();
    expect(await repo.listVersions(doc.plan.id)).toEqual([]);
    expect(await repo.loadVoting(doc.plan.id)).toBeNull();
    expect(await repo.loadCollection(doc.plan.id)).toBeNull();
    expect(await repo.listVersions('other')).toHaveLength(1);
  });

  it('a damaged version row is left out of the list and cannot be opened; the others still show', async () => {
    await repo.useDatabase(`versions-bad-${n}`);
    const doc = createExampleDoc();
    await repo.saveDoc(doc);
    await repo.saveVersion({ id: 'v1', planId: doc.plan.id, name: 'Hel', savedAt: '2026-04-20T08:00:00.000Z', doc });
    await repo.database().versions.put({ id: 'v2', planId: doc.plan.id, name: 'Trasig', savedAt: '2026-04-21T08:00:00.000Z', doc: null as never });
    expect((await repo.listVersions(doc.plan.id)).map((v) => v.name)).toEqual(['Hel']);
    expect(await repo.loadVersion('v2')).toBeNull();
  });
});
