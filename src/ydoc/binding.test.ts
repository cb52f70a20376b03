// The binding is the plan as the app reads it: after any mix of changes — this replica's own,
// a colleague's arriving in any order and twice, undo, blades removed with items in them, raw
// writes a peer could make — it must equal a fresh reading of its document, and records a
// change did not touch must keep their objects.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as ops from '../domain/operations';
import { containersOf, groupByContainer } from '../domain/containers';
import { changedItemIds } from '../domain/itemChanges';
import { createExampleDoc } from '../domain/plan';
import { RuleError } from '../domain/rules';
import type { CellRef, PlanDoc } from '../domain/types';
import { seededRandom } from '../../tests/fixtures/random';
import { LARGE_REMOTE_KEYS, PlanBinding } from './binding';
import { loadRepair, readDoc } from './read';
import { changeDoc, docFromPlan } from './replica';
import { bladeMap, commentMap, itemMap, planMap } from './shape';

const KINDS = ['add', 'move', 'reorder', 'edit', 'area', 'choice', 'comment', 'uncomment', 'delete', 'undo', 'redo', 'blade', 'unblade', 'rename', 'raw'] as const;

const command = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constantFrom(...KINDS), replica: fc.nat(), a: fc.nat(), b: fc.nat(), c: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), twice: fc.boolean() }) },
);
type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

const LOCAL = 'local';
/** How the binding took the changes: record by record, or by reading the whole plan. */
const paths = { quick: 0, whole: 0 };
const cellsOf = (doc: PlanDoc): Array<CellRef | null> => [null, ...doc.plan.blades.flatMap((b) => doc.plan.rings.map((r) => ({ bladeId: b.id, ringId: r.id })))];

function run(count: number, commands: Command[], seed: number, check: (binding: PlanBinding) => void) {
  const random = seededRandom(seed);
  // Limits of one or two per delområde and ring: most moves change which items are extra.
  const example = createExampleDoc(new Date('2026-03-01T10:00:00Z'));
  example.plan.catalogue.delomraden.forEach((d, i) => ops.setDelomradeLimit(example, d.id, 1 + (i % 2)));
  const first = docFromPlan(example);
  const start = Y.encodeStateAsUpdate(first);
  const replicas = Array.from({ length: count }, () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, start, 'network');
    const planId = readDoc(ydoc)!.doc.plan.id;
    const binding = new PlanBinding(ydoc, { id: planId });
    binding.subscribe((change) => (change.items ? paths.quick++ : paths.whole++));
    const undo = new Y.UndoManager([...ydoc.share.values()], { trackedOrigins: new Set([LOCAL]) });
    return { ydoc, binding, undo };
  });
  const pending: Array<{ to: number; update: Uint8Array }> = [];
  replicas.forEach(({ ydoc }, from) =>
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'network') replicas.forEach((_, to) => to !== from && pending.push({ to, update }));
    }),
  );
  let made = 0;
  for (const cmd of commands) {
    if (cmd.kind === 'deliver') {
      if (pending.length === 0) continue;
      const index = cmd.pick % pending.length;
      const message = pending[index]!;
      Y.applyUpdate(replicas[message.to]!.ydoc, message.update, 'network');
      if (!cmd.twice) pending.splice(index, 1);
      check(replicas[message.to]!.binding);
      continue;
    }
    const r = cmd.replica % count;
    const { ydoc, binding, undo } = replicas[r]!;
    const doc = binding.doc!;
    const ids = Object.keys(doc.items);
    const id = ids[cmd.a % Math.max(1, ids.length)];
    const cells = cellsOf(doc);
    const areas = doc.plan.catalogue.delomraden;
    undo.stopCapturing();
    try {
      if (cmd.kind === 'undo') undo.undo();
      else if (cmd.kind === 'redo') undo.redo();
      else if (cmd.kind === 'raw') {
        // What a peer's own client could write: a field of the wrong type, a comment of nobody's.
        ydoc.transact(() => {
          const entry = id ? itemMap(ydoc).get(id) : undefined;
          if (cmd.b % 3 === 0 && entry instanceof Y.Map) entry.set('text', cmd.c);
          else if (cmd.b % 3 === 1) commentMap(ydoc).set(`raw${made++}`, { itemId: id ?? 'x', at: 'z', author: 'A', text: 'B' });
          else itemMap(ydoc).set(`__proto__`, new Y.Map());
        }, LOCAL);
      } else
        changeDoc(
          ydoc,
          (d) => {
            switch (cmd.kind) {
              case 'add':
                ops.addItem(d, { text: `Ny ${r}-${made}`, cell: cells[cmd.c % cells.length]!, index: cmd.b % 20, delomraden: areas.length ? [areas[cmd.b % areas.length]!.id] : [] }, `n${r}-${made++}`);
                break;
              case 'move':
                if (id) ops.moveItem(d, id, cells[cmd.c % cells.length]!, cmd.b % 20);
                break;
              case 'reorder':
                if (id) ops.moveItem(d, id, d.items[id]!.cell, cmd.b % 20);
                break;
              case 'edit':
                if (id) ops.updateItem(d, id, cmd.c % 2 ? { description: `Beskrivning ${cmd.b}` } : { text: `Text ${cmd.b} från ${r}` });
                break;
              case 'area':
                if (id && areas.length) ops.updateItem(d, id, { delomraden: [areas[cmd.c % areas.length]!.id] });
                break;
              case 'choice':
                if (id) ops.updateItem(d, id, { extraChoice: (['auto', 'extra', 'prioritized'] as const)[cmd.c % 3], status: cmd.b % 4 === 0 ? 'stryks' : 'forslag' });
                break;
              case 'comment':
                if (id) ops.addComment(d, id, { id: `k${r}-${made}`, author: `Deltagare ${r}`, at: new Date(Date.UTC(2026, 2, 2, 10, 0, 0, made++)).toISOString(), text: `Kommentar ${cmd.c}` });
                break;
              case 'uncomment': {
                const item = id ? d.items[id] : undefined;
                const comment = item?.comments[cmd.b % Math.max(1, item.comments.length)];
                if (item && comment) ops.removeComment(d, item.id, comment.id);
                break;
              }
              case 'delete':
                if (id) ops.deleteItem(d, id);
                break;
              case 'blade':
                ops.addBlade(d, `Område ${cmd.b}`, `b${r}-${made++}`);
                break;
              case 'unblade':
                ops.removeBlade(d, d.plan.blades[cmd.b % d.plan.blades.length]!.id);
                break;
              case 'rename':
                ops.renamePlan(d, `Plan ${cmd.b}`);
                break;
            }
          },
          LOCAL,
          random,
        );
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
    }
    check(binding);
  }
  for (const message of pending) Y.applyUpdate(replicas[message.to]!.ydoc, message.update, 'network');
  return replicas;
}

