import { describe, expect, it } from 'vitest';
import { INSPEL } from '../domain/containers';
import { keyToMove, nextSlot, type SlotModel } from './slots';

const counts: Record<string, number> = { [INSPEL]: 2, 'a|r1': 3, 'a|r2': 0, 'b|r1': 1 };
const model: SlotModel = {
  bladeIds: ['a', 'b'],
  ringIds: ['r1', 'r2'],
  count: (k) => counts[k] ?? 0,
  originKey: INSPEL,
};

describe('keyboard slots', () => {
  it('maps keys to moves', () => {
    expect(keyToMove({ code: 'ArrowUp', shiftKey: false })).toBe('up');
    expect(keyToMove({ code: 'ArrowUp', shiftKey: true })).toBe('outer');
    expect(keyToMove({ code: 'PageDown', shiftKey: false })).toBe('inner');
    expect(keyToMove({ code: 'KeyA', shiftKey: false })).toBeNull();
  });

  it('goes from Inspel to the last blade and on to the left, keeping the ring', () => {
    let slot = { key: INSPEL, index: 1 };
    slot = nextSlot(model, slot, 'left');
    expect(slot).toEqual({ key: 'b|r1', index: 1 });
    slot = nextSlot(model, slot, 'left');
    expect(slot).toEqual({ key: 'a|r1', index: 1 });
    expect(nextSlot(model, slot, 'left')).toEqual(slot);
    slot = nextSlot(model, slot, 'outer');
    expect(slot).toEqual({ key: 'a|r2', index: 0 });
    expect(nextSlot(model, slot, 'outer')).toEqual(slot);
    expect(nextSlot(model, nextSlot(model, slot, 'right'), 'right')).toEqual({ key: INSPEL, index: 0 });
  });

  it('moves within a list, up to its end (not counting the dragged item in its own list)', () => {
    expect(nextSlot(model, { key: 'a|r1', index: 3 }, 'down')).toEqual({ key: 'a|r1', index: 3 });
    expect(nextSlot(model, { key: 'a|r1', index: 0 }, 'up')).toEqual({ key: 'a|r1', index: 0 });
    expect(nextSlot(model, { key: INSPEL, index: 1 }, 'down')).toEqual({ key: INSPEL, index: 1 });
    expect(nextSlot(model, { key: 'a|r1', index: 1 }, 'down')).toEqual({ key: 'a|r1', index: 2 });
  });
});
