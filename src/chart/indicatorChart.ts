// An indicator's measured values over time as a small chart: d3 makes the scales and the line,
// React draws the SVG (components/IndicatorChart.tsx). Pure, so the geometry is tested alone.
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';

export interface ChartValue {
  date: string;
  value: number;
}

export interface ChartInput {
  values: readonly ChartValue[];
  target: number | null;
  unit: string;
  width: number;
  height: number;
}

export interface ChartGeometry {
  /** The values' line (empty below two values). */
  path: string;
  points: { x: number; y: number; label: string }[];
  /** The målvärde as a horizontal line, when there is one. */
  target: { y: number; label: string } | null;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

const MARGIN = { left: 44, right: 12, top: 10, bottom: 24 };
const DAY = 86_400_000;

export const numberText = (value: number) => value.toLocaleString('sv-SE', { maximumFractionDigits: 2 });
export const withUnit = (value: number, unit: string) => `${numberText(value)}${unit ? `\u00a0${unit}` : ''}`;
const time = (date: string) => Date.parse(`${date}T00:00:00Z`);
const monthYear = new Intl.DateTimeFormat('sv-SE', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The chart's geometry; values in time order. */
export function indicatorChart(input: ChartInput): ChartGeometry {
  const plot = { left: MARGIN.left, right: input.width - MARGIN.right, top: MARGIN.top, bottom: input.height - MARGIN.bottom };
  const times = input.values.map((v) => time(v.date));
  const first = Math.min(...times);
  const last = Math.max(...times);
  // One value (or one day) still gets a time axis around it.
  const [from, to] = times.length === 0 ? [Date.UTC(2025, 0, 1), Date.UTC(2025, 11, 31)] : last - first < 30 * DAY ? [first - 45 * DAY, last + 45 * DAY] : [first, last];
  const x = scaleUtc().domain([new Date(from), new Date(to)]).range([plot.left, plot.right]);
  const numbers = [...input.values.map((v) => v.value), ...(input.target === null ? [] : [input.target])];
  const low = numbers.length > 0 ? Math.min(...numbers) : 0;
  const high = numbers.length > 0 ? Math.max(...numbers) : 1;
  const pad = high - low === 0 ? Math.max(1, Math.abs(high) * 0.1) : (high - low) * 0.1;
  const y = scaleLinear()
    .domain([low - pad, high + pad])
    .nice(4)
    .range([plot.bottom, plot.top]);
  const points = input.values.map((v) => ({ x: x(new Date(time(v.date))), y: y(v.value), label: `${v.date}: ${withUnit(v.value, input.unit)}` }));
  const path = points.length >= 2 ? (line<{ x: number; y: number }>().x((p) => p.x).y((p) => p.y)(points) ?? '') : '';
  return {
    path,
    points,
    target: input.target === null ? null : { y: y(input.target), label: `Mål ${withUnit(input.target, input.unit)}` },
    xTicks: x.ticks(3).map((d) => ({ x: x(d), label: monthYear.format(d) })),
    yTicks: y.ticks(4).map((v) => ({ y: y(v), label: numberText(v) })),
    plot,
  };
}

export type Trend = 'closer' | 'further' | 'same' | 'up' | 'down';

/**
 * Which way the last value moved from the one before: towards or away from the målvärde when
 * there is one, else up or down. null below two values.
 */
export function indicatorTrend(values: readonly ChartValue[], target: number | null): Trend | null {
  if (values.length < 2) return null;
  const [before, last] = [values.at(-2)!.value, values.at(-1)!.value];
  if (before === last) return 'same';
  if (target === null) return last > before ? 'up' : 'down';
  return Math.abs(target - last) < Math.abs(target - before) ? 'closer' : 'further';
}

const TREND_WORDS: Record<Trend, string> = { closer: 'närmare målet', further: 'längre från målet', same: 'oförändrat', up: 'ökar', down: 'minskar' };

/** What the chart shows, in words: its caption, which screen readers read in its place. */
export function chartSummary(values: readonly ChartValue[], target: number | null, unit: string): string {
  const goal = target === null ? '' : `, målvärde ${withUnit(target, unit)}`;
  if (values.length === 0) return `Inga uppmätta värden ännu${goal}.`;
  const last = values.at(-1)!;
  const trend = indicatorTrend(values, target);
  const span = values.length === 1 ? `Ett värde, ${last.date}` : `${values.length} värden från ${values[0]!.date} till ${last.date}`;
  return `${span}; senaste ${withUnit(last.value, unit)}${goal}${trend ? `; ${TREND_WORDS[trend]} sedan förra mätningen` : ''}.`;
}
