import { describe, expect, it } from 'vitest';
import { formatRelativeTime, formatWaitDuration, relativeTimeRefreshMs } from './relativeTime';

const now = new Date('2025-06-15T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
/** Intl puts no-break spaces between number and unit ("5\u00a0min"); compare the words. */
const format = (date: Date | string, locale: string) => formatRelativeTime(date, now, locale).replace(/\s/g, ' ');

describe('formatRelativeTime in French', () => {
  it('says "maintenant" for the last few seconds and for a clock slightly ahead', () => {
    expect(format(ago(10), 'fr')).toBe('maintenant');
    expect(format(ago(-20), 'fr')).toBe('maintenant');
  });

  it('counts minutes and hours in the short style', () => {
    expect(format(ago(5 * 60), 'fr')).toBe('il y a 5 min');
    expect(format(ago(50), 'fr')).toBe('il y a 1 min');
    expect(format(ago(3 * 3600), 'fr')).toBe('il y a 3 h');
  });

  it('says "hier" and then counts days in full', () => {
    expect(format(ago(26 * 3600), 'fr')).toBe('hier');
    expect(format(ago(4 * 86400), 'fr')).toBe('il y a 4 jours');
  });

  it('gives a date after a week, with the year only when it differs', () => {
    expect(format('2025-03-03T09:00:00Z', 'fr')).toBe('3 mars');
    expect(format('2024-12-24T09:00:00Z', 'fr')).toBe('24 déc. 2024');
  });

  it('accepts ISO strings and returns nothing for an unreadable date', () => {
    expect(format('2025-06-15T11:55:00Z', 'fr')).toBe('il y a 5 min');
    expect(format('not a date', 'fr')).toBe('');
  });
});

describe('formatRelativeTime in English', () => {
  it('uses English wording', () => {
    expect(format(ago(5), 'en')).toBe('now');
    expect(format(ago(5 * 60), 'en')).toBe('5 minutes ago');
    expect(format(ago(60), 'en')).toBe('1 minute ago');
    expect(format(ago(3 * 3600), 'en')).toBe('3 hours ago');
    expect(format(ago(26 * 3600), 'en')).toBe('yesterday');
    expect(format(ago(3 * 86400), 'en')).toBe('3 days ago');
    expect(format('2025-03-03T09:00:00Z', 'en')).toBe('Mar 3');
  });
});

describe('relativeTimeRefreshMs', () => {
  it('refreshes young posts often and old ones rarely', () => {
    expect(relativeTimeRefreshMs(ago(60), now)).toBe(30_000);
    expect(relativeTimeRefreshMs(ago(5 * 3600), now)).toBe(300_000);
    expect(relativeTimeRefreshMs(ago(3 * 86400), now)).toBe(3_600_000);
  });
});

describe('formatWaitDuration', () => {
  it('counts seconds under a minute, then minutes rounded up', () => {
    const wait = (seconds: number, locale: string) => formatWaitDuration(seconds, locale).replace(/\s/g, ' ');
    expect(wait(1, 'fr')).toBe('1 seconde');
    expect(wait(42, 'fr')).toBe('42 secondes');
    expect(wait(60, 'fr')).toBe('1 minute');
    expect(wait(897, 'fr')).toBe('15 minutes');
    expect(wait(0, 'en')).toBe('1 second');
    expect(wait(61, 'en')).toBe('2 minutes');
  });
});
