import { describe, expect, it } from 'vitest';
import { applicationServerKey, deviceName, pushState, subscribedWithKey, subscriptionKeys, type PushEnvironment } from './pushPermission';

const CHROME_ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
const SAFARI_IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

const base: PushEnvironment = {
  hasServiceWorker: true,
  hasPushManager: true,
  hasNotification: true,
  permission: 'default',
  userAgent: CHROME_ANDROID,
  maxTouchPoints: 5,
  standalone: false,
};

describe('pushState', () => {
  it('asks when nothing was decided', () => expect(pushState(base)).toBe('ask'));
  it('is allowed once granted', () => expect(pushState({ ...base, permission: 'granted' })).toBe('allowed'));
  it('is blocked once denied', () => expect(pushState({ ...base, permission: 'denied' })).toBe('blocked'));
  it('is unsupported without the Push API', () =>
    expect(pushState({ ...base, hasPushManager: false, permission: null })).toBe('unsupported'));
  it('tells iPhone users to add the app to the home screen first', () => {
    expect(pushState({ ...base, userAgent: SAFARI_IPHONE, hasPushManager: false })).toBe('iosNeedsHomeScreen');
    expect(pushState({ ...base, userAgent: SAFARI_IPHONE, standalone: true })).toBe('ask');
  });
  it('recognises an iPad that says it is a Mac', () =>
    expect(pushState({ ...base, userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)', maxTouchPoints: 5 })).toBe(
      'iosNeedsHomeScreen',
    ));
});

describe('subscribing helpers', () => {
  it('decodes the base64url VAPID key', () => {
    expect(Array.from(applicationServerKey('BAEC_w'))).toEqual([4, 1, 2, 255]);
  });
  it('tells a subscription made with another server key (after a rotation)', () => {
    const key = new Uint8Array([4, 1, 2, 255]).buffer;
    expect(subscribedWithKey(key, 'BAEC_w')).toBe(true);
    expect(subscribedWithKey(key, 'BAEC_g')).toBe(false);
    expect(subscribedWithKey(key, 'BAEC')).toBe(false);
    expect(subscribedWithKey(null, 'BAEC_w')).toBe(true);
  });
  it('reads the subscription keys', () => {
    expect(subscriptionKeys({ endpoint: 'https://fcm.googleapis.com/x', keys: { p256dh: 'p', auth: 'a' } })).toEqual({
      endpoint: 'https://fcm.googleapis.com/x',
      p256dh: 'p',
      auth: 'a',
    });
    expect(subscriptionKeys({ endpoint: 'https://x' })).toBeNull();
  });
  it('names devices for the settings screen', () => {
    const words = { 'push.device.named': '{browser} on {system}', 'push.device.browser': '{browser}', 'push.device.system': 'A browser on {system}', 'push.device.unknown': 'Unknown device' };
    const say = (key: keyof typeof words, params: Record<string, string> = {}) => words[key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
    expect(deviceName(CHROME_ANDROID, say)).toBe('Chrome on Android');
    expect(deviceName(SAFARI_IPHONE, say)).toBe('Safari on iOS');
    expect(deviceName('Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0 Mobile Safari/537.36', say)).toBe('Samsung Internet on Android');
    expect(deviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0', say)).toBe('Edge on Windows');
    expect(deviceName('Python-urllib/3.11', say)).toBe('Unknown device');
    expect(deviceName('', say)).toBe('Unknown device');
  });
});
