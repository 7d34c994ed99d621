import { beforeEach, describe, expect, it, vi } from 'vitest';

const opened: Array<{ next: (data: unknown) => void; stopped: boolean }> = [];
vi.mock('../../graphql/client', () => ({
  subscribe: (_operation: unknown, _variables: unknown, handlers: { next: (data: unknown) => void }) => {
    const subscription = { next: handlers.next, stopped: false };
    opened.push(subscription);
    return () => {
      subscription.stopped = true;
    };
  },
}));

const { onNotificationEvent } = await import('./notificationEvents');

const event = (type: string, unreadCount: number) => ({
  notifications: { version: 0, type, unreadCount, notification: null },
});

describe('onNotificationEvent', () => {
  beforeEach(() => {
    opened.length = 0;
  });

  it('opens one subscription for every screen that listens, and closes it with the last one', () => {
    const counts: number[] = [];
    const types: string[] = [];
    const stopCount = onNotificationEvent((e) => counts.push(e.unreadCount));
    const stopPage = onNotificationEvent((e) => types.push(e.type));
    expect(opened).toHaveLength(1);

    opened[0]!.next(event('SNAPSHOT', 4));
    opened[0]!.next(event('NOTIFICATION', 5));
    expect(counts).toEqual([4, 5]);
    expect(types).toEqual(['SNAPSHOT', 'NOTIFICATION']);

    stopPage();
    expect(opened[0]!.stopped).toBe(false);
    stopCount();
    expect(opened[0]!.stopped).toBe(true);

    // a later screen opens a fresh subscription, which starts with its own snapshot
    const stopAgain = onNotificationEvent(() => undefined);
    expect(opened).toHaveLength(2);
    stopAgain();
  });
});
