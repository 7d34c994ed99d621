import { t } from '../../i18n';
import { useMutation } from '../../graphql/hooks';
import { PLAN_LEVERS } from '../../lib/ourPlan';
import { LEVER_NAMES } from './PlansUnitFocus';
import { SetPlanLeverOwnerDocument } from '../../graphql/plans.generated';
import type { PlanViewLever } from '../../graphql/types.generated';

interface Owned {
  lever: PlanViewLever;
  ownerFunctionId: string | null;
}

/** Head office names the function that owns each lever of the plan. */
export function PlansLeverOwners({
  planId,
  levers,
  functions,
  onSaved,
  onNotice,
}: {
  planId: string;
  levers: readonly Owned[];
  functions: readonly { id: string; name: string }[];
  onSaved: () => void;
  onNotice: (message: string) => void;
}) {
  const save = useMutation(SetPlanLeverOwnerDocument);
  return (
    <fieldset class="quiz-question">
      <legend>{t('functions.owners')}</legend>
      {PLAN_LEVERS.map((lever) => {
        const current = levers.find((l) => l.lever === lever)?.ownerFunctionId ?? '';
        return (
          <div key={lever} class="field">
            <label for={`lever-owner-${lever}`}>{t(LEVER_NAMES[lever])}</label>
            <select
              id={`lever-owner-${lever}`}
              value={current}
              onChange={async (e) => {
                const functionId = (e.currentTarget as HTMLSelectElement).value || null;
                try {
                  const { setPlanLeverOwner: result } = await save.run({ input: { planId, lever, functionId } });
                  if (result.__typename === 'SetPlanLeverOwnerSuccess') onSaved();
                  else onNotice(result.message);
                } catch {
                  onNotice(t('errors.network'));
                }
              }}
            >
              <option value="">{t('functions.noOwner')}</option>
              {functions.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
