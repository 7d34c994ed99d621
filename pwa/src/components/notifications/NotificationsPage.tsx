import { useEffect, useState } from 'preact/hooks';
import { type QueryState, useMutation, useQuery } from '../../graphql/hooks';
import { language, t } from '../../i18n';
import { notificationFace } from '../../lib/notificationFace';
import { formatRelativeTime } from '../../lib/relativeTime';
import { notificationText, type Say } from '../../lib/systemTexts';
import { linkClick } from '../../router';
import { Avatar } from '../ui';
import { onNotificationEvent } from './notificationEvents';
import { NotificationsBellPrompt } from './NotificationsBellPrompt';
import { NotificationsSkeleton } from './NotificationsSkeleton';
import { MarkNotificationsReadDocument, type NotificationFieldsFragment as AppNotification, NotificationsDocument, type NotificationsQuery } from '../../graphql/notifications.generated';

const PAGE = 20;

/** Newest first; a folded line (likes) moves back to the top when it grows. */
function upsert(edges: { node: AppNotification }[], incoming: AppNotification): { node: AppNotification }[] {
  return [{ node: incoming }, ...edges.filter((edge) => edge.node.id !== incoming.id)];
}

type ListState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; items: AppNotification[]; endCursor: string | null; hasMore: boolean; loadingMore: boolean };

function listState(loaded: QueryState<NotificationsQuery>, loadingMore: boolean): ListState {
  if (loaded.status !== 'ready') return loaded;
  const { edges, pageInfo } = loaded.data.notifications;
  return { status: 'ready', items: edges.map((edge) => edge.node), endCursor: pageInfo.endCursor, hasMore: pageInfo.hasNextPage, loadingMore };
}

/** The face of who is behind a line (their photo, or initials), or a bell for a line about no one. */
function NotificationFace({ item }: { item: AppNotification }) {
  const face = notificationFace(item);
  if (face) return <Avatar name={face.name} photoUrl={face.photoUrl} size="m" class="notification-face" />;
  return (
    <span class="notification-face notification-face-app" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="20" height="20" focusable="false">
        <path d="M6 17V11a6 6 0 0 1 12 0v6l1.5 2h-15zM10 21h4" stroke="currentColor" stroke-width="2"
          stroke-linejoin="round" stroke-linecap="round" fill="none" />
      </svg>
    </span>
  );
}

/** The notification centre: everything that happened to the viewer, live; opening it reads it. */
export function NotificationsPage() {
  const { state: loaded, reload, set, fetchMore } = useQuery(NotificationsDocument, { first: PAGE });
  const [loadingMore, setLoadingMore] = useState(false);
  const [now, setNow] = useState(() => new Date());
  const markRead = useMutation(MarkNotificationsReadDocument).run;
  const notifications = loaded.status === 'ready' ? loaded.data.notifications : null;
  const state = listState(loaded, loadingMore);

  // seen now: the tab's count goes to zero; lines stay highlighted until the next visit
  const unread = notifications?.unreadCount ?? 0;
  useEffect(() => {
    setNow(new Date());
    if (unread > 0) void markRead({}).catch(() => undefined);
  }, [notifications, unread, markRead]);

  async function loadMore() {
    if (state.status !== 'ready' || !state.hasMore || state.loadingMore) return;
    setLoadingMore(true);
    try {
      await fetchMore({ after: state.endCursor }, (shown, next) => ({
        notifications: { ...next.notifications, edges: [...shown.notifications.edges, ...next.notifications.edges] },
      }));
    } catch {
      // the button stays: another tap tries again
    } finally {
      setLoadingMore(false);
    }
  }

  useEffect(
    () =>
      onNotificationEvent((event) => {
        // a new subscription after a lost connection: what arrived meanwhile is in the list again
        if (event.type === 'SNAPSHOT') return void reload();
        const incoming = event.notification;
        if (!incoming) return;
        set(({ notifications: current }) => ({ notifications: { ...current, unreadCount: 0, edges: upsert(current.edges, incoming) } }));
        // the person is looking at it
        void markRead({ ids: [incoming.id] }).catch(() => undefined);
      }),
    [reload, set, markRead],
  );

  return (
    <section class="notifications-page" aria-labelledby="notifications-title">
      <header class="page-header">
        <h1 id="notifications-title">{t('notifications.title')}</h1>
        <a class="page-header-link" href="/settings/notifications" onClick={linkClick}>
          {t('notifications.settings')}
        </a>
      </header>
      <NotificationsBellPrompt />
      {state.status === 'loading' && <NotificationsSkeleton />}
      {state.status === 'error' && (
        <div class="empty-state" role="alert">
          <p>{t('notifications.error')}</p>
          <button type="button" class="button" onClick={reload}>
            {t('notifications.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && state.items.length === 0 && (
        <div class="empty-state">
          <p class="empty-title">{t('notifications.emptyTitle')}</p>
          <p>{t('notifications.emptyBody')}</p>
        </div>
      )}
      {state.status === 'ready' && state.items.length > 0 && (
        <ul class="notification-list">
          {state.items.map((item) => (
            <li key={item.id} class={item.read ? 'notification' : 'notification notification-unread'} data-kind={item.kind}>
              <a href={item.link} onClick={linkClick} class="notification-link">
                <NotificationFace item={item} />
                <span class="notification-body">
                  <span class="notification-text">{notificationText(item, t as Say, language)}</span>
                  <time dateTime={item.updatedAt} class="notification-time">
                    {formatRelativeTime(item.updatedAt, now, language)}
                  </time>
                </span>
                {!item.read && <span class="visually-hidden">{t('notifications.unread')}</span>}
              </a>
            </li>
          ))}
        </ul>
      )}
      {state.status === 'ready' && state.hasMore && (
        <button type="button" class="button button-block" disabled={state.loadingMore} onClick={() => void loadMore()}>
          {state.loadingMore ? t('notifications.loadingMore') : t('notifications.more')}
        </button>
      )}
    </section>
  );
}
