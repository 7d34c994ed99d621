import { useState } from 'preact/hooks';
import { CreateQuizDocument, QuizSourceDocument, UpdateQuizDocument, type QuizSourceFieldsFragment } from '../../graphql/authoring.generated';
import { errorMessage, useMutation, useQuery } from '../../graphql/hooks';
import { t } from '../../i18n';
import { emptyQuestion, emptyQuizForm, fromQuizSource, QUESTIONS_MAX, toQuizInput, type QuizFormValues } from '../../lib/quizForm';
import { LeverState } from '../levers/LeverState';
import { TrainingQuestionEditor } from './TrainingQuestionEditor';

interface QuizEditorProps {
  moduleId: string;
  quizId: string | null;
  moduleTitle: string;
  /** The module has a quiz now: its source should be read again. */
  onCreated: () => void;
  onNotice: (message: string) => void;
}

/**
 * The quiz that completes the module: questions, choices, the right ones and
 * explanations (shown only here, to those who manage the quiz), pass mark
 * and attempts. Once people have taken it, only texts and order may change.
 */
export function TrainingQuizEditor({ moduleId, quizId, moduleTitle, onCreated, onNotice }: QuizEditorProps) {
  const [adding, setAdding] = useState(false);
  const { state, reload, set } = useQuery(QuizSourceDocument, { id: quizId ?? '0' }, { skip: quizId === null });
  return (
    <section class="authoring-form" aria-labelledby="quiz-editor-title">
      <h2 id="quiz-editor-title" class="lever-subtitle">
        {t('authoring.quiz')}
      </h2>
      {quizId === null ? (
        adding ? (
          <QuizForm moduleId={moduleId} source={null} initial={emptyQuizForm(t('authoring.quizTitleOf', { title: moduleTitle }))} onSaved={onCreated} onNotice={onNotice} />
        ) : (
          <button type="button" class="button" onClick={() => setAdding(true)}>
            {t('authoring.addQuiz')}
          </button>
        )
      ) : (
        <LeverState state={state} onRetry={reload}>
          {({ quizSource }) =>
            quizSource ? (
              <QuizForm
                key={quizSource.id}
                moduleId={moduleId}
                source={quizSource}
                initial={fromQuizSource(quizSource)}
                onSaved={(saved) => saved && set({ quizSource: saved })}
                onNotice={onNotice}
              />
            ) : (
              <p class="lever-empty">{t('authoring.quizNotFound')}</p>
            )
          }
        </LeverState>
      )}
    </section>
  );
}

interface QuizFormProps {
  moduleId: string;
  source: QuizSourceFieldsFragment | null;
  initial: QuizFormValues;
  onSaved: (saved: QuizSourceFieldsFragment | null) => void;
  onNotice: (message: string) => void;
}

function QuizForm({ moduleId, source, initial, onSaved, onNotice }: QuizFormProps) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(CreateQuizDocument);
  const update = useMutation(UpdateQuizDocument);
  const locked = source?.locked ?? false;
  const change = (next: Partial<QuizFormValues>) => setValues({ ...values, ...next });

  async function submit(event: Event) {
    event.preventDefault();
    setError(null);
    const input = toQuizInput(values);
    try {
      if (source === null) {
        const { createQuiz: answer } = await create.run({ input: { ...input, moduleId } });
        if (answer.__typename !== 'CreateQuizSuccess') return setError(answer.message);
        onNotice(t('authoring.quizSaved'));
        return onSaved(null);
      }
      const { updateQuiz: answer } = await update.run({ input: { ...input, id: source.id } });
      if (answer.__typename !== 'UpdateQuizSuccess') return setError(answer.message);
      onNotice(t('authoring.quizSaved'));
      onSaved(answer.quiz);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <form class="authoring-form" noValidate onSubmit={submit} aria-label={t('authoring.quiz')}>
      {locked ? <p class="lever-muted" role="note">{t('authoring.quizLocked', { count: source?.attemptCount ?? 0 })}</p> : null}
      {error ? (
        <p class="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div class="field">
        <label for="quiz-title">{t('authoring.quizTitle')}</label>
        <input id="quiz-title" value={values.title} maxLength={120} onInput={(e) => change({ title: e.currentTarget.value })} />
      </div>
      <div class="authoring-row">
        <div class="field">
          <label for="quiz-pass">{t('authoring.passMark')}</label>
          <input id="quiz-pass" type="number" inputMode="numeric" min={0} max={100} disabled={locked} value={values.passMarkPercent} onInput={(e) => change({ passMarkPercent: e.currentTarget.value })} />
        </div>
        <div class="field">
          <label for="quiz-attempts">{t('authoring.attempts')}</label>
          <input id="quiz-attempts" type="number" inputMode="numeric" min={1} max={20} disabled={locked} value={values.maxAttempts} onInput={(e) => change({ maxAttempts: e.currentTarget.value })} />
          <p class="field-hint">{t('authoring.attemptsHint')}</p>
        </div>
      </div>
      <label class="person-option">
        <input type="checkbox" checked={values.shuffle} onChange={(e) => change({ shuffle: e.currentTarget.checked })} />
        <span>{t('authoring.shuffle')}</span>
      </label>
      {values.questions.map((question, index) => (
        <TrainingQuestionEditor
          key={question.key}
          question={question}
          index={index}
          locked={locked}
          onChange={(next) => change({ questions: values.questions.map((q, i) => (i === index ? next : q)) })}
          onRemove={values.questions.length > 1 ? () => change({ questions: values.questions.filter((_, i) => i !== index) }) : null}
        />
      ))}
      {!locked && values.questions.length < QUESTIONS_MAX ? (
        <button type="button" class="button" onClick={() => change({ questions: [...values.questions, emptyQuestion()] })}>
          {t('authoring.addQuestion')}
        </button>
      ) : null}
      <button type="submit" class="button button-primary" disabled={create.busy || update.busy}>
        {t('authoring.saveQuiz')}
      </button>
    </form>
  );
}
