// @vitest-environment jsdom
// Issue 22, items 1–2: what a peer in a room writes into the plan's document may not freeze the
// tab or lose the plan. The plan's id is the one it was opened as; a peer that removes or
// changes it is overruled (the id written back), named, and the plan keeps being stored.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as repo from '../db/repository';
import * as actions from './actions';
import { planMap } from '../ydoc/shape';
import { currentYDoc, loadDoc, settleNow, useEditor } from './editor';
import { stopPersistence } from './persistence';
import { bootstrap, flush, startPersistence } from './session';

const doc = () => useEditor.getState().doc!;
/** The next macrotask: never reached while the tab is stuck in a loop of microtasks. */
const nextTask = () => new Promise((r) => setTimeout(r, 0));
const PEER = { peer: 'raw Yjs client' };
let n = 0;

beforeEach(async () => {
  localStorage.clear();
  await repo.useDatabase(`peers-${++n}`);
  loadDoc(null);
  startPersistence();
  await bootstrap();
  await flush();
  useEditor.setState({ notice: null });
});

afterEach(() => stopPersistence());

const tamperings: Array<[string, (plan: ReturnType<typeof planMap>) => void]> = [
  ['deletes it', (p) => p.delete('id')],
  ['sets it to an empty text', (p) => p.set('id', '')],
  ['sets it to a number', (p) => p.set('id', 123)],
  ['sets it to __proto__', (p) => p.set('id', '__proto__')],
  ['sets it to 1,000 characters', (p) => p.set('id', 'x'.repeat(1000))],
  ['changes it to another plan’s id', (p) => p.set('id', 'en-annan-plan')],
];

describe('a peer tampers with the plan’s id', () => {
  for (const [what, tamper] of tamperings)
    it(`${what}: the tab goes on, the plan keeps its id (written back), it is said, and edits are still stored`, async () => {
      const before = doc();
      const ydoc = currentYDoc()!;
      ydoc.transact(() => tamper(planMap(ydoc)), PEER);
      await nextTask();
      settleNow();
      expect(doc().plan.id).toBe(before.plan.id);
      expect(doc().items).toEqual(before.items);
      expect(planMap(ydoc).get('id')).toBe(before.plan.id);
      expect(useEditor.getState().notice?.text).toMatch(/id hade ändrats eller tagits bort/);
      // Later edits are stored under the plan's id, and the next start opens the plan.
      const added = actions.addItem('Efter intrånget')!;
      await flush();
      const stored = (await repo.loadDoc(before.plan.id))!;
      expect(stored.plan.id).toBe(before.plan.id);
      expect(stored.items[added]?.text).toBe('Efter intrånget');
    });
});
