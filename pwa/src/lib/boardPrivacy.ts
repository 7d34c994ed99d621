/**
 * Who a leaderboard names under a challenge's privacy: everyone, or only the top N plus
 * the participants around me. The live board is one payload shared by every phone, so the
 * names of my neighbours come from my own "around me" rows; this keeps the board showing
 * exactly what the rule allows as ranks move.
 */
import type { BoardRow } from './leaderboard';

export interface BoardPrivacy {
  /** How many leaders are named; null when everyone is. */
  topN: number | null;
  /** My rank now, or null when I don't take part. */
  myRank: number | null;
  /** Names of my neighbours I was given, by participant id. */
  neighbours: ReadonlyMap<string, string>;
  /** How many rows above and below me count as around me. */
  span: number;
}

export const AROUND_SPAN = 2;

export function neighboursFrom(rows: readonly { participantId: string; displayName: string | null; isMe: boolean }[]): Map<string, string> {
  return new Map(
    rows.filter((row) => !row.isMe && row.displayName !== null).map((row) => [row.participantId, row.displayName as string]),
  );
}

/** The name a row shows, or null for « Participant masqué ». */
export function shownName(row: Pick<BoardRow, 'participantId' | 'rank' | 'displayName'>, privacy: BoardPrivacy): string | null {
  if (privacy.topN === null || row.rank <= privacy.topN) return row.displayName;
  if (privacy.myRank !== null && Math.abs(row.rank - privacy.myRank) <= privacy.span) {
    return row.displayName ?? privacy.neighbours.get(row.participantId) ?? null;
  }
  return null;
}
