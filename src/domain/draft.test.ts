import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { applied, draftPlan, peekItem, setRank } from './draft';
import * as ops from './operations';
import { createExampleDoc } from './plan';
import { RuleError } from './rules';
import type { CellRef, PlanDoc } from './types';

const example = () => createExampleDoc(new Date('2026-11-22T10:00:00Z'));
const cellsOf = (doc: PlanDoc): Array<CellRef | null> => [null, ...doc.plan.blades.flatMap((b) => doc.plan.rings.map((r) => ({ bladeId: b.id, ringId: r.id })))];

const KINDS = ['add', 'move', 'text', 'comment', 'uncomment', 'delete', 'blade', 'unblade', 'ring', 'unring', 'sources', 'several', 'crowd'] as const;
const step = fc.record({ kind: fc.constantFrom(...KINDS), a: fc.nat(), b: fc.nat(), c: fc.nat() });

/** One operation, as the app's actions make them, picked by numbers from the plan as it is. */
function recipeOf({ kind, a, b, c }: { kind: (typeof KINDS)[number]; a: number; b: number; c: number }, doc: PlanDoc, n: number) {
  const ids = Object.keys(doc.items).sort();
  const id = ids[a % Math.max(1, ids.length)]!;
  const cell = cellsOf(doc)[b % cellsOf(doc).length]!;
  return (d: PlanDoc) => {
    switch (kind) {
      case 'add':
        return void ops.addItem(d, { text: `Ny ${n}`, cell, index: c % 5 }, `ny-${n}`);
      case 'move':
        return ops.moveItem(d, id, cell, c % 7);
      case 'text':
        return ops.updateItem(d, id, { text: `Text ${n}`, status: (['forslag', 'godkand', 'andras', 'stryks'] as const)[c % 4] });
      case 'comment':
        return ops.addComment(d, id, { id: `k-${n}`, author: 'Eva', at: '2026-11-22T10:00:00Z', text: `Kommentar ${n}` });
      case 'uncomment': {
        const comment = d.items[id]?.comments[0];
        return comment ? ops.removeComment(d, id, comment.id) : undefined;
      }
      case 'delete':
        return ops.deleteItem(d, id);
      case 'blade':
        return void ops.addBlade(d, `Område ${n}`, `blad-${n}`);
      case 'unblade':
        return ops.removeBlade(d, d.plan.blades[c % d.plan.blades.length]!.id);
      case 'ring':
        return void ops.addRing(d, `ring-${n}`);
      case 'unring':
        return ops.removeRing(d, d.plan.rings[c % d.plan.rings.length]!.id);
      case 'sources':
        return ops.addSources(d, id, [{ inputId: `in-${n}`, kalla: 'NU-sjukvården', text: 'Förslag', rank: c % 3 }]);
      case 'several':
        // One step of many: a move and then the same item again (the draft of it is kept).
        ops.moveItem(d, id, cell, 0);
        return ops.updateItem(d, id, { text: `Flyttad ${n}` });
      case 'crowd': {
        // An item changed, then another moved in ahead of it: the renumbering keeps the change.
        ops.updateItem(d, id, { text: `Trängd ${n}` });
        const other = ids[(a + 1 + c) % ids.length]!;
        return other === id ? undefined : ops.moveItem(d, other, d.items[id]!.cell, 0);
      }
    }
  };
}

describe('a plan’s draft', () => {
  it('makes of every operation what immer makes of it, naming only the items it changed', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let doc = example();
        steps.forEach((s, n) => {
          const recipe = recipeOf(s, doc, n);
          let expected: PlanDoc;
          try {
            expected = produce(doc, recipe);
          } catch (error) {
            if (!(error instanceof RuleError)) throw error;
            // A broken rule: the draft throws alike, and the plan stays as it was.
            const draft = draftPlan(doc);
            expect(() => recipe(draft.doc)).toThrow(RuleError);
            return;
          }
          const draft = draftPlan(doc);
          recipe(draft.doc);
          const change = draft.finish();
          const after = applied(doc, change);
          expect(after).toEqual(expected);
          expect(change === null).toBe(expected === doc);
          if (change) for (const [id, item] of change.items) expect(item).not.toBe(doc.items[id]);
          // Items nobody changed are the same objects.
          for (const [id, item] of Object.entries(after.items)) if (!change?.items.has(id)) expect(item).toBe(doc.items[id]);
          doc = after;
        });
      }),
      { numRuns: 60 },
    );
  });

  it('lists, reads and removes items like a plain record, and names only what changed', () => {
    const doc = example();
    const draft = draftPlan(doc);
    expect(Object.values(draft.doc.items)).toEqual(Object.values(doc.items));
    expect(Object.keys(draft.doc.items)).toEqual(Object.keys(doc.items));
    expect(draftPlan(doc).finish()).toBeNull();
    const id = Object.keys(doc.items)[3]!;
    expect(id in draft.doc.items).toBe(true);
    delete draft.doc.items[id];
    expect(id in draft.doc.items).toBe(false);
    expect(Object.keys(draft.doc.items)).not.toContain(id);
    const change = draft.finish()!;
    expect([...change.items]).toEqual([[id, null]]);
    expect(change.plan).toBe(doc.plan);
  });

  it('keeps a copy made of a drafted item as plain data', () => {
    const doc = example();
    const [id] = Object.keys(doc.items);
    const draft = draftPlan(doc);
    const source = draft.doc.items[id!]!;
    source.comments.push({ id: 'k', author: 'Eva', at: '2026-11-22T10:00:00Z', text: 'Ja' });
    draft.doc.items.kopia = { ...source, id: 'kopia' };
    const change = draft.finish()!;
    const copy = change.items.get('kopia')!;
    expect(copy.comments).toEqual([{ id: 'k', author: 'Eva', at: '2026-11-22T10:00:00Z', text: 'Ja' }]);
    expect(JSON.parse(JSON.stringify(copy))).toEqual(copy);
  });

  it('an item only renumbered is new in the change with its rank alone; read, listed or changed further it is the same item', () => {
    const doc = example();
    const [a, b, c] = Object.values(doc.items);
    const draft = draftPlan(doc);
    const items = draft.doc.items;
    setRank(items, a!.id, a!.rank + 10);
    setRank(items, b!.id, b!.rank + 10);
    setRank(items, c!.id, c!.rank);
    // Looked at without being made: a copy with the new rank each time.
    expect(peekItem(items, a!.id)).toEqual({ ...a, rank: a!.rank + 10 });
    // Listed and read like any item.
    expect(Object.values(items).find((i) => i.id === a!.id)!.rank).toBe(a!.rank + 10);
    items[b!.id]!.text = 'Ändrad';
    const change = draft.finish()!;
    expect(change.items.get(a!.id)).toEqual({ ...a, rank: a!.rank + 10 });
    expect(change.items.get(b!.id)).toEqual({ ...b, rank: b!.rank + 10, text: 'Ändrad' });
    // Given its own rank again: no change.
    expect(change.items.has(c!.id)).toBe(false);
    expect(doc.items[a!.id]!.rank).toBe(a!.rank);
  });
});
