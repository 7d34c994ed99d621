import { useState } from 'preact/hooks';
import { useQuery } from '../../graphql/hooks';
import { TrainingModuleDocument } from '../../graphql/training.generated';
import { t } from '../../i18n';
import { AUTHORING_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { LeverState } from '../levers/LeverState';
import { TrainingPublicationChip } from './TrainingPublicationChip';
import { TrainingSection } from './TrainingSection';

/** The module as its audience will read it, a section at a time; reading it here records nothing. */
export function TrainingModulePreview({ id }: { id: string }) {
  const { state, reload } = useQuery(TrainingModuleDocument, { id });
  const [index, setIndex] = useState(0);
  return (
    <section class="lever-page">
      <a class="lever-back" href={AUTHORING_PATHS.module(id)} onClick={linkClick}>
        {t('authoring.backToEditor')}
      </a>
      <p class="authoring-preview-note" role="note">
        {t('authoring.previewNote')}
      </p>
      <LeverState state={state} onRetry={reload}>
        {({ trainingModule: module }) => {
          if (!module) return <p class="lever-empty">{t('training.notFound')}</p>;
          const sections = module.sections ?? [];
          const current = Math.min(index, Math.max(0, sections.length - 1));
          const section = sections[current];
          return (
            <article class="module-reader">
              <header class="module-header">
                <TrainingPublicationChip publication={module.publication} />
                <h1 class="lever-title">{module.title}</h1>
                <p class="lever-muted">{module.summary}</p>
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
                {current < sections.length - 1 ? (
                  <button type="button" class="button button-primary" onClick={() => setIndex(current + 1)}>
                    {t('training.next')}
                  </button>
                ) : module.quizId ? (
                  <p class="lever-muted">{t('authoring.previewEndsWithQuiz')}</p>
                ) : null}
              </div>
            </article>
          );
        }}
      </LeverState>
    </section>
  );
}
