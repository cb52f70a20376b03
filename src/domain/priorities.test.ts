import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { itemsIn } from './containers';
import * as ops from './operations';
import { createExampleDoc } from './plan';
import { countText, delomradeItems, placesText, priorityCounts, settleExtras } from './priorities';
import type { CellRef, PlanDoc } from './types';

const AT = new Date('2026-11-22T10:00:00Z');
/** An edit as the store makes it: the recipe, then the rule settled. */
const edit = (doc: PlanDoc, recipe: (d: PlanDoc) => void) =>
  produce(doc, (d) => {
    recipe(d);
    settleExtras(d);
  });
const cell = (bladeId: string, ringId: string): CellRef => ({ bladeId, ringId });
const count = (doc: PlanDoc, delomradeId: string, ringId: string) =>
  priorityCounts(doc)
    .find((d) => d.delomrade.id === delomradeId)!
    .rings.find((r) => r.ring.id === ringId)!;
const extras = (doc: PlanDoc) =>
  Object.values(doc.items)
    .filter((i) => i.extra)
    .map((i) => i.text)
    .sort();

/** Four Digitalisering items in 2026: three on rank 0 across fokusområden, one on rank 1. */
function fourDigital(): PlanDoc {
  return edit(createExampleDoc(AT), (d) => {
    ops.addItem(d, { text: 'D1', cell: cell('nara-invanaren', 'r2026'), index: 0 }, 'd1');
    ops.addItem(d, { text: 'D2', cell: cell('halsoframjande', 'r2026'), index: 0 }, 'd2');
    ops.addItem(d, { text: 'D3', cell: cell('sammanhallen', 'r2026'), index: 0 }, 'd3');
    ops.addItem(d, { text: 'D4', cell: cell('ledarskap', 'r2026'), index: 1 }, 'd4');
    for (const id of ['d1', 'd2', 'd3', 'd4']) ops.updateItem(d, id, { delomraden: ['digitalisering'] });
  });
}

