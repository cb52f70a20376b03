import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { REMOTE_BATCH_BYTES, REMOTE_BATCH_MS, REMOTE_BATCH_UPDATES, RoomBatches } from './roomBatches';

/** `n` tiny updates of a document, each its own. */
function updates(n: number): { ydoc: Y.Doc; list: Uint8Array[] } {
  const ydoc = new Y.Doc();
  const list: Uint8Array[] = [];
  ydoc.on('update', (u: Uint8Array) => list.push(u));
  for (let i = 0; i < n; i++) ydoc.getMap('m').set('k', i);
  return { ydoc, list };
}

const read = (update: Uint8Array) => {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, update);
  return ydoc.getMap('m').toJSON();
};

afterEach(() => vi.useRealTimers());

describe('a room’s changes, gathered', () => {
  it('are handed on as one merged update once REMOTE_BATCH_MS has passed', () => {
    vi.useFakeTimers();
    const taken: Array<[string, Uint8Array]> = [];
    const batches = new RoomBatches((planId, update) => taken.push([planId, update]));
    const { ydoc, list } = updates(20);
    for (const u of list) batches.add('p', u);
    vi.advanceTimersByTime(REMOTE_BATCH_MS - 1);
    expect(taken).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(taken).toHaveLength(1);
    expect(taken[0]![0]).toBe('p');
    expect(read(taken[0]![1])).toEqual(ydoc.getMap('m').toJSON());
  });

  it('at once when REMOTE_BATCH_UPDATES have gathered, or another plan’s change comes, or asked', () => {
    vi.useFakeTimers();
    const taken: string[] = [];
    const batches = new RoomBatches((planId) => taken.push(planId));
    const { list } = updates(REMOTE_BATCH_UPDATES + 3);
    for (const u of list.slice(0, REMOTE_BATCH_UPDATES)) batches.add('p', u);
    expect(taken).toEqual(['p']);
    batches.add('p', list[REMOTE_BATCH_UPDATES]!);
    batches.add('q', list[REMOTE_BATCH_UPDATES + 1]!);
    expect(taken).toEqual(['p', 'p']);
    batches.flush();
    expect(taken).toEqual(['p', 'p', 'q']);
    batches.flush();
    expect(taken).toHaveLength(3);
  });

  it('at once when REMOTE_BATCH_BYTES have gathered (a large change, in pieces): each batch about that size, all of it handed on', () => {
    vi.useFakeTimers();
    const taken: Uint8Array[] = [];
    const batches = new RoomBatches((_, update) => taken.push(update));
    const ydoc = new Y.Doc();
    const pieces: Uint8Array[] = [];
    ydoc.on('update', (u: Uint8Array) => pieces.push(u));
    // Ten pieces of ~100 KB each.
    for (let i = 0; i < 10; i++) ydoc.getMap('m').set(`k${i}`, 'x'.repeat(100 * 1024));
    for (const piece of pieces) batches.add('p', piece);
    expect(taken).toHaveLength(3);
    for (const batch of taken) expect(batch.length).toBeLessThan(REMOTE_BATCH_BYTES + 110 * 1024);
    vi.advanceTimersByTime(REMOTE_BATCH_MS);
    expect(taken).toHaveLength(4);
    expect(read(Y.mergeUpdates(taken))).toEqual(ydoc.getMap('m').toJSON());
  });

  it('dropped: nothing is handed on, no timer is left', () => {
    vi.useFakeTimers();
    const take = vi.fn();
    const batches = new RoomBatches(take);
    batches.add('p', updates(1).list[0]!);
    batches.drop();
    vi.advanceTimersByTime(REMOTE_BATCH_MS * 2);
    expect(take).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
