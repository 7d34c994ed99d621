/**
 * Exponential back-off with "equal jitter": the delay doubles with each
 * attempt up to a ceiling, and half of it is random so that many phones that
 * lost the same server do not all come back in the same millisecond.
 */
export interface BackoffOptions {
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
}

export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { baseMs = 1000, maxMs = 30_000, random = Math.random } = options;
  const safeAttempt = Math.max(0, Math.floor(attempt));
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(safeAttempt, 30));
  const half = ceiling / 2;
  return Math.round(half + random() * half);
}
