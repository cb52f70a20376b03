// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { addItem, updateItem } from '../domain/operations';
import { createExampleDoc } from '../domain/plan';
import type { PlanDoc } from '../domain/types';
import { changeDoc } from '../ydoc/replica';
import * as repo from './repository';
import { beginEarlyRead } from './earlyRead';
import { takeStartupRead } from './startup';
import { replayLogs, takeRebuiltPlans, WriteAheadLog } from './wal';

let n = 0;
beforeEach(async () => {
  localStorage.clear();
  await repo.useDatabase(`wal-${++n}`);
});

/** Make a change to a stored plan's document; returns the plan after it and the change's update. */
function change(ydoc: Y.Doc, recipe: (d: PlanDoc) => void): { doc: PlanDoc; update: Uint8Array } {
  const updates: Uint8Array[] = [];
  const on = (u: Uint8Array) => void updates.push(u);
  ydoc.on('update', on);
  const doc = changeDoc(ydoc, recipe)!;
  ydoc.off('update', on);
  return { doc, update: Y.mergeUpdates(updates) };
}

describe('write-ahead log', () => {
  it('at start, a waiting log is replayed before the plan is read, even when the early read has it', async () => {
    const { ydoc } = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'), true);
    // The early read sees the plan without the logged change …
    beginEarlyRead(`wal-${n}`);
    const wal = new WriteAheadLog('solfjadern:wal:test');
    const { doc, update } = change(ydoc, (d) => void addItem(d, { text: 'Loggad före start' }, 'loggad'));
    wal.record(doc.plan, update);
    // … so the start replays the log and reads again.
    const started = await takeStartupRead();
    expect(started!.doc.items.loggad!.text).toBe('Loggad före start');
  });

  it('at start without a log, the plan comes from the early read', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date('2026-01-01T00:00:00Z'), true);
    beginEarlyRead(`wal-${n}`);
    const loadLastPlan = vi.spyOn(repo, 'loadLastPlan');
    expect((await takeStartupRead())!.doc).toEqual(doc);
    expect(loadLastPlan).not.toHaveBeenCalled();
    loadLastPlan.mockRestore();
  });

  it('replays a change whose IndexedDB write never happened', async () => {
    const stored = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'));
    const wal = new WriteAheadLog('solfjadern:wal:test');
    const { doc, update } = change(stored.ydoc, (d) => void addItem(d, { text: 'Loggad' }, 'loggad'));
    wal.record(doc.plan, update);
    expect(localStorage.getItem('solfjadern:wal:test')).toBeTruthy();
    // The tab closes here: no IndexedDB write. The next start replays the log.
    expect(await replayLogs()).toBe(1);
    expect((await repo.readStoredDoc(doc.plan.id))!.items.loggad!.text).toBe('Loggad');
  });

  it('a change replayed after a later one was stored does not undo it, and committed changes are forgotten', async () => {
    const stored = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'));
    const itemId = Object.keys(stored.doc.items)[0]!;
    const wal = new WriteAheadLog('solfjadern:wal:test');
    const first = change(stored.ydoc, (d) => updateItem(d, itemId, { text: 'Version 1' }));
    const seq = wal.record(first.doc.plan, first.update);
    const second = change(stored.ydoc, (d) => updateItem(d, itemId, { text: 'Version 2' }));
    await repo.appendUpdates(stored.doc.plan.id, [second.update], second.doc);
    await replayLogs();
    expect((await repo.readStoredDoc(stored.doc.plan.id))!.items[itemId]!.text).toBe('Version 2');
    wal.committed(stored.doc.plan.id, seq);
    expect(wal.size).toBe(0);
    expect(localStorage.getItem('solfjadern:wal:test')).toBeNull();
  });

  it('does not bring back an item deleted after it was logged', async () => {
    const stored = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'));
    const wal = new WriteAheadLog('solfjadern:wal:test');
    const added = change(stored.ydoc, (d) => void addItem(d, { text: 'Kortlivad' }, 'kort'));
    wal.record(added.doc.plan, added.update);
    const removed = change(stored.ydoc, (d) => void delete d.items.kort);
    await repo.appendUpdates(stored.doc.plan.id, [added.update, removed.update], removed.doc);
    await replayLogs();
    expect((await repo.readStoredDoc(stored.doc.plan.id))!.items.kort).toBeUndefined();
  });

  it('drops the logs once replayed (a tab still open writes its log again with its next change)', async () => {
    const stored = await repo.saveDoc(createExampleDoc());
    const wal = new WriteAheadLog('solfjadern:wal:old');
    const { doc, update } = change(stored.ydoc, (d) => void addItem(d, { text: 'Gammal' }));
    wal.record(doc.plan, update, new Date('2026-01-01T00:00:00Z'));
    await replayLogs();
    expect(localStorage.getItem('solfjadern:wal:old')).toBeNull();
  });

  it('storage lost the whole database (disk full): the plan is made again from the log, and said what it holds', async () => {
    const stored = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'), true);
    const wal = new WriteAheadLog('solfjadern:wal:test');
    const { doc, update } = change(stored.ydoc, (d) => void addItem(d, { text: 'Bara i loggen' }, 'bara'));
    // As the app logs a change: the update, then the items it made different.
    wal.record(doc.plan, update);
    wal.keep(doc.plan, [doc.items.bara!]);
    // The browser deletes the database; the next start finds an empty one.
    await repo.useDatabase(`wal-lost-${n}`);
    expect(await repo.listPlans()).toEqual([]);
    await replayLogs();
    const rebuilt = (await repo.readStoredDoc(doc.plan.id))!;
    expect(rebuilt.plan).toEqual(doc.plan);
    expect(Object.values(rebuilt.items).map((i) => i.text)).toEqual(['Bara i loggen']);
    expect(rebuilt.items.bara!.cell).toBeNull();
    expect(takeRebuiltPlans()).toEqual([{ planId: doc.plan.id, name: doc.plan.name, items: 1 }]);
    expect(takeRebuiltPlans()).toEqual([]);
  });

  it('a malformed entry (plans as a string, an update that is not one) is skipped; the rest is replayed', async () => {
    const stored = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'));
    const itemId = Object.keys(stored.doc.items)[0]!;
    const { doc, update } = change(stored.ydoc, (d) => updateItem(d, itemId, { text: 'Ur loggen' }));
    const good = new WriteAheadLog('solfjadern:wal:good');
    good.record(doc.plan, update);
    const entries = JSON.parse(localStorage.getItem('solfjadern:wal:good')!).entries;
    localStorage.setItem('solfjadern:wal:bad', JSON.stringify({ touched: 0, plans: 'trasig', entries }));
    localStorage.setItem('solfjadern:wal:worse', JSON.stringify({ touched: 0, plans: { [doc.plan.id]: doc.plan }, entries: [{ seq: 1, planId: doc.plan.id, update: 12 }, ...entries] }));
    localStorage.removeItem('solfjadern:wal:good');
    await replayLogs();
    expect((await repo.readStoredDoc(doc.plan.id))!.items[itemId]!.text).toBe('Ur loggen');
  });
});
