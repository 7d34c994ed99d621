import { describe, expect, it } from 'vitest';
import { countdown, kioskTokenFrom, leagueAt } from './tvBoard';

describe('countdown', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  it('reads days and a clock, then the clock alone, then nothing', () => {
    expect(countdown(new Date('2026-12-09T16:12:09Z'), now, 'fr')).toBe('3\u00a0j 04:12:09');
    expect(countdown(new Date('2026-12-09T16:12:09Z'), now, 'en')).toBe('3\u00a0d 04:12:09');
    expect(countdown(new Date('2026-12-06T12:00:59Z'), now, 'fr')).toBe('00:00:59');
    expect(countdown(new Date('2026-12-06T11:59:00Z'), now, 'fr')).toBeNull();
  });
});

describe('leagueAt', () => {
  it('cycles through the leagues', () => {
    expect([0, 1, 2, 3].map((i) => leagueAt(['L', 'M', 'S'], i))).toEqual(['L', 'M', 'S', 'L']);
    expect(leagueAt([], 4)).toBe('');
  });
});

describe('kioskTokenFrom', () => {
  it('finds a kiosk token in its path only', () => {
    expect(kioskTokenFrom('/kiosk/elan_kiosk_AbCdEf0123456789_-xyz')).toBe('elan_kiosk_AbCdEf0123456789_-xyz');
    expect(kioskTokenFrom('/kiosk/other')).toBeNull();
    expect(kioskTokenFrom('/challenges/3/tv')).toBeNull();
  });
});
