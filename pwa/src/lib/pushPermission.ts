/**
 * Where the browser stands on push notifications, and the pure helpers of
 * subscribing. The permission is only ever asked from a tap (see
 * NotificationsPermissionPanel), after the value has been explained.
 */

export type PushState =
  /** No Push API here (old browser, private window, http). */
  | 'unsupported'
  /** iPhone/iPad: push only works once the app is added to the home screen. */
  | 'iosNeedsHomeScreen'
  /** The person said no; only the browser settings can undo it. */
  | 'blocked'
  /** Not asked yet: explain first, then ask on a tap. */
  | 'ask'
  /** Granted: this device receives pushes once subscribed. */
  | 'allowed';

export interface PushEnvironment {
  hasServiceWorker: boolean;
  hasPushManager: boolean;
  hasNotification: boolean;
  permission: 'default' | 'granted' | 'denied' | null;
  userAgent: string;
  maxTouchPoints: number;
  standalone: boolean;
}

export function isAppleMobile(userAgent: string, maxTouchPoints: number): boolean {
  // iPadOS presents itself as a Mac; touch points tell it apart
  return /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
}

export function pushState(env: PushEnvironment): PushState {
  const apple = isAppleMobile(env.userAgent, env.maxTouchPoints);
  if (apple && !env.standalone) return 'iosNeedsHomeScreen';
  if (!env.hasServiceWorker || !env.hasPushManager || !env.hasNotification) return 'unsupported';
  if (env.permission === 'denied') return 'blocked';
  if (env.permission === 'granted') return 'allowed';
  return 'ask';
}

/** The VAPID key from `vapidPublicKey` (base64url) as PushManager.subscribe wants it. */
export function applicationServerKey(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * Whether a subscription was made with the server's current VAPID key (`vapidPublicKey`).
 * After the server rotates its key, a subscription made with the old one is renewed: the
 * server signs for it with the old key only until the old key is retired.
 */
export function subscribedWithKey(subscribedWith: ArrayBuffer | null | undefined, base64url: string): boolean {
  if (!subscribedWith) return true; // the browser does not say: keep it
  const current = applicationServerKey(base64url);
  const given = new Uint8Array(subscribedWith);
  return given.length === current.length && given.every((byte, index) => byte === current[index]);
}

/** The keys of a PushSubscription as registerPushSubscription takes them. */
export function subscriptionKeys(json: { endpoint?: string; keys?: Record<string, string> }): {
  endpoint: string;
  p256dh: string;
  auth: string;
} | null {
  const endpoint = json.endpoint;
  const p256dh = json.keys?.p256dh;
  const auth = json.keys?.auth;
  return endpoint && p256dh && auth ? { endpoint, p256dh, auth } : null;
}

const BROWSERS: readonly [RegExp, string][] = [
  [/EdgA?\/|Edg\//, 'Edge'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\/|FxiOS/, 'Firefox'],
  [/Chrome\/|CriOS/, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const SYSTEMS: readonly [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Windows/, 'Windows'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

type DeviceWords = (key: 'push.device.named' | 'push.device.browser' | 'push.device.system' | 'push.device.unknown', params?: Record<string, string>) => string;

/**
 * A readable name for a registered device, from its user agent: « Chrome sur Android »,
 * "Safari on iOS"; never the raw agent (« Python-urllib/3.11 » reads « Appareil inconnu »).
 */
export function deviceName(userAgent: string, say: DeviceWords): string {
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;
  if (browser && system) return say('push.device.named', { browser, system });
  if (browser) return say('push.device.browser', { browser });
  if (system) return say('push.device.system', { system });
  return say('push.device.unknown');
}
