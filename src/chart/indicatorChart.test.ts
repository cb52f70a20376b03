import { describe, expect, it } from 'vitest';

/** Numbers and units are kept together by a no-break space. */
const nb = (text: string) => text.replace(/(\d) (%|dagar)/g, '$1\u00a0$2');
import { chartSummary, indicatorChart, indicatorTrend } from './indicatorChart';

const VALUES = [
  { date: '2025-06-30', value: 20 },
  { date: '2025-12-31', value: 24.5 },
  { date: '2026-06-30', value: 23 },
];

describe('the indicator chart', () => {
  it('puts later values further right and larger values higher, inside the plot', () => {
    const g = indicatorChart({ values: VALUES, target: 30, unit: '%', width: 320, height: 150 });
    const xs = g.points.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(g.points[1]!.y).toBeLessThan(g.points[0]!.y);
    for (const p of g.points) {
      expect(p.x).toBeGreaterThanOrEqual(g.plot.left);
      expect(p.x).toBeLessThanOrEqual(g.plot.right);
      expect(p.y).toBeGreaterThanOrEqual(g.plot.top);
      expect(p.y).toBeLessThanOrEqual(g.plot.bottom);
    }
    // The målvärde above every value, as a line with its label.
    expect(g.target!.y).toBeLessThan(Math.min(...g.points.map((p) => p.y)));
    expect(g.target!.label).toBe(nb('Mål 30 %'));
    expect(g.path.startsWith('M')).toBe(true);
    expect(g.points[1]!.label).toBe(nb('2025-12-31: 24,5 %'));
    expect(g.yTicks.length).toBeGreaterThanOrEqual(2);
    expect(g.xTicks.length).toBeGreaterThanOrEqual(1);
  });

  it('draws one value, or none, without a line and without failing', () => {
    const one = indicatorChart({ values: [VALUES[0]!], target: null, unit: '', width: 320, height: 150 });
    expect(one.path).toBe('');
    expect(one.points).toHaveLength(1);
    expect(Number.isFinite(one.points[0]!.x) && Number.isFinite(one.points[0]!.y)).toBe(true);
    const none = indicatorChart({ values: [], target: 5, unit: 'dagar', width: 320, height: 150 });
    expect(none.points).toEqual([]);
    expect(Number.isFinite(none.target!.y)).toBe(true);
  });

  it('says which way the last value moved, towards the målvärde when there is one', () => {
    expect(indicatorTrend(VALUES, 30)).toBe('further');
    expect(indicatorTrend(VALUES.slice(0, 2), 30)).toBe('closer');
    expect(indicatorTrend(VALUES.slice(0, 2), null)).toBe('up');
    expect(indicatorTrend(VALUES.slice(0, 1), 30)).toBeNull();
    expect(chartSummary(VALUES, 30, '%')).toBe(nb('3 värden från 2025-06-30 till 2026-06-30; senaste 23 %, målvärde 30 %; längre från målet sedan förra mätningen.'));
    expect(chartSummary([], null, 'dagar')).toBe('Inga uppmätta värden ännu.');
    expect(chartSummary(VALUES.slice(0, 1), null, '')).toBe('Ett värde, 2025-06-30; senaste 20.');
  });
});
