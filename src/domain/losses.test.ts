import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { itemsIn } from './containers';
import { addLosses, bringBack, describeLosses, isLarge, lossesBetween, NO_LOSSES, stillLost } from './losses';
import * as ops from './operations';
import { createExampleDoc } from './plan';

const example = () => createExampleDoc(new Date('2026-03-01T10:00:00Z'));

describe('losses from elsewhere, and bringing them back', () => {
  it('everything deleted: named, large, and brought back exactly — with what was added since kept', () => {
    const before = example();
    const emptied = produce(before, (d) => {
      for (const id of Object.keys(d.items)) ops.deleteItem(d, id);
    });
    const losses = lossesBetween(before, emptied);
    expect(isLarge(losses)).toBe(true);
    expect(describeLosses(losses)).toBe(`tog bort ${Object.keys(before.items).length} aktiviteter`);
    // Someone adds an item afterwards: it stays.
    const later = produce(emptied, (d) => void ops.addItem(d, { text: 'Efteråt' }, 'efterat'));
    const back = produce(later, (d) => bringBack(d, losses));
    expect(back.items.efterat?.text).toBe('Efteråt');
    const { efterat: _, ...rest } = back.items;
    expect(rest).toEqual(before.items);
  });

  it('a blade removed (its items to Inspel): the blade and its items go back where they stood', () => {
    const before = example();
    const blade = before.plan.blades[1]!;
    const after = produce(before, (d) => ops.removeBlade(d, blade.id));
    const losses = lossesBetween(before, after);
    expect(describeLosses(losses)).toMatch(new RegExp(`^tog bort fokusområdet ”${blade.name}” \\(\\d+ aktiviteter hamnade i Inspel\\)$`));
    const back = produce(after, (d) => bringBack(d, losses));
    expect(back.plan.blades).toEqual(before.plan.blades);
    for (const ring of before.plan.rings) expect(itemsIn(back, { bladeId: blade.id, ringId: ring.id }).map((i) => i.id)).toEqual(itemsIn(before, { bladeId: blade.id, ringId: ring.id }).map((i) => i.id));
    expect(itemsIn(back, null)).toEqual([]);
  });

  it('a flood of blades: named as added, and taken away again; a later deletion adds up with it', () => {
    const before = example();
    const flooded = produce(before, (d) => {
      for (let i = 0; i < 20; i++) d.plan.blades.push({ id: `flod-${i}`, name: `Flod ${i}`, color: '#123456' });
    });
    const first = lossesBetween(before, flooded);
    expect(describeLosses(first)).toBe('lade till 20 fokusområden');
    const emptier = produce(flooded, (d) => {
      for (const id of Object.keys(d.items).slice(0, 5)) ops.deleteItem(d, id);
    });
    const both = addLosses(first, lossesBetween(flooded, emptier));
    expect(describeLosses(both)).toBe('tog bort 5 aktiviteter och lade till 20 fokusområden');
    expect(produce(emptier, (d) => bringBack(d, both))).toEqual(before);
  });

  it('small changes are not large', () => {
    const before = example();
    const after = produce(before, (d) => ops.deleteItem(d, Object.keys(d.items)[0]!));
    expect(isLarge(lossesBetween(before, after))).toBe(false);
    expect(isLarge(NO_LOSSES)).toBe(false);
  });
});

describe('what is still lost', () => {
  it('what a colleague brought back meanwhile is no longer lost; a later flood is told alone', () => {
    const before = example();
    const emptied = produce(before, (d) => {
      for (const id of Object.keys(d.items)) ops.deleteItem(d, id);
    });
    const losses = lossesBetween(before, emptied);
    const restored = produce(emptied, (d) => bringBack(d, losses));
    const flooded = produce(restored, (d) => {
      for (let i = 0; i < 5; i++) d.plan.blades.push({ id: `flod-${i}`, name: `Flod ${i}`, color: '#123456' });
    });
    const both = addLosses(stillLost(losses, flooded), lossesBetween(restored, flooded));
    expect(describeLosses(both)).toBe('lade till 5 fokusområden');
  });
});
