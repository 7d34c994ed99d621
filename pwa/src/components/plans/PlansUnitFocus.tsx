import { language, t } from '../../i18n';
import { leverFigure, objectiveSource, towardTarget } from '../../lib/ourPlan';
import { LEVER_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { PlansActiveWeeks } from './PlansActiveWeeks';
import { PlansNextStep } from './PlansNextStep';
import type { UnitPlanFieldsFragment as UnitPlan } from '../../graphql/plans.generated';
import type { PlanViewLever } from '../../graphql/types.generated';

export const LEVER_NAMES = {
  TRAINING: 'ourPlan.lever.training',
  QUIZ: 'ourPlan.lever.quiz',
  SKILLS: 'ourPlan.lever.skills',
  SATISFACTION: 'ourPlan.lever.satisfaction',
  CHALLENGES: 'ourPlan.lever.challenges',
  RETENTION: 'ourPlan.lever.retention',
} as const satisfies Record<PlanViewLever, string>;

const SOURCE_KEYS = {
  own: 'ourPlan.objective.own',
  spread: 'ourPlan.objective.spread',
  plan: 'ourPlan.objective.plan',
} as const;

function days(value: number | null): string {
  return value === null ? '–' : new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

/** One unit of the plan: each lever against its objective, its next step, its people and its weakest skills. */
export function PlansUnitFocus({
  unit,
  functionName,
  top = false,
}: {
  unit: UnitPlan;
  functionName: (id: string | null) => string | null;
  top?: boolean;
}) {
  return (
    <article class="plan-unit" aria-labelledby={`plan-unit-${unit.unitId}`} data-testid="plan-unit">
      <h2 id={`plan-unit-${unit.unitId}`} class="lever-subtitle">
        {unit.unitName}
      </h2>
      <PlansNextStep step={unit.nextStep} unitId={unit.unitId} heading={t('ourPlan.unitStep')} />
      <ul class="plan-levers">
        {unit.levers.map((reading) => {
          const owner = functionName(reading.ownerFunctionId);
          const tone = reading.onTrack === null ? '' : reading.onTrack ? ' plan-lever-ok' : ' plan-lever-warn';
          return (
            <li key={reading.lever} class={`plan-lever${tone}`} data-lever={reading.lever}>
              <div class="plan-lever-top">
                <span class="plan-lever-name">{t(LEVER_NAMES[reading.lever])}</span>
                <span class="plan-lever-value">{leverFigure(reading.lever, reading.value, language)}</span>
              </div>
              {reading.target !== null ? (
                <>
                  <div
                    class="lever-bar"
                    role="progressbar"
                    aria-label={t(LEVER_NAMES[reading.lever])}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.round(towardTarget(reading.value, reading.target) * 100)}
                  >
                    <span class="lever-bar-fill" style={{ width: `${Math.round(towardTarget(reading.value, reading.target) * 100)}%` }} />
                  </div>
                  <span class="lever-muted">
                    {t('ourPlan.objective', { target: leverFigure(reading.lever, reading.target, language) })} ·{' '}
                    {t(SOURCE_KEYS[objectiveSource(reading.objectiveUnitId, unit.unitId)])}
                    {owner ? ` · ${t('ourPlan.owner', { name: owner })}` : ''}
                  </span>
                </>
              ) : (
                <span class="lever-muted">{t('ourPlan.followed')}</span>
              )}
            </li>
          );
        })}
      </ul>
      <h3 class="plan-h3">{t('ourPlan.people')}</h3>
      <dl class="plan-people">
        <div>
          <dt>{t('ourPlan.peopleNow')}</dt>
          <dd>{unit.people}</dd>
        </div>
        <div>
          <dt>{t('ourPlan.activeWeek')}</dt>
          <dd>{unit.activePeople}</dd>
        </div>
        <div>
          <dt>{t('ourPlan.departures')}</dt>
          <dd>{unit.departures}</dd>
        </div>
        <div>
          <dt>{t('ourPlan.tenure')}</dt>
          <dd>{t('ourPlan.days', { days: days(unit.tenureDays) })}</dd>
        </div>
      </dl>
      <PlansActiveWeeks unitId={unit.unitId} top={top} />
      <h3 class="plan-h3">{t('ourPlan.weakestSkills')}</h3>
      {unit.weakestSkills.length === 0 ? (
        <p class="lever-empty">{t('ourPlan.noSkills')}</p>
      ) : (
        <ul class="plan-skills">
          {unit.weakestSkills.map((skill) => (
            <li key={skill.skillId}>
              <span>{skill.name}</span>
              <span class="lever-muted">
                {t('ourPlan.skillLevel', { level: leverFigure('SKILLS', skill.level, language), count: skill.assessed })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {unit.trainingToPush.length > 0 ? (
        <>
          <h3 class="plan-h3">{t('ourPlan.trainingToPush')}</h3>
          <ul class="lever-links">
            {unit.trainingToPush.map((module) => (
              <li key={module.moduleId}>
                <a class="button button-small" href={LEVER_PATHS.module(module.moduleId)} onClick={linkClick}>
                  {module.title}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
