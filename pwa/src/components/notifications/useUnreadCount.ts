import { useEffect, useState } from 'preact/hooks';
import { onConnected, request, subscribe } from '../../graphql/client';
import { NOTIFICATION_EVENTS, UNREAD_COUNT } from '../../graphql/operations';

/** The viewer's unread count, live: asked once, then kept by the notifications subscription. */
export function useUnreadCount(viewerId: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let cancelled = false;
    const refresh = () =>
      request(UNREAD_COUNT)
        .then(({ unreadNotificationCount }) => {
          if (!cancelled) setCount(unreadNotificationCount);
        })
        .catch(() => undefined); // offline: keep the last count
    void refresh();
    const stop = subscribe(NOTIFICATION_EVENTS, undefined, {
      next: ({ notifications }) => setCount(notifications.unreadCount),
    });
    // events missed while disconnected: ask again after each reconnection
    const stopReconnect = onConnected(() => void refresh());
    return () => {
      cancelled = true;
      stop();
      stopReconnect();
    };
  }, [viewerId]);
  return count;
}
