import { useEffect, useState } from 'preact/hooks';
import { onNotificationEvent } from './notificationEvents';

/** The viewer's unread count, live: each (re)subscription starts with the count as it is now. */
export function useUnreadCount(viewerId: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => onNotificationEvent((event) => setCount(event.unreadCount)), [viewerId]);
  return count;
}
