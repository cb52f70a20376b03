import { describe, expect, it } from 'vitest';
import { moveInTable } from './tableNav';

// Two rows × three rings; row 1, ring 1 is empty (no targets at all).
const shape = [
  [3, 1, 2],
  [2, 0, 4],
];

describe('table keyboard movement', () => {
  it('moves through a cell, then on to the cell below or above', () => {
    expect(moveInTable(shape, { row: 0, col: 0, index: 0 }, 'ArrowDown')).toEqual({ row: 0, col: 0, index: 1 });
    expect(moveInTable(shape, { row: 0, col: 0, index: 2 }, 'ArrowDown')).toEqual({ row: 1, col: 0, index: 0 });
    expect(moveInTable(shape, { row: 1, col: 0, index: 0 }, 'ArrowUp')).toEqual({ row: 0, col: 0, index: 2 });
    expect(moveInTable(shape, { row: 1, col: 0, index: 1 }, 'ArrowDown')).toBeNull();
    expect(moveInTable(shape, { row: 0, col: 0, index: 0 }, 'ArrowUp')).toBeNull();
  });

  it('moves to the neighbouring ring at the same place, or the nearest it has, passing empty cells', () => {
    expect(moveInTable(shape, { row: 0, col: 0, index: 2 }, 'ArrowRight')).toEqual({ row: 0, col: 1, index: 0 });
    expect(moveInTable(shape, { row: 0, col: 1, index: 0 }, 'ArrowRight')).toEqual({ row: 0, col: 2, index: 0 });
    expect(moveInTable(shape, { row: 1, col: 0, index: 1 }, 'ArrowRight')).toEqual({ row: 1, col: 2, index: 1 });
    expect(moveInTable(shape, { row: 1, col: 2, index: 3 }, 'ArrowLeft')).toEqual({ row: 1, col: 0, index: 1 });
    expect(moveInTable(shape, { row: 0, col: 2, index: 0 }, 'ArrowRight')).toBeNull();
    // Down from an empty column goes past the empty cell.
    expect(moveInTable(shape, { row: 0, col: 1, index: 0 }, 'ArrowDown')).toBeNull();
  });

  it('Home and End go to the first and last target of the cell; other keys go nowhere', () => {
    expect(moveInTable(shape, { row: 1, col: 2, index: 2 }, 'Home')).toEqual({ row: 1, col: 2, index: 0 });
    expect(moveInTable(shape, { row: 1, col: 2, index: 0 }, 'End')).toEqual({ row: 1, col: 2, index: 3 });
    expect(moveInTable(shape, { row: 0, col: 0, index: 0 }, 'Enter')).toBeNull();
  });
});
