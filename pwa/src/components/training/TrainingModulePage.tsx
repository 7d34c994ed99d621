import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { LEVER_PATHS } from '../../lib/routes';
import { linkClick, navigate } from '../../router';
import { LeverProgressBar } from '../levers/LeverProgressBar';
import { LeverState } from '../levers/LeverState';
import { useQuery, useMutation } from '../../graphql/hooks';
import { TrainingSection } from './TrainingSection';
import { TrainingStatusChip } from './TrainingStatusChip';
import { RecordTrainingProgressDocument, TrainingModuleDocument } from '../../graphql/training.generated';

/** One module, a section at a time; reading a section records progress on the server. */
export function TrainingModulePage({ id, onNotice }: { id: string; onNotice: (message: string) => void }) {
  const runRecordTrainingProgress = useMutation(RecordTrainingProgressDocument).run;
  const { state, reload, set } = useQuery(TrainingModuleDocument, { id });
  const [index, setIndex] = useState<number | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (state.status === 'ready' && state.data.trainingModule && index === null) {
      const module = state.data.trainingModule;
      setIndex(Math.min(module.sectionsDone, Math.max(0, module.sectionCount - 1)));
    }
  }, [state, index]);

  async function markRead(done: number) {
    if (state.status !== 'ready' || !state.data.trainingModule) return;
    setSaving(true);
    try {
      const { recordTrainingProgress: result } = await runRecordTrainingProgress({ moduleId: id, sectionsDone: done });
      if (result.__typename === 'RecordTrainingProgressSuccess') {
        set({ trainingModule: { ...state.data.trainingModule, ...result.module } });
        return true;
      }
      onNotice(result.message);
    } catch {
      onNotice(t('errors.network'));
    } finally {
      setSaving(false);
    }
    return false;
  }

  return (
    <section class="lever-page">
      <a class="lever-back" href={LEVER_PATHS.learn} onClick={linkClick}>
        {t('training.back')}
      </a>
      <LeverState state={state} onRetry={reload}>
        {({ trainingModule: module }) => {
          if (!module) return <p class="lever-empty">{t('training.notFound')}</p>;
          const sections = module.sections ?? [];
          const current = Math.min(index ?? 0, sections.length - 1);
          const section = sections[current];
          const last = current === sections.length - 1;
          return (
            <article class="module-reader">
              <header class="module-header">
                <TrainingStatusChip status={module.status} />
                <h1 class="lever-title">{module.title}</h1>
                <LeverProgressBar
                  done={module.sectionsDone}
                  total={module.sectionCount}
                  label={t('training.progressLabel', { done: module.sectionsDone, total: module.sectionCount })}
                />
                <p class="lever-muted" data-testid="section-position">
                  {t('training.sectionOf', { n: current + 1, total: sections.length })}
                </p>
              </header>
              {section ? <TrainingSection section={section} /> : null}
              <div class="module-actions">
                {current > 0 ? (
                  <button type="button" class="button" onClick={() => setIndex(current - 1)}>
                    {t('training.previous')}
                  </button>
                ) : null}
                {!last ? (
                  <button
                    type="button"
                    class="button button-primary"
                    disabled={saving}
                    onClick={async () => {
                      if (await markRead(Math.max(module.sectionsDone, current + 1))) setIndex(current + 1);
                    }}
                  >
                    {t('training.next')}
                  </button>
                ) : module.quizId && module.status !== 'COMPLETED' ? (
                  <button
                    type="button"
                    class="button button-primary"
                    disabled={saving}
                    onClick={async () => {
                      if (await markRead(module.sectionCount)) navigate(LEVER_PATHS.quiz(module.quizId ?? ''));
                    }}
                  >
                    {t('training.takeQuiz')}
                  </button>
                ) : module.status !== 'COMPLETED' ? (
                  <button
                    type="button"
                    class="button button-primary"
                    disabled={saving}
                    onClick={async () => {
                      if (await markRead(module.sectionCount)) onNotice(t('training.completedNotice'));
                    }}
                  >
                    {t('training.finish')}
                  </button>
                ) : (
                  <p class="lever-ok">{t('training.completedNotice')}</p>
                )}
              </div>
            </article>
          );
        }}
      </LeverState>
    </section>
  );
}
