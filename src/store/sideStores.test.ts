// @vitest-environment jsdom
// Store-level tests of the side stores (Prioritera's votes, Samla in's collection) and of
// Importera: what the user does, what is shown, and what is stored.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as repo from '../db/repository';
import { itemsIn } from '../domain/containers';
import { EXAMPLE_ITEM_COUNT } from '../domain/example';
import { placedInputIds, weighCollection } from '../domain/collection';
import { planToJson } from '../export/json';
import { buildMall } from '../export/docx/mall';
import { fillIn } from '../../tests/fixtures/fillMall';
import { moveItem } from './actions';
import * as Y from 'yjs';
import { dotMap } from '../ydoc/shape';
import { currentYDoc, redo, settleNow, undo, useEditor } from './editor';
import * as collection from './collection';
import { chooseImportFile, importAsNewPlan } from './importer';
import { bootstrap, flush, openPlan, startPersistence } from './session';
import { closeDialog, useUi } from './ui';
import { stopPersistence } from './persistence';
import * as votes from './voting';

const doc = () => useEditor.getState().doc!;
const notice = () => useEditor.getState().notice;
let n = 0;

beforeEach(async () => {
  // A fresh browser profile: no database and no write-ahead log of an earlier test.
  localStorage.clear();
  // Writes still queued by the test before belong to its database, not to this one.
  stopPersistence();
  await repo.useDatabase(`side-${++n}`);
  useEditor.setState({ doc: null, notice: null });
  votes.useVoting.setState({ planId: null });
  collection.useCollection.setState({ planId: null });
  closeDialog();
  startPersistence();
  await bootstrap();
});

describe('Prioritera (the votes store)', () => {
  it('takes turns by name, stores every dot at once, and sorts a list by its dots as one undoable step', async () => {
    const planId = doc().plan.id;
    await votes.loadVoting(planId);
    expect(votes.startTurn('   ')).toBe(false);
    expect(notice()?.kind).toBe('error');
    expect(votes.startTurn('Eva')).toBe(true);
    const cell = { bladeId: 'nara-invanaren', ringId: 'r2025' };
    const [first, , third] = itemsIn(doc(), cell);
    expect(votes.giveDot(third!.id)).toBe(true);
    expect(votes.giveDot(third!.id)).toBe(true);
    expect(votes.giveDot(first!.id)).toBe(true);
    // Stored as it happens: a fresh load (a reload) has the same dots.
    await flush();
    stopPersistence();
    startPersistence();
    await bootstrap();
    await votes.loadVoting(planId);
    expect(useEditor.getState().voting.votes.filter((v) => v.itemId === third!.id)).toHaveLength(2);

    expect(votes.sortByVotes(cell, 'Nära invånaren, 2025')).toBe(true);
    expect(itemsIn(doc(), cell)[0]!.id).toBe(third!.id);
    undo();
    expect(itemsIn(doc(), cell)[0]!.id).toBe(first!.id);
  });

  it("a colleague's dot from the room shows here: the dots are read from the plan's document by its binding", async () => {
    await votes.loadVoting(doc().plan.id);
    const ydoc = currentYDoc()!;
    const colleague = new Y.Doc();
    Y.applyUpdate(colleague, Y.encodeStateAsUpdate(ydoc));
    const item = itemsIn(doc(), { bladeId: 'ledarskap', ringId: 'r2025' })[0]!;
    dotMap(colleague).set('prick-1', { participant: 'Kim', itemId: item.id, at: new Date().toISOString() });
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(colleague, Y.encodeStateVector(ydoc)), 'rum');
    settleNow();
    expect(useEditor.getState().voting.votes).toEqual([{ participant: 'Kim', itemId: item.id }]);
    // Nothing of it is this window's to undo.
    expect(useEditor.getState().history.past).toHaveLength(0);
  });

  it('"Rensa" removes every dot and "Ångra" in its notice brings them back', async () => {
    await votes.loadVoting(doc().plan.id);
    votes.startTurn('Per');
    const item = itemsIn(doc(), { bladeId: 'ledarskap', ringId: 'r2025' })[0]!;
    votes.giveDot(item.id);
    votes.clearVotes();
    expect(useEditor.getState().voting.votes).toEqual([]);
    expect(notice()?.action?.label).toBe('Ångra');
    notice()!.action!.run();
    expect(useEditor.getState().voting.votes.map((v) => v.itemId)).toEqual([item.id]);
  });
});

