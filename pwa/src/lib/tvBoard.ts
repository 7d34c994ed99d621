/**
 * The TV board's pure parts: the countdown as a showroom reads it, the league rotation, and
 * the kiosk link's token in the address.
 */

const pad = (value: number) => String(value).padStart(2, '0');

/** Time left as « 3 j 04:12:09 » / "3 d 04:12:09", under a day « 04:12:09 »; null once over. */
export function countdown(endsAt: Date, now: Date, language: string): string | null {
  const seconds = Math.floor((endsAt.getTime() - now.getTime()) / 1000);
  if (seconds <= 0) return null;
  const days = Math.floor(seconds / 86_400);
  const clock = `${pad(Math.floor((seconds % 86_400) / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  return days > 0 ? `${days}\u00a0${language === 'en' ? 'd' : 'j'} ${clock}` : clock;
}

/** The league shown after `index` turns, cycling through them (one empty code without leagues). */
export function leagueAt(leagues: readonly string[], index: number): string {
  if (!leagues.length) return '';
  return leagues[((index % leagues.length) + leagues.length) % leagues.length] ?? '';
}

/** The kiosk token in /kiosk/<token>, or null on any other path. */
export function kioskTokenFrom(pathname: string): string | null {
  const found = /^\/kiosk\/(elan_kiosk_[A-Za-z0-9_-]{16,80})\/?$/.exec(pathname);
  return found?.[1] ?? null;
}
