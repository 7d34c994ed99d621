import { t } from '../../i18n';

interface BadgesStatusProps {
  status: 'loading' | 'error';
  onRetry: () => void;
}

/** Loading and error states of the recognition screens. */
export function BadgesStatus({ status, onRetry }: BadgesStatusProps) {
  if (status === 'loading') {
    return (
      <p class="feed-state-inline" role="status" aria-busy="true">
        {t('badges.loading')}
      </p>
    );
  }
  return (
    <div class="feed-state" role="alert">
      <p>{t('badges.error')}</p>
      <button type="button" class="button" onClick={onRetry}>
        {t('badges.retry')}
      </button>
    </div>
  );
}
