// @vitest-environment jsdom
import { produceWithPatches, enablePatches } from 'immer';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { addItem, updateItem } from '../domain/operations';
import { createExampleDoc } from '../domain/plan';
import * as repo from './repository';
import { beginEarlyRead } from './earlyRead';
import { takeStartupRead } from './startup';
import { replayLogs, takeRebuiltPlans, WriteAheadLog } from './wal';

enablePatches();
let n = 0;
beforeEach(async () => {
  localStorage.clear();
  await repo.useDatabase(`wal-${++n}`);
});

describe('write-ahead log', () => {
  it('at start, a waiting log is replayed before the plan is read, even when the early read has it', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date('2026-01-01T00:00:00Z'), true);
    // The early read sees the plan without the logged change …
    beginEarlyRead(`wal-${n}`);
    const wal = new WriteAheadLog('solfjadern:wal:test');
    let id = '';
    const [next, patches] = produceWithPatches(doc, (d) => void (id = addItem(d, { text: 'Loggad före start' })));
    wal.record(next, repo.touchedRows(patches), new Date('2026-01-01T00:00:01Z'));
    // … so the start replays the log and reads again.
    const started = await takeStartupRead();
    expect(started!.items[id]!.text).toBe('Loggad före start');
  });

  it('at start without a log, the plan comes from the early read', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date('2026-01-01T00:00:00Z'), true);
    beginEarlyRead(`wal-${n}`);
    const loadLastDoc = vi.spyOn(repo, 'loadLastDoc');
    expect(await takeStartupRead()).toEqual(doc);
    expect(loadLastDoc).not.toHaveBeenCalled();
    loadLastDoc.mockRestore();
  });

  it('replays a change whose IndexedDB write never happened', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date('2026-01-01T00:00:00Z'));
    const wal = new WriteAheadLog('solfjadern:wal:test');
    let id = '';
    const [next, patches] = produceWithPatches(doc, (d) => void (id = addItem(d, { text: 'Loggad' })));
    wal.record(next, repo.touchedRows(patches), new Date('2026-01-01T00:00:01Z'));
    expect(localStorage.getItem('solfjadern:wal:test')).toContain('Loggad');
    // The tab closes here: no IndexedDB write. The next start replays the log.
    expect(await replayLogs(Date.parse('2026-01-01T00:00:02Z'))).toBe(1);
    expect((await repo.loadDoc(doc.plan.id))!.items[id]!.text).toBe('Loggad');
  });

  it('never overwrites a later stored version, and forgets what was committed', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date('2026-01-01T00:00:00Z'));
    const itemId = Object.keys(doc.items)[0]!;
    const wal = new WriteAheadLog('solfjadern:wal:test');
    const [v1, p1] = produceWithPatches(doc, (d) => updateItem(d, itemId, { text: 'Version 1' }));
    const seq = wal.record(v1, repo.touchedRows(p1), new Date('2026-01-01T00:00:01Z'));
    const [v2, p2] = produceWithPatches(v1, (d) => updateItem(d, itemId, { text: 'Version 2' }));
    await repo.saveChanges(v2, p2, new Date('2026-01-01T00:00:05Z'));
    await replayLogs(Date.parse('2026-01-01T00:00:06Z'));
    expect((await repo.loadDoc(doc.plan.id))!.items[itemId]!.text).toBe('Version 2');
    wal.committed(doc.plan.id, seq);
    expect(wal.size).toBe(0);
    expect(localStorage.getItem('solfjadern:wal:test')).toBeNull();
  });

  it('does not bring back an item deleted after it was logged', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date('2026-01-01T00:00:00Z'));
    const wal = new WriteAheadLog('solfjadern:wal:test');
    let id = '';
    const [added, p1] = produceWithPatches(doc, (d) => void (id = addItem(d, { text: 'Kortlivad' })));
    wal.record(added, repo.touchedRows(p1), new Date('2026-01-01T00:00:01Z'));
    await repo.saveChanges(added, p1, new Date('2026-01-01T00:00:02Z'));
    const [removed, p2] = produceWithPatches(added, (d) => void delete d.items[id]);
    await repo.saveChanges(removed, p2, new Date('2026-01-01T00:00:03Z'));
    await replayLogs(Date.parse('2026-01-01T00:00:04Z'));
    expect((await repo.loadDoc(doc.plan.id))!.items[id]).toBeUndefined();
  });

  it('drops logs of closed tabs once replayed', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc);
    const wal = new WriteAheadLog('solfjadern:wal:old');
    const [next, patches] = produceWithPatches(doc, (d) => void addItem(d, { text: 'Gammal' }));
    wal.record(next, repo.touchedRows(patches), new Date('2026-01-01T00:00:00Z'));
    await replayLogs(Date.parse('2026-01-01T00:05:00Z'));
    expect(localStorage.getItem('solfjadern:wal:old')).toBeNull();
  });

  it('storage lost the whole database (disk full): the plan is made again from the log, and said what it holds', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date('2026-01-01T00:00:00Z'), true);
    const wal = new WriteAheadLog('solfjadern:wal:test');
    let id = '';
    const [next, patches] = produceWithPatches(doc, (d) => void (id = addItem(d, { text: 'Bara i loggen' })));
    wal.record(next, repo.touchedRows(patches), new Date('2026-01-01T00:00:01Z'));
    // The browser deletes the database; the next start finds an empty one.
    await repo.useDatabase(`wal-lost-${n}`);
    expect(await repo.listPlans()).toEqual([]);
    await replayLogs(Date.parse('2026-01-01T00:00:02Z'));
    const rebuilt = (await repo.loadDoc(doc.plan.id))!;
    expect(rebuilt.plan).toEqual(doc.plan);
    expect(Object.values(rebuilt.items).map((i) => i.text)).toEqual(['Bara i loggen']);
    expect(rebuilt.items[id]!.cell).toBeNull();
    expect(takeRebuiltPlans()).toEqual([{ planId: doc.plan.id, name: doc.plan.name, items: 1 }]);
    expect(takeRebuiltPlans()).toEqual([]);
  });

  it('a plan row logged without a change of its own never overwrites storage', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date('2026-01-01T00:00:00Z'));
    const wal = new WriteAheadLog('solfjadern:wal:test');
    const [next, patches] = produceWithPatches(doc, (d) => void addItem(d, { text: 'Ny' }));
    wal.record(next, repo.touchedRows(patches), new Date('2026-01-01T00:00:01Z'));
    // Another tab renames the plan, written before this tab's log is replayed — but earlier than the log's time.
    await repo.saveChanges({ ...doc, plan: { ...doc.plan, name: 'Omdöpt i en annan flik' } }, [{ op: 'replace', path: ['plan', 'name'], value: 'x' }], new Date('2026-01-01T00:00:00.500Z'));
    await replayLogs(Date.parse('2026-01-01T00:00:02Z'));
    expect((await repo.loadDoc(doc.plan.id))!.plan.name).toBe('Omdöpt i en annan flik');
  });

  it('a malformed entry (plans as a string, an item whose planId is null) is skipped; the rest is replayed', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date('2026-01-01T00:00:00Z'));
    const item = { ...Object.values(doc.items)[0]!, text: 'Ur loggen' };
    localStorage.setItem('solfjadern:wal:bad', JSON.stringify({ touched: 0, plans: 'trasig', items: { [`${doc.plan.id}|x`]: { seq: 1, at: '2026-01-01T00:00:01Z', planId: null, row: { id: 'x', planId: null } }, [`${doc.plan.id}|${item.id}`]: { seq: 2, at: '2026-01-01T00:00:01Z', planId: doc.plan.id, row: item } } }));
    await replayLogs(Date.parse('2026-01-01T00:00:02Z'));
    expect((await repo.loadDoc(doc.plan.id))!.items[item.id]!.text).toBe('Ur loggen');
  });
});
