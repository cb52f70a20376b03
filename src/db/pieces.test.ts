// Issue 22, item 4: a damaged stored piece of a plan's document is known by its checksum, left
// out and named; the plan always opens — whole from its kept view when the view holds it.
import { beforeEach, describe, expect, it } from 'vitest';
import { updateItem } from '../domain/operations';
import { createExampleDoc } from '../domain/plan';
import { changeDoc } from '../ydoc/replica';
import { readStoredRows } from './earlyRead';
import { checksum, decodePieces, soundPiece } from './pieces';
import * as repo from './repository';

let n = 0;
let name = '';
beforeEach(async () => {
  name = `pieces-${++n}`;
  await repo.useDatabase(name);
});

/** Flip three bits in the stored piece `which` of a plan (as a disk might). */
async function damage(planId: string, which: 'first' | 'last'): Promise<void> {
  const rows = await repo.database().planUpdates.where('planId').equals(planId).sortBy('seq');
  const row = which === 'first' ? rows[0]! : rows.at(-1)!;
  const bytes = new Uint8Array(row.update);
  for (const at of [Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 2]) bytes[at]! ^= 0x24;
  await repo.database().planUpdates.put({ ...row, update: bytes });
}

/** A stored example plan with one more stored edit (its own piece). */
async function storedWithEdit() {
  const doc = createExampleDoc();
  const { ydoc } = await repo.saveDoc(doc, new Date(), true);
  const id = Object.keys(doc.items)[0]!;
  const updates: Uint8Array[] = [];
  ydoc.on('update', (u: Uint8Array) => updates.push(u));
  const edited = changeDoc(ydoc, (d) => updateItem(d, id, { text: 'Ändrad sist' }))!;
  await repo.appendUpdates(doc.plan.id, updates, edited);
  return { doc, edited, id };
}

/** What the next start gets (the early read's rows made into a plan), with the document decoded. */
async function nextStart() {
  const rows = (await readStoredRows(name))!;
  const plan = (await repo.planFromRows(rows.planRow, rows.updates, rows.lastSeq, rows.view))!;
  const ydoc = typeof plan.ydoc === 'function' ? plan.ydoc() : plan.ydoc;
  return { plan, ydoc, notes: repo.takeRepairNotes(plan.doc.plan.id) };
}

describe('checksums', () => {
  it('every stored piece carries the checksum of its bytes; a flipped bit is seen', async () => {
    const { doc } = await storedWithEdit();
    const rows = await repo.database().planUpdates.toArray();
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.sum).toBe(checksum(row.update));
    await damage(doc.plan.id, 'first');
    const after = await repo.database().planUpdates.where('planId').equals(doc.plan.id).sortBy('seq');
    expect(after.map(soundPiece)).toEqual([false, true]);
    expect(decodePieces(after).broken).toBeGreaterThanOrEqual(1);
  });
});

