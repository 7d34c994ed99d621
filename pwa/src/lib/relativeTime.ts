/**
 * "il y a 5 min", "hier", "3 mars" / "5 minutes ago", "yesterday", "Mar 3": how old a post
 * is, in the reader's language. English says minutes and hours in full: its short style
 * reads "5 min. ago", a mix of abbreviation and words.
 */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

export function formatRelativeTime(date: Date | string, now: Date, locale: string): string {
  const then = typeof date === 'string' ? new Date(date) : date;
  if (Number.isNaN(then.getTime())) return '';
  // A post stamped slightly in the future (clock skew) reads as "now".
  const seconds = Math.max(0, Math.round((now.getTime() - then.getTime()) / 1000));

  const english = locale.toLowerCase().startsWith('en');
  const short = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: english ? 'long' : 'short' });
  if (seconds < 45) return short.format(0, 'second');
  if (seconds < 45 * MINUTE) return short.format(-Math.max(1, Math.round(seconds / MINUTE)), 'minute');
  if (seconds < 22 * HOUR) return short.format(-Math.round(seconds / HOUR), 'hour');
  if (seconds < WEEK) {
    const long = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
    return long.format(-Math.max(1, Math.round(seconds / DAY)), 'day');
  }
  const sameYear = then.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(then);
}

/** How long until the label above may change, so a view re-renders only when needed. */
export function relativeTimeRefreshMs(date: Date | string, now: Date): number {
  const then = typeof date === 'string' ? new Date(date) : date;
  const seconds = (now.getTime() - then.getTime()) / 1000;
  if (seconds < HOUR) return 30_000;
  if (seconds < DAY) return 5 * 60_000;
  return 60 * 60_000;
}

/** How long to wait, for a rate limit: "42 secondes", then whole minutes rounded up ("15 minutes"). */
export function formatWaitDuration(seconds: number, locale: string): string {
  const whole = Math.max(1, Math.ceil(seconds));
  const [value, unit] = whole < 60 ? [whole, 'second'] : [Math.ceil(whole / 60), 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}
