import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { useMutation, useQuery } from '../../graphql/hooks';
import { PLAN_LEVERS } from '../../lib/ourPlan';
import { LEVER_NAMES } from './PlansUnitFocus';
import { PlanObjectiveHistoryDocument, SetPlanObjectiveDocument } from '../../graphql/plans.generated';
import type { ObjectivePeriod, PlanViewLever } from '../../graphql/types.generated';

const PERIODS: readonly ObjectivePeriod[] = ['PLAN', 'QUARTER', 'MONTH'];
const PERIOD_KEYS = { PLAN: 'ourPlan.period.plan', QUARTER: 'ourPlan.period.quarter', MONTH: 'ourPlan.period.month' } as const;

/** A manager sets a lever's objective for the unit shown (spread below, or overriding what came from above), and reads who changed what. */
export function PlansObjectiveForm({ planId, unitId, unitName }: { planId: string; unitId: string; unitName: string }) {
  const save = useMutation(SetPlanObjectiveDocument);
  const history = useQuery(PlanObjectiveHistoryDocument, { planId, unitId });
  const [lever, setLever] = useState<PlanViewLever>('TRAINING');
  const [period, setPeriod] = useState<ObjectivePeriod>('PLAN');
  const [target, setTarget] = useState('');
  const [spread, setSpread] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const when = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return (
    <details class="plan-objectives">
      <summary class="plan-summary">{t('ourPlan.objectives.title', { name: unitName })}</summary>
      <form
        class="action-form"
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          setSaved(false);
          try {
            const { setPlanObjective: result } = await save.run({
              input: { planId, unitId, lever, period, target: Number(target.replace(',', '.')), spread },
            });
            if (result.__typename === 'SetPlanObjectiveSuccess') {
              setSaved(true);
              history.reload();
            } else {
              setError(result.message);
            }
          } catch {
            setError(t('errors.network'));
          }
        }}
      >
        <label class="field">
          <span>{t('ourPlan.objectives.lever')}</span>
          <select value={lever} onChange={(e) => setLever((e.currentTarget as HTMLSelectElement).value as PlanViewLever)}>
            {PLAN_LEVERS.map((l) => (
              <option key={l} value={l}>
                {t(LEVER_NAMES[l])}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('ourPlan.objectives.period')}</span>
          <select value={period} onChange={(e) => setPeriod((e.currentTarget as HTMLSelectElement).value as ObjectivePeriod)}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(PERIOD_KEYS[p])}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('ourPlan.objectives.target')}</span>
          <input
            inputMode="decimal"
            required
            value={target}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'plan-objective-error' : undefined}
            onInput={(e) => setTarget((e.currentTarget as HTMLInputElement).value)}
          />
        </label>
        {error ? (
          <p id="plan-objective-error" class="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <label class="quiz-choice">
          <input type="checkbox" checked={spread} onChange={() => setSpread(!spread)} />
          <span>{t('ourPlan.objectives.spread')}</span>
        </label>
        <button type="submit" class="button button-primary" disabled={!target.trim()}>
          {t('ourPlan.objectives.save')}
        </button>
        {saved ? (
          <p class="lever-ok" role="status">
            {t('ourPlan.objectives.saved')}
          </p>
        ) : null}
      </form>
      <h3 class="plan-h3">{t('ourPlan.objectives.history')}</h3>
      {history.state.status === 'ready' ? (
        history.state.data.planObjectiveHistory.length === 0 ? (
          <p class="lever-empty">{t('ourPlan.objectives.noHistory')}</p>
        ) : (
          <ul class="plan-history" data-testid="objective-history">
            {history.state.data.planObjectiveHistory.map((change, index) => (
              <li key={`${change.at}-${index}`}>
                {t('ourPlan.objectives.change', {
                  who: change.actorName ?? t('ourPlan.objectives.someone'),
                  lever: t(LEVER_NAMES[change.lever]),
                  unit: change.unitName,
                  before: change.before ?? '–',
                  after: change.after,
                  period: t(PERIOD_KEYS[change.period]),
                })}
                <span class="lever-muted"> · {when.format(new Date(change.at))}</span>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </details>
  );
}
