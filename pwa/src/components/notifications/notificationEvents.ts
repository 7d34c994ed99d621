import { subscribe } from '../../graphql/client';
import { NotificationEventsDocument, type NotificationEventsSubscription as NotificationEventsData } from '../../graphql/notifications.generated';

export type NotificationEvent = NotificationEventsData['notifications'];
type Listener = (event: NotificationEvent) => void;

const listeners = new Set<Listener>();
let stop: (() => void) | null = null;

/**
 * One `notifications` subscription for the whole app, shared by the unread count, the
 * notification centre and the badge celebration. Each (re)subscription starts with a SNAPSHOT
 * of the unread count, so a reconnection repairs whatever was missed.
 */
export function onNotificationEvent(listener: Listener): () => void {
  listeners.add(listener);
  if (!stop) {
    stop = subscribe(NotificationEventsDocument, undefined, {
      next: ({ notifications }) => {
        for (const each of [...listeners]) each(notifications);
      },
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && stop) {
      stop();
      stop = null;
    }
  };
}