const lastSeen = new WeakMap<PlanBinding, PlanDoc>();

/**
 * The binding reads what a fresh reading of its document reads; the lists by container it
 * shares from the last ones equal lists made afresh, and the changes it names are every item
 * whose object changed.
 */
function equalsFreshRead(binding: PlanBinding): void {
  const doc = binding.doc!;
  const fresh = readDoc(binding.ydoc, { id: doc.plan.id });
  expect(doc).toEqual(fresh!.doc);
  expect(containersOf(doc)).toEqual(groupByContainer(doc.items));
  const before = lastSeen.get(binding);
  if (before) {
    const diffed = [...new Set([...Object.keys(doc.items), ...Object.keys(before.items)])].filter((id) => before.items[id] !== doc.items[id]);
    expect(changedItemIds(before.items, doc.items).sort()).toEqual(diffed.sort());
  }
  lastSeen.set(binding, doc);
}

describe('the binding: the plan as read from its document, record by record', () => {
  beforeAll(loadRepair);

  it('equals a fresh reading after every change, on every replica, and the replicas converge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }), fc.array(command, { minLength: 1, maxLength: 50 }), fc.integer(), (count, commands, seed) => {
        const replicas = run(count, commands, seed, equalsFreshRead);
        for (const { binding } of replicas) equalsFreshRead(binding);
        for (const { binding } of replicas.slice(1)) expect(binding.doc).toEqual(replicas[0]!.binding.doc);
      }),
      { numRuns: 200 },
    );
    // Most changes are taken record by record (a blade removed, or a peer's unsound write, reads
    // whole). How many of each depends on the random commands (quick ÷ whole was 1.8–3 over runs),
    // so this asks only for more quick than whole; the next test pins the quick path for one item.
    expect(paths.quick).toBeGreaterThan(paths.whole);
  });

  it('a change of one item gives that item a new object and keeps every other', () => {
    const ydoc = docFromPlan(createExampleDoc(new Date('2026-03-01T10:00:00Z')));
    const binding = new PlanBinding(ydoc);
    const before = binding.doc!;
    const [a, b] = Object.values(before.items);
    changeDoc(ydoc, (d) => ops.updateItem(d, a!.id, { description: 'Ny beskrivning' }));
    const after = binding.doc!;
    expect(after.items[a!.id]!.description).toBe('Ny beskrivning');
    expect(after.items[b!.id]).toBe(before.items[b!.id]);
    expect(after.plan).toBe(before.plan);
    expect(Object.values(after.items).filter((item) => item !== before.items[item.id]).map((i) => i.id)).toEqual([a!.id]);
  });

  it('a changed item keeps the lists and records of the fields that did not change (a component reading one is not drawn again)', () => {
    const ydoc = docFromPlan(createExampleDoc(new Date('2026-03-01T10:00:00Z')));
    const binding = new PlanBinding(ydoc);
    const item = Object.values(binding.doc!.items).find((i) => i.cell && i.delomraden.length > 0)!;
    changeDoc(ydoc, (d) => ops.addComment(d, item.id, { id: 'k1', author: 'Anna', at: '2026-03-01T10:00:00Z', text: 'Bra' }));
    const before = binding.doc!.items[item.id]!;
    changeDoc(ydoc, (d) => ops.updateItem(d, item.id, { description: 'Ny beskrivning' }));
    const after = binding.doc!.items[item.id]!;
    expect(after).not.toBe(before);
    expect(after.description).toBe('Ny beskrivning');
    for (const field of ['delomraden', 'effektmal', 'indikator', 'sources', 'comments', 'cell'] as const) expect(after[field], field).toBe(before[field]);
    // A changed list is a new one.
    changeDoc(ydoc, (d) => ops.updateItem(d, item.id, { delomraden: [] }));
    const again = binding.doc!.items[item.id]!;
    expect(again.delomraden).toEqual([]);
    expect(again.delomraden).not.toBe(after.delomraden);
    expect(again.comments).toBe(after.comments);
    expect(binding.doc).toEqual(readDoc(ydoc)!.doc);
  });

  it('a move gives new objects only to the items of the two containers whose rank changed', () => {
    const ydoc = docFromPlan(createExampleDoc(new Date('2026-03-01T10:00:00Z')));
    const binding = new PlanBinding(ydoc);
    const before = binding.doc!;
    const placed = Object.values(before.items).filter((i) => i.cell);
    const item = placed[0]!;
    const to = before.plan.blades.find((bl) => bl.id !== item.cell!.bladeId)!;
    const changes: Array<ReadonlySet<string> | null> = [];
    binding.subscribe((change) => changes.push(change.items));
    changeDoc(ydoc, (d) => ops.moveItem(d, item.id, { bladeId: to.id, ringId: item.cell!.ringId }, 0));
    const after = binding.doc!;
    const renewed = Object.values(after.items).filter((i) => i !== before.items[i.id]);
    const containers = new Set(renewed.map((i) => `${before.items[i.id]!.cell?.bladeId}|${before.items[i.id]!.cell?.ringId}`));
    // The moved item, and items behind it in the cell it left or ahead of it in the one it entered.
    expect(renewed.map((i) => i.id)).toContain(item.id);
    expect(containers.size).toBeLessThanOrEqual(2);
    expect(renewed.length).toBeLessThan(Object.keys(after.items).length / 2);
    expect(changes).toHaveLength(1);
    expect(changes[0]).not.toBeNull();
    expect(after).toEqual(readDoc(ydoc)!.doc);
  });
});