describe('the side stores share Ctrl+Z with the plan and the write-ahead log', () => {
  it('undo takes back the last change whichever store made it, redo puts it back', async () => {
    await votes.loadVoting(doc().plan.id);
    votes.startTurn('Eva');
    const cell = { bladeId: 'nara-invanaren', ringId: 'r2025' };
    const [first, second] = itemsIn(doc(), cell);
    votes.giveDot(first!.id);
    moveItem(second!.id, cell, 0);
    expect(itemsIn(doc(), cell)[0]!.id).toBe(second!.id);
    expect(useEditor.getState().history.past.map((s) => s.label)).toEqual(['Prick', 'Flytta']);
    undo();
    expect(itemsIn(doc(), cell)[0]!.id).toBe(first!.id);
    expect(useEditor.getState().voting.votes).toHaveLength(1);
    undo();
    expect(useEditor.getState().voting.votes).toHaveLength(0);
    redo();
    expect(useEditor.getState().voting.votes.map((v) => v.itemId)).toEqual([first!.id]);
  });

  it('a reload right after a dot keeps it: the change is logged before IndexedDB has it', async () => {
    const planId = doc().plan.id;
    await flush();
    await votes.loadVoting(planId);
    votes.startTurn('Per');
    const item = itemsIn(doc(), { bladeId: 'ledarskap', ringId: 'r2026' })[0]!;
    // The tab dies before IndexedDB gets the write.
    vi.spyOn(repo, 'appendUpdates').mockImplementation(() => new Promise(() => {}));
    votes.giveDot(item.id);
    stopPersistence();
    vi.restoreAllMocks();
    // The next start replays the log.
    startPersistence();
    await bootstrap();
    await votes.loadVoting(planId);
    expect(useEditor.getState().voting.votes.map((v) => v.itemId)).toEqual([item.id]);
  });

  it('dots kept the old way (a row of their own) come into the plan’s document, not as a step to undo', async () => {
    const planId = doc().plan.id;
    const item = itemsIn(doc(), { bladeId: 'ledarskap', ringId: 'r2026' })[0]!;
    await repo.saveVoting({ planId, dots: 4, votes: [{ participant: 'Ola', itemId: item.id }] });
    await votes.loadVoting(planId);
    expect(useEditor.getState().voting).toEqual({ dots: 4, votes: [{ participant: 'Ola', itemId: item.id }] });
    expect(useEditor.getState().history.past).toHaveLength(0);
    await flush();
    votes.useVoting.setState({ planId: null });
    await repo.database().votings.clear();
    await openPlan(planId);
    await votes.loadVoting(planId);
    expect(useEditor.getState().voting.votes).toHaveLength(1);
  });
});

describe('Samla in (the collection store)', () => {
  it('takes in filled-in templates, says what came in, places a proposal as an item with its source, and a removed file comes back with Ångra', async () => {
    const planId = doc().plan.id;
    await collection.loadCollection(planId);
    const mall = await buildMall(doc(), { recipient: 'NU-sjukvården' });
    const filled = await fillIn(mall, { 'Nära vård': { 2025: ['Mobila team i hemmet'] } });
    const file = { name: 'nu.docx', size: filled.byteLength, arrayBuffer: async () => filled.slice().buffer };
    await collection.takeInFiles([file]);
    expect(notice()?.text).toBe('1 fil togs in med 1 förslag.');
    const state = collection.useCollection.getState().collection;
    expect(state.files.map((f) => f.name)).toEqual(['nu.docx']);
    const weighing = weighCollection(state, placedInputIds(doc()));
    const entry = weighing.entries.find((e) => e.text === 'Mobila team i hemmet')!;
    expect(entry).toBeTruthy();

    const id = collection.placeEntry(entry, null)!;
    expect(doc().items[id]).toMatchObject({ text: 'Mobila team i hemmet', cell: null, kalla: 'NU-sjukvården' });
    expect(doc().items[id]!.sources).toHaveLength(1);

    // The same file again is not taken in twice.
    await collection.takeInFiles([file]);
    expect(notice()?.text).toContain('fanns redan i insamlingen');

    const fileId = state.files[0]!.id;
    expect(collection.removeFile(fileId)).toBe(true);
    expect(collection.useCollection.getState().collection.files).toEqual([]);
    notice()!.action!.run();
    expect(collection.useCollection.getState().collection.files.map((f) => f.id)).toEqual([fileId]);
    await new Promise((r) => setTimeout(r, 0));
    expect((await repo.loadCollection(planId))?.files.map((f) => f.id)).toEqual([fileId]);
  });
});

describe('Importera (the import store)', () => {
  const asFile = (name: string, text: string) => new File([text], name, { type: 'application/json' });

  it('reads a plan file, asks in a dialog, and opens it as a new plan named "Importerad"', async () => {
    const json = planToJson(doc());
    expect(await chooseImportFile(asFile('plan.json', json))).toBe(true);
    const dialog = useUi.getState().dialog;
    expect(dialog?.kind).toBe('import');
    if (dialog?.kind !== 'import') return;
    expect(dialog.pending.existing).toMatchObject({ added: 0, removed: 0, changed: 0 });
    const before = doc().plan.id;
    await importAsNewPlan(dialog.pending);
    expect(doc().plan.id).not.toBe(before);
    expect(doc().plan.name).toMatch(/^Importerad: /);
    expect(Object.keys(doc().items)).toHaveLength(EXAMPLE_ITEM_COUNT);
    await flush();
    expect((await repo.listPlans()).length).toBe(2);
  });

  it('refuses a broken file with a Swedish message and changes nothing', async () => {
    const before = doc();
    expect(await chooseImportFile(asFile('trasig.json', planToJson(doc()).slice(0, 300)))).toBe(false);
    expect(notice()).toMatchObject({ kind: 'error' });
    expect(notice()!.text).toMatch(/^”trasig\.json” kan inte importeras\. Filen är inte giltig JSON/);
    expect(useUi.getState().dialog).toBeNull();
    expect(doc()).toBe(before);
    expect(await repo.listPlans()).toHaveLength(1);
  });
});
