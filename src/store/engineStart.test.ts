// The app's start: the plan shows from its kept view before the part that holds its document
// (./engine.ts) has loaded, and what the components do meanwhile is kept and made, in order,
// once that part has opened the plan (./editor.ts). Each test takes fresh modules: the app's
// start happens once per page load.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createExampleDoc } from '../domain/plan';
import { itemsIn } from '../domain/containers';

type Modules = Awaited<ReturnType<typeof fresh>>;

async function fresh() {
  vi.resetModules();
  const editor = await import('./editor');
  const actions = await import('./actions');
  return { editor, actions, engine: () => import('./engine') };
}

let m: Modules;
beforeEach(async () => {
  m = await fresh();
});

describe('before the document engine has opened the plan', () => {
  it('keeps every change the components make and makes them, in order, as undoable steps once it has', async () => {
    const { editor, actions } = m;
    const opened: Array<string | null> = [];
    editor.onOpenDoc((_, planId) => opened.push(planId));
    // Nothing to undo yet, and nothing open to read.
    expect(editor.undo()).toBe(false);
    expect(editor.currentYDoc()).toBeNull();
    const id = actions.addItem('Skrevs innan motorn fanns');
    expect(id).toEqual(expect.any(String));
    expect(actions.renamePlan('Ny plan, tidigt namn')).toBe(true);
    expect(editor.useEditor.getState().doc).toBeNull();

    const engine = await m.engine();
    editor.engineLoaded(engine);
    const doc = createExampleDoc(new Date('2026-03-01T10:00:00Z'));
    engine.appPlan.loadDoc(doc);
    // The listener that came first was told of the plan opening.
    expect(opened).toEqual([doc.plan.id]);
    editor.engineStarted(engine);
    await editor.engineReady;

    const shown = editor.useEditor.getState().doc!;
    expect(shown.plan.name).toBe('Ny plan, tidigt namn');
    expect(itemsIn(shown, null).map((i) => i.text)).toContain('Skrevs innan motorn fanns');
    expect(shown.items[id!]?.text).toBe('Skrevs innan motorn fanns');
    expect(editor.useEditor.getState().history.past.map((s) => s.label)).toEqual(['Nytt inspel', 'Byt namn på planen']);
    // From now on a call runs at once.
    expect(editor.undo()).toBe(true);
    expect(editor.useEditor.getState().doc!.plan.name).toBe(doc.plan.name);
    expect(editor.currentYDoc()).not.toBeNull();
  });
});

describe('the first paint', () => {
  it('shows the kept view read early, and the engine opens that very plan object (nothing is restored or drawn again)', async () => {
    const repo = await import('../db/repository');
    const name = `first-view-${Date.now()}`;
    await repo.useDatabase(name);
    const doc = createExampleDoc(new Date('2026-03-01T10:00:00Z'));
    await repo.saveDoc(doc, new Date(), true);
    const stored = (await repo.loadLastPlan())!;
    expect(await repo.keepView(stored.doc)).toBe(true);

    // A new page load: fresh modules, the early read, then the first view.
    m = await fresh();
    const freshRepo = await import('../db/repository');
    await freshRepo.useDatabase(name);
    const { beginEarlyRead } = await import('../db/earlyRead');
    beginEarlyRead(name);
    const { showKeptView } = await import('./firstView');
    await showKeptView();
    const shown = m.editor.useEditor.getState().doc;
    expect(shown).toEqual(stored.doc);

    const { takeStartupRead } = await import('../db/startup');
    const opened = await takeStartupRead();
    expect(opened!.doc).toBe(shown);
    expect(typeof opened!.ydoc).toBe('function');
  });

  it('leaves alone a plan the engine opened first', async () => {
    const { editor } = m;
    const engine = await m.engine();
    editor.engineStarted(engine);
    const doc = createExampleDoc(new Date('2026-03-01T10:00:00Z'));
    editor.loadDoc(doc);
    const { showKeptView } = await import('./firstView');
    await showKeptView();
    expect(editor.useEditor.getState().doc!.plan.id).toBe(doc.plan.id);
  });
});
