// @vitest-environment jsdom
// Writing the open plan (issue 14): a burst whose writes queue up, a failed write followed
// by a plan switch, a full localStorage — nothing the user saw is lost.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as repo from '../db/repository';
import { replayLogs } from '../db/wal';
import { EXAMPLE_ITEM_COUNT } from '../domain/example';
import * as actions from './actions';
import * as Y from 'yjs';
import * as ops from '../domain/operations';
import { readDoc } from '../ydoc/read';
import { changeDoc } from '../ydoc/replica';
import { currentYDoc, loadDoc, useEditor } from './editor';
import { stopPersistence } from './persistence';
import { bootstrap, createPlan, flush, openPlan, startPersistence } from './session';
import { useUi } from './ui';
import { keepGeometry, readGeometries } from '../fan/keptGeometry';
import type { FanGeometry } from '../fan/layout';

const doc = () => useEditor.getState().doc!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The write-ahead log's bases in localStorage. */
const bases = () => Object.keys(localStorage).filter((k) => k.startsWith('solfjadern:wal:') && k.endsWith(':base'));
let n = 0;

beforeEach(async () => {
  localStorage.clear();
  await repo.useDatabase(`persistence-${++n}`);
  loadDoc(null);
  startPersistence();
  await bootstrap();
  await flush();
});

afterEach(() => {
  vi.restoreAllMocks();
  stopPersistence();
});

/** localStorage's writes, each shown to `seen` first (which may throw, as a full localStorage does). */
function watchStorage(seen: (key: string, value: string) => void): void {
  const setItem = Storage.prototype.setItem;
  vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
    seen(key, value);
    setItem.call(this, key, value);
  });
}

/** A colleague in a room: a copy of the open plan's document whose changes reach it as the room's. */
function colleague(): Y.Doc {
  const ydoc = currentYDoc()!;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
  copy.on('update', (update: Uint8Array) => Y.applyUpdate(ydoc, update, 'rum'));
  return copy;
}

/**
 * Writes to IndexedDB held back: the first waits until `release()`, the one numbered `lost`
 * never finishes (the tab closes while it is in flight). `calls()` counts the writes started.
 */
function slowWrites(lost?: number) {
  const write = repo.appendUpdates;
  let release: () => void = () => {};
  const slow = new Promise<void>((r) => (release = r));
  let calls = 0;
  vi.spyOn(repo, 'appendUpdates').mockImplementation(async (...args) => {
    const call = ++calls;
    if (call === 1) await slow;
    if (call === lost) return new Promise<number>(() => {});
    return write(...args);
  });
  return { release: () => release(), calls: () => calls };
}

