import Dexie from 'dexie';
import * as Y from 'yjs';
import { beforeEach, describe, expect, it } from 'vitest';
import { addItem, updateItem } from '../domain/operations';
import { createEmptyDoc, createExampleDoc } from '../domain/plan';
import { NEW_COLLECTION } from '../domain/collection';
import { DB_NAME, DB_VERSION, openDb } from './db';
import { openDbV1, openDbV8, openDbV11, openDbV12, putV11Plan } from '../../tests/fixtures/schema-v1';
import { readStoredRows } from './earlyRead';
import { docFromPlan } from '../ydoc/replica';
import { changeDoc } from '../ydoc/replica';
import * as repo from './repository';
import { EXAMPLE_ITEM_COUNT } from '../domain/example';

let n = 0;
beforeEach(async () => {
  await repo.useDatabase(`test-${++n}`);
});

/** Record the updates a change of a stored plan's document makes. */
function changes(ydoc: Y.Doc, run: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const on = (u: Uint8Array) => void updates.push(u);
  ydoc.on('update', on);
  run();
  ydoc.off('update', on);
  return updates;
}

describe('storage', () => {
  it('creates the versioned schema on an empty database (migrate from empty)', async () => {
    const name = `empty-${n}`;
    expect(await Dexie.exists(name)).toBe(false);
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['collections', 'meta', 'planItems', 'planUpdates', 'planViews', 'plans', 'versions', 'votings']);
    db.close();
    expect(DB_NAME).toBe('solfjadern');
  });

  it('writes a whole plan as its document and reads it back exactly', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc);
    expect(await repo.readStoredDoc(doc.plan.id)).toEqual(doc);
    expect(await repo.database().planUpdates.count()).toBe(1);
    const [summary] = await repo.listPlans();
    expect(summary).toMatchObject({ id: doc.plan.id, name: doc.plan.name, itemCount: EXAMPLE_ITEM_COUNT });
  });

  it('an edit adds one small piece; added and deleted items and plan changes come back', async () => {
    const doc = createEmptyDoc('Tom');
    const { ydoc } = await repo.saveDoc(doc);
    let next = doc;
    const added = changes(ydoc, () => void (next = changeDoc(ydoc, (d) => void addItem(d, { text: 'A' }, 'a'))!));
    await repo.appendUpdates(doc.plan.id, added, next);
    expect((await repo.readStoredDoc(doc.plan.id))!.items.a!.text).toBe('A');
    const edited = changes(ydoc, () => void (next = changeDoc(ydoc, (d) => updateItem(d, 'a', { text: 'Ny text' }))!));
    expect(edited).toHaveLength(1);
    expect(edited[0]!.length).toBeLessThan(200);
    await repo.appendUpdates(doc.plan.id, edited, next);
    const renamed = changes(ydoc, () => void (next = changeDoc(ydoc, (d) => {
      d.plan.name = 'Bytt';
      delete d.items.a;
    })!));
    expect(await repo.appendUpdates(doc.plan.id, renamed, next)).toBe(4);
    const back = await repo.readStoredDoc(doc.plan.id);
    expect(back!.plan.name).toBe('Bytt');
    expect(back!.items).toEqual({});
    expect((await repo.listPlans())[0]).toMatchObject({ name: 'Bytt', itemCount: 0 });
  });

  it('merges many pieces into one, and two tabs adding pieces never overwrite each other', async () => {
    const doc = createExampleDoc();
    const { ydoc } = await repo.saveDoc(doc);
    const other = (await repo.planFromUpdates(doc.plan.id, [Y.encodeStateAsUpdate(ydoc)]))!.ydoc;
    const ids = Object.keys(doc.items);
    const here = changes(ydoc, () => changeDoc(ydoc, (d) => updateItem(d, ids[0]!, { description: 'Här' })));
    const there = changes(other, () => changeDoc(other, (d) => updateItem(d, ids[1]!, { description: 'Där' })));
    await Promise.all([repo.appendUpdates(doc.plan.id, here, null), repo.appendUpdates(doc.plan.id, there, null), repo.appendUpdates(doc.plan.id, here, null)]);
    expect(await repo.database().planUpdates.count()).toBe(4);
    await repo.compactPlan(doc.plan.id);
    expect(await repo.database().planUpdates.count()).toBe(1);
    const back = (await repo.readStoredDoc(doc.plan.id))!;
    expect([back.items[ids[0]!]!.description, back.items[ids[1]!]!.description]).toEqual(['Här', 'Där']);
  });

  it('a piece that cannot be read is left out and named; the rest of the plan opens', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc);
    await repo.database().planUpdates.add({ planId: doc.plan.id, update: new Uint8Array([1, 2, 3, 250, 250, 250]) });
    await repo.database().planUpdates.add({ planId: doc.plan.id, update: 'inte en ändring' as never });
    expect(await repo.readStoredDoc(doc.plan.id)).toEqual(doc);
    expect(repo.takeRepairNotes(doc.plan.id)).toEqual(['2 sparade delar av planen var skadade och lämnades utanför. Det som ändrades i dem saknas.']);
  });

  it('soft-deletes, restores and purges plans, and remembers the last plan', async () => {
    const a = createEmptyDoc('A');
    const b = createExampleDoc();
    await repo.saveDoc(a);
    await repo.saveDoc(b);
    await repo.markDeleted(b.plan.id);
    expect((await repo.listPlans()).map((p) => p.name)).toEqual(['A']);
    expect(await repo.readStoredDoc(b.plan.id)).toBeNull();
    await repo.restoreDeleted(b.plan.id);
    expect(await repo.listPlans()).toHaveLength(2);
    await repo.markDeleted(b.plan.id);
    expect(await repo.purgeDeleted()).toBe(1);
    expect((await repo.database().planUpdates.toArray()).filter((r) => r.planId === b.plan.id)).toHaveLength(0);
    expect((await repo.database().planUpdates.toArray()).filter((r) => r.planId === a.plan.id)).toHaveLength(1);
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
    expect(db.tables.map((t) => t.name).sort()).toEqual(['collections', 'meta', 'planItems', 'planUpdates', 'planViews', 'plans', 'versions', 'votings']);
    const rows = await db.planItems.toArray();
    expect(rows).toHaveLength(EXAMPLE_ITEM_COUNT);
    expect(rows.every((r) => r.updatedAt === '2025-04-01T08:00:00.000Z')).toBe(true);
    expect(rows.every((r) => r.status === 'forslag' && r.comments.length === 0 && r.extraChoice === 'auto' && r.sources.length === 0)).toBe(true);
    // First opened: made a document, its item rows gone.
    expect(await repo.readStoredDoc(doc.plan.id)).toEqual(doc);
    expect(await db.planItems.count()).toBe(0);
    expect(await repo.readStoredDoc(doc.plan.id)).toEqual(doc);
    expect(await repo.getLastPlanId()).toBe(doc.plan.id);
  });

  it('a version-11 database (frozen schema): every plan becomes its document at first open, nothing lost', async () => {
    const name = `v11-${n}`;
    const a = createExampleDoc(new Date('2026-11-01T10:00:00Z'));
    const id = Object.keys(a.items)[0]!;
    a.items[id] = { ...a.items[id]!, status: 'godkand', comments: [{ id: 'c1', author: 'Anna', at: '2026-11-02T10:00:00.000Z', text: 'Bra' }], description: 'Lång beskrivning' };
    const b = { plan: { ...a.plan, id: 'plan-b', name: 'B' }, items: Object.fromEntries(Object.entries(a.items).map(([k, item]) => [k, { ...item, planId: 'plan-b' }])) };
    const old = openDbV11(name);
    await putV11Plan(old, a);
    await putV11Plan(old, b, '2026-11-30T10:00:00.000Z', false);
    await old.table('versions').put({ id: 'v', planId: a.plan.id, name: 'Före', savedAt: '2026-11-01T10:00:00.000Z', doc: a });
    old.close();

    await repo.useDatabase(name);
    expect((await repo.listPlans()).map((p) => [p.name, p.itemCount])).toEqual([
      ['B', EXAMPLE_ITEM_COUNT],
      [a.plan.name, EXAMPLE_ITEM_COUNT],
    ]);
    expect((await repo.loadLastPlan())!.doc).toEqual(a);
    expect(await repo.readStoredDoc('plan-b')).toEqual(b);
    expect(await repo.database().planItems.count()).toBe(0);
    expect((await repo.loadVersion('v'))!.doc).toEqual(a);
  });
});

