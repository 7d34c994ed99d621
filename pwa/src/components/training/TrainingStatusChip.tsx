import { t } from '../../i18n';
import type { TrainingStatus } from '../../graphql/types.generated';

const KEYS = {
  NOT_STARTED: 'training.status.notStarted',
  IN_PROGRESS: 'training.status.inProgress',
  COMPLETED: 'training.status.completed',
} as const;

export function TrainingStatusChip({ status }: { status: TrainingStatus }) {
  return (
    <span class={`status-chip status-${status.toLowerCase().replace('_', '-')}`} data-testid="training-status">
      {t(KEYS[status])}
    </span>
  );
}
