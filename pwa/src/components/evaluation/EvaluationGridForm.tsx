import { useState } from 'preact/hooks';
import { CreateSkillsGridDocument, type CreateSkillsGridMutation } from '../../graphql/authoring.generated';
import { errorMessage, useMutation } from '../../graphql/hooks';
import type { Role } from '../../graphql/types.generated';
import { t } from '../../i18n';
import { addSkill, emptyGridForm, gridComplete, LEVELS, removeSkill, setLevel, toGridInput, type GridFormValues } from '../../lib/gridForm';

type Grid = Extract<CreateSkillsGridMutation['createSkillsGrid'], { __typename: 'CreateSkillsGridSuccess' }>['grid'];

interface GridFormProps {
  labels: { id: string; name: string }[];
  onCreated: (grid: Grid) => void;
  onCancel: () => void;
}

/** Head office writes a grid: the job, its skills with what levels 1 to 4 look like, the label it grants. */
export function EvaluationGridForm({ labels, onCreated, onCancel }: GridFormProps) {
  const [values, setValues] = useState<GridFormValues>(emptyGridForm);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(CreateSkillsGridDocument);
  const change = (next: Partial<GridFormValues>) => setValues({ ...values, ...next });
  const changeSkill = (key: string, next: Partial<GridFormValues['skills'][number]>) =>
    change({ skills: values.skills.map((s) => (s.key === key ? { ...s, ...next } : s)) });

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    try {
      const { createSkillsGrid: answer } = await create.run({ input: toGridInput(values) });
      if (answer.__typename === 'CreateSkillsGridSuccess') onCreated(answer.grid);
      else setError(answer.message);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <form class="authoring-form" noValidate onSubmit={submit} aria-labelledby="grid-form-title">
      <h2 id="grid-form-title" class="lever-subtitle">
        {t('grids.new')}
      </h2>
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="field">
        <label for="grid-name">{t('grids.name')}</label>
        <input id="grid-name" value={values.name} maxLength={80} onInput={(e) => change({ name: e.currentTarget.value })} />
      </div>
      <div class="field">
        <label for="grid-role">{t('grids.roleLabel')}</label>
        <select id="grid-role" value={values.role} onChange={(e) => change({ role: e.currentTarget.value as Role })}>
          <option value="MEMBER">{t('grids.role.MEMBER')}</option>
          <option value="MANAGER">{t('grids.role.MANAGER')}</option>
        </select>
      </div>
      <div class="field">
        <label for="grid-label">{t('grids.label')}</label>
        <select id="grid-label" value={values.labelBadgeId} onChange={(e) => change({ labelBadgeId: e.currentTarget.value })}>
          <option value="">{t('grids.noLabel')}</option>
          {labels.map((label) => (
            <option key={label.id} value={label.id}>
              {label.name}
            </option>
          ))}
        </select>
      </div>
      {values.skills.map((skill, index) => (
        <fieldset key={skill.key} class="authoring-card">
          <legend>{t('grids.skillN', { n: index + 1 })}</legend>
          <div class="field">
            <label for={`${skill.key}-name`}>{t('grids.skillName')}</label>
            <input id={`${skill.key}-name`} value={skill.name} maxLength={80} onInput={(e) => changeSkill(skill.key, { name: e.currentTarget.value })} />
          </div>
          {Array.from({ length: LEVELS }, (_, level) => (
            <div class="field" key={level}>
              <label for={`${skill.key}-level-${level + 1}`}>{t('grids.levelN', { n: level + 1 })}</label>
              <input
                id={`${skill.key}-level-${level + 1}`}
                value={skill.levels[level] ?? ''}
                maxLength={300}
                onInput={(e) => changeSkill(skill.key, setLevel(skill, level, e.currentTarget.value))}
              />
            </div>
          ))}
          {values.skills.length > 1 ? (
            <button type="button" class="button" onClick={() => change({ skills: removeSkill(values.skills, skill.key) })}>
              {t('grids.removeSkill')}
            </button>
          ) : null}
        </fieldset>
      ))}
      <button type="button" class="button" onClick={() => change({ skills: addSkill(values.skills) })}>
        {t('grids.addSkill')}
      </button>
      {!gridComplete(values) ? <p class="field-hint">{t('grids.incomplete')}</p> : null}
      <div class="authoring-actions">
        <button type="button" class="button" onClick={onCancel}>
          {t('header.cancel')}
        </button>
        <button type="submit" class="button button-primary" disabled={create.busy}>
          {t('grids.create')}
        </button>
      </div>
    </form>
  );
}
