import { language, t } from '../../i18n';
import { LEVER_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { LeverProgressBar } from '../levers/LeverProgressBar';
import { LeverState } from '../levers/LeverState';
import { useQuery } from '../../graphql/hooks';
import { TrainingStatusChip } from './TrainingStatusChip';
import { MyModulesDocument } from '../../graphql/training.generated';

/** « Apprendre »: my modules, in progress first, then by due date; standalone quizzes. */
export function TrainingLearnPage() {
  const { state, reload } = useQuery(MyModulesDocument, {});
  const dates = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' });
  return (
    <section class="lever-page" aria-labelledby="learn-title">
      <h1 id="learn-title" class="lever-title">
        {t('training.title')}
      </h1>
      <LeverState state={state} onRetry={reload}>
        {({ myModules, standaloneQuizzes }) => (
          <>
            {myModules.length === 0 ? <p class="lever-empty">{t('training.empty')}</p> : null}
            <ul class="lever-list">
              {myModules.map((module) => (
                <li key={module.id}>
                  <a class="lever-card module-card" href={LEVER_PATHS.module(module.id)} onClick={linkClick}>
                    <span class="lever-card-top">
                      <TrainingStatusChip status={module.status} />
                      <span class="lever-muted">{t('training.minutes', { minutes: module.durationMinutes })}</span>
                    </span>
                    <span class="lever-card-title">{module.title}</span>
                    <span class="lever-muted">{module.summary}</span>
                    <LeverProgressBar
                      done={module.sectionsDone}
                      total={module.sectionCount}
                      label={t('training.progressLabel', { done: module.sectionsDone, total: module.sectionCount })}
                    />
                    {module.dueAt && module.status !== 'COMPLETED' ? (
                      <span class="lever-muted">{t('training.dueOn', { date: dates.format(new Date(module.dueAt)) })}</span>
                    ) : null}
                  </a>
                </li>
              ))}
            </ul>
            {standaloneQuizzes.length > 0 ? (
              <>
                <h2 class="lever-subtitle">{t('training.quizzesTitle')}</h2>
                <ul class="lever-list">
                  {standaloneQuizzes.map((quiz) => (
                    <li key={quiz.id}>
                      <a class="lever-card" href={LEVER_PATHS.quiz(quiz.id)} onClick={linkClick}>
                        <span class="lever-card-title">{quiz.title}</span>
                        <span class="lever-muted">
                          {quiz.passed ? t('training.quizPassed') : t('training.quizToTake')}
                        </span>
                      </a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </LeverState>
    </section>
  );
}