describe('the binding keeps the plan’s id', () => {
  it('opened without an expected id, it keeps the id it first read, whatever a peer writes later', () => {
    const ydoc = docFromPlan(createExampleDoc(new Date('2026-03-01T10:00:00Z')));
    const binding = new PlanBinding(ydoc);
    const id = binding.doc!.plan.id;
    const notes: string[][] = [];
    binding.subscribe((change) => change.read && notes.push(change.read.notes));
    for (const tamper of [(p: Y.Map<unknown>) => p.set('id', 'en-annan-plan'), (p: Y.Map<unknown>) => p.delete('id'), (p: Y.Map<unknown>) => p.set('id', '__proto__')]) {
      tamper(planMap(ydoc));
      expect(binding.doc!.plan.id).toBe(id);
    }
    expect(notes.flat().length).toBeGreaterThan(0);
  });
});

describe('changes from elsewhere', () => {
  it('one alone is read right after its task; a large one (a peer adding blades by the hundred) in the later task the page gives, after its frame — or at once by whoever reads the view first', async () => {
    const ydoc = docFromPlan(createExampleDoc(new Date('2026-03-01T10:00:00Z')));
    const tasks: Array<() => void> = [];
    const binding = new PlanBinding(ydoc, undefined, null, { later: (task) => tasks.push(task) });
    const seen: PlanDoc[] = [];
    binding.subscribe((change) => change.doc && seen.push(change.doc));
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc));
    const fromPeer = (change: () => void) => {
      const before = Y.encodeStateVector(ydoc);
      peer.transact(change);
      Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(peer, before));
    };
    const blades = binding.doc!.plan.blades.length;

    const item = [...itemMap(peer).keys()][0]!;
    fromPeer(() => (itemMap(peer).get(item) as Y.Map<unknown>).set('description', 'Från en kollega'));
    expect(seen).toHaveLength(0);
    await Promise.resolve();
    expect(seen.map((d) => d.items[item]!.description)).toEqual(['Från en kollega']);
    expect(tasks).toHaveLength(0);

    const flood = (from: number) => fromPeer(() => {
      for (let i = from; i < from + LARGE_REMOTE_KEYS; i++) bladeMap(peer).set(`flod-${i}`, { name: `Flod ${i}`, color: '#123456', pos: `z${i}` });
    });
    flood(0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Not read yet: it waits for the page's later task.
    expect(seen).toHaveLength(1);
    expect(tasks).toHaveLength(1);
    tasks.shift()!();
    expect(seen).toHaveLength(2);
    expect(seen[1]!.plan.blades).toHaveLength(blades + LARGE_REMOTE_KEYS);

    // A reader before the task takes it at once; the task then finds nothing left to read.
    flood(LARGE_REMOTE_KEYS);
    expect(binding.doc!.plan.blades).toHaveLength(blades + 2 * LARGE_REMOTE_KEYS);
    expect(seen).toHaveLength(3);
    tasks.shift()!();
    expect(seen).toHaveLength(3);
    expect(binding.doc).toEqual(readDoc(ydoc)!.doc);
  });
});
