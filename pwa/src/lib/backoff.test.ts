import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles the ceiling with each attempt', () => {
    const highest = (attempt: number) => backoffDelay(attempt, { baseMs: 1000, maxMs: 60_000, random: () => 1 });
    expect([0, 1, 2, 3, 4].map(highest)).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it('keeps at least half of the ceiling, so a retry never fires at once', () => {
    expect(backoffDelay(0, { baseMs: 1000, random: () => 0 })).toBe(500);
    expect(backoffDelay(3, { baseMs: 1000, random: () => 0 })).toBe(4000);
  });

  it('spreads delays with jitter between half and the full ceiling', () => {
    const delays = [0, 0.25, 0.5, 0.999].map((r) => backoffDelay(2, { baseMs: 1000, random: () => r }));
    expect(delays).toEqual([2000, 2500, 3000, 3998]);
  });

  it('never exceeds the maximum, even after very many attempts', () => {
    expect(backoffDelay(10, { baseMs: 1000, maxMs: 30_000, random: () => 1 })).toBe(30_000);
    expect(backoffDelay(10_000, { baseMs: 1000, maxMs: 30_000, random: () => 1 })).toBe(30_000);
  });

  it('treats negative or fractional attempts as the first ones', () => {
    expect(backoffDelay(-3, { baseMs: 1000, random: () => 1 })).toBe(1000);
    expect(backoffDelay(1.7, { baseMs: 1000, random: () => 1 })).toBe(2000);
  });
});
