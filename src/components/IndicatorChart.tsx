// An indicator's values over time with its målvärde as a dashed line (geometry in
// chart/indicatorChart.ts). The picture is for the eye: its summary in words and the table of
// values beside it are what screen readers get.
import { indicatorChart, type ChartValue } from '../chart/indicatorChart';

const WIDTH = 320;
const HEIGHT = 150;

export function IndicatorChart({ values, target, unit }: { values: readonly ChartValue[]; target: number | null; unit: string }) {
  const g = indicatorChart({ values, target, unit, width: WIDTH, height: HEIGHT });
  return (
    <svg className="indicator-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} aria-hidden="true" focusable="false">
      {g.yTicks.map((t) => (
        <g key={`y${t.label}`}>
          <line x1={g.plot.left} x2={g.plot.right} y1={t.y} y2={t.y} className="chart-grid" />
          <text x={g.plot.left - 6} y={t.y} dy="0.32em" textAnchor="end" className="chart-tick">
            {t.label}
          </text>
        </g>
      ))}
      {g.xTicks.map((t) => (
        <text key={`x${t.label}`} x={t.x} y={g.plot.bottom + 16} textAnchor="middle" className="chart-tick">
          {t.label}
        </text>
      ))}
      <line x1={g.plot.left} x2={g.plot.right} y1={g.plot.bottom} y2={g.plot.bottom} className="chart-axis" />
      {g.target && (
        <g>
          <line x1={g.plot.left} x2={g.plot.right} y1={g.target.y} y2={g.target.y} className="chart-target" />
          <text x={g.plot.right} y={g.target.y - 4} textAnchor="end" className="chart-target-label">
            {g.target.label}
          </text>
        </g>
      )}
      {g.path && <path d={g.path} className="chart-line" />}
      {g.points.map((p) => (
        <circle key={p.label} cx={p.x} cy={p.y} r={4} className="chart-point">
          <title>{p.label}</title>
        </circle>
      ))}
    </svg>
  );
}
