import { t } from '../../i18n';

/** Placeholder lines while the centre loads. */
export function NotificationsSkeleton() {
  return (
    <ul class="notification-list" aria-busy="true">
      <li class="visually-hidden" role="status">
        {t('notifications.loading')}
      </li>
      {[0, 1, 2, 3].map((n) => (
        <li key={n} class="notification notification-skeleton" aria-hidden="true">
          <span class="skeleton-line" />
          <span class="skeleton-line skeleton-short" />
        </li>
      ))}
    </ul>
  );
}
