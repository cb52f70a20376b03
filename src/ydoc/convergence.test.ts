// Issue 15, "Done when" 5: N documents, random operations on each (add, move, reorder, edit,
// comment, delete), their updates delivered in random order and some twice — afterwards every
// document holds the same plan, every item once, and exactly the items that were not deleted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { groupByContainer } from '../domain/containers';
import * as ops from '../domain/operations';
import { createExampleDoc } from '../domain/plan';
import { RuleError } from '../domain/rules';
import type { CellRef, PlanDoc } from '../domain/types';
import { seededRandom } from '../../tests/fixtures/random';
import { readDoc } from './read';
import { changeDoc, docFromPlan } from './replica';

const KINDS = ['add', 'move', 'reorder', 'edit', 'comment', 'delete'] as const;

const command = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom(...KINDS), replica: fc.nat(), a: fc.nat(), b: fc.nat(), c: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), twice: fc.boolean() }) },
);

type Command = typeof command extends fc.Arbitrary<infer T> ? T : never;

interface Message {
  to: number;
  update: Uint8Array;
}

const cellsOf = (doc: PlanDoc): Array<CellRef | null> => [null, ...doc.plan.blades.flatMap((b) => doc.plan.rings.map((r) => ({ bladeId: b.id, ringId: r.id })))];

function run(replicaCount: number, commands: Command[], seed: number) {
  const random = seededRandom(seed);
  const first = docFromPlan(createExampleDoc(new Date('2026-03-01T10:00:00Z')));
  const start = Y.encodeStateAsUpdate(first);
  const replicas = Array.from({ length: replicaCount }, () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, start, 'network');
    return ydoc;
  });
  const pending: Message[] = [];
  replicas.forEach((ydoc, from) =>
    ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === 'network') return;
      replicas.forEach((_, to) => to !== from && pending.push({ to, update }));
    }),
  );
  const all = new Set(Object.keys(readDoc(first)!.doc.items));
  const deleted = new Set<string>();
  let added = 0;

  for (const cmd of commands) {
    if (cmd.kind === 'deliver') {
      if (pending.length === 0) continue;
      const index = cmd.pick % pending.length;
      const message = pending[index]!;
      Y.applyUpdate(replicas[message.to]!, message.update, 'network');
      if (!cmd.twice) pending.splice(index, 1);
      continue;
    }
    const r = cmd.replica % replicaCount;
    const ydoc = replicas[r]!;
    const doc = readDoc(ydoc)!.doc;
    const ids = Object.keys(doc.items);
    const id = ids[cmd.a % Math.max(1, ids.length)];
    const cells = cellsOf(doc);
    try {
      const after = changeDoc(
        ydoc,
        (d) => {
          switch (cmd.kind) {
            case 'add': {
              const newId = `r${r}-${added++}`;
              ops.addItem(d, { text: `Ny aktivitet ${newId}`, cell: cells[cmd.c % cells.length]!, index: cmd.b % 20 }, newId);
              all.add(newId);
              break;
            }
            case 'move':
              if (id) ops.moveItem(d, id, cells[cmd.c % cells.length]!, cmd.b % 20);
              break;
            case 'reorder':
              if (id) ops.moveItem(d, id, d.items[id]!.cell, cmd.b % 20);
              break;
            case 'edit':
              if (id) ops.updateItem(d, id, cmd.c % 2 ? { description: `Beskrivning ${cmd.b}` } : { text: `Text ${cmd.b} från ${r}` });
              break;
            case 'comment':
              // Comments are written at the time they are made: later ones later.
              if (id) ops.addComment(d, id, { id: `k${r}-${added}`, author: `Deltagare ${r}`, at: new Date(Date.UTC(2026, 2, 2, 10, 0, 0, added++)).toISOString(), text: `Kommentar ${cmd.c}` });
              break;
            case 'delete':
              if (id) {
                ops.deleteItem(d, id);
                deleted.add(id);
              }
              break;
          }
        },
        null,
        random,
      );
      // What was written reads back as the operation meant it.
      expect(readDoc(ydoc)!.doc).toEqual(after);
    } catch (error) {
      if (!(error instanceof RuleError)) throw error;
    }
  }
  // The rest arrives, in a random order, and all of it once more.
  const rest = [...pending].sort(() => random() - 0.5);
  for (const message of [...rest, ...rest]) Y.applyUpdate(replicas[message.to]!, message.update, 'network');
  return { replicas, expected: [...all].filter((id) => !deleted.has(id)).sort() };
}

describe('documents edited apart converge', () => {
  it('two people inserting at the same spot apart, with the same key, see one order', () => {
    const a = docFromPlan(createExampleDoc(new Date('2026-03-01T10:00:00Z')));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const same = () => 0;
    changeDoc(a, (d) => void ops.addItem(d, { text: 'Från A', index: 0 }, 'z-a'), null, same);
    changeDoc(b, (d) => void ops.addItem(d, { text: 'Från B', index: 0 }, 'a-b'), null, same);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const inspel = (doc: Y.Doc) => [...groupByContainer(readDoc(doc)!.doc.items).get('inspel')!].map((i) => i.id);
    expect(inspel(a)).toEqual(['a-b', 'z-a']);
    expect(inspel(b)).toEqual(['a-b', 'z-a']);
    // And the next insert between them gets a key of its own.
    changeDoc(a, (d) => void ops.addItem(d, { text: 'Mellan', index: 1 }, 'mellan'), null, same);
    expect(inspel(a)).toEqual(['a-b', 'mellan', 'z-a']);
  });

  it('every document ends with the same plan, every item once, none lost or revived', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 4 }), fc.array(command, { minLength: 1, maxLength: 60 }), fc.integer(), (count, commands, seed) => {
        const { replicas, expected } = run(count, commands, seed);
        const docs = replicas.map((ydoc) => readDoc(ydoc)!);
        for (const { doc, notes } of docs) {
          expect(notes).toEqual([]);
          expect(Object.keys(doc.items).sort()).toEqual(expected);
          // Each container's list: ranks 0…n-1, and together the lists hold every item once.
          const listed = [...groupByContainer(doc.items).values()].flatMap((list) => {
            expect(list.map((i) => i.rank)).toEqual(list.map((_, i) => i));
            return list.map((i) => i.id);
          });
          expect(listed.sort()).toEqual(expected);
        }
        for (const other of docs.slice(1)) expect(other.doc).toEqual(docs[0]!.doc);
      }),
      { numRuns: 150 },
    );
  });
});
