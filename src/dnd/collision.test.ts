import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspelIndexAt } from './collision';

describe('the Inspel slot a pointer points to', () => {
  it('is the number of items whose middle is above the pointer, asked of a dozen items at most among 5,000', () => {
    const rects = Array.from({ length: 5000 }, (_, i) => ({ top: 10 + i * 40, bottom: 46 + i * 40 }));
    let asked = 0;
    const at = (i: number) => (asked++, rects[i]!);
    expect(inspelIndexAt(0, rects.length, at)).toBe(0);
    expect(inspelIndexAt(29, rects.length, at)).toBe(1);
    expect(inspelIndexAt(27, rects.length, at)).toBe(0);
    expect(inspelIndexAt(1e6, rects.length, at)).toBe(5000);
    asked = 0;
    inspelIndexAt(100_000, rects.length, at);
    expect(asked).toBeLessThanOrEqual(13);
    expect(inspelIndexAt(5, 0, at)).toBe(0);
  });

  it('agrees with counting every item, for any list drawn top to bottom', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 80 }), { maxLength: 60 }), fc.integer({ min: -50, max: 4000 }), (heights, y) => {
        let top = 0;
        const rects = heights.map((h) => {
          const rect = { top, bottom: top + h };
          top += h + 4;
          return rect;
        });
        const counted = rects.filter((r) => (r.top + r.bottom) / 2 < y).length;
        expect(inspelIndexAt(y, rects.length, (i) => rects[i]!)).toBe(counted);
      }),
    );
  });
});
