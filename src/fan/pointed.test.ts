import { describe, expect, it } from 'vitest';
import type { Item } from '../domain/types';
import { MOVED_AT_MOST, movedItems, pointedIds } from './pointed';

const item = (id: string, cell: { bladeId: string; ringId: string } | null): Item => ({ id, text: id, cell, rank: 1, extra: false }) as unknown as Item;

describe('what the user points at', () => {
  it('names the items placed from Inspel or moved to another cell, not those left where they were', () => {
    const before = { a: item('a', null), b: item('b', { bladeId: 'x', ringId: 'r1' }), c: item('c', { bladeId: 'x', ringId: 'r1' }) };
    const after = { ...before, a: item('a', { bladeId: 'x', ringId: 'r1' }), b: item('b', { bladeId: 'y', ringId: 'r2' }), d: item('d', { bladeId: 'y', ringId: 'r2' }) };
    expect(movedItems(before, after).sort()).toEqual(['a', 'b', 'd']);
    // Sent back to Inspel: nothing to show in the fan.
    expect(movedItems(after, { ...after, b: item('b', null) })).toEqual([]);
    expect(movedItems(null, after)).toEqual([]);
  });

  it('a change that moves many items at once (a restore, another plan) points at none', () => {
    const before: Record<string, Item> = {};
    const after: Record<string, Item> = {};
    for (let i = 0; i <= MOVED_AT_MOST; i++) {
      before[`i${i}`] = item(`i${i}`, null);
      after[`i${i}`] = item(`i${i}`, { bladeId: 'x', ringId: 'r1' });
    }
    expect(movedItems(before, after)).toEqual([]);
  });

  it('gathers filter matches, comparison marks, a coverage goal, the selection, colleagues and moves, each once', () => {
    expect(
      pointedIds({
        filterMatches: new Set(['f', 's']),
        highlighted: new Set(['h']),
        compared: new Map([['c', 'moved']]),
        selected: 's',
        peers: ['p'],
        moved: ['m', 'f'],
      }),
    ).toEqual(['c', 'f', 'h', 'm', 'p', 's']);
    expect(pointedIds({ filterMatches: null, highlighted: null, compared: null, selected: null, peers: [], moved: [] })).toEqual([]);
  });
});
