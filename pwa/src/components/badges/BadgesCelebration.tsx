import { useEffect, useRef, useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import { t } from '../../i18n';
import { newestAward } from '../../lib/awardFlow';
import { personPath } from '../../lib/routes';
import { navigate } from '../../router';
import { onNotificationEvent } from '../notifications/notificationEvents';
import { BadgesIcon } from './BadgesIcon';
import { type AwardFieldsFragment as Award, PersonDocument } from '../../graphql/people.generated';

const CELEBRATED = new Set(['BADGE_RECEIVED', 'LABEL_RECEIVED']);

interface Celebration {
  award: Award;
  text: string;
}

/** When I receive a badge or a label, live: a short animation and the words of the notification. */
export function BadgesCelebration({ viewerId }: { viewerId: string }) {
  const [shown, setShown] = useState<Celebration | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(
    () =>
      onNotificationEvent((event) => {
        const notification = event.notification;
        if (event.type !== 'NOTIFICATION' || !notification || !CELEBRATED.has(notification.kind)) return;
        request(PersonDocument, { id: viewerId })
          .then(({ user }) => {
            const award = user ? newestAward([...user.awards, ...user.labels]) : null;
            if (award) setShown({ award, text: notification.text });
          })
          .catch(() => undefined);
      }),
    [viewerId],
  );

  useEffect(() => {
    if (shown) closeButton.current?.focus();
  }, [shown]);

  if (!shown) return null;
  const close = () => setShown(null);
  return (
    <div class="celebration-backdrop" onClick={close}>
      <div
        class="celebration"
        role="dialog"
        aria-modal="true"
        aria-labelledby="celebration-title"
        data-testid="award-celebration"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && close()}
      >
        <div class="celebration-burst" aria-hidden="true" />
        <BadgesIcon badge={shown.award.badge} size="large" />
        <h2 id="celebration-title">{t('celebration.title')}</h2>
        <p class="celebration-text">{shown.text}</p>
        {shown.award.reason && <p class="badge-description">{shown.award.reason}</p>}
        <div class="award-buttons">
          <button type="button" class="button" ref={closeButton} onClick={close}>
            {t('celebration.close')}
          </button>
          <button
            type="button"
            class="button button-primary"
            onClick={() => {
              close();
              navigate(personPath(viewerId));
            }}
          >
            {t('celebration.view')}
          </button>
        </div>
      </div>
    </div>
  );
}
