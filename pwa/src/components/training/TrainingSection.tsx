import type { TrainingModuleQuery } from '../../graphql/training.generated';
import { t } from '../../i18n';
import { TrainingBlocks } from './TrainingBlocks';

export type TrainingSectionData = NonNullable<NonNullable<TrainingModuleQuery['trainingModule']>['sections']>[number];

/**
 * One section as its audience reads it: the text (rendered from blocks, never
 * HTML), its image, its video in the host's player (only players the app's
 * Content-Security-Policy frames), and its PDF. The reader and the author's
 * preview both show sections with this.
 */
export function TrainingSection({ section }: { section: TrainingSectionData }) {
  return (
    <div class="module-section">
      <h2 class="lever-subtitle">{section.title}</h2>
      <TrainingBlocks blocks={section.blocks} />
      {section.imageUrl ? <img class="module-image" src={section.imageUrl} alt={section.title} loading="lazy" /> : null}
      {section.videoEmbedUrl ? (
        <div class="module-video">
          <iframe
            src={section.videoEmbedUrl}
            title={t('training.videoTitle', { title: section.title })}
            loading="lazy"
            allow="fullscreen; picture-in-picture; encrypted-media"
            allowFullScreen
            referrerpolicy="strict-origin-when-cross-origin"
            sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
          />
        </div>
      ) : null}
      {section.videoUrl ? (
        <a class="button" href={section.videoUrl} target="_blank" rel="noopener noreferrer">
          {t('training.watchVideo')}
        </a>
      ) : null}
      {section.pdfUrl ? (
        <a class="button" href={section.pdfUrl} target="_blank" rel="noopener noreferrer">
          {t('training.openPdf')}
        </a>
      ) : null}
    </div>
  );
}
