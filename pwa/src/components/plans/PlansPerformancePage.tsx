import { PERFORMANCE_PLANS } from '../../graphql/levers';
import { language, t } from '../../i18n';
import { indexValue, percent } from '../../lib/levers';
import { LeverState } from '../levers/LeverState';
import { useQuery } from '../levers/useLeverData';

const LEVER_KEYS = { TRAINING: 'plans.lever.training', QUIZ: 'plans.lever.quiz', SATISFACTION: 'plans.lever.satisfaction' } as const;

/** Head office's plan d'animation: for each unit, how each lever is doing against its objective. */
export function PlansPerformancePage() {
  const { state, reload } = useQuery(PERFORMANCE_PLANS, {});
  const dates = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' });
  return (
    <section class="lever-page" aria-labelledby="plan-title">
      <h1 id="plan-title" class="lever-title">
        {t('plans.title')}
      </h1>
      <LeverState state={state} onRetry={reload}>
        {({ performancePlans }) => (
          <>
            {performancePlans.length === 0 ? <p class="lever-empty">{t('plans.none')}</p> : null}
            {performancePlans.map((plan) => (
              <article key={plan.id} class="plan">
                <h2 class="lever-subtitle">{plan.name}</h2>
                <p class="lever-muted">
                  {t('plans.period', {
                    start: dates.format(new Date(`${plan.startsOn}T12:00:00`)),
                    end: dates.format(new Date(`${plan.endsOn}T12:00:00`)),
                  })}
                </p>
                <div class="lever-table-wrap">
                  <table class="lever-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('dashboards.unit')}</th>
                        {(['TRAINING', 'QUIZ', 'SATISFACTION'] as const).map((lever) => (
                          <th key={lever} scope="col">
                            {t(LEVER_KEYS[lever])}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {plan.units.map((unit) => (
                        <tr key={unit.unitId}>
                          <th scope="row">{unit.unitName}</th>
                          {unit.levers.map((lever) => (
                            <td key={lever.lever} class={lever.onTrack === null ? '' : lever.onTrack ? 'cell-ok' : 'cell-warn'}>
                              {lever.lever === 'SATISFACTION' ? indexValue(lever.value, language) : percent(lever.value, language)}
                              <span class="lever-muted">{t('dashboards.targetShort', { target: lever.target })}</span>
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </article>
            ))}
          </>
        )}
      </LeverState>
    </section>
  );
}