describe('writing the open plan', () => {
  it('a burst whose writes queue up behind a slow one: every change survives a reload before the last write', async () => {
    // The first write takes long, and the tab closes while the third is in flight.
    const { release, calls } = slowWrites(3);
    // Each change's write asked for at once (they would otherwise share the next frame's).
    const first = actions.addItem('Först')!;
    void flush();
    await vi.waitFor(() => expect(calls()).toBe(1));
    const second = actions.addItem('Sedan')!;
    void flush();
    const third = actions.addItem('Sist')!;
    void flush();
    // Queued behind the first: none of the later writes has started.
    expect(calls()).toBe(1);
    // The second write starts only now, after the third change was made.
    release();
    await vi.waitFor(() => expect(calls()).toBe(3));
    expect(useUi.getState().save.state).toBe('saving');

    // The next start: this tab's log is replayed, then the plan read.
    stopPersistence();
    await replayLogs();
    const stored = (await repo.readStoredDoc(doc().plan.id))!;
    expect(stored.items[first]?.text).toBe('Först');
    expect(stored.items[second]?.text).toBe('Sedan');
    expect(stored.items[third]?.text).toBe('Sist');
  });

  it('a change is written after the next frame is drawn, a burst in one write; with no frame, within 100 ms', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('visible');
    const write = repo.appendUpdates;
    const writes: number[] = [];
    vi.spyOn(repo, 'appendUpdates').mockImplementation(async (...args) => {
      writes.push(args[1].length);
      return write(...args);
    });
    actions.addItem('Ett');
    actions.addItem('Två');
    actions.addItem('Tre');
    await sleep(0);
    // Nothing is written before the frame that shows the change.
    expect(writes).toEqual([]);
    for (const frame of frames.splice(0)) frame(performance.now());
    await vi.waitFor(() => expect(writes).toEqual([3]));
    // A frame that never comes (a busy or hidden page) does not hold the write back.
    actions.addItem('Fyra');
    await vi.waitFor(() => expect(writes).toEqual([3, 1]), { timeout: 500 });
    expect(frames).toHaveLength(1);
    await flush();
    expect(useUi.getState().save.state).toBe('saved');
  });

  it('a plan whose stored pieces grew by more than COMPACT_AFTER_BYTES is merged into one piece, however few they are', async () => {
    const pieces = () => repo.database().planUpdates.where('planId').equals(doc().plan.id).count();
    const ids = Object.keys(doc().items);
    await flush();
    // Long descriptions, a few writes: far fewer pieces than COMPACT_AFTER, more bytes than the limit.
    const perWrite = 4;
    const writes = Math.ceil(repo.COMPACT_AFTER_BYTES / (perWrite * 9_000)) + 1;
    expect(writes).toBeLessThan(repo.COMPACT_AFTER);
    const counts: number[] = [];
    for (let w = 0; w < writes; w++) {
      for (let i = 0; i < perWrite; i++) actions.updateItem(ids[(w * perWrite + i) % ids.length]!, { description: `${w}-${i} ${'långa ord om vården '.repeat(450)}` });
      await flush();
      counts.push(await pieces());
    }
    // The pieces grew, then were merged into one once their bytes passed the limit (they only
    // grow without it: [2, 3, 4, 5, 6]).
    const merged = counts.indexOf(1);
    expect(merged).toBeGreaterThan(0);
    expect(Math.max(...counts.slice(0, merged))).toBeGreaterThan(2);
    // The merged piece holds every change.
    const ydoc = new Y.Doc();
    for (const row of await repo.database().planUpdates.where('planId').equals(doc().plan.id).toArray()) Y.applyUpdate(ydoc, row.update);
    expect(readDoc(ydoc)!.doc.items).toEqual(doc().items);
  });

  it('the fan’s geometry is kept beside the plan once it has stayed the same a moment', async () => {
    const planId = doc().plan.id;
    const geometry = { key: 'k', spans: [[0, 1]], radii: [[1, 2]], fontSize: 12, bandLines: 1, hidden: 0, total: 3, legendRows: 0, tilt: 0 } as unknown as FanGeometry;
    keepGeometry(planId, { ...geometry, key: 'först' });
    keepGeometry(planId, geometry);
    await vi.waitFor(async () => expect(await repo.readGeometries(planId)).toBeDefined(), { timeout: 2000 });
    expect(readGeometries(await repo.readGeometries(planId)).map((g) => g.key)).toEqual(['k', 'först']);
  });

  it('"Sparad" shows only once every queued write is in storage', async () => {
    const { release, calls } = slowWrites();
    actions.addItem('Ett');
    void flush();
    await vi.waitFor(() => expect(calls()).toBe(1));
    actions.addItem('Två');
    void flush();
    expect(useUi.getState().save.state).toBe('saving');
    release();
    await vi.waitFor(() => expect(calls()).toBe(2));
    await flush();
    expect(useUi.getState().save.state).toBe('saved');
  });

  it('a failed write, then a switch to another plan: both plans keep their changes', async () => {
    const first = doc().plan.id;
    const write = repo.appendUpdates;
    let fail = true;
    vi.spyOn(repo, 'appendUpdates').mockImplementation(async (...args) => {
      if (fail && args[0] === first) throw new Error('Disk I/O error');
      return write(...args);
    });
    const kept = actions.addItem('I första planen')!;
    await flush();
    expect(useUi.getState().save.state).toBe('error');
    const other = await createPlan('empty', 'Andra planen');
    const added = actions.addItem('I andra planen')!;
    await flush();
    fail = false;
    await vi.waitFor(async () => expect((await repo.readStoredDoc(first))?.items[kept]?.text).toBe('I första planen'), { timeout: 5000 });
    await flush();
    expect((await repo.readStoredDoc(other.plan.id))!.items[added]?.text).toBe('I andra planen');
    expect((await repo.readStoredDoc(other.plan.id))!.items[kept]).toBeUndefined();
    expect(useUi.getState().save.state).toBe('saved');
    expect(await openPlan(first)).toBe(true);
    expect(doc().items[kept]?.text).toBe('I första planen');
  });

  it('a full localStorage: the log keeps the latest changes that fit, and the user is told', async () => {
    // Hold the writes back, so the log has to carry the changes.
    vi.spyOn(repo, 'appendUpdates').mockImplementation(() => new Promise(() => {}));
    const logSize = () => localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('solfjadern:wal:'))!)!.length;
    const text = (i: number) => `Punkt ${i} med en text som tar plats i loggen`;
    const ids = [actions.addItem(text(1))!];
    const one = logSize();
    ids.push(actions.addItem(text(2))!);
    const perEntry = logSize() - one;
    // Room for about ten more entries.
    const room = one + 10 * perEntry;
    watchStorage((key, value) => {
      if (key.startsWith('solfjadern:wal:') && value.length > room) throw new DOMException('full', 'QuotaExceededError');
    });
    for (let i = 3; i <= 40; i++) ids.push(actions.addItem(text(i))!);
    const key = Object.keys(localStorage).find((k) => k.startsWith('solfjadern:wal:'))!;
    const logged = (JSON.parse(localStorage.getItem(key)!).entries as Array<{ seq: number }>).map((e) => e.seq);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.length).toBeLessThan(ids.length);
    // The most recent ones.
    expect(logged).toEqual(ids.map((_, i) => i + 1).slice(-logged.length));
    expect(useEditor.getState().notice?.text).toMatch(/lokala lagring är nästan full/);
  });

  it('the browser deleted the database (disk full): the next start rebuilds the plan from the log and says what was lost', async () => {
    const planId = doc().plan.id;
    const name = doc().plan.name;
    vi.spyOn(repo, 'appendUpdates').mockImplementation(() => new Promise(() => {}));
    const id = actions.addItem('Skrevs aldrig till databasen')!;
    // The base the first logged change asks for, kept in idle time.
    await vi.waitFor(() => expect(bases()).toHaveLength(1));
    vi.restoreAllMocks();
    stopPersistence();
    // The next start: an empty database.
    await repo.useDatabase(`persistence-lost-${n}`);
    loadDoc(null);
    startPersistence();
    await bootstrap();
    expect(doc().plan.id).toBe(planId);
    // The whole plan: the base its first logged change brought along, and the change.
    expect(Object.keys(doc().items)).toHaveLength(EXAMPLE_ITEM_COUNT + 1);
    expect(doc().items[id]!.text).toBe('Skrevs aldrig till databasen');
    await vi.waitFor(() => expect(useEditor.getState().notice?.text).toContain(`”${name}” återskapades ur ändringsloggen med alla ${EXAMPLE_ITEM_COUNT + 1} aktiviteter.`));
  });

  it('the browser deleted the database and no log is left: the next start names each plan lost and its size', async () => {
    const name = doc().plan.name;
    await createPlan('empty', 'Andra planen');
    actions.addItem('En punkt');
    await flush();
    stopPersistence();
    await repo.useDatabase(`persistence-gone-${n}`);
    // The site's local storage went too: no log, no base beside it.
    for (const key of Object.keys(localStorage)) if (key.startsWith('solfjadern:wal:')) localStorage.removeItem(key);
    loadDoc(null);
    startPersistence();
    await bootstrap();
    // A new example plan opens, and the user is told what went.
    await vi.waitFor(() => expect(useEditor.getState().notice?.text).toContain(`”${name}” (${EXAMPLE_ITEM_COUNT} aktiviteter) gick förlorad. ”Andra planen” (1 aktivitet) gick förlorad.`));
    // Said once: the next start has nothing to say.
    useEditor.setState({ notice: null });
    await bootstrap();
    await new Promise((r) => setTimeout(r, 50));
    expect(useEditor.getState().notice).toBeNull();
  });

  it('two tabs, one item typed into at once: both tabs and storage end with the same item, both changes kept', async () => {
    const item = Object.values(doc().items).find((i) => i.cell)!;
    const planId = doc().plan.id;
    await flush();
    // The other tab: the same plan read from storage, on the same channel.
    const theirs = (await repo.loadPlan(planId))!.ydoc;
    const channel = new BroadcastChannel('solfjadern-plan');
    channel.onmessage = (e: MessageEvent) => e.data.kind === 'update' && Y.applyUpdate(theirs, e.data.update, 'tab');
    theirs.on('update', (update: Uint8Array, origin: unknown) => origin !== 'tab' && channel.postMessage({ from: 'annan-flik', kind: 'update', planId, update }));
    actions.updateItem(item.id, { text: 'Skrivet här' });
    changeDoc(theirs, (d) => ops.updateItem(d, item.id, { description: 'Skrivet i den andra fliken' }));
    await vi.waitFor(() => expect(doc().items[item.id]!.description).toBe('Skrivet i den andra fliken'));
    await vi.waitFor(() => expect(readDoc(theirs)!.doc.items[item.id]!.text).toBe('Skrivet här'));
    channel.close();
    await flush();
    expect(readDoc(theirs)!.doc).toEqual(doc());
    // Storage holds this tab's change (the other tab writes its own).
    expect((await repo.readStoredDoc(planId))!.items[item.id]!.text).toBe('Skrivet här');
  });

  it('a change from another tab is shown, not written again here', async () => {
    const planId = doc().plan.id;
    const theirs = (await repo.loadPlan(planId))!.ydoc;
    const writes = vi.spyOn(repo, 'appendUpdates');
    const updates: Uint8Array[] = [];
    theirs.on('update', (u: Uint8Array) => updates.push(u));
    changeDoc(theirs, (d) => void ops.addItem(d, { text: 'Från den andra fliken' }, 'annan'));
    const channel = new BroadcastChannel('solfjadern-plan');
    channel.postMessage({ from: 'annan-flik', kind: 'update', planId, update: updates[0] });
    channel.close();
    await vi.waitFor(() => expect(doc().items.annan?.text).toBe('Från den andra fliken'));
    await flush();
    expect(writes).not.toHaveBeenCalled();
  });

  it('a tab that opens the plan gets what this tab has not written yet', async () => {
    const planId = doc().plan.id;
    vi.spyOn(repo, 'appendUpdates').mockImplementation(() => new Promise(() => {}));
    const id = actions.addItem('Inte skrivet än')!;
    const theirs = (await repo.loadPlan(planId))!.ydoc;
    expect(readDoc(theirs)!.doc.items[id]).toBeUndefined();
    const channel = new BroadcastChannel('solfjadern-plan');
    channel.onmessage = (e: MessageEvent) => e.data.kind === 'update' && Y.applyUpdate(theirs, e.data.update, 'tab');
    channel.postMessage({ from: 'annan-flik', kind: 'hello', planId });
    await vi.waitFor(() => expect(readDoc(theirs)!.doc.items[id]?.text).toBe('Inte skrivet än'));
    channel.close();
  });
});

