import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { useQuery, useSubscription } from '../../graphql/hooks';
import { LEVER_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { LeverState } from '../levers/LeverState';
import { PlansBrandSwitcher } from './PlansBrandSwitcher';
import { PlansFunctionsPanel } from './PlansFunctionsPanel';
import { PlansNextStep } from './PlansNextStep';
import { PlansObjectiveForm } from './PlansObjectiveForm';
import { PlansSideBySide } from './PlansSideBySide';
import { PlansUnitFocus } from './PlansUnitFocus';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { MyPlanLiveDocument, PlanFunctionsDocument } from '../../graphql/plans.generated';
import './PlansOurPage.css';

/**
 * « Notre plan »: the period's plan as it applies to my unit (and, for a manager, each point of sale under it), live.
 * The unit viewed comes in detail; the table's rows carry only their figures. Tapping a row opens that unit's own
 * plan (a new subscription with its id; the server checks it is inside what the viewer acts in), with a way back.
 */
export function PlansOurPage({ viewer, onNotice }: { viewer: Viewer; onNotice: (message: string) => void }) {
  const [opened, setOpened] = useState<{ unitId: string; from: string } | null>(null);
  const state = useSubscription(MyPlanLiveDocument, opened ? { unitId: opened.unitId } : {}, { keep: true });
  const functions = useQuery(PlanFunctionsDocument, {}, { keep: true });
  const known = functions.state.status === 'ready' ? functions.state.data.functions : [];
  const functionName = (id: string | null) => known.find((f) => f.id === id)?.name ?? null;
  // head office, managers, and the head-office people whose function owns a lever set objectives
  const setsObjectives = viewer.role !== 'MEMBER' || known.some((f) => f.people.some((p) => p.id === viewer.id));
  const open = (unitId: string, from: string) => {
    setOpened({ unitId, from });
    window.scrollTo(0, 0);
  };
  const dates = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' });
  return (
    <section class="lever-page" aria-labelledby="our-plan-title">
      <h1 id="our-plan-title" class="lever-title">
        {t('ourPlan.title')}
      </h1>
      <PlansBrandSwitcher onNotice={onNotice} />
      {opened ? (
        <button type="button" class="button button-small plan-back" onClick={() => setOpened(null)}>
          {t('ourPlan.backTo', { name: opened.from })}
        </button>
      ) : null}
      <LeverState state={state}>
        {({ myPlan: { myPlan } }) => {
          if (myPlan === null) return <p class="lever-empty">{t('ourPlan.none')}</p>;
          const unit = myPlan.unit;
          return (
            <>
              <p class="lever-muted">
                {myPlan.plan.name} ·{' '}
                {t('plans.period', {
                  start: dates.format(new Date(`${myPlan.plan.startsOn}T12:00:00`)),
                  end: dates.format(new Date(`${myPlan.plan.endsOn}T12:00:00`)),
                })}
              </p>
              {myPlan.myNextStep ? (
                <PlansNextStep step={myPlan.myNextStep} unitId={unit.unitId} heading={t('ourPlan.myStep')} />
              ) : null}
              <PlansUnitFocus unit={unit} functionName={functionName} top={opened === null} />
              {setsObjectives ? (
                <PlansObjectiveForm key={unit.unitId} planId={myPlan.plan.id} unitId={unit.unitId} unitName={unit.unitName} />
              ) : null}
              {viewer.role !== 'MEMBER' ? (
                <a class="button button-small plan-review-link" href={`${LEVER_PATHS.ourPlanReview}?plan=${myPlan.plan.id}`} onClick={linkClick}>
                  {t('review.link')}
                </a>
              ) : null}
              {myPlan.units.length > 1 ? (
                <PlansSideBySide
                  units={myPlan.units}
                  focusedId={unit.unitId}
                  onOpen={(id) => (id === unit.unitId ? window.scrollTo(0, 0) : open(id, unit.unitName))}
                />
              ) : null}
            </>
          );
        }}
      </LeverState>
      {viewer.role === 'ADMIN' ? (
        <PlansFunctionsPanel
          onNotice={onNotice}
          plan={
            state.status === 'ready' && state.data.myPlan.myPlan
              ? { id: state.data.myPlan.myPlan.plan.id, levers: state.data.myPlan.myPlan.unit.levers }
              : null
          }
        />
      ) : null}
    </section>
  );
}
