import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { useSubscription } from '../../graphql/hooks';
import { LeverState } from '../levers/LeverState';
import { PlansNextStep } from './PlansNextStep';
import { PlansSideBySide } from './PlansSideBySide';
import { PlansUnitFocus } from './PlansUnitFocus';
import { MyPlanLiveDocument } from '../../graphql/plans.generated';
import './PlansOurPage.css';

/** « Notre plan »: the period's plan as it applies to my unit (and, for a manager, each point of sale under it), live. */
export function PlansOurPage({ functionName = () => null }: { functionName?: (id: string | null) => string | null }) {
  const state = useSubscription(MyPlanLiveDocument, {}, { keep: true });
  const [focused, setFocused] = useState<string | null>(null);
  const dates = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' });
  return (
    <section class="lever-page" aria-labelledby="our-plan-title">
      <h1 id="our-plan-title" class="lever-title">
        {t('ourPlan.title')}
      </h1>
      <LeverState state={state}>
        {({ myPlan: { myPlan } }) => {
          if (myPlan === null) return <p class="lever-empty">{t('ourPlan.none')}</p>;
          const unit = myPlan.units.find((u) => u.unitId === focused) ?? myPlan.units[0];
          return (
            <>
              <p class="lever-muted">
                {myPlan.plan.name} ·{' '}
                {t('plans.period', {
                  start: dates.format(new Date(`${myPlan.plan.startsOn}T12:00:00`)),
                  end: dates.format(new Date(`${myPlan.plan.endsOn}T12:00:00`)),
                })}
              </p>
              {myPlan.myNextStep && unit ? (
                <PlansNextStep step={myPlan.myNextStep} unitId={unit.unitId} heading={t('ourPlan.myStep')} />
              ) : null}
              {unit ? <PlansUnitFocus unit={unit} functionName={functionName} /> : null}
              {myPlan.units.length > 1 && unit ? (
                <PlansSideBySide units={myPlan.units} focusedId={unit.unitId} onFocus={setFocused} />
              ) : null}
            </>
          );
        }}
      </LeverState>
    </section>
  );
}
