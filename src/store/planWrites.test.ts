// Writing plans' changes to IndexedDB, alone (./planWrites.ts): in order, one batch per run of
// changes of the same plan, a failed write kept before anything newer, pieces merged when due.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as repo from '../db/repository';
import { LARGE_CHANGE_BYTES, PlanWrites } from './planWrites';
import { useEditor } from './editorState';
import { useUi } from './ui';

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

let writes: PlanWrites;
let committed: Array<[string, number]>;
let allWritten: number;
let written: Array<[string, number[]]>;

beforeEach(() => {
  committed = [];
  allWritten = 0;
  written = [];
  useEditor.setState({ doc: null });
  useUi.setState({ save: { state: 'saved', at: new Date() } });
  // The updates written, by their first byte.
  vi.spyOn(repo, 'appendUpdates').mockImplementation(async (planId, updates) => {
    written.push([planId, updates.map((u) => u[0]!)]);
    return 1;
  });
  vi.spyOn(repo, 'compactPlan').mockResolvedValue();
  writes = new PlanWrites({ committed: (planId, seq) => committed.push([planId, seq]), allWritten: () => allWritten++ });
});

afterEach(() => {
  writes.stop();
  vi.restoreAllMocks();
});

describe('writing plans’ changes', () => {
  it('changes of one plan in a row are one write, another plan’s apart, all in order; "Sparad" once all are in', async () => {
    writes.add('a', bytes(1, 1), 1);
    writes.add('a', bytes(1, 2), 2);
    writes.add('b', bytes(1, 3), 3);
    writes.add('a', bytes(1, 4), 4);
    expect(useUi.getState().save.state).toBe('saving');
    expect(writes.idle()).toBe(false);
    await writes.flush();
    expect(written).toEqual([
      ['a', [1, 2]],
      ['b', [3]],
      ['a', [4]],
    ]);
    expect(committed).toEqual([
      ['a', 2],
      ['b', 3],
      ['a', 4],
    ]);
    expect(allWritten).toBe(1);
    expect(useUi.getState().save.state).toBe('saved');
    expect(writes.idle()).toBe(true);
  });

  it('starts by itself after the change, without being asked', async () => {
    writes.add('a', bytes(1, 7), 1);
    await vi.waitFor(() => expect(written).toEqual([['a', [7]]]));
  });

  it('a failed write is kept before anything newer, said, and written again with it in order', async () => {
    vi.mocked(repo.appendUpdates).mockRejectedValueOnce(new Error('disken är full'));
    writes.add('a', bytes(1, 1), 1);
    await writes.flush();
    expect(written).toEqual([]);
    expect(committed).toEqual([]);
    expect(useUi.getState().save).toMatchObject({ state: 'error', message: 'disken är full' });
    expect(useEditor.getState().notice?.text).toMatch(/kunde inte sparas/);
    writes.add('a', bytes(1, 2), 2);
    await writes.flush();
    expect(written).toEqual([['a', [1, 2]]]);
    expect(committed).toEqual([['a', 2]]);
    expect(useUi.getState().save.state).toBe('saved');
  });

  it('a repair or a large change merges the plan’s pieces after its write; small ones do not', async () => {
    writes.add('a', bytes(10), 1);
    await writes.flush();
    expect(repo.compactPlan).not.toHaveBeenCalled();
    writes.add('a', bytes(10), 2, { repair: true });
    await writes.flush();
    expect(repo.compactPlan).toHaveBeenCalledTimes(1);
    writes.add('b', bytes(LARGE_CHANGE_BYTES + 1), 3, { fromRoom: true });
    await writes.flush();
    expect(repo.compactPlan).toHaveBeenCalledTimes(2);
    expect(repo.compactPlan).toHaveBeenLastCalledWith('b');
  });

  it('this tab’s own changes past COMPACT_AFTER_BYTES merge the pieces; a room’s as many bytes do not', async () => {
    const chunk = Math.ceil(repo.COMPACT_AFTER_BYTES / 4);
    for (let i = 0; i < 5; i++) writes.add('room', bytes(chunk), i + 1, { fromRoom: true });
    await writes.flush();
    expect(repo.compactPlan).not.toHaveBeenCalled();
    for (let i = 0; i < 5; i++) writes.add('own', bytes(chunk), i + 10);
    await writes.flush();
    expect(repo.compactPlan).toHaveBeenCalledWith('own');
  });

  it('once stopped, nothing queued is written', async () => {
    writes.add('a', bytes(1), 1);
    writes.stop();
    await writes.flush();
    await new Promise((r) => setTimeout(r, 20));
    expect(written).toEqual([]);
  });
});
