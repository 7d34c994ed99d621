import { t } from '../../i18n';
import { addChoice, markRight, questionProblem, removeChoice, setMultiple, type QuestionDraft } from '../../lib/quizForm';

interface QuestionEditorProps {
  question: QuestionDraft;
  index: number;
  /** The quiz has attempts: only the words change. */
  locked: boolean;
  onChange: (question: QuestionDraft) => void;
  onRemove: (() => void) | null;
}

const PROBLEM_KEYS = {
  text: 'authoring.problem.text',
  choices: 'authoring.problem.choices',
  right: 'authoring.problem.right',
} as const;

/** A question, its choices (the right ones ticked) and the explanation shown with the corrections. */
export function TrainingQuestionEditor({ question, index, locked, onChange, onRemove }: QuestionEditorProps) {
  const prefix = `question-${question.key}`;
  const problem = questionProblem(question);
  return (
    <fieldset class="authoring-card" aria-label={t('authoring.questionN', { n: index + 1 })}>
      <legend>{t('authoring.questionN', { n: index + 1 })}</legend>
      <div class="field">
        <label for={`${prefix}-text`}>{t('authoring.questionText')}</label>
        <textarea id={`${prefix}-text`} rows={2} maxLength={500} value={question.text} onInput={(e) => onChange({ ...question, text: e.currentTarget.value })} />
      </div>
      <label class="person-option">
        <input type="checkbox" checked={question.multiple} disabled={locked} onChange={(e) => onChange(setMultiple(question, e.currentTarget.checked))} />
        <span>{t('authoring.multiple')}</span>
      </label>
      <ul class="authoring-choices" aria-label={t('authoring.choices')}>
        {question.choices.map((choice, n) => (
          <li key={choice.key} class="authoring-row">
            <input
              type={question.multiple ? 'checkbox' : 'radio'}
              name={`${prefix}-right`}
              checked={choice.correct}
              disabled={locked}
              aria-label={t('authoring.rightChoice', { n: n + 1 })}
              onChange={() => onChange(markRight(question, choice.key))}
            />
            <input
              class="authoring-choice"
              value={choice.text}
              maxLength={300}
              aria-label={t('authoring.choiceN', { n: n + 1 })}
              onInput={(e) => onChange({ ...question, choices: question.choices.map((c) => (c.key === choice.key ? { ...c, text: e.currentTarget.value } : c)) })}
            />
            {!locked && question.choices.length > 2 ? (
              <button type="button" class="button" aria-label={t('authoring.removeChoice', { n: n + 1 })} onClick={() => onChange(removeChoice(question, choice.key))}>
                ×
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {!locked ? (
        <button type="button" class="button" onClick={() => onChange(addChoice(question))}>
          {t('authoring.addChoice')}
        </button>
      ) : null}
      <div class="field">
        <label for={`${prefix}-explanation`}>{t('authoring.explanation')}</label>
        <textarea id={`${prefix}-explanation`} rows={2} maxLength={1000} value={question.explanation} onInput={(e) => onChange({ ...question, explanation: e.currentTarget.value })} />
      </div>
      {problem ? <p class="field-hint">{t(PROBLEM_KEYS[problem])}</p> : null}
      {onRemove && !locked ? (
        <button type="button" class="button" onClick={onRemove}>
          {t('authoring.removeQuestion')}
        </button>
      ) : null}
    </fieldset>
  );
}
