import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { leverFigure, matchingUnits, PLAN_LEVERS } from '../../lib/ourPlan';
import { LEVER_NAMES } from './PlansUnitFocus';
import type { UnitPlanRowFieldsFragment as UnitRow } from '../../graphql/plans.generated';

const PAGE = 40;

/** Every unit of the manager's subtree, lever by lever, side by side; a row opens that unit's own plan. */
export function PlansSideBySide({ units, focusedId, onOpen }: { units: readonly UnitRow[]; focusedId: string; onOpen: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState(PAGE);
  const found = matchingUnits(units, query);
  return (
    <section class="plan-side" aria-labelledby="plan-side-title">
      <h2 id="plan-side-title" class="lever-subtitle">
        {t('ourPlan.sideBySide', { count: units.length })}
      </h2>
      {units.length > 8 ? (
        <label class="field plan-search">
          <span>{t('ourPlan.findUnit')}</span>
          <input type="search" value={query} onInput={(event) => setQuery((event.target as HTMLInputElement).value)} />
        </label>
      ) : null}
      <div class="lever-table-wrap" tabIndex={0} aria-labelledby="plan-side-title">
        <table class="lever-table plan-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboards.unit')}</th>
              {PLAN_LEVERS.map((lever) => (
                <th key={lever} scope="col">
                  {t(LEVER_NAMES[lever])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {found.slice(0, shown).map((unit) => (
              <tr key={unit.unitId} aria-current={unit.unitId === focusedId ? 'true' : undefined}>
                <th scope="row">
                  <button type="button" class="plan-unit-button" onClick={() => onOpen(unit.unitId)}>
                    {unit.unitName}
                  </button>
                </th>
                {unit.levers.map((reading) => (
                  <td key={reading.lever} class={reading.onTrack === null ? '' : reading.onTrack ? 'cell-ok' : 'cell-warn'}>
                    {leverFigure(reading.lever, reading.value, language)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {found.length > shown ? (
        <button type="button" class="button button-small" onClick={() => setShown(shown + PAGE)}>
          {t('ourPlan.showMore', { count: found.length - shown })}
        </button>
      ) : null}
    </section>
  );
}
