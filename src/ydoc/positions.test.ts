import fc from 'fast-check';
import { generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import { isKey, keysBetween, reorder } from './positions';

describe('positions (fractional indexes)', () => {
  it('takes the keys the package writes, and refuses what a peer may write instead — the same each time it is asked', () => {
    const keys = generateNKeysBetween(null, null, 50);
    for (let round = 0; round < 2; round++) {
      for (const key of keys) expect(isKey(key)).toBe(true);
      // Wrong integer length, a trailing zero, the smallest integer, other characters, too long, not a string.
      for (const bad of ['a', 'a00', 'b0', `A${'0'.repeat(26)}`, 'a0 ', 'ä0', `a${'1'.repeat(300)}`, 42, null, { pos: 'a0' }]) expect(isKey(bad)).toBe(false);
    }
  });

  it('judges any key as the package does, also keys whose head letter asks for more digits than they have (a flood of blades at "z0000" …)', () => {
    const byPackage = (key: string) => {
      try {
        generateNKeysBetween(key, null, 1);
        return true;
      } catch {
        return false;
      }
    };
    for (const key of ['z0000', 'Z', 'Zz', 'y1', 'b00', 'b01', 'A' + '1'.repeat(26), 'z' + '1'.repeat(26)]) expect(isKey(key)).toBe(byPackage(key));
    const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789abcXYZ'), maxLength: 30 });
    fc.assert(
      fc.property(letter, digits, (head, rest) => {
        expect(isKey(head + rest)).toBe(byPackage(head + rest));
        // Asked again (remembered now): the same answer.
        expect(isKey(head + rest)).toBe(byPackage(head + rest));
      }),
      { numRuns: 2000 },
    );
  });

  it('keys between two keys read in order; a reorder keeps the longest run in order and places the rest between it', () => {
    const [low, high] = generateNKeysBetween(null, null, 2) as [string, string];
    const between = keysBetween(low, high, 5, () => 0.3);
    expect([low, ...between, high]).toEqual([low, ...between, high].sort());
    const current = new Map([['a', low], ['b', between[2]!], ['c', high]]);
    const moved = reorder(['b', 'x', 'a', 'c'], current, () => 0.3);
    // One of a and b keeps its key (the run a, c or b, c); x and the other are placed.
    expect(moved.size).toBe(2);
    const keyOf = (id: string) => moved.get(id) ?? current.get(id)!;
    const order = ['b', 'x', 'a', 'c'].map(keyOf);
    expect(order).toEqual([...order].sort());
  });
});
