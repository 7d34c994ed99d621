/** The live board of one challenge and league, the viewer's rank kept in step, the arrows of the last moves, and the "vous passez 2e" moment. */
import { useRef, useState } from 'preact/hooks';
import { useSubscription } from '../../graphql/hooks';
import { applyEvent, EMPTY_BOARD, myRankAfter, type Board, type BoardEvent } from '../../lib/leaderboard';
import { KioskLeaderboardEventsDocument, LeaderboardEventsDocument } from '../../graphql/challenges.generated';

export type Move = 'up' | 'down';

export interface LiveBoard {
  board: Board;
  myRank: number | null;
  myScore: number | null;
  /** Set when the viewer just moved up: the new rank. */
  movedUpTo: number | null;
  /** Rows that changed in the last event, to flash them. */
  changed: ReadonlySet<string>;
  /** Rows whose rank went up or down in the last event: their arrows. */
  moves: ReadonlyMap<string, Move>;
  /** Bumped on every change of my own score: the breakdown reloads on it. */
  myChanges: number;
}

export function useLeaderboard(
  challengeId: string,
  league: string | null,
  me: { participantId: string; rank: number; score: number } | null,
  /** A showroom screen's kiosk token: the board comes through it, with no session. */
  kioskToken: string | null = null,
): LiveBoard {
  const [state, setState] = useState<LiveBoard>({
    board: EMPTY_BOARD, myRank: me?.rank ?? null, myScore: me?.score ?? null, movedUpTo: null, changed: new Set(),
    moves: new Map(), myChanges: 0,
  });
  const [round, setRound] = useState(0);
  const latest = useRef(state);
  latest.current = state;

  const onEvent = (event: BoardEvent) => {
    const current = latest.current;
    const applied = applyEvent(current.board, event);
    if (applied.needsSnapshot) {
      setRound((n) => n + 1); // subscribe again: a fresh snapshot comes first
      return;
    }
    let { myRank, myScore, movedUpTo, myChanges } = current;
    if (me && event.type === 'ROWS' && myRank !== null && myScore !== null) {
      const before = myRank;
      const after = myRankAfter({ rank: myRank, score: myScore }, me.participantId, event);
      if (after.score !== myScore) myChanges += 1;
      myRank = after.rank;
      myScore = after.score;
      movedUpTo = myRank < before ? myRank : movedUpTo;
    }
    if (me && event.type === 'SNAPSHOT') {
      const mine = event.rows.find((row) => row.participantId === me.participantId);
      if (mine) {
        if (myScore !== null && mine.score !== myScore) myChanges += 1;
        myRank = mine.rank;
        myScore = mine.score;
      }
    }
    const moves = new Map<string, Move>();
    if (event.type === 'ROWS') {
      const before = new Map(current.board.rows.map((row) => [row.participantId, row.rank]));
      for (const row of applied.board.rows) {
        const was = before.get(row.participantId) ?? event.rows.find((m) => m.participantId === row.participantId)?.previousRank;
        if (was != null && was !== row.rank) moves.set(row.participantId, row.rank < was ? 'up' : 'down');
      }
    }
    const changed = new Set(event.type === 'ROWS' ? event.rows.map((row) => row.participantId) : []);
    setState({ board: applied.board, myRank, myScore, movedUpTo, changed, moves: event.type === 'ROWS' ? moves : current.moves, myChanges });
  };
  useSubscription(LeaderboardEventsDocument, { challengeId, league }, {
    skip: league === null || kioskToken !== null,
    restart: round,
    onData: ({ leaderboard }) => onEvent(leaderboard as BoardEvent),
  });
  useSubscription(KioskLeaderboardEventsDocument, { token: kioskToken ?? '', league }, {
    skip: league === null || kioskToken === null,
    restart: round,
    onData: ({ leaderboard }) => onEvent(leaderboard as BoardEvent),
  });

  return state;
}
