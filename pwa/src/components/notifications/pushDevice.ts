/**
 * This browser's push subscription: asking permission (from a tap only),
 * subscribing with the server's VAPID key, and telling the server.
 */
import { request } from '../../graphql/client';
import { language } from '../../i18n';
import { applicationServerKey, pushState, subscriptionKeys, type PushState } from '../../lib/pushPermission';
import { RegisterPushSubscriptionDocument, UnregisterPushSubscriptionDocument, VapidPublicKeyDocument } from '../../graphql/push.generated';

export function currentPushState(): PushState {
  const hasNotification = typeof Notification !== 'undefined';
  return pushState({
    hasServiceWorker: 'serviceWorker' in navigator,
    hasPushManager: typeof PushManager !== 'undefined',
    hasNotification,
    permission: hasNotification ? Notification.permission : null,
    userAgent: navigator.userAgent,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    standalone:
      window.matchMedia('(display-mode: standalone)').matches ||
      (navigator as Navigator & { standalone?: boolean }).standalone === true,
  });
}

async function registration(): Promise<ServiceWorkerRegistration> {
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no service worker')), 10_000));
  return Promise.race([navigator.serviceWorker.ready, timeout]);
}

/**
 * Subscribes (if needed, unless `existingOnly`) and registers this device with the
 * server; ok when the server accepted it.
 */
export async function subscribeThisDevice(
  existingOnly = false,
): Promise<{ ok: true } | { ok: false; message: string | null }> {
  try {
    const worker = await registration();
    let subscription = await worker.pushManager.getSubscription();
    if (!subscription && existingOnly) return { ok: false, message: null };
    if (!subscription) {
      const { vapidPublicKey } = await request(VapidPublicKeyDocument);
      subscription = await worker.pushManager.subscribe({
        userVisibleOnly: true,
        applicationServerKey: applicationServerKey(vapidPublicKey),
      });
    }
    const keys = subscriptionKeys(subscription.toJSON() as { endpoint?: string; keys?: Record<string, string> });
    if (!keys) return { ok: false, message: null };
    const { registerPushSubscription: result } = await request(RegisterPushSubscriptionDocument, {
      ...keys,
      userAgent: navigator.userAgent,
      language, // the alerts are written in the language this app speaks
    });
    if (result.__typename === 'RegisterPushSubscriptionSuccess') return { ok: true };
    return { ok: false, message: result.message };
  } catch {
    return { ok: false, message: null };
  }
}

/** Must run inside a tap handler: browsers refuse (or hide) prompts without a gesture. */
export async function askPermissionAndSubscribe(): Promise<PushState | 'failed'> {
  const answer = await Notification.requestPermission();
  if (answer === 'denied') return 'blocked';
  if (answer !== 'granted') return 'ask';
  const subscribed = await subscribeThisDevice();
  return subscribed.ok ? 'allowed' : 'failed';
}

export async function unsubscribeThisDevice(): Promise<void> {
  const worker = await registration();
  const subscription = await worker.pushManager.getSubscription();
  if (!subscription) return;
  await request(UnregisterPushSubscriptionDocument, { endpoint: subscription.endpoint }).catch(() => undefined);
  await subscription.unsubscribe();
}

/** Keeps the server's copy current: after sign-in on a shared device, or when the browser renews it. */
export function keepPushSubscriptionCurrent(): () => void {
  if (currentPushState() !== 'allowed' || !('serviceWorker' in navigator)) return () => undefined;
  // only an existing subscription: a new one is made from a tap on the settings screen
  void subscribeThisDevice(true);
  const onMessage = (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === 'PUSH_SUBSCRIPTION_CHANGED') void subscribeThisDevice();
  };
  navigator.serviceWorker.addEventListener('message', onMessage);
  return () => navigator.serviceWorker.removeEventListener('message', onMessage);
}
