import { describe, expect, it } from 'vitest';
import { itemsIn } from './containers';
import { NO_FILTER } from './filter';
import * as ops from './operations';
import { createExampleDoc } from './plan';
import { applyFilter, tableRows } from './tableRows';

describe('the table view’s rows', () => {
  const doc = createExampleDoc(new Date('2026-11-22T10:00:00Z'));

  it('per fokusområde: one row per blade, its cells the fan’s, named "<fokusområde>, <ring>"', () => {
    const rows = tableRows(doc, 'fokusomrade');
    expect(rows.map((r) => r.name)).toEqual(doc.plan.blades.map((b) => b.name));
    expect(rows[0]!.cells.map((c) => c.name)).toEqual(doc.plan.rings.map((r) => `Nära invånaren, ${r.label}`));
    expect(rows[0]!.cells[0]!.items).toEqual(itemsIn(doc, { bladeId: 'nara-invanaren', ringId: 'r2025' }));
  });

  it('per delområde: one row per delområde with its counts, and a row for items without one', () => {
    const rows = tableRows(doc, 'delomrade');
    expect(rows.map((r) => r.name)).toEqual([...doc.plan.catalogue.delomraden.map((d) => d.name), 'Utan delområde']);
    expect(rows[0]!.cells.every((c) => c.count !== undefined)).toBe(true);
    const placed = Object.values(doc.items).filter((i) => i.cell).length;
    const without = rows.at(-1)!.cells.reduce((n, c) => n + c.items.length, 0);
    expect(without).toBe(Object.values(doc.items).filter((i) => i.cell && i.delomraden.length === 0).length);
    expect(without).toBeLessThan(placed);
  });

  it('a filter keeps each item’s number in the whole list and counts what it hides', () => {
    const [, second] = itemsIn(doc, { bladeId: 'nara-invanaren', ringId: 'r2025' });
    const edited = structuredClone(doc);
    ops.updateItem(edited, second!.id, { status: 'godkand' });
    const shown = applyFilter(tableRows(edited, 'fokusomrade'), { ...NO_FILTER, status: 'godkand' });
    const cell = shown[0]!.cells[0]!;
    expect(cell.items.map((i) => i.id)).toEqual([second!.id]);
    expect(cell.numbers).toEqual([2]);
    expect(cell.hidden).toBe(2);
    expect(applyFilter(tableRows(doc, 'fokusomrade'), NO_FILTER)[0]!.cells[0]!.hidden).toBe(0);
  });
});
