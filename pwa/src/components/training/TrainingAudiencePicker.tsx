import { useState } from 'preact/hooks';
import type { ModuleEditorQuery } from '../../graphql/authoring.generated';
import type { Role } from '../../graphql/types.generated';
import { t } from '../../i18n';
import { toggleUnit, type ModuleFormValues } from '../../lib/moduleForm';

type Unit = ModuleEditorQuery['trainingAudienceUnits'][number];

interface PickerProps {
  units: Unit[];
  values: ModuleFormValues;
  error: string | null;
  onChange: (next: Partial<ModuleFormValues>) => void;
}

const SHOWN_MAX = 40;

/** Who must follow the module: units of the author's scope (searchable), a role, a due date. */
export function TrainingAudiencePicker({ units, values, error, onChange }: PickerProps) {
  const [search, setSearch] = useState('');
  const wanted = search.trim().toLowerCase();
  const found = units.filter((u) => values.unitIds.includes(u.id) || u.name.toLowerCase().includes(wanted));
  return (
    <fieldset class="authoring-card">
      <legend>{t('authoring.audience')}</legend>
      {error ? (
        <p class="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {units.length > 8 ? (
        <div class="field">
          <label for="audience-search">{t('authoring.searchUnits')}</label>
          <input id="audience-search" type="search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
        </div>
      ) : null}
      <div class="authoring-units">
        {found.slice(0, SHOWN_MAX).map((unit) => (
          <label key={unit.id} class="person-option">
            <input type="checkbox" checked={values.unitIds.includes(unit.id)} onChange={() => onChange({ unitIds: toggleUnit(values.unitIds, unit.id) })} />
            <span class="person-option-text">
              {unit.name}
              <span class="lever-muted">{t(`authoring.unitKind.${unit.kind}`)}</span>
            </span>
          </label>
        ))}
      </div>
      <div class="field">
        <label for="audience-role">{t('authoring.role')}</label>
        <select id="audience-role" value={values.role} onChange={(e) => onChange({ role: e.currentTarget.value as Role | '' })}>
          <option value="">{t('authoring.roleAll')}</option>
          <option value="MEMBER">{t('authoring.roleMember')}</option>
          <option value="MANAGER">{t('authoring.roleManager')}</option>
        </select>
      </div>
      <div class="field">
        <label for="audience-due">{t('authoring.dueOn')}</label>
        <input id="audience-due" type="date" value={values.dueOn} onInput={(e) => onChange({ dueOn: e.currentTarget.value })} />
      </div>
    </fieldset>
  );
}
