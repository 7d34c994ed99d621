import { describe, expect, it } from 'vitest';
import { PULL_THRESHOLD, pullOffset, releaseRefreshes } from './pullToRefresh';

describe('pull to refresh', () => {
  it('follows a downward drag at the top, with resistance and a limit', () => {
    expect(pullOffset(100, 200, 0)).toBe(50);
    expect(pullOffset(100, 1000, 0)).toBe(110);
    expect(pullOffset(100, 50, 0)).toBe(0);
  });

  it('never pulls when the list is scrolled or no drag started', () => {
    expect(pullOffset(100, 300, 12)).toBe(0);
    expect(pullOffset(null, 300, 0)).toBe(0);
  });

  it('refreshes only past the threshold', () => {
    expect(releaseRefreshes(PULL_THRESHOLD - 1)).toBe(false);
    expect(releaseRefreshes(PULL_THRESHOLD)).toBe(true);
  });
});
