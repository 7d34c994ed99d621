/**
 * The live leaderboard on the phone: a snapshot, then changes carrying a version.
 * A ROWS event lists the movers with their previous and new rank; everyone between
 * those two ranks shifts by one. A version that skips one means something was missed:
 * the caller asks for a new snapshot. The viewer's own rank is tracked here too, so the
 * shared payload never has to carry anything about the viewer.
 */

export interface BoardRow {
  participantId: string;
  rank: number;
  previousRank?: number | null;
  displayName: string | null;
  unitName: string;
  score: number;
  thresholdsReached: number;
}

export type BoardEventType = 'SNAPSHOT' | 'ROWS' | 'RESET';

export interface BoardEvent {
  type: BoardEventType;
  version: number;
  league: string;
  rows: BoardRow[];
}

export interface Board {
  version: number;
  rows: BoardRow[];
  /** How many rows the window keeps (the snapshot's size). */
  size: number;
}

export type Applied = { board: Board; needsSnapshot: false } | { board: Board; needsSnapshot: true };

export const EMPTY_BOARD: Board = { version: -1, rows: [], size: 0 };

function moveOne(rows: BoardRow[], mover: BoardRow, size: number): BoardRow[] {
  const previous = mover.previousRank ?? null;
  const rank = mover.rank;
  const others = rows.filter((row) => row.participantId !== mover.participantId);
  const shifted = others.map((row) => {
    if (previous === null) return row.rank >= rank ? { ...row, rank: row.rank + 1 } : row;
    if (rank < previous && row.rank >= rank && row.rank < previous) return { ...row, rank: row.rank + 1 };
    if (rank > previous && row.rank <= rank && row.rank > previous) return { ...row, rank: row.rank - 1 };
    return row;
  });
  const next = rank <= size ? [...shifted, { ...mover }] : shifted;
  return next.filter((row) => row.rank <= size).sort((a, b) => a.rank - b.rank);
}

/** Applies one event; a snapshot replaces everything, a gap asks for a new snapshot. */
export function applyEvent(board: Board, event: BoardEvent): Applied {
  if (event.type === 'SNAPSHOT') {
    const rows = [...event.rows].sort((a, b) => a.rank - b.rank);
    return { board: { version: event.version, rows, size: Math.max(rows.length, board.size) }, needsSnapshot: false };
  }
  if (event.version <= board.version) return { board, needsSnapshot: false };
  if (event.type === 'RESET' || event.version !== board.version + 1) {
    return { board, needsSnapshot: true };
  }
  let rows = board.rows;
  for (const mover of event.rows) rows = moveOne(rows, mover, Math.max(board.size, 1));
  return { board: { ...board, version: event.version, rows }, needsSnapshot: false };
}

/** The viewer's rank after an event, from its own participant id and its rank before. */
export function myRankAfter(myRank: number, myId: string, event: BoardEvent): number {
  let rank = myRank;
  for (const mover of event.rows) {
    if (mover.participantId === myId) {
      rank = mover.rank;
      continue;
    }
    const previous = mover.previousRank;
    if (previous == null) {
      if (mover.rank <= rank) rank += 1;
    } else if (mover.rank < previous && mover.rank <= rank && previous > rank) {
      rank += 1; // passed me
    } else if (mover.rank > previous && previous < rank && mover.rank >= rank) {
      rank -= 1; // fell behind me
    }
  }
  return rank;
}

/** French and English ordinals, as people say them: 1er, 2e / 1st, 2nd. */
export function ordinal(rank: number, language: string): string {
  if (language === 'en') {
    const tens = rank % 100;
    const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[rank % 10] ?? 'th';
    return `${rank}${suffix}`;
  }
  return rank === 1 ? '1er' : `${rank}e`;
}

/** The progress ring's dash: how much of a circle of radius `radius` the score fills (capped at one turn). */
export function ringDash(score: number, goal: number, radius: number): { filled: number; circumference: number } {
  const circumference = 2 * Math.PI * radius;
  const share = goal > 0 ? Math.max(0, Math.min(1, score / goal)) : 0;
  return { filled: share * circumference, circumference };
}

/** Pages of the TV mode: `perPage` rows at a time, cycling. */
export function tvPage<T>(rows: readonly T[], page: number, perPage: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / perPage));
  const current = ((page % pages) + pages) % pages;
  return { rows: rows.slice(current * perPage, current * perPage + perPage), page: current, pages };
}
