/** Pull-to-refresh: how far the list follows the thumb, and when letting go refreshes. */

export const PULL_THRESHOLD = 70;
const MAX_PULL = 110;
const RESISTANCE = 0.5;

/** The indicator's offset for a drag from `startY` to `y`; pulls only at the very top. */
export function pullOffset(startY: number | null, y: number, scrollTop: number): number {
  if (startY === null || scrollTop > 0) return 0;
  const drag = (y - startY) * RESISTANCE;
  return drag <= 0 ? 0 : Math.min(MAX_PULL, drag);
}

export function releaseRefreshes(offset: number): boolean {
  return offset >= PULL_THRESHOLD;
}
