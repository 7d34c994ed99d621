import { describe, expect, it } from 'vitest';
import { formatGap, formatNumber, formatScore, gapUp, partsAddingUp, scoreUnit, timeLeft } from './scoreFormat';

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatScore', () => {
  it('writes one format per locale', () => {
    expect(spaces(formatScore(41.7, 'percent', 'fr'))).toBe('41,7 %');
    expect(formatScore(41.7, 'percent', 'en')).toBe('41.7%');
    expect(spaces(formatScore(38.25, 'percent', 'fr'))).toBe('38,3 %');
    expect(spaces(formatScore(1234.5, 'points', 'fr'))).toBe('1 234,5 pts');
    expect(spaces(formatScore(40, 'points', 'en'))).toBe('40 pts');
    expect(formatNumber(7, 'fr')).toBe('7');
  });
  it('speaks in percent unless the challenge counts absolute points', () => {
    expect([scoreUnit('PERCENT_OF_TARGET'), scoreUnit('IMPROVEMENT'), scoreUnit('ABSOLUTE')]).toEqual(['percent', 'percent', 'points']);
  });
});

describe('gaps', () => {
  it('round up and never read zero', () => {
    expect(gapUp(0.0001)).toBe(0.1);
    expect(gapUp(2.01)).toBe(2.1);
    expect(gapUp(2)).toBe(2);
    expect(spaces(formatGap(0.02, 'percent', 'fr'))).toBe('0,1 %');
  });
});

describe('partsAddingUp', () => {
  it('rounds the parts so they add up to the total shown', () => {
    const parts = partsAddingUp([33.35, 33.35, 33.3]);
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(100);
    expect(partsAddingUp([41.66, 41.66])).toEqual([41.7, 41.6]);
    expect(partsAddingUp([20, 21.7])).toEqual([20, 21.7]);
    // the parts always add up to the score shown, even one rounded apart from them
    const shown = partsAddingUp([13.33, 13.33, 13.33], 1, 40);
    expect(Math.round(shown.reduce((a, b) => a + b, 0) * 10)).toBe(400);
  });
});

describe('timeLeft', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  it('says days, hours or minutes left', () => {
    expect(spaces(timeLeft(new Date('2026-12-09T13:00:00Z'), now, 'fr') ?? '')).toBe('3 j');
    expect(timeLeft(new Date('2026-12-06T17:30:00Z'), now, 'en')).toBe('5 hr');
    expect(timeLeft(new Date('2026-12-06T12:12:00Z'), now, 'en')).toBe('12 min');
    expect(timeLeft(new Date('2026-12-06T11:00:00Z'), now, 'fr')).toBeNull();
  });
});
