import { beforeEach, describe, expect, it } from 'vitest';
import * as repo from '../db/repository';
import { EXAMPLE_PLAN_NAME } from '../domain/example';
import * as actions from './actions';
import { commitFollowUp, loadDoc, undo, useEditor } from './editor';
import { addPeriod, emptyFollowUp, setProgress } from '../domain/followup';
import { importReplacing } from './importer';
import { readFollowUp } from '../ydoc/followUp';
import { bootstrap, createPlan, deletePlan, duplicatePlan, flush, openPlan, restorePlan, startPersistence } from './session';
import { useUi } from './ui';
import * as Y from 'yjs';
import { itemMap } from '../ydoc/shape';
import { EXAMPLE_ITEM_COUNT } from '../domain/example';

const doc = () => useEditor.getState().doc!;
const nextTask = () => new Promise((r) => setTimeout(r, 0));
let n = 0;

beforeEach(async () => {
  await repo.useDatabase(`session-${++n}`);
  loadDoc(null);
  startPersistence();
});

describe('session', () => {
  it('opens the built-in example on a first visit and stores it', async () => {
    await bootstrap();
    expect(doc().plan.name).toBe(EXAMPLE_PLAN_NAME);
    expect(await repo.getLastPlanId()).toBe(doc().plan.id);
    expect(await repo.readStoredDoc(doc().plan.id)).toEqual(doc());
  });

  it('a plan whose stored rows had to be repaired opens with a message naming what happened', async () => {
    await bootstrap();
    const planId = doc().plan.id;
    const victim = Object.values(doc().items)[0]!;
    await flush();
    // A change stored by another program (or a buggy peer): the item's text a number.
    const stored = (await repo.loadPlan(planId))!.ydoc;
    const updates: Uint8Array[] = [];
    stored.on('update', (u: Uint8Array) => updates.push(u));
    (itemMap(stored).get(victim.id) as Y.Map<unknown>).set('text', 42);
    await repo.appendUpdates(planId, updates, null);
    loadDoc(null);
    await bootstrap();
    expect(doc().items[victim.id]).toBeUndefined();
    const notice = useEditor.getState().notice!;
    expect(notice.kind).toBe('error');
    expect(notice.text).toContain('lämnades utanför: den saknar text.');
    expect(notice.text).toContain('Övriga planer är orörda.');
  });

  it('writes each change right after the action (no debounce) and says when it saved', async () => {
    await bootstrap();
    const id = actions.addItem('Snabbt sparad')!;
    expect(useUi.getState().save.state).toBe('saving');
    await nextTask(); // the write starts on the next task…
    await flush(); // …and this waits for it to commit
    expect((await repo.readStoredDoc(doc().plan.id))!.items[id]!.text).toBe('Snabbt sparad');
    expect(useUi.getState().save.state).toBe('saved');
    undo();
    await nextTask();
    await flush();
    expect((await repo.readStoredDoc(doc().plan.id))!.items[id]).toBeUndefined();
  });

  it('reopens the plan used last', async () => {
    await bootstrap();
    const first = doc().plan.id;
    const second = await createPlan('empty', 'Tom plan');
    actions.addBlade('Femte');
    await nextTask();
    await flush();
    loadDoc(null);
    await bootstrap();
    expect(doc().plan.id).toBe(second.plan.id);
    expect(doc().plan.blades.map((b) => b.name)).toContain('Femte');
    expect(await openPlan(first)).toBe(true);
    expect(doc().plan.id).toBe(first);
  });

  it('duplicates, deletes (switching to another plan) and restores', async () => {
    await bootstrap();
    const original = doc().plan.id;
    const copy = (await duplicatePlan(original))!;
    expect(doc().plan.id).toBe(copy.plan.id);
    expect(doc().plan.name).toBe(`${EXAMPLE_PLAN_NAME} (kopia)`);
    expect(Object.keys(doc().items)).toHaveLength(EXAMPLE_ITEM_COUNT);
    await deletePlan(copy.plan.id);
    expect(doc().plan.id).toBe(original);
    expect((await repo.listPlans()).map((p) => p.id)).toEqual([original]);
    await restorePlan(copy.plan.id);
    expect((await repo.listPlans()).map((p) => p.id).sort()).toEqual([original, copy.plan.id].sort());
  });

  it('a copy keeps the follow-up, referring to its own items', async () => {
    await bootstrap();
    const item = Object.values(doc().items).find((i) => i.cell)!;
    commitFollowUp('Läge', (f, d) => {
      addPeriod(f, '2025');
      setProgress(f, d.items, { periodId: '2025', itemId: item.id, state: 'klar', comment: 'Klart', by: 'Anna', at: '2026-01-01T00:00:00.000Z' });
    });
    await flush();
    const copy = (await duplicatePlan(doc().plan.id))!;
    const twin = Object.values(copy.items).find((i) => i.text === item.text)!;
    expect(twin.id).not.toBe(item.id);
    expect(Object.values(useEditor.getState().followUp.progress).map((p) => [p.itemId, p.state, p.comment])).toEqual([[twin.id, 'klar', 'Klart']]);
  });

  it('a plan replaced by an import stays whole as a copy, follow-up too', async () => {
    await bootstrap();
    const item = Object.values(doc().items).find((i) => i.cell)!;
    commitFollowUp('Läge', (f, d) => {
      addPeriod(f, '2025');
      setProgress(f, d.items, { periodId: '2025', itemId: item.id, state: 'pagar', by: 'Anna', at: '2026-01-01T00:00:00.000Z' });
    });
    await flush();
    await importReplacing({ fileName: 'plan.json', doc: doc(), followUp: emptyFollowUp(), warnings: [], existing: null });
    expect(useEditor.getState().followUp.progress).toEqual({});
    const kept = (await repo.listPlans()).find((p) => p.name.includes('(före import'))!;
    const copy = (await repo.loadPlan(kept.id))!;
    const twin = Object.values(copy.doc.items).find((i) => i.text === item.text)!;
    expect(Object.values(readFollowUp(copy.ydoc).progress).map((p) => [p.itemId, p.state])).toEqual([[twin.id, 'pagar']]);
  });
});

describe('a failed write', () => {
  it('keeps the change queued and writes it on the next try', async () => {
    await bootstrap();
    const db = repo.database();
    const original = db.planUpdates.add.bind(db.planUpdates);
    let fail = true;
    db.planUpdates.add = ((...args: Parameters<typeof original>) => {
      if (fail) return Promise.reject(new Error('QuotaExceededError'));
      return original(...args);
    }) as typeof db.planUpdates.add;
    const id = actions.addItem('Får inte försvinna')!;
    await nextTask();
    await flush();
    expect(useUi.getState().save.state).toBe('error');
    expect(useEditor.getState().notice?.kind).toBe('error');
    expect((await repo.readStoredDoc(doc().plan.id))!.items[id]).toBeUndefined();
    fail = false;
    await flush();
    expect((await repo.readStoredDoc(doc().plan.id))!.items[id]!.text).toBe('Får inte försvinna');
    expect(useUi.getState().save.state).toBe('saved');
  });
});
