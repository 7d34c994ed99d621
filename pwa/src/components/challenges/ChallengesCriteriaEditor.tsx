/** Qualitative criteria of a challenge (training completed, quiz score, customer satisfaction), each with its weight. */
import { t } from '../../i18n';
import { CRITERIA_MAX, CRITERION_KINDS, type CriterionValues } from '../../lib/challengeForm';
import { ChallengesFieldError, type RulesFieldsProps } from './ChallengesFieldError';
import type { CriterionKind } from '../../graphql/types.generated';

export function ChallengesCriteriaEditor({ values, change, errors, data }: RulesFieldsProps) {
  const set = (index: number, patch: Partial<CriterionValues>) =>
    change({ criteria: values.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  const add = () =>
    change({ criteria: [...values.criteria, { kind: 'TRAINING_COMPLETION', weight: '1', moduleIds: [], quizId: '' }] });
  const remove = (index: number) => change({ criteria: values.criteria.filter((_, i) => i !== index) });
  const quizzes = [
    ...data.trainingModules.flatMap((m) => (m.quizId ? [{ id: m.quizId, title: m.title }] : [])),
    ...data.standaloneQuizzes,
  ];
  return (
    <fieldset class="challenge-form-group" data-testid="criteria-editor"
      {...(errors.criteria ? { 'aria-invalid': true, 'aria-describedby': 'challenge-criteria-error' } : {})}>
      <legend>{t('challenges.criteriaLabel')}</legend>
      <p class="hint">{t('challenges.criteriaHelp')}</p>
      {values.criteria.map((criterion, index) => (
        <div class="challenge-criterion" key={index} data-testid="criterion">
          <label>{t('challenges.criterionKind')}
            <select value={criterion.kind} onChange={(e) => set(index, { kind: e.currentTarget.value as CriterionKind, moduleIds: [], quizId: '' })}>
              {CRITERION_KINDS.map((kind) => <option key={kind} value={kind}>{t(`challenges.criterion.${kind}` as never)}</option>)}
            </select>
          </label>
          <label>{t('challenges.criterionWeight')}
            <input type="number" inputMode="decimal" min="0" step="0.5" value={criterion.weight}
              onInput={(e) => set(index, { weight: e.currentTarget.value })} />
          </label>
          {criterion.kind === 'TRAINING_COMPLETION' && data.trainingModules.length > 0 && (
            <label>{t('challenges.criterionModules')}
              <select multiple size={Math.min(4, data.trainingModules.length)}
                onChange={(e) => set(index, { moduleIds: [...e.currentTarget.selectedOptions].map((o) => o.value) })}>
                {data.trainingModules.map((m) => (
                  <option key={m.id} value={m.id} selected={criterion.moduleIds.includes(m.id)}>{m.title}</option>
                ))}
              </select>
              <span class="field-hint">{t('challenges.criterionModulesHint')}</span>
            </label>
          )}
          {criterion.kind === 'QUIZ_SCORE' && (
            <label>{t('challenges.criterionQuiz')}
              <select value={criterion.quizId} onChange={(e) => set(index, { quizId: e.currentTarget.value })}>
                <option value="">{t('challenges.criterionQuizAverage')}</option>
                {quizzes.map((q) => <option key={q.id} value={q.id}>{q.title}</option>)}
              </select>
            </label>
          )}
          {criterion.kind === 'SATISFACTION' && <p class="field-hint">{t('challenges.criterionSatisfactionHint')}</p>}
          <button type="button" class="link-button" onClick={() => remove(index)}>{t('challenges.removeCriterion')}</button>
        </div>
      ))}
      {values.criteria.length < CRITERIA_MAX && (
        <button type="button" class="button" onClick={add} data-testid="add-criterion">{t('challenges.addCriterion')}</button>
      )}
      <ChallengesFieldError field="criteria" errors={errors} />
    </fieldset>
  );
}
