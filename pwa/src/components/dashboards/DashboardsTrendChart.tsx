import { language, t } from '../../i18n';
import { chartFloor, lineRuns, pointsAttribute, yFor } from '../../lib/levers';
import type { UnitDashboardLiveSubscription } from '../../graphql/dashboards.generated';

type IndexPoint = UnitDashboardLiveSubscription['unitDashboard']['dashboard']['satisfactionTrend'][number];

interface DashboardsTrendChartProps {
  points: IndexPoint[];
  target: number | null;
}

const BOX = { width: 320, height: 140, padding: 22 };

/** The satisfaction index month by month (SVG, scales to the screen's width) with its target. */
export function DashboardsTrendChart({ points, target }: DashboardsTrendChartProps) {
  const months = new Intl.DateTimeFormat(language, { month: 'short' });
  const values = points.map((p) => p.index);
  const floor = chartFloor(values, target);
  const middle = Math.round((floor + 100) / 2);
  const runs = lineRuns(values, BOX, 100, floor);
  const step = points.length > 1 ? (BOX.width - 2 * BOX.padding) / (points.length - 1) : 0;
  const described = points
    .map((p) => `${months.format(new Date(`${p.month}T12:00:00`))} ${p.index ?? '–'}`)
    .join(', ');
  return (
    <figure class="trend-chart">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height + 18}`} role="img" aria-label={t('dashboards.trendLabel', { values: described })}>
        {[floor, middle, 100].map((tick) => (
          <g key={tick}>
            <line class="trend-grid" x1={BOX.padding + 14} x2={BOX.width - BOX.padding} y1={yFor(tick, BOX, 100, floor)} y2={yFor(tick, BOX, 100, floor)} />
            <text class="trend-axis" x={2} y={yFor(tick, BOX, 100, floor) + 4}>
              {tick}
            </text>
          </g>
        ))}
        {target !== null ? (
          <line
            class="trend-target"
            x1={BOX.padding + 14}
            x2={BOX.width - BOX.padding}
            y1={yFor(target, BOX, 100, floor)}
            y2={yFor(target, BOX, 100, floor)}
          />
        ) : null}
        {runs.map((run, index) => (
          <polyline key={index} class="trend-line" points={pointsAttribute(run)} />
        ))}
        {runs.flat().map((p, index) => (
          <circle key={index} class="trend-dot" cx={p.x} cy={p.y} r={3.5} />
        ))}
        {points.map((p, index) => (
          <text key={p.month} class="trend-axis" x={BOX.padding + index * step} y={BOX.height + 14} text-anchor="middle">
            {months.format(new Date(`${p.month}T12:00:00`))}
          </text>
        ))}
      </svg>
      {target !== null ? <figcaption class="trend-legend">{t('dashboards.targetLegend', { target })}</figcaption> : null}
    </figure>
  );
}