describe('a damaged piece', () => {
  it('the first piece damaged, with the kept view: the plan opens whole from the view, named, stored sound again', async () => {
    const { doc, edited } = await storedWithEdit();
    expect(await repo.keepView(edited)).toBe(true);
    await damage(doc.plan.id, 'first');
    const start = await nextStart();
    expect(start.plan.doc).toEqual(edited);
    expect(start.notes.join(' ')).toMatch(/En sparad del av planen var skadad .*inget gick förlorat/);
    // The document made again holds the plan, and what is stored now is sound.
    expect(Object.keys(start.ydoc.getMap('items').toJSON())).toHaveLength(Object.keys(doc.items).length);
    const rows = await repo.database().planUpdates.where('planId').equals(doc.plan.id).toArray();
    expect(rows.every(soundPiece)).toBe(true);
    expect((await repo.readStoredDoc(doc.plan.id))!).toEqual(edited);
    expect(repo.takeRepairNotes(doc.plan.id)).toEqual([]);
  });

  it('the first piece damaged, no view: the plan (not a new example) opens from its stored row, its loss named', async () => {
    const { doc } = await storedWithEdit();
    await damage(doc.plan.id, 'first');
    const start = await nextStart();
    expect(start.plan.doc.plan.id).toBe(doc.plan.id);
    expect(start.plan.doc.plan.name).toBe(doc.plan.name);
    expect(start.plan.doc.plan.blades.map((b) => b.name)).toEqual(doc.plan.blades.map((b) => b.name));
    expect(start.notes[0]).toMatch(/var skadad.*planens aktiviteter kunde inte läsas/);
  });

  it('the last piece damaged, no view: the plan before that edit opens and the lost edit is named', async () => {
    const { doc, id } = await storedWithEdit();
    await damage(doc.plan.id, 'last');
    const start = await nextStart();
    expect(start.plan.doc).toEqual(doc);
    expect(start.plan.doc.items[id]!.text).not.toBe('Ändrad sist');
    expect(start.notes).toEqual(['En sparad del av planen var skadad och lämnades utanför. Det som ändrades i den saknas.'.replace('i den', 'i dem')]);
  });

  it('the last piece damaged, with the kept view: nothing is lost', async () => {
    const { doc, edited } = await storedWithEdit();
    await repo.keepView(edited);
    await damage(doc.plan.id, 'last');
    const start = await nextStart();
    expect(start.plan.doc).toEqual(edited);
    expect(start.notes[0]).toMatch(/inget gick förlorat/);
  });

  it('a piece stored before checksums that throws is left out and named (as before)', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc);
    await repo.database().planUpdates.add({ planId: doc.plan.id, update: new Uint8Array([1, 2, 3, 250, 250, 250]) });
    expect(await repo.readStoredDoc(doc.plan.id)).toEqual(doc);
    expect(repo.takeRepairNotes(doc.plan.id)[0]).toMatch(/^En sparad del av planen var skadad/);
  });

  it('a plan whose document lost its id opens as itself (the id it is stored under)', async () => {
    const doc = createExampleDoc();
    const { ydoc } = await repo.saveDoc(doc, new Date(), true);
    const updates: Uint8Array[] = [];
    ydoc.on('update', (u: Uint8Array) => updates.push(u));
    ydoc.getMap('plan').delete('id');
    await repo.appendUpdates(doc.plan.id, updates, null);
    const start = await nextStart();
    expect(start.plan.doc).toEqual(doc);
    expect(start.notes.join(' ')).toMatch(/id hade ändrats eller tagits bort/);
    // The id is written back and stored: the next start has nothing to say.
    expect(start.ydoc.getMap('plan').get('id')).toBe(doc.plan.id);
    const again = await nextStart();
    expect(again.plan.doc).toEqual(doc);
    expect(again.notes).toEqual([]);
  });
});

describe('compaction', () => {
  it('re-encodes the document: texts overwritten long ago are not kept (the stored plan stays the same)', async () => {
    const doc = createExampleDoc();
    const { ydoc } = await repo.saveDoc(doc);
    const id = Object.keys(doc.items)[0]!;
    let last = doc;
    for (let i = 0; i < 200; i++) {
      const updates: Uint8Array[] = [];
      const on = (u: Uint8Array) => void updates.push(u);
      ydoc.on('update', on);
      last = changeDoc(ydoc, (d) => updateItem(d, id, { description: `${i} ${'beskrivning '.repeat(80)}` }))!;
      ydoc.off('update', on);
      await repo.appendUpdates(doc.plan.id, updates, last);
    }
    const size = async () => (await repo.database().planUpdates.where('planId').equals(doc.plan.id).toArray()).reduce((n, r) => n + r.update.length, 0);
    const before = await size();
    await repo.compactPlan(doc.plan.id);
    const after = await size();
    expect(await repo.database().planUpdates.where('planId').equals(doc.plan.id).count()).toBe(1);
    expect(after).toBeLessThan(before / 10);
    expect(await repo.readStoredDoc(doc.plan.id)).toEqual(last);
  });
});
