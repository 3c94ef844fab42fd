// The daily usage chart of AI Credit Details: one SVG bar per day, gridlines with credit labels.
import { layoutChart, type DailyPoint } from '../credits/chart';

const WIDTH = 760;
const HEIGHT = 140;
const LEFT = 44;
const BOTTOM = 18;
const TOP = 8;

export function UsageChart({ daily }: { daily: readonly DailyPoint[] }) {
  if (daily.length === 0) return <p className="muted">No usage in this cycle yet.</p>;
  const layout = layoutChart(daily, WIDTH - LEFT, HEIGHT - BOTTOM - TOP);
  const first = daily[0].date;
  const last = daily[daily.length - 1].date;
  return (
    <figure className="usage-chart" data-testid="usage-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Credits used per day, ${first} to ${last}`}>
        <g transform={`translate(0 ${TOP})`}>
          {layout.ticks.map((t) => (
            <g key={t.label} className="usage-tick">
              <line x1={LEFT} x2={WIDTH} y1={t.y} y2={t.y} />
              <text x={LEFT - 6} y={t.y + 4} textAnchor="end">
                {t.label}
              </text>
            </g>
          ))}
          {layout.bars.map((b) => (
            <rect key={b.date} className="usage-bar" x={LEFT + b.x} y={b.y} width={b.width} height={b.height} data-date={b.date}>
              <title>{b.label}</title>
            </rect>
          ))}
        </g>
        <text className="usage-axis" x={LEFT} y={HEIGHT - 4}>
          {first}
        </text>
        <text className="usage-axis" x={WIDTH} y={HEIGHT - 4} textAnchor="end">
          {last}
        </text>
      </svg>
      <figcaption className="muted">Credits used per day</figcaption>
    </figure>
  );
}
