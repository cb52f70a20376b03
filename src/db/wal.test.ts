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
    wal.record(doc.plan.id, update);
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

  it('at start without a log, the bases closed tabs left are dropped after the open: they do not pile up', async () => {
    const stored = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'), true);
    // Two earlier page loads kept their bases; their logs emptied as their writes committed.
    for (const tab of ['a', 'b']) new WriteAheadLog(`solfjadern:wal:${tab}`).keepBase(stored.doc.plan.id, Y.encodeStateAsUpdate(stored.ydoc));
    expect(Object.keys(localStorage).filter((k) => k.endsWith(':base'))).toHaveLength(2);
    beginEarlyRead(`wal-${n}`);
    const loadLastPlan = vi.spyOn(repo, 'loadLastPlan');
    expect((await takeStartupRead())!.doc).toEqual(stored.doc);
    // The open did not wait for them.
    expect(loadLastPlan).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(Object.keys(localStorage).filter((k) => k.startsWith('solfjadern:wal:'))).toEqual([]));
    expect(await repo.readStoredDoc(stored.doc.plan.id)).toEqual(stored.doc);
    loadLastPlan.mockRestore();
  });

  it('replays a change whose IndexedDB write never happened', async () => {
    const stored = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'));
    const wal = new WriteAheadLog('solfjadern:wal:test');
    const { doc, update } = change(stored.ydoc, (d) => void addItem(d, { text: 'Loggad' }, 'loggad'));
    wal.record(doc.plan.id, update);
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
    const seq = wal.record(first.doc.plan.id, first.update);
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
    wal.record(added.doc.plan.id, added.update);
    const removed = change(stored.ydoc, (d) => void delete d.items.kort);
    await repo.appendUpdates(stored.doc.plan.id, [added.update, removed.update], removed.doc);
    await replayLogs();
    expect((await repo.readStoredDoc(stored.doc.plan.id))!.items.kort).toBeUndefined();
  });

  it('drops the logs once replayed (a tab still open writes its log again with its next change)', async () => {
    const stored = await repo.saveDoc(createExampleDoc());
    const wal = new WriteAheadLog('solfjadern:wal:old');
    const { doc, update } = change(stored.ydoc, (d) => void addItem(d, { text: 'Gammal' }));
    wal.record(doc.plan.id, update, new Date('2026-01-01T00:00:00Z'));
    await replayLogs();
    expect(localStorage.getItem('solfjadern:wal:old')).toBeNull();
  });

  it('storage lost the whole database (disk full): the plan is made again from the base kept beside the log and the changes after it', async () => {
    const stored = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'), true);
    const wal = new WriteAheadLog('solfjadern:wal:test');
    wal.keepBase(stored.doc.plan.id, Y.encodeStateAsUpdate(stored.ydoc));
    expect(wal.hasBase(stored.doc.plan.id)).toBe(true);
    const { doc, update } = change(stored.ydoc, (d) => void addItem(d, { text: 'Bara i loggen' }, 'bara'));
    wal.record(doc.plan.id, update);
    // The log holds the update alone; the base lies under its own key.
    expect(Object.keys(JSON.parse(localStorage.getItem('solfjadern:wal:test')!) as object).sort()).toEqual(['entries', 'touched']);
    // The browser deletes the database; the next start finds an empty one.
    await repo.useDatabase(`wal-lost-${n}`);
    expect(await repo.listPlans()).toEqual([]);
    await replayLogs();
    const rebuilt = (await repo.readStoredDoc(doc.plan.id))!;
    expect(rebuilt).toEqual(doc);
    expect(takeRebuiltPlans()).toEqual([{ planId: doc.plan.id, name: doc.plan.name, items: Object.keys(doc.items).length }]);
    expect(takeRebuiltPlans()).toEqual([]);
    expect(localStorage.getItem('solfjadern:wal:test:base')).toBeNull();
  });

  it('a plan lost with no change logged since its base is made again from the base', async () => {
    const stored = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'), true);
    new WriteAheadLog('solfjadern:wal:test').keepBase(stored.doc.plan.id, Y.encodeStateAsUpdate(stored.ydoc));
    await repo.useDatabase(`wal-lost-base-${n}`);
    await replayLogs();
    expect(await repo.readStoredDoc(stored.doc.plan.id)).toEqual(stored.doc);
    expect(takeRebuiltPlans().map((p) => p.planId)).toEqual([stored.doc.plan.id]);
  });

  it('without a base, a lost plan cannot be made from its changes alone: nothing half is stored', async () => {
    const stored = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'), true);
    const wal = new WriteAheadLog('solfjadern:wal:test');
    const { doc, update } = change(stored.ydoc, (d) => void addItem(d, { text: 'Bara i loggen' }, 'bara'));
    wal.record(doc.plan.id, update);
    await repo.useDatabase(`wal-lost-nobase-${n}`);
    await replayLogs();
    expect(await repo.listPlans()).toEqual([]);
    expect(takeRebuiltPlans()).toEqual([]);
  });

  it('localStorage short of room: the base gives way before any logged change does', async () => {
    const stored = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'), true);
    const troubles: string[] = [];
    const wal = new WriteAheadLog('solfjadern:wal:test', (t) => troubles.push(t));
    wal.keepBase(stored.doc.plan.id, Y.encodeStateAsUpdate(stored.ydoc));
    const base = localStorage.getItem('solfjadern:wal:test:base')!.length;
    const setItem = Storage.prototype.setItem;
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
      const used = Object.keys(this).reduce((a, k) => a + (k === key ? 0 : (this.getItem(k)?.length ?? 0)), 0);
      if (used + value.length > base + 200) throw new DOMException('full', 'QuotaExceededError');
      setItem.call(this, key, value);
    });
    const { doc, update } = change(stored.ydoc, (d) => void addItem(d, { text: 'En ändring som måste loggas' }, 'viktig'));
    wal.record(doc.plan.id, update);
    spy.mockRestore();
    expect(localStorage.getItem('solfjadern:wal:test:base')).toBeNull();
    expect(wal.hasBase(doc.plan.id)).toBe(false);
    // Given way: not to be tried again with each change.
    expect(wal.baseRefused(doc.plan.id)).toBe(true);
    expect(JSON.parse(localStorage.getItem('solfjadern:wal:test')!).entries).toHaveLength(1);
    expect(troubles).toEqual([]);
  });

  it('a base too big for localStorage is refused, and kept once it fits', async () => {
    const stored = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'), true);
    const planId = stored.doc.plan.id;
    const wal = new WriteAheadLog('solfjadern:wal:test');
    const spy = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    wal.keepBase(planId, Y.encodeStateAsUpdate(stored.ydoc));
    spy.mockRestore();
    expect([wal.hasBase(planId), wal.baseRefused(planId), wal.baseRefused('en-annan-plan')]).toEqual([false, true, false]);
    wal.keepBase(planId, Y.encodeStateAsUpdate(stored.ydoc));
    expect([wal.hasBase(planId), wal.baseRefused(planId)]).toEqual([true, false]);
  });

  it('a malformed log (a field of the wrong type, an update that is not one) is skipped; the rest is replayed', async () => {
    const stored = await repo.saveDoc(createExampleDoc(), new Date('2026-01-01T00:00:00Z'));
    const itemId = Object.keys(stored.doc.items)[0]!;
    const { doc, update } = change(stored.ydoc, (d) => updateItem(d, itemId, { text: 'Ur loggen' }));
    const good = new WriteAheadLog('solfjadern:wal:good');
    good.record(doc.plan.id, update);
    const entries = JSON.parse(localStorage.getItem('solfjadern:wal:good')!).entries;
    localStorage.setItem('solfjadern:wal:bad', JSON.stringify({ touched: 0, plans: 'trasig', entries }));
    localStorage.setItem('solfjadern:wal:worse', JSON.stringify({ touched: 0, plans: { [doc.plan.id]: doc.plan }, entries: [{ seq: 1, planId: doc.plan.id, update: 12 }, ...entries] }));
    localStorage.removeItem('solfjadern:wal:good');
    await replayLogs();
    expect((await repo.readStoredDoc(doc.plan.id))!.items[itemId]!.text).toBe('Ur loggen');
  });
});
