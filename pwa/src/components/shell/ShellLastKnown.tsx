import { language, t } from '../../i18n';
import { formatRelativeTime } from '../../lib/relativeTime';

/** Above data the server could not be asked for: it is the last known, read at that time. */
export function ShellLastKnown({ savedAt }: { savedAt: string | null }) {
  if (!savedAt) return null;
  return (
    <p class="notice" role="status" data-testid="last-known">
      {t('offline.lastKnown', { when: formatRelativeTime(savedAt, new Date(), language) })}
    </p>
  );
}
