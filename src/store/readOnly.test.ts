// @vitest-environment jsdom
// A client never writes into a document of a newer format than its own (issue 24): a plan a
// newer version wrote — arriving from a room peer, another tab, or storage — opens read-only,
// with its message; every way of writing is refused and nothing of the newer plan is lost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as repo from '../db/repository';
import { FORMAT, NEWER_MESSAGE } from '../ydoc/format';
import { itemMap, planMap } from '../ydoc/shape';
import * as actions from './actions';
import { currentYDoc, loadDoc, settleNow, undo, useEditor } from './editor';
import { stopPersistence } from './persistence';
import { startStoredApp } from '../../tests/fixtures/storedApp';
import { bootstrap, flush, renameStoredPlan, startPersistence } from './session';
import { giveDot, loadVoting, startTurn } from './voting';

const doc = () => useEditor.getState().doc!;

beforeEach(() => startStoredApp('read-only'));

afterEach(() => stopPersistence());

/** What a newer version's client writes: its format, and a field and a record this build does not know. */
function newerWrites(ydoc: Y.Doc, itemId: string): Uint8Array {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc));
  const updates: Uint8Array[] = [];
  peer.on('update', (u: Uint8Array) => updates.push(u));
  peer.transact(() => {
    planMap(peer).set('format', FORMAT + 1);
    (itemMap(peer).get(itemId) as Y.Map<unknown>).set('progress', { period: '2026', state: 'Pågår' });
    peer.getMap('followUp').set('2026', { closed: false });
  });
  return Y.mergeUpdates(updates);
}

describe('a plan written by a newer version', () => {
  it('arriving from a room peer: read-only with its message; edits, undo, votes and repairs write nothing; the newer fields stay', async () => {
    const ydoc = currentYDoc()!;
    const item = Object.values(doc().items).find((i) => i.cell)!;
    // One edit of this window first, so there is something to undo.
    expect(actions.updateItem(item.id, { description: 'Före' })).toBe(true);
    await flush();
    Y.applyUpdate(ydoc, newerWrites(ydoc, item.id), 'room');
    settleNow();
    expect(useEditor.getState().readOnly).toBe(NEWER_MESSAGE);
    const written: Uint8Array[] = [];
    ydoc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'room' && written.push(u));
    const before = doc();
    expect(actions.updateItem(item.id, { text: 'Ändrad av den äldre' })).toBe(false);
    expect(useEditor.getState().notice?.text).toBe(`${NEWER_MESSAGE}.`);
    expect(actions.moveItem(item.id, null, 0)).toBe(false);
    expect(actions.addItem('Ny')).toBeFalsy();
    expect(undo()).toBe(false);
    await loadVoting(doc().plan.id);
    startTurn('Anna');
    expect(giveDot(item.id)).toBe(false);
    expect(written).toEqual([]);
    expect(doc()).toBe(before);
    // The newer fields are all there, as the newer client wrote them.
    expect((itemMap(ydoc).get(item.id) as Y.Map<unknown>).get('progress')).toEqual({ period: '2026', state: 'Pågår' });
    expect(ydoc.getMap('followUp').get('2026')).toEqual({ closed: false });
    expect(planMap(ydoc).get('format')).toBe(FORMAT + 1);
    // What arrived is kept in storage as it came (bytes only: nothing of it rewritten).
    await flush();
    const stored = await repo.loadPlan(doc().plan.id);
    expect(planMap(stored!.ydoc).get('format')).toBe(FORMAT + 1);
    expect((itemMap(stored!.ydoc).get(item.id) as Y.Map<unknown>).get('progress')).toEqual({ period: '2026', state: 'Pågår' });
  });

  it('another tab of a newer format says so in its message: this tab goes read-only before its change arrives', async () => {
    const planId = doc().plan.id;
    const channel = new BroadcastChannel('solfjadern-plan');
    channel.postMessage({ from: 'newer-tab', format: FORMAT + 1, kind: 'hello', planId });
    await expect.poll(() => useEditor.getState().readOnly).toBe(NEWER_MESSAGE);
    channel.close();
    expect(actions.renamePlan('Nytt namn')).toBe(false);
    expect(doc().plan.name).not.toBe('Nytt namn');
  });

  it('a tab of the same format changes nothing: edits go on', async () => {
    const planId = doc().plan.id;
    const channel = new BroadcastChannel('solfjadern-plan');
    channel.postMessage({ from: 'same-tab', format: FORMAT, kind: 'hello', planId });
    await new Promise((r) => setTimeout(r, 20));
    channel.close();
    expect(useEditor.getState().readOnly).toBeNull();
    expect(actions.renamePlan('Nytt namn')).toBe(true);
  });

  it('stored by a newer version: opens read-only at the next start, and the start writes nothing into it', async () => {
    const ydoc = currentYDoc()!;
    const item = Object.values(doc().items)[0]!;
    Y.applyUpdate(ydoc, newerWrites(ydoc, item.id), 'room');
    await flush();
    stopPersistence();
    loadDoc(null);
    expect(useEditor.getState().readOnly).toBeNull();
    startPersistence();
    await bootstrap();
    const opened = currentYDoc()!;
    expect(useEditor.getState().readOnly).toBe(NEWER_MESSAGE);
    const state = Y.encodeStateVector(opened);
    expect(actions.updateItem(item.id, { text: 'Nej' })).toBe(false);
    expect(Y.encodeStateVector(opened)).toEqual(state);
    expect((itemMap(opened).get(item.id) as Y.Map<unknown>).get('progress')).toEqual({ period: '2026', state: 'Pågår' });
    // Renamed from the plan list: refused too, nothing stored.
    const name = doc().plan.name;
    await renameStoredPlan(doc().plan.id, 'Nytt namn från listan');
    expect((await repo.readStoredDoc(doc().plan.id))!.plan.name).toBe(name);
    expect(useEditor.getState().notice?.text).toBe(`${NEWER_MESSAGE}.`);
  });

  it('a plan without its format is brought up to this format once, when opened', async () => {
    const ydoc = currentYDoc()!;
    Y.applyUpdate(ydoc, (() => {
      const peer = new Y.Doc();
      Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc));
      const updates: Uint8Array[] = [];
      peer.on('update', (u: Uint8Array) => updates.push(u));
      planMap(peer).delete('format');
      return Y.mergeUpdates(updates);
    })(), 'room');
    await flush();
    stopPersistence();
    loadDoc(null);
    startPersistence();
    await bootstrap();
    expect(planMap(currentYDoc()!).get('format')).toBe(FORMAT);
    expect(useEditor.getState().readOnly).toBeNull();
    // And it is stored so.
    await flush();
    expect(planMap((await repo.loadPlan(doc().plan.id))!.ydoc).get('format')).toBe(FORMAT);
  });
});