describe('migration to v13 (kept views)', () => {
  it('a version-12 database (frozen schema) opens with its plans as they were; the next start reads them early again', async () => {
    const name = `v12-${n}`;
    const doc = createExampleDoc(new Date('2026-11-01T10:00:00Z'));
    const old = openDbV12(name);
    await old.table('plans').put({ ...doc.plan, updatedAt: '2026-11-30T10:00:00.000Z', deletedAt: null, itemCount: EXAMPLE_ITEM_COUNT });
    await old.table('planUpdates').add({ planId: doc.plan.id, update: Y.encodeStateAsUpdate(docFromPlan(doc)) });
    await old.table('meta').put({ key: 'lastPlanId', value: doc.plan.id });
    old.close();
    // Before Dexie has upgraded it, the early read stands aside.
    expect(await readStoredRows(name)).toBeNull();
    await repo.useDatabase(name);
    expect(repo.database().verno).toBe(DB_VERSION);
    expect((await repo.loadLastPlan())!.doc).toEqual(doc);
    const rows = await readStoredRows(name);
    expect(rows!.view).toBeUndefined();
    expect((await repo.planFromRows(rows!.planRow, rows!.updates, rows!.lastSeq, rows!.view))!.doc).toEqual(doc);
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
    const loaded = (await repo.readStoredDoc(doc.plan.id))!;
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
    const { ydoc } = await repo.saveDoc(b);
    const itemId = Object.keys(a.items)[0]!;
    let next = b;
    const removed = changes(ydoc, () => void (next = changeDoc(ydoc, (d) => void delete d.items[itemId])!));
    await repo.appendUpdates('kopia', removed, next);
    expect(Object.keys((await repo.readStoredDoc(a.plan.id))!.items)).toHaveLength(EXAMPLE_ITEM_COUNT);
    expect(Object.keys((await repo.readStoredDoc('kopia'))!.items)).toHaveLength(EXAMPLE_ITEM_COUNT - 1);
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
