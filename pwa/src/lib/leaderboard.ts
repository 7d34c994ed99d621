/**
 * The live leaderboard on the phone: a snapshot, then changes carrying a version.
 * Equal scores share a rank (standard competition ranking, 1, 2, 2, 4): a rank is one plus
 * how many have a strictly higher score. The window is the top of the board, so the phone
 * re-ranks what it holds from the scores; a ROWS event carries the mover's new rank and its
 * score before, which is all the viewer needs to keep its own rank when it is off the window.
 * A version that skips one means something was missed: the caller asks for a new snapshot.
 */

export interface BoardRow {
  participantId: string;
  rank: number;
  previousRank?: number | null;
  previousScore?: number | null;
  tied?: boolean;
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

/** Competition ranks and ex aequo flags of rows in board order, the first being 1st. */
export function sharedRanks<T extends { score: number }>(rows: readonly T[]): (T & { rank: number; tied: boolean })[] {
  return rows.map((row, index) => {
    let first = index;
    while (first > 0 && rows[first - 1]!.score === row.score) first -= 1;
    const tied = (index > 0 && rows[index - 1]!.score === row.score) || (index + 1 < rows.length && rows[index + 1]!.score === row.score);
    return { ...row, rank: first + 1, tied };
  });
}

function moveOne(rows: BoardRow[], mover: BoardRow, size: number): BoardRow[] | null {
  const others = rows.filter((row) => row.participantId !== mover.participantId);
  if (mover.rank > size) return others;
  // a score reached later lists after those already there (the server's order too)
  const at = others.filter((row) => row.score >= mover.score).length;
  const above = others.filter((row) => row.score > mover.score).length;
  if (above + 1 !== mover.rank) return null; // someone above is not in the window: take a snapshot
  return [...others.slice(0, at), { ...mover }, ...others.slice(at)].slice(0, size);
}

/** Applies one event; a snapshot replaces everything, a gap asks for a new snapshot. */
export function applyEvent(board: Board, event: BoardEvent): Applied {
  if (event.type === 'SNAPSHOT') {
    const rows = [...event.rows].sort((a, b) => a.rank - b.rank || b.score - a.score);
    return { board: { version: event.version, rows, size: Math.max(rows.length, board.size) }, needsSnapshot: false };
  }
  if (event.version <= board.version) return { board, needsSnapshot: false };
  if (event.type === 'RESET' || event.version !== board.version + 1) {
    return { board, needsSnapshot: true };
  }
  let rows = board.rows;
  for (const mover of event.rows) {
    const next = moveOne(rows, mover, Math.max(board.size, 1));
    if (next === null) return { board, needsSnapshot: true };
    rows = next;
  }
  return { board: { ...board, version: event.version, rows: sharedRanks(rows) }, needsSnapshot: false };
}

/** The viewer's rank and score after an event: its own move, or someone passing it, levelling or falling behind. */
export function myRankAfter(mine: { rank: number; score: number }, myId: string, event: BoardEvent): { rank: number; score: number } {
  let { rank, score } = mine;
  for (const mover of event.rows) {
    if (mover.participantId === myId) {
      rank = mover.rank;
      score = mover.score;
      continue;
    }
    const wasAbove = mover.previousScore != null && mover.previousScore > score;
    const isAbove = mover.score > score;
    rank += (isAbove ? 1 : 0) - (wasAbove ? 1 : 0);
  }
  return { rank: Math.max(1, rank), score };
}

/** A rank as people say it, with « ex aequo » when shared: « 2e ex aequo », "2nd (tied)". */
export function rankText(rank: number, tied: boolean, language: string): string {
  const said = ordinal(rank, language);
  if (!tied) return said;
  return language === 'en' ? `${said} (tied)` : `${said} ex aequo`;
}

/** A race: how far a score is along to the target, whether it made it, and what is left. */
export function raceProgress(score: number, target: number): { share: number; reached: boolean; remaining: number } {
  if (!(target > 0)) return { share: 0, reached: false, remaining: 0 };
  return { share: Math.max(0, Math.min(1, score / target)), reached: score >= target, remaining: Math.max(0, target - score) };
}

/** The podium (ranks 1 to 3, ties included, at most `most` faces) and the rows below it. */
export function podiumSplit<T extends { rank: number; score: number }>(rows: readonly T[], most = 3): { podium: T[]; rest: T[] } {
  const podium = rows.filter((row, index) => row.rank <= 3 && row.score > 0 && index < most);
  return { podium, rest: rows.slice(podium.length) };
}

/** The movement arrow of a row: up, down or none, from its rank before the last change. */
export function movementOf(row: Pick<BoardRow, 'rank' | 'previousRank'>): 'up' | 'down' | 'same' {
  if (row.previousRank == null || row.previousRank === row.rank) return 'same';
  return row.rank < row.previousRank ? 'up' : 'down';
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
