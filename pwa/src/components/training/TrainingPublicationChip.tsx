import type { ModulePublication } from '../../graphql/types.generated';
import { t } from '../../i18n';

/** « Brouillon », « Publiée », « Archivée ». */
export function TrainingPublicationChip({ publication }: { publication: ModulePublication }) {
  return (
    <span class={`status-chip publication-${publication.toLowerCase()}`} data-testid="module-publication">
      {t(`authoring.publication.${publication}`)}
    </span>
  );
}
