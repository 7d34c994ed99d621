/**
 * Pure decisions of the push handlers, kept apart so they are unit-tested:
 * reading the server's payload, whether to show it, and which window to use.
 */

export interface PushPayload {
  id: number | null;
  kind: string;
  title: string;
  body: string;
  link: string;
  tag: string;
  lang: 'fr' | 'en';
  icon: string;
  badge: string;
}

const FALLBACK: Record<'fr' | 'en', { title: string; body: string }> = {
  fr: { title: 'Élan', body: 'Du nouveau vous attend dans Élan.' },
  en: { title: 'Élan', body: 'Something new is waiting for you in Élan.' },
};

function text(value: unknown, max: number): string | null {
  return typeof value === 'string' && value.trim() ? value.slice(0, max) : null;
}

/** Only same-origin paths: a payload can never send the person to another site. */
export function safeLink(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return '/';
  return value;
}

/** The payload as sent by server/push/payload.py, with safe defaults for anything missing. */
export function readPayload(raw: unknown, fallbackLanguage: string): PushPayload {
  const data = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const lang = data.lang === 'en' || data.lang === 'fr' ? data.lang : fallbackLanguage.startsWith('en') ? 'en' : 'fr';
  return {
    id: typeof data.id === 'number' ? data.id : null,
    kind: typeof data.kind === 'string' ? data.kind : 'OTHER',
    title: text(data.title, 80) ?? FALLBACK[lang].title,
    body: text(data.body, 400) ?? FALLBACK[lang].body,
    link: safeLink(data.link),
    tag: text(data.tag, 64) ?? (typeof data.id === 'number' ? `n${data.id}` : 'elan'),
    lang,
    icon: safeLink(data.icon ?? '/icon-192.png'),
    badge: safeLink(data.badge ?? '/badge-72.png'),
  };
}

export interface WindowLike {
  url: string;
  focused: boolean;
  visibilityState: string;
}

function samePath(url: string, link: string, origin: string): boolean {
  try {
    const here = new URL(url);
    const target = new URL(link, origin);
    return here.origin === target.origin && here.pathname.replace(/\/+$/, '') === target.pathname.replace(/\/+$/, '');
  } catch {
    return false;
  }
}

/** No notification when the person is looking at that very screen: the screen updates live. */
export function isAlreadyOnScreen(windows: readonly WindowLike[], link: string, origin: string): boolean {
  return windows.some((w) => w.focused && w.visibilityState === 'visible' && samePath(w.url, link, origin));
}

/**
 * Which window a tap should use: one already on the screen, else any window of
 * the app (navigated there), else null (open a new one).
 */
export function windowForTap<W extends WindowLike>(
  windows: readonly W[],
  link: string,
  origin: string,
): { window: W; navigate: boolean } | null {
  const onScreen = windows.find((w) => samePath(w.url, link, origin));
  if (onScreen) return { window: onScreen, navigate: false };
  const ours = windows.filter((w) => {
    try {
      return new URL(w.url).origin === origin;
    } catch {
      return false;
    }
  });
  const best = ours.find((w) => w.focused) ?? ours.find((w) => w.visibilityState === 'visible') ?? ours[0];
  return best ? { window: best, navigate: true } : null;
}
