import { useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { allAnswered, answersInput, percent, pickChoice } from '../../lib/levers';
import { LEVER_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { LeverState } from '../levers/LeverState';
import { useQuery, useMutation } from '../../graphql/hooks';
import { QuizDocument, SubmitQuizAttemptDocument, type SubmitQuizAttemptMutation } from '../../graphql/training.generated';

type QuizAttemptResult = Extract<SubmitQuizAttemptMutation['submitQuizAttempt'], { __typename: 'SubmitQuizAttemptSuccess' }>['result'];

/**
 * A quiz: the phone never holds the answers; the server scores, and explains only once the quiz
 * is passed or its attempts are spent (before that, a failed attempt shows its score alone).
 */
export function TrainingQuizPage({ id, onNotice }: { id: string; onNotice: (message: string) => void }) {
  const runSubmitQuizAttempt = useMutation(SubmitQuizAttemptDocument).run;
  const { state, reload } = useQuery(QuizDocument, { id });
  const [picked, setPicked] = useState<Record<string, string[]>>({});
  const [result, setResult] = useState<QuizAttemptResult | null>(null);
  const [sending, setSending] = useState(false);

  async function submit() {
    setSending(true);
    try {
      const { submitQuizAttempt: outcome } = await runSubmitQuizAttempt({
        input: { quizId: id, answers: answersInput(picked) },
      });
      if (outcome.__typename === 'SubmitQuizAttemptSuccess') setResult(outcome.result);
      else onNotice(outcome.message);
    } catch {
      onNotice(t('errors.network'));
    } finally {
      setSending(false);
    }
  }

  function retry() {
    setResult(null);
    setPicked({});
    reload();
  }

  return (
    <section class="lever-page">
      <a class="lever-back" href={LEVER_PATHS.learn} onClick={linkClick}>
        {t('training.back')}
      </a>
      <LeverState state={state} onRetry={reload}>
        {({ quiz }) => {
          if (!quiz) return <p class="lever-empty">{t('training.notFound')}</p>;
          const corrections = new Map((result?.corrections ?? []).map((c) => [c.questionId, c]));
          const locked = result !== null;
          const exhausted = !locked && quiz.attemptsLeft === 0;
          const closed = !locked && quiz.passed; // a passed quiz takes no further attempt
          return (
            <form
              class="quiz"
              onSubmit={(event) => {
                event.preventDefault();
                void submit();
              }}
            >
              <h1 class="lever-title">{quiz.title}</h1>
              <p class="lever-muted">
                {t('quiz.passMark', { mark: quiz.passMarkPercent })}
                {quiz.attemptsLeft !== null ? ` · ${t('quiz.attemptsLeft', { count: quiz.attemptsLeft })}` : ''}
              </p>
              {!closed && !exhausted && !result?.correctionsShown ? (
                <p class="lever-muted" data-testid="quiz-corrections-later">
                  {t('quiz.correctionsLater')}
                </p>
              ) : null}
              {result ? (
                <div class={`quiz-result ${result.passed ? 'quiz-passed' : 'quiz-failed'}`} role="status" data-testid="quiz-result">
                  <strong>{result.passed ? t('quiz.passed') : t('quiz.failed')}</strong>
                  <span data-testid="quiz-score">{percent(result.scorePercent, language)}</span>
                  {result.moduleCompleted ? <span>{t('quiz.moduleCompleted')}</span> : null}
                </div>
              ) : null}
              {quiz.questions.map((question, number) => {
                const correction = corrections.get(question.id);
                return (
                  <fieldset key={question.id} class="quiz-question">
                    <legend>
                      {number + 1}. {question.text}
                    </legend>
                    {question.multiple ? <p class="lever-muted">{t('quiz.several')}</p> : null}
                    {question.choices.map((choice) => {
                      const chosen = (picked[question.id] ?? []).includes(choice.id);
                      const right = correction?.correctChoiceIds.includes(choice.id) ?? false;
                      const mark = correction ? (right ? 'quiz-choice-right' : chosen ? 'quiz-choice-wrong' : '') : '';
                      return (
                        <label key={choice.id} class={`quiz-choice ${mark}`}>
                          <input
                            type={question.multiple ? 'checkbox' : 'radio'}
                            name={`q-${question.id}`}
                            checked={chosen}
                            disabled={locked}
                            onChange={() => setPicked(pickChoice(picked, question.id, choice.id, question.multiple))}
                          />
                          <span>{choice.text}</span>
                        </label>
                      );
                    })}
                    {correction ? (
                      <p class={correction.correct ? 'lever-ok' : 'field-error'}>
                        {correction.correct ? t('quiz.right') : t('quiz.wrong')}
                        {correction.explanation ? ` ${correction.explanation}` : ''}
                      </p>
                    ) : null}
                  </fieldset>
                );
              })}
              <div class="module-actions">
                {!locked ? (
                  <button
                    type="submit"
                    class="button button-primary button-block"
                    disabled={sending || exhausted || closed || !allAnswered(quiz.questions.map((q) => q.id), picked)}
                  >
                    {closed ? t('quiz.alreadyPassed') : exhausted ? t('quiz.noAttemptsLeft') : t('quiz.submit')}
                  </button>
                ) : !result?.passed && result?.attemptsLeft !== 0 ? (
                  <button type="button" class="button button-primary button-block" onClick={retry}>
                    {t('quiz.retry')}
                  </button>
                ) : (
                  <a class="button button-block" href={LEVER_PATHS.learn} onClick={linkClick}>
                    {t('quiz.backToModules')}
                  </a>
                )}
              </div>
            </form>
          );
        }}
      </LeverState>
    </section>
  );
}