describe('the kept view and a drag', () => {
  it('is written once the tab is quiet, but not while the person is busy dragging: then once the drag is over', async () => {
    stopPersistence();
    let dragging = true;
    startPersistence(() => dragging);
    const kept = vi.spyOn(repo, 'keepView');
    vi.useFakeTimers();
    try {
      actions.updateItem(Object.keys(doc().items)[0]!, { text: 'Ändrad under en dragning' });
      await vi.advanceTimersByTimeAsync(5000);
      expect(kept).not.toHaveBeenCalled();
      dragging = false;
      await vi.advanceTimersByTimeAsync(5000);
      expect(kept).toHaveBeenCalled();
      expect(kept.mock.calls.at(-1)![0].items).toEqual(doc().items);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a base localStorage cannot hold is tried once, not with every change; again once the tab is quiet', async () => {
    const baseWrites: number[] = [];
    let room = 0;
    watchStorage((key, value) => {
      if (key.endsWith(':base')) {
        baseWrites.push(value.length);
        if (value.length > room) throw new DOMException('full', 'QuotaExceededError');
      }
    });
    const ids = Object.keys(doc().items);
    vi.useFakeTimers();
    try {
      actions.updateItem(ids[0]!, { text: 'Ändrad' });
      await vi.advanceTimersByTimeAsync(50);
      for (let i = 1; i < 10; i++) actions.updateItem(ids[i]!, { text: `Ändrad ${i}` });
      // Each change is logged all the same.
      const log = Object.keys(localStorage).find((k) => k.startsWith('solfjadern:wal:') && !k.endsWith(':base'))!;
      expect(JSON.parse(localStorage.getItem(log)!).entries).toHaveLength(9);
      await vi.advanceTimersByTimeAsync(50);
      // One try (the whole document made and thrown away), not ten.
      expect(baseWrites).toHaveLength(1);
      expect(bases()).toEqual([]);
      // There is room now (the plan shrank, or other data went): the quiet tab keeps its base.
      room = Infinity;
      await vi.advanceTimersByTimeAsync(5000);
      expect(baseWrites).toHaveLength(2);
      expect(bases()).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("the base is kept anew after this tab's own changes, not after a room's (they are kept in the room)", async () => {
    const baseWrites: string[] = [];
    watchStorage((key, value) => key.endsWith(':base') && baseWrites.push(value));
    const ids = Object.keys(doc().items);
    vi.useFakeTimers();
    try {
      actions.updateItem(ids[0]!, { text: 'Egen ändring' });
      await vi.advanceTimersByTimeAsync(5000);
      expect(baseWrites).toHaveLength(1);
      // A colleague's changes through the room, and quiet moments after them: no new base.
      const other = colleague();
      for (let i = 1; i < 4; i++) {
        changeDoc(other, (d) => ops.updateItem(d, ids[i]!, { text: `Kollegans ${i}` }));
        await vi.advanceTimersByTimeAsync(5000);
      }
      expect(doc().items[ids[3]!]!.text).toBe('Kollegans 3');
      expect(baseWrites).toHaveLength(1);
      // This tab's next change: the base is kept anew at the quiet moment after it, with everything in it.
      actions.updateItem(ids[0]!, { text: 'Egen igen' });
      await vi.advanceTimersByTimeAsync(5000);
      expect(baseWrites).toHaveLength(2);
      const kept = new Y.Doc();
      Y.applyUpdate(kept, Uint8Array.from(atob(JSON.parse(baseWrites[1]!).update), (c) => c.charCodeAt(0)));
      expect(readDoc(kept)!.doc.items[ids[3]!]!.text).toBe('Kollegans 3');
    } finally {
      vi.useRealTimers();
    }
  });

  it("a room's large change is stored but not logged; a colleague's ordinary edit is logged", async () => {
    const logged: string[] = [];
    watchStorage((key, value) => key.startsWith('solfjadern:wal:') && !key.endsWith(':base') && logged.push(value));
    const other = colleague();
    const ids = Object.keys(doc().items);
    const [first, second] = ids;
    // Every item's description rewritten at once: a change of some 300 KB.
    changeDoc(other, (d) => ids.forEach((id) => ops.updateItem(d, id, { description: 'Lång '.repeat(1_600) })));
    await flush();
    expect(logged).toEqual([]);
    changeDoc(other, (d) => ops.updateItem(d, second!, { text: 'Kollegans rubrik' }));
    await flush();
    expect(logged.some((entry) => entry.length < 10_000 && JSON.parse(entry).entries.length === 1)).toBe(true);
    // Both are in the database.
    const stored = new Y.Doc();
    for (const row of await repo.database().planUpdates.where('planId').equals(doc().plan.id).toArray()) Y.applyUpdate(stored, row.update);
    expect(readDoc(stored)!.doc.items[first!]!.description).toBe(readDoc(other)!.doc.items[first!]!.description);
    expect(readDoc(stored)!.doc.items[first!]!.description.length).toBeGreaterThan(7_000);
    expect(readDoc(stored)!.doc.items[second!]!.text).toBe('Kollegans rubrik');
  });

  it('a page that only looked at the plan leaves no log base behind; one that changed it keeps one', async () => {
    const hide = () => {
      vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
      document.dispatchEvent(new Event('visibilitychange'));
    };
    // The page goes away (the view is kept then too): nothing was changed, no base.
    const kept = vi.spyOn(repo, 'keepView');
    hide();
    expect(kept).toHaveBeenCalled();
    expect(bases()).toEqual([]);
    vi.restoreAllMocks();
    actions.updateItem(Object.keys(doc().items)[0]!, { text: 'Ändrad' });
    // The change is logged at once; its base (the whole plan) follows in idle time, not in the change.
    expect(bases()).toEqual([]);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('solfjadern:wal:'))).toHaveLength(1);
    await vi.waitFor(() => expect(bases()).toHaveLength(1));
    await flush();
    hide();
    expect(bases()).toHaveLength(1);
  });
});
