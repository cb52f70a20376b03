import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { itemsIn } from './containers';
import { comparePlans, placeName } from './compare';
import * as ops from './operations';
import { createExampleDoc } from './plan';
import type { PlanDoc } from './types';

const AT = new Date('2026-11-22T10:00:00Z');
const edit = (doc: PlanDoc, recipe: (d: PlanDoc) => void) => produce(doc, recipe);
const texts = (items: { text: string }[]) => items.map((i) => i.text);

describe('comparing two versions of a plan', () => {
  it('finds nothing between a plan and itself', () => {
    const doc = createExampleDoc(AT);
    expect(comparePlans(doc, doc)).toEqual({ added: [], removed: [], moved: [], edited: [], plan: [] });
  });

  it('reports exactly the added, removed, moved and edited items', () => {
    const before = createExampleDoc(AT);
    const cell = { bladeId: 'nara-invanaren', ringId: 'r2025' };
    const [first, , third] = itemsIn(before, cell);
    const second = itemsIn(before, { bladeId: 'sammanhallen', ringId: 'r2025' })[1];
    const other = itemsIn(before, { bladeId: 'ledarskap', ringId: 'r2027' })[0]!;
    const after = edit(before, (d) => {
      ops.addItem(d, { text: 'Ny aktivitet först', cell, index: 0 }, 'new-1');
      ops.deleteItem(d, second!.id);
      ops.moveItem(d, third!.id, cell, 0); // third goes first: it moved, the other two kept their order
      ops.moveItem(d, other.id, { bladeId: 'halsoframjande', ringId: 'r2026' }, 1);
      ops.updateItem(d, first!.id, { text: 'Välfungerande samarbete med kommunerna', status: 'godkand' });
    });
    const diff = comparePlans(before, after);
    expect(texts(diff.added)).toEqual(['Ny aktivitet först']);
    expect(texts(diff.removed)).toEqual([second!.text]);
    expect(diff.moved.map((m) => m.item.id).sort()).toEqual([third!.id, other.id].sort());
    const move = diff.moved.find((m) => m.item.id === other.id)!;
    expect(placeName(before, move.from)).toBe('Ledarskap och kompetensförsörjning, Önskad målbild 2027, plats 1');
    expect(placeName(after, move.to)).toBe('Hälsofrämjande och förebyggande, Viktiga milstolpar 2026, plats 2');
    expect(diff.edited).toHaveLength(1);
    expect(diff.edited[0]!.item.id).toBe(first!.id);
    expect(diff.edited[0]!.changes).toEqual([
      { field: 'Text', before: 'Välfungerande samarbete mellan VGR och kommuner', after: 'Välfungerande samarbete med kommunerna' },
      { field: 'Status', before: 'förslag', after: 'godkänd' },
    ]);
    expect(diff.plan).toEqual([]);
  });

  it('does not count items whose rank shifted only because others came or went', () => {
    const before = createExampleDoc(AT);
    const cell = { bladeId: 'sammanhallen', ringId: 'r2025' };
    const items = itemsIn(before, cell);
    const after = edit(before, (d) => {
      ops.deleteItem(d, items[0]!.id);
      ops.addItem(d, { text: 'Inskjuten', cell, index: 2 }, 'new-2');
    });
    const diff = comparePlans(before, after);
    expect(diff.moved).toEqual([]);
    expect(texts(diff.added)).toEqual(['Inskjuten']);
    expect(texts(diff.removed)).toEqual([items[0]!.text]);
  });

  it('reports the item pulled up as moved, also when two items swap', () => {
    const before = createExampleDoc(AT);
    const cell = { bladeId: 'nara-invanaren', ringId: 'r2025' };
    const items = itemsIn(before, cell);
    const swapped = edit(before, (d) => ops.moveItem(d, items[1]!.id, cell, 0));
    expect(comparePlans(before, swapped).moved.map((m) => m.item.id)).toEqual([items[1]!.id]);
    const pulledUp = edit(before, (d) => ops.moveItem(d, items[2]!.id, cell, 1));
    expect(comparePlans(before, pulledUp).moved.map((m) => m.item.id)).toEqual([items[2]!.id]);
  });

  it('tells field by field, and names plan changes', () => {
    const before = createExampleDoc(AT);
    const item = itemsIn(before, { bladeId: 'halsoframjande', ringId: 'r2026' })[0]!;
    const after = edit(before, (d) => {
      ops.updateItem(d, item.id, { indikator: { text: 'Andel i budget', target: 100, unit: '%' }, extraChoice: 'extra', effektmal: ['nara-vard-kort-1'] });
      ops.addComment(d, item.id, { id: 'c', author: 'Anna', at: AT.toISOString(), text: 'Ok' });
      ops.renameBlade(d, 'ledarskap', 'Ledarskap');
      ops.setVision(d, 'God och nära vård för alla');
    });
    const diff = comparePlans(before, after);
    expect(diff.edited[0]!.changes).toEqual([
      { field: 'Effektmål', before: '–', after: 'En ökad tillgänglighet till primärvård och nära vård' },
      { field: 'Indikator', before: '–', after: 'Andel i budget' },
      { field: 'Målvärde', before: '–', after: '100 %' },
      { field: 'Extra', before: 'enligt gränsen', after: 'extra' },
      { field: 'Kommentarer', before: '0', after: '1' },
    ]);
    expect(diff.plan.map((c) => c.field)).toEqual(['Vision', 'Fokusområden']);
  });
});
