// The early read (src/db/earlyRead.ts): the plan opened last straight from IndexedDB, the
// same plan the storage module reads — and nothing at all when it should stand aside.
import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEmptyDoc, createExampleDoc } from '../domain/plan';
import { openDbV8, openDbV11, putV11Plan } from '../../tests/fixtures/schema-v1';
import { readStoredRows } from './earlyRead';
import * as repo from './repository';

let n = 0;
let name = '';
beforeEach(async () => {
  name = `early-${++n}`;
  await repo.useDatabase(name);
});

describe('the early read', () => {
  it('reads the plan opened last, which restores to exactly what the storage module reads', async () => {
    const other = createEmptyDoc('Annan');
    const doc = createExampleDoc();
    await repo.saveDoc(other);
    await repo.saveDoc(doc, new Date(), true);
    const rows = await readStoredRows(name);
    expect(rows).not.toBeNull();
    expect(rows!.updates).toHaveLength(1);
    const early = (await repo.planFromRows(rows!.planRow, rows!.updates))!.doc;
    expect(early).toEqual(doc);
    expect(early).toEqual((await repo.loadLastPlan())!.doc);
  });

  it('reads the fan’s kept geometries with the plan; a deleted plan’s go when it is purged', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date(), true);
    expect((await readStoredRows(name))!.geometries).toBeUndefined();
    const kept = { version: 2, geometries: [{ key: 'k', spans: [[0, 1]], radii: [[1, 2]], fontSize: 12, bandLines: 1, hidden: 0, total: 3, legendRows: 0 }] };
    await repo.keepGeometries(doc.plan.id, JSON.stringify(kept));
    expect(JSON.parse((await readStoredRows(name))!.geometries as string)).toEqual(kept);
    expect(JSON.parse((await repo.readGeometries(doc.plan.id))!)).toEqual(kept);
    await repo.markDeleted(doc.plan.id);
    await repo.purgeDeleted();
    expect(await repo.readGeometries(doc.plan.id)).toBeUndefined();
  });

  it('stands aside for a plan still stored as rows (the storage module makes its document)', async () => {
    await repo.database().close();
    const old = openDbV11(`early-v11-${n}`);
    await putV11Plan(old, createExampleDoc());
    old.close();
    await repo.useDatabase(`early-v11-${n}`);
    expect(await readStoredRows(`early-v11-${n}`)).toBeNull();
  });

  it('answers null, and creates nothing, when there is no database yet', async () => {
    const fresh = `early-none-${n}`;
    expect(await readStoredRows(fresh)).toBeNull();
    expect(await Dexie.exists(fresh)).toBe(false);
  });

  it('answers null when no plan was opened, or the plan opened last was deleted', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc);
    expect(await readStoredRows(name)).toBeNull();
    await repo.setLastPlanId(doc.plan.id);
    await repo.markDeleted(doc.plan.id);
    expect(await readStoredRows(name)).toBeNull();
  });

  it('answers null for a database of an older schema (Dexie upgrades it first), and leaves it as it was', async () => {
    repo.database().close();
    const old = `early-old-${n}`;
    const v8 = openDbV8(old);
    await v8.open();
    const verno = v8.verno;
    v8.close();
    expect(await readStoredRows(old)).toBeNull();
    const again = new Dexie(old);
    await again.open();
    expect(again.verno).toBe(verno);
    again.close();
  });

  it('does not hold the database open (a later upgrade is not blocked)', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date(), true);
    await readStoredRows(name);
    const blocked = await new Promise<boolean>((resolve) => {
      repo.database().close();
      const r = indexedDB.open(name, 9999);
      r.onblocked = () => resolve(true);
      r.onsuccess = () => {
        r.result.close();
        resolve(false);
      };
    });
    expect(blocked).toBe(false);
  });
});
