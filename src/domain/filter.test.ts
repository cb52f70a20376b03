import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { itemsIn } from './containers';
import { isFiltering, kallorInPlan, matchesFilter, matchingIds, NO_FILTER, NONE } from './filter';
import * as ops from './operations';
import { createExampleDoc } from './plan';

const AT = new Date('2026-11-22T10:00:00Z');

describe('filtering items for review', () => {
  const base = createExampleDoc(AT);
  const [a, b] = itemsIn(base, { bladeId: 'nara-invanaren', ringId: 'r2025' });
  const doc = produce(base, (d) => {
    ops.updateItem(d, a!.id, { status: 'andras', kalla: 'NU-sjukvården', ansvarsniva: 'Varje förvaltning' });
    ops.updateItem(d, b!.id, { status: 'andras', kalla: 'nu-sjukvården ' });
    ops.addItem(d, { text: 'I Inspel' }, 'inspel');
    ops.updateItem(d, 'inspel', { status: 'andras' });
  });

  it('lets everything through without criteria', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(matchingIds(doc, NO_FILTER).size).toBe(Object.keys(doc.items).length);
  });

  it('narrows by every criterion together, over the fan and Inspel', () => {
    expect([...matchingIds(doc, { ...NO_FILTER, status: 'andras' })].sort()).toEqual([a!.id, b!.id, 'inspel'].sort());
    expect([...matchingIds(doc, { ...NO_FILTER, status: 'andras', ansvarsniva: 'Varje förvaltning' })]).toEqual([a!.id]);
    expect(matchingIds(doc, { ...NO_FILTER, bladeId: 'ledarskap' }).size).toBe(itemsIn(doc, { bladeId: 'ledarskap', ringId: 'r2025' }).length + 4 + 4);
    expect(matchingIds(doc, { ...NO_FILTER, delomradeId: 'digitalisering' }).size).toBe(4);
    expect(matchingIds(doc, { ...NO_FILTER, delomradeId: NONE }).size).toBe(19 + 1);
    expect([...matchingIds(doc, { ...NO_FILTER, ansvarsniva: NONE })]).toEqual(['inspel']);
    expect(matchesFilter(doc.items.inspel!, { ...NO_FILTER, ansvarsniva: NONE })).toBe(true);
    // An item in Inspel has no fokusområde.
    expect(matchingIds(doc, { ...NO_FILTER, bladeId: 'ledarskap' }).has('inspel')).toBe(false);
  });

  it('picks the items with comments, or those without', () => {
    const commented = produce(doc, (d) => {
      ops.addComment(d, a!.id, { id: 'k1', author: 'Eva', at: AT.toISOString(), text: 'Ok' });
      ops.addComment(d, 'inspel', { id: 'k2', author: 'Eva', at: AT.toISOString(), text: 'Var?' });
    });
    expect([...matchingIds(commented, { ...NO_FILTER, comments: 'with' })].sort()).toEqual([a!.id, 'inspel'].sort());
    expect(matchingIds(commented, { ...NO_FILTER, comments: 'without' }).size).toBe(Object.keys(commented.items).length - 2);
    expect([...matchingIds(commented, { ...NO_FILTER, comments: 'with', status: 'andras' })].sort()).toEqual([a!.id, 'inspel'].sort());
    expect(isFiltering({ ...NO_FILTER, comments: 'with' })).toBe(true);
  });

  it('matches källa case-insensitively and offers each källa once', () => {
    expect(matchingIds(doc, { ...NO_FILTER, kalla: 'NU-sjukvården' }).size).toBe(2);
    expect([...matchingIds(doc, { ...NO_FILTER, kalla: NONE })]).toEqual(['inspel']);
    expect(kallorInPlan(doc)).toEqual(['KL HoS', 'NU-sjukvården']);
  });
});
