import { language, t } from '../../i18n';
import { indexValue, percent } from '../../lib/levers';
import { LeverState } from '../levers/LeverState';
import { useQuery } from '../../graphql/hooks';
import { PlansCreateForm } from './PlansCreateForm';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { PerformancePlansDocument } from '../../graphql/plans.generated';
import type { PlanLever } from '../../graphql/types.generated';

const LEVERS: readonly PlanLever[] = ['TRAINING', 'QUIZ', 'SATISFACTION', 'BADGES', 'CHALLENGES'];
const LEVER_KEYS = {
  TRAINING: 'plans.lever.training',
  QUIZ: 'plans.lever.quiz',
  SATISFACTION: 'plans.lever.satisfaction',
  BADGES: 'plans.lever.badges',
  CHALLENGES: 'plans.lever.challenges',
} as const;

function shown(lever: PlanLever, value: number | null): string {
  if (lever === 'SATISFACTION' || lever === 'CHALLENGES') return indexValue(value, language);
  if (lever === 'BADGES') return value === null ? '–' : String(value);
  return percent(value, language);
}

/** Head office's plan d'animation: for each unit, how each lever is doing against its objective. */
export function PlansPerformancePage({ viewer, onNotice }: { viewer: Viewer; onNotice: (message: string) => void }) {
  const { state, reload } = useQuery(PerformancePlansDocument, {});
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
                {/* scrolls sideways on a phone: reachable by keyboard, named by the plan */}
                <div class="lever-table-wrap" tabIndex={0} role="region" aria-label={plan.name}>
                  <table class="lever-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('dashboards.unit')}</th>
                        {LEVERS.map((lever) => (
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
                              {shown(lever.lever, lever.value)}
                              <span class="lever-muted">
                                {lever.target !== null
                                  ? t('dashboards.targetShort', { target: lever.target })
                                  : lever.lever === 'CHALLENGES'
                                    ? t('plans.meanScore')
                                    : t('plans.counted')}
                              </span>
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
      {viewer.role === 'ADMIN' ? <PlansCreateForm onCreated={reload} onNotice={onNotice} /> : null}
    </section>
  );
}
