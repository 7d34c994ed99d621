import { t } from '../../i18n';
import { pointsAttribute, radarPoints } from '../../lib/levers';
import type { MyDashboardFieldsFragment } from '../../graphql/dashboards.generated';

type SkillScore = MyDashboardFieldsFragment['skills'][number];

const SIZE = 240;
const CENTER = SIZE / 2;
const RADIUS = 80;

/** The skills radar: one axis per skill of the latest assessment, levels 1–4. */
export function DashboardsRadar({ skills }: { skills: SkillScore[] }) {
  if (skills.length < 3) return null;
  const rings = [1, 2, 3, 4].map((level) => radarPoints(skills.map(() => level), RADIUS, CENTER));
  const shape = radarPoints(skills.map((s) => s.level), RADIUS, CENTER);
  const labels = radarPoints(skills.map(() => 5.3), RADIUS, CENTER);
  const described = skills.map((s) => `${s.skillName} ${s.level}/4`).join(', ');
  return (
    <figure class="radar">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={t('dashboards.radarLabel', { values: described })}>
        {rings.map((ring, index) => (
          <polygon key={index} class="radar-ring" points={pointsAttribute(ring)} />
        ))}
        <polygon class="radar-shape" points={pointsAttribute(shape)} />
        {labels.map((p, index) => (
          <text key={index} class="radar-label" x={p.x} y={p.y} text-anchor="middle" dominant-baseline="middle">
            {skills[index]?.skillName.split(' ')[0]}
          </text>
        ))}
      </svg>
    </figure>
  );
}
