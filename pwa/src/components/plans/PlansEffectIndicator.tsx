import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { useMutation } from '../../graphql/hooks';
import { PLAN_LEVERS } from '../../lib/ourPlan';
import { LEVER_NAMES } from './PlansUnitFocus';
import { SetActionIndicatorDocument } from '../../graphql/plans.generated';
import type { PlanViewLever } from '../../graphql/types.generated';

/**
 * Who manages an action (`mayChangeIndicator`) says which indicator it targets; the server
 * computes its value before again over the same window, and the review is read again.
 */
export function PlansEffectIndicator({
  actionId,
  title,
  indicator,
  onChanged,
}: {
  actionId: string;
  title: string;
  indicator: PlanViewLever;
  onChanged: () => void;
}) {
  const save = useMutation(SetActionIndicatorDocument);
  const [chosen, setChosen] = useState<PlanViewLever>(indicator);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const field = `effect-indicator-${actionId}`;
  return (
    <details class="plan-objectives plan-no-print">
      <summary class="plan-summary">{t('review.indicator.change')}</summary>
      <form
        class="action-form"
        aria-label={t('review.indicator.formLabel', { title })}
        onSubmit={async (event) => {
          event.preventDefault();
          setError(null);
          setBusy(true);
          try {
            const { setActionIndicator: result } = await save.run({ input: { actionId, indicator: chosen } });
            if (result.__typename === 'SetActionIndicatorSuccess') onChanged();
            else setError(result.message);
          } catch {
            setError(t('errors.network'));
          } finally {
            setBusy(false);
          }
        }}
      >
        <label class="field" for={field}>
          <span>{t('review.indicator.label')}</span>
          <select id={field} value={chosen} onChange={(e) => setChosen((e.currentTarget as HTMLSelectElement).value as PlanViewLever)}>
            {PLAN_LEVERS.map((lever) => (
              <option key={lever} value={lever}>
                {t(LEVER_NAMES[lever])}
              </option>
            ))}
          </select>
        </label>
        <p class="lever-muted">{t('review.indicator.baseline')}</p>
        {error ? (
          <p class="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" class="button button-small" disabled={busy || chosen === indicator}>
          {t('review.indicator.save')}
        </button>
      </form>
    </details>
  );
}
