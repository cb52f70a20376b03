import { describe, expect, it } from 'vitest';
import { balancedShares, contentShares, spansOf, unfoldedSpans } from './angles';

const width = ([a, b]: [number, number]) => b - a;

describe('blade angles', () => {
  it('spans cover the half disc left to right, exactly', () => {
    for (let n = 3; n <= 8; n++) {
      const spans = spansOf(Array(n).fill(1 / n));
      expect(spans[0]![0]).toBe(0);
      expect(spans.at(-1)![1]).toBe(Math.PI);
      spans.forEach(([a, b], i) => {
        expect(b).toBeGreaterThan(a);
        if (i > 0) expect(a).toBeCloseTo(spans[i - 1]![1], 12);
      });
    }
  });

  it('a blade gets an angle by what it holds, never below the floor (an empty blade is still a target)', () => {
    const shares = contentShares([0, 100, 300], 1, 0.55);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(shares[0]).toBeCloseTo(0.55 / 3, 12);
    expect(shares[2]! / shares[1]!).toBeCloseTo(3, 9);
    // Dampened: closer to even; power 0: even.
    const damped = contentShares([0, 100, 300], 0.5, 0.55);
    expect(damped[2]! / damped[1]!).toBeCloseTo(Math.sqrt(3), 9);
    expect(contentShares([1, 5, 9], 0)).toEqual([1 / 3, 1 / 3, 1 / 3]);
  });

  it('balancing gives room to the blade whose fullest cell needs it', () => {
    // Blade 1 holds a lot in ring 0 only, blade 0 a little everywhere.
    const shares = balancedShares([
      [10, 10, 10],
      [60, 0, 0],
      [10, 10, 10],
    ]);
    expect(shares[1]).toBeGreaterThan(shares[0]!);
    expect(shares[0]).toBeCloseTo(shares[2]!, 9);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('an unfolded blade takes what the folded ones leave', () => {
    const spans = unfoldedSpans([0.1, 0, 0.1, 0.1], 1);
    expect(width(spans[0]!)).toBeCloseTo(0.1, 12);
    expect(width(spans[1]!)).toBeCloseTo(Math.PI - 0.3, 12);
    expect(spans.at(-1)![1]).toBe(Math.PI);
  });
});
