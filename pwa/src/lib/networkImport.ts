/** Pure logic of the network import: where a job is, as a percentage and a step to show. */

export type ImportStatus = 'UPLOADED' | 'CHECKING' | 'CHECKED' | 'APPLYING' | 'APPLIED' | 'REFUSED' | 'FAILED';

export function isRunning(status: ImportStatus): boolean {
  return status === 'UPLOADED' || status === 'CHECKING' || status === 'APPLYING';
}

/** 0–100, never past 100, 0 while nothing is counted yet. */
export function percentDone(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.round((done / total) * 100));
}

/** What the admin may do once the file is checked: apply it all, the valid lines only, or nothing. */
export function applyChoice(status: ImportStatus, errorCount: number, validLines: number | null): 'all' | 'valid' | 'none' {
  if (status !== 'CHECKED') return 'none';
  if (errorCount === 0) return 'all';
  return (validLines ?? 0) > 0 ? 'valid' : 'none';
}
