/**
 * Work that can wait until the phone is idle (saving a snapshot, rendering what is below the
 * fold), so the first screen answers a tap at once. Where requestIdleCallback is missing
 * (Safari), a short timeout; `cancel` forgets it.
 */
export function whenIdle(work: () => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => work(), { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(work, 50);
  return () => clearTimeout(handle);
}
