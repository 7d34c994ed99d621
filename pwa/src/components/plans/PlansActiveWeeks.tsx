import { language, t } from '../../i18n';
import { useQuery } from '../../graphql/hooks';
import { UnitActivityDocument } from '../../graphql/plans.generated';
import { weekBars } from '../../lib/ourPlan';

/**
 * A unit's active people over its last twelve weeks (the retention indicator), this week last.
 * The top unit of the plan is asked for without its id (the viewer's own, as the server knows
 * it), so a plan read from the cache of another brand never asks for a unit of the wrong one.
 */
export function PlansActiveWeeks({ unitId, top }: { unitId: string; top: boolean }) {
  const { state } = useQuery(UnitActivityDocument, { unitId: top ? null : unitId, weeks: 12 }, { keepPrevious: true });
  if (state.status !== 'ready') return null;
  const weeks = state.data.unitActivity.weeks;
  const day = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' });
  const bars = weekBars(weeks);
  const last = weeks[weeks.length - 1];
  return (
    <section class="plan-weeks" aria-labelledby={`plan-weeks-${unitId}`} data-testid="plan-weeks">
      <h3 id={`plan-weeks-${unitId}`} class="plan-h3">
        {t('ourPlan.weeks.title')}
      </h3>
      {last ? (
        <p class="lever-muted">{t('ourPlan.weeks.now', { active: last.activePeople, people: last.people })}</p>
      ) : null}
      <ol class="plan-weeks-bars">
        {weeks.map((week, index) => {
          const label = t('ourPlan.weeks.week', {
            week: day.format(new Date(`${week.weekStart}T12:00:00`)),
            active: week.activePeople,
            people: week.people,
          });
          return (
            <li key={week.weekStart} class="plan-weeks-bar" title={label}>
              <span class="plan-weeks-fill" style={{ height: `${bars[index]}%` }} aria-hidden="true" />
              <span class="visually-hidden">{label}</span>
            </li>
          );
        })}
      </ol>
      <p class="plan-weeks-axis lever-muted" aria-hidden="true">
        <span>{weeks[0] ? day.format(new Date(`${weeks[0].weekStart}T12:00:00`)) : ''}</span>
        <span>{t('ourPlan.weeks.thisWeek')}</span>
      </p>
    </section>
  );
}
