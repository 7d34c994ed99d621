import { useEffect, useState } from 'preact/hooks';
import { request } from '../../graphql/client';
import { language, t } from '../../i18n';
import { formatRelativeTime } from '../../lib/relativeTime';
import { linkClick } from '../../router';
import { onNotificationEvent } from './notificationEvents';
import { NotificationsSkeleton } from './NotificationsSkeleton';
import { MarkNotificationsReadDocument, type NotificationFieldsFragment as AppNotification, NotificationsDocument } from '../../graphql/notifications.generated';

const PAGE = 20;

type State =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; items: AppNotification[]; endCursor: string | null; hasMore: boolean; loadingMore: boolean };

/** Newest first; a folded line (likes) moves back to the top when it grows. */
function upsert(items: AppNotification[], incoming: AppNotification): AppNotification[] {
  return [incoming, ...items.filter((item) => item.id !== incoming.id)];
}

/** The notification centre: everything that happened to the viewer, live; opening it reads it. */
export function NotificationsPage() {
  const [state, setState] = useState<State>({ status: 'loading' });
  const [now, setNow] = useState(() => new Date());

  async function load() {
    setState({ status: 'loading' });
    try {
      const { notifications } = await request(NotificationsDocument, { first: PAGE });
      setState({
        status: 'ready',
        items: notifications.edges.map((edge) => edge.node),
        endCursor: notifications.pageInfo.endCursor,
        hasMore: notifications.pageInfo.hasNextPage,
        loadingMore: false,
      });
      setNow(new Date());
      // seen now: the tab's count goes to zero; lines stay highlighted until the next visit
      if (notifications.unreadCount > 0) await request(MarkNotificationsReadDocument, {}).catch(() => undefined);
    } catch {
      setState({ status: 'error' });
    }
  }

  async function loadMore() {
    if (state.status !== 'ready' || !state.hasMore || state.loadingMore) return;
    setState({ ...state, loadingMore: true });
    try {
      const { notifications } = await request(NotificationsDocument, { first: PAGE, after: state.endCursor });
      setState((current) =>
        current.status === 'ready'
          ? {
              ...current,
              items: [...current.items, ...notifications.edges.map((edge) => edge.node)],
              endCursor: notifications.pageInfo.endCursor,
              hasMore: notifications.pageInfo.hasNextPage,
              loadingMore: false,
            }
          : current,
      );
    } catch {
      setState((current) => (current.status === 'ready' ? { ...current, loadingMore: false } : current));
    }
  }

  useEffect(() => {
    void load();
    return onNotificationEvent((event) => {
      // a new subscription after a lost connection: what arrived meanwhile is in the list again
      if (event.type === 'SNAPSHOT') return void load();
      const incoming = event.notification;
      if (!incoming) return;
      setState((current) => (current.status === 'ready' ? { ...current, items: upsert(current.items, incoming) } : current));
      setNow(new Date());
      // the person is looking at it
      void request(MarkNotificationsReadDocument, { ids: [incoming.id] }).catch(() => undefined);
    });
  }, []);

  return (
    <section class="notifications-page" aria-labelledby="notifications-title">
      <header class="page-header">
        <h1 id="notifications-title">{t('notifications.title')}</h1>
        <a class="page-header-link" href="/settings/notifications" onClick={linkClick}>
          {t('notifications.settings')}
        </a>
      </header>
      {state.status === 'loading' && <NotificationsSkeleton />}
      {state.status === 'error' && (
        <div class="empty-state" role="alert">
          <p>{t('notifications.error')}</p>
          <button type="button" class="button" onClick={() => void load()}>
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
                <span class="notification-text">{item.text}</span>
                <time dateTime={item.updatedAt} class="notification-time">
                  {formatRelativeTime(item.updatedAt, now, language)}
                </time>
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