describe('priorities per delområde', () => {
  it('holds the instruction as data: three per delområde, five for Nära vård', () => {
    const doc = createExampleDoc(AT);
    expect(doc.plan.catalogue.delomraden.map((d) => d.limit)).toEqual([5, 3, 3, 3, 3, 3]);
    expect(extras(doc)).toEqual([]);
    expect(countText(count(doc, 'nara-vard', 'r2025'))).toBe('3 av 5 prioriterade');
  });

  it('orders a delområde by rank in the cell, then fokusområde, and marks those beyond the limit extra', () => {
    const doc = fourDigital();
    // The example's Digitalisering item of 2026 sits on rank 1 of Sammanhållen: after D1–D3, before D4.
    const order = delomradeItems(doc, 'digitalisering', 'r2026').map((i) => i.text);
    expect(order.slice(0, 3)).toEqual(['D1', 'D2', 'D3']);
    expect(order).toHaveLength(5);
    expect(extras(doc)).toEqual([order[3]!, order[4]!].sort());
    const c = count(doc, 'digitalisering', 'r2026');
    expect(c.prioritized.map((i) => i.text)).toEqual(['D1', 'D2', 'D3']);
    expect(countText(c)).toBe('3 av 3 prioriterade, 2 utöver gränsen');
    expect(c.over).toBe(false);
  });

  it('follows moves, limit changes, struck items and the user\'s choice', () => {
    let doc = fourDigital();
    // On rank 0 of the last fokusområde, D4 comes after D1–D3 (same rank, earlier fokusområden first).
    doc = edit(doc, (d) => ops.moveItem(d, 'd4', cell('ledarskap', 'r2026'), 0));
    expect(extras(doc)).toContain('D4');
    // First in the first fokusområde it takes D1's place: D1 drops to rank 1, beyond the limit.
    doc = edit(doc, (d) => ops.moveItem(d, 'd4', cell('nara-invanaren', 'r2026'), 0));
    expect(count(doc, 'digitalisering', 'r2026').prioritized.map((i) => i.text)).toEqual(['D4', 'D2', 'D3']);
    expect(extras(doc)).toContain('D1');
    expect(extras(doc)).not.toContain('D4');
    // A higher limit takes everything in; back to three, D1 is extra again.
    doc = edit(doc, (d) => ops.setDelomradeLimit(d, 'digitalisering', 5));
    expect(extras(doc)).toEqual([]);
    doc = edit(doc, (d) => ops.setDelomradeLimit(d, 'digitalisering', 3));
    expect(extras(doc)).toContain('D1');
    // A struck item gives up its place.
    doc = edit(doc, (d) => ops.updateItem(d, 'd4', { status: 'stryks' }));
    expect(extras(doc)).not.toContain('D1');
    doc = edit(doc, (d) => ops.updateItem(d, 'd4', { status: 'forslag' }));
    // "Prioriterad" keeps an item out of italics beyond the limit, and the count warns.
    doc = edit(doc, (d) => ops.updateItem(d, 'd1', { extraChoice: 'prioritized' }));
    expect(extras(doc)).not.toContain('D1');
    const c = count(doc, 'digitalisering', 'r2026');
    expect(c.over).toBe(true);
    expect(countText(c)).toBe('4 av 3 prioriterade, 1 utöver gränsen – fler än gränsen');
    // "Extra" frees a place for the next in line.
    doc = edit(doc, (d) => {
      ops.updateItem(d, 'd1', { extraChoice: 'auto' });
      ops.updateItem(d, 'd4', { extraChoice: 'extra' });
    });
    expect(extras(doc)).toContain('D4');
    expect(count(doc, 'digitalisering', 'r2026').prioritized.map((i) => i.text)).toEqual(['D2', 'D3', 'D1']);
  });

  it('keeps an item prioritised when it has a place within the limit of any of its delområden', () => {
    let doc = fourDigital();
    const beyond = extras(doc);
    const id = Object.values(doc.items).find((i) => i.text === beyond[0])!.id;
    doc = edit(doc, (d) => ops.updateItem(d, id, { delomraden: ['digitalisering', 'barnuppdraget'] }));
    expect(extras(doc)).not.toContain(beyond[0]);
    expect(placesText(doc, doc.items[id]!)).toMatch(/^Digitalisering, Viktiga milstolpar 2026: plats \d av 3 \(utöver gränsen\)\. Barnuppdraget, Viktiga milstolpar 2026: plats 1 av 3\. Nu: prioriterad\.$/);
  });

  it('never makes Inspel items or items without a delområde extra by the limit', () => {
    const doc = edit(createExampleDoc(AT), (d) => {
      for (let i = 0; i < 6; i++) ops.addItem(d, { text: `Inspel ${i}` }, `i${i}`);
      for (let i = 0; i < 6; i++) ops.updateItem(d, `i${i}`, { delomraden: ['barnuppdraget'] });
      for (let i = 0; i < 6; i++) ops.addItem(d, { text: `Utan ${i}`, cell: cell('ledarskap', 'r2027') }, `u${i}`);
    });
    expect(extras(doc)).toEqual([]);
    // An inspel is not placed: it is not "prioriterad" (issue 13), unless the user made it extra.
    expect(placesText(doc, doc.items.i0!)).toBe('Gränserna gäller aktiviteter i solfjädern. Nu: inte placerad.');
    expect(placesText(doc, { ...doc.items.i0!, extraChoice: 'extra', extra: true })).toBe('Gränserna gäller aktiviteter i solfjädern. Nu: extra.');
    expect(placesText(doc, doc.items.u0!)).toBe('Utan delområde räknas aktiviteten inte mot någon gräns. Nu: prioriterad.');
    expect(itemsIn(doc, null)).toHaveLength(6);
  });

  it('refuses a limit that is not a whole number from 1 to 20, with a Swedish message', () => {
    const doc = createExampleDoc(AT);
    for (const bad of [0, -1, 2.5, 21, Number.NaN]) {
      expect(() => produce(doc, (d) => ops.setDelomradeLimit(d, 'nara-vard', bad))).toThrow('Gränsen måste vara ett heltal från 1 till 20.');
    }
    expect(() => produce(doc, (d) => ops.setDelomradeLimit(d, 'finns-inte', 3))).toThrow('Delområdet finns inte längre.');
  });
});
