// Kept views (src/db/views.ts): the plan as its document read when last stored, shown first at
// the next start — and only while the plan's stored pieces are exactly those it was read from.
import { produce } from 'immer';
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateItem } from '../domain/operations';
import { createExampleDoc } from '../domain/plan';
import type { PlanDoc } from '../domain/types';
import { readDoc } from '../ydoc/read';
import { changeDoc } from '../ydoc/replica';
import { readStoredRows } from './earlyRead';
import * as repo from './repository';

let n = 0;
let name = '';
beforeEach(async () => {
  name = `views-${++n}`;
  await repo.useDatabase(name);
});

/** What the next start gets: the early read's rows made into a plan. */
async function nextStart(): Promise<repo.OpenablePlan> {
  const rows = await readStoredRows(name);
  expect(rows).not.toBeNull();
  return (await repo.planFromRows(rows!.planRow, rows!.updates, rows!.lastSeq, rows!.view))!;
}

/** Change the stored plan as an edit does: the document's change appended as a piece. */
async function storeChange(ydoc: Y.Doc, doc: PlanDoc, text: string): Promise<PlanDoc> {
  const id = Object.keys(doc.items)[0]!;
  const pieces: Uint8Array[] = [];
  const on = (u: Uint8Array) => void pieces.push(u);
  ydoc.on('update', on);
  const next = changeDoc(ydoc, (draft) => updateItem(draft, id, { text }))!;
  ydoc.off('update', on);
  await repo.appendUpdates(doc.plan.id, pieces, next);
  return next;
}

describe('the plan kept as shown', () => {
  it('opens the next start from its view; the document, made when asked, reads the same', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date(), true);
    expect(await repo.keepView(doc)).toBe(true);
    const plan = await nextStart();
    expect(typeof plan.ydoc).toBe('function');
    expect(plan.doc).toEqual(doc);
    const made = (plan.ydoc as () => Y.Doc)();
    expect(readDoc(made)!.doc).toEqual(doc);
  });

  it('is not used once the plan has a piece it was not read from; keeping it again makes it current', async () => {
    const doc = createExampleDoc();
    const { ydoc } = await repo.saveDoc(doc, new Date(), true);
    await repo.keepView(doc);
    const changed = await storeChange(ydoc, doc, 'Ändrad efter vyn');
    const plan = await nextStart();
    // The document itself is read: the change is there.
    expect(plan.ydoc).toBeInstanceOf(Y.Doc);
    expect(plan.doc).toEqual(changed);
    expect(await repo.keepView(changed)).toBe(true);
    // Nothing new since: nothing to write.
    expect(await repo.keepView(changed)).toBe(false);
    const again = await nextStart();
    expect(typeof again.ydoc).toBe('function');
    expect(again.doc).toEqual(changed);
  });

  it('is not used once the pieces were merged or the plan replaced', async () => {
    const doc = createExampleDoc();
    const { ydoc } = await repo.saveDoc(doc, new Date(), true);
    const changed = await storeChange(ydoc, doc, 'Ändrad');
    await repo.keepView(changed);
    await repo.compactPlan(doc.plan.id);
    expect((await nextStart()).ydoc).toBeInstanceOf(Y.Doc);
    await repo.keepView(changed);
    const replaced = produce(changed, (draft) => updateItem(draft, Object.keys(changed.items)[1]!, { text: 'Ersatt av en fil' }));
    await repo.saveDoc(replaced, new Date(), true);
    const plan = await nextStart();
    expect(plan.ydoc).toBeInstanceOf(Y.Doc);
    expect(plan.doc).toEqual(replaced);
  });

  it('a damaged view is passed by: the document is read', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date(), true);
    await repo.keepView(doc);
    const row = (await repo.database().planViews.get(doc.plan.id))!;
    await repo.database().planViews.put({ ...row, items: [...row.items.slice(1), { id: 42, text: null } as never] });
    const plan = await nextStart();
    expect(plan.ydoc).toBeInstanceOf(Y.Doc);
    expect(plan.doc).toEqual(doc);
  });

  it('shows as it was kept (its italics were settled then); the document’s reading settles them by the rule', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc, new Date(), true);
    await repo.keepView(doc);
    const row = (await repo.database().planViews.get(doc.plan.id))!;
    const placed = row.items.find((i) => i.cell)!;
    await repo.database().planViews.put({ ...row, items: row.items.map((i) => (i.id === placed.id ? { ...i, extra: !i.extra } : i)) });
    const plan = await nextStart();
    expect(typeof plan.ydoc).toBe('function');
    expect(plan.doc.items[placed.id]!.extra).toBe(!placed.extra);
    const made = (plan.ydoc as () => Y.Doc)();
    expect(readDoc(made)!.doc.items[placed.id]!.extra).toBe(placed.extra);
  });

  it('goes with its plan when a deleted plan is purged', async () => {
    const doc = createExampleDoc();
    await repo.saveDoc(doc);
    await repo.keepView(doc);
    expect(await repo.database().planViews.count()).toBe(1);
    await repo.markDeleted(doc.plan.id);
    expect(await repo.keepView(doc)).toBe(false);
    await repo.purgeDeleted();
    expect(await repo.database().planViews.count()).toBe(0);
  });

  it('keeps the screen that shows it, for the next start to show first; a change leaves it behind', async () => {
    const doc = createExampleDoc();
    const { ydoc } = await repo.saveDoc(doc, new Date(), true);
    const screen = { html: '<div class="app"></div>', width: 1366, height: 768, stylesheet: '/assets/index-a.css' };
    // Kept first without a screen (the page showed something else), then with one: written again.
    expect(await repo.keepView(doc)).toBe(true);
    expect(await repo.keepView(doc, screen)).toBe(true);
    expect((await readStoredRows(name))!.view).toMatchObject({ seq: expect.any(Number), screen });
    // The same screen size again: nothing to write; another window size: its screen is kept.
    expect(await repo.keepView(doc, { ...screen, html: '<div class="app">igen</div>' })).toBe(false);
    const wider = { ...screen, width: 1920, height: 1080 };
    expect(await repo.keepView(doc, wider)).toBe(true);
    expect(((await readStoredRows(name))!.view as { screen: unknown }).screen).toEqual(wider);
    // No screen now (another view open): the kept one stays, it still shows this reading.
    expect(await repo.keepView(doc, null)).toBe(false);
    // A change: the view read anew, without a screen of the old reading.
    const changed = await storeChange(ydoc, doc, 'Ändrad efter skärmen');
    expect(await repo.keepView(changed)).toBe(true);
    expect((await readStoredRows(name))!.view).not.toHaveProperty('screen');
  });
});
