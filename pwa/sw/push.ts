/**
 * Web Push in the service worker: shows the server's notification (already in
 * the person's language) with icon, badge and a tag that groups updates of one
 * thing; skips it when the app is open on that very screen; on tap, focuses
 * an existing window (moved to the right screen) or opens one.
 */
import { isAlreadyOnScreen, readPayload, windowForTap } from './pushLogic';

interface NotificationData {
  link: string;
}

async function appWindows(worker: ServiceWorkerGlobalScope): Promise<readonly WindowClient[]> {
  return worker.clients.matchAll({ type: 'window', includeUncontrolled: true });
}

async function showPush(worker: ServiceWorkerGlobalScope, event: PushEvent): Promise<void> {
  let raw: unknown = null;
  try {
    raw = event.data?.json() ?? null;
  } catch {
    raw = null; // not JSON: the fallback text still tells the person to look
  }
  const payload = readPayload(raw, worker.navigator.language);
  const origin = worker.location.origin;
  const windows = await appWindows(worker);
  if (isAlreadyOnScreen(windows, payload.link, origin)) {
    for (const client of windows) client.postMessage({ type: 'PUSH_RECEIVED', link: payload.link });
    return;
  }
  const data: NotificationData = { link: payload.link };
  await worker.registration.showNotification(payload.title, {
    body: payload.body,
    icon: payload.icon,
    badge: payload.badge,
    tag: payload.tag,
    lang: payload.lang,
    data,
    // a newer rank update replaces the older one, and it should be noticed again
    renotify: payload.tag.startsWith('rank-'),
  } as NotificationOptions);
}

async function openTarget(worker: ServiceWorkerGlobalScope, notification: Notification): Promise<void> {
  const link = (notification.data as NotificationData | null)?.link ?? '/';
  const origin = worker.location.origin;
  const target = new URL(link, origin).href;
  const choice = windowForTap(await appWindows(worker), link, origin);
  if (!choice) {
    // the app is closed: a new window, straight on that screen
    await worker.clients.openWindow(target);
    return;
  }
  // focus first, while the tap's activation lasts (navigating first can spend it, and
  // replaces the client the focus would be asked of), then move the window to the screen
  let client: WindowClient = choice.window;
  try {
    client = await client.focus();
  } catch {
    // already in front, or the activation has run out: the window still moves
  }
  if (choice.navigate) await client.navigate(target).catch(() => null);
}

/** waitUntil throws on events the page dispatches itself (tests); the work still runs. */
function keepAlive(event: ExtendableEvent, work: Promise<void>): void {
  try {
    event.waitUntil(work);
  } catch {
    void work;
  }
}

export function registerPushHandlers(worker: ServiceWorkerGlobalScope): void {
  worker.addEventListener('push', (event) => keepAlive(event, showPush(worker, event)));
  worker.addEventListener('notificationclick', (event) => {
    event.notification.close();
    keepAlive(event, openTarget(worker, event.notification));
  });
  worker.addEventListener('pushsubscriptionchange', (event) => {
    // the browser renewed the subscription: tell open windows to register it again
    keepAlive(
      event as ExtendableEvent,
      appWindows(worker).then((windows) => {
        for (const client of windows) client.postMessage({ type: 'PUSH_SUBSCRIPTION_CHANGED' });
      }),
    );
  });
}
