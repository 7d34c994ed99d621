/** The live board of one challenge and league, the viewer's rank kept in step, and the "vous passez 2e" moment. */
import { useRef, useState } from 'preact/hooks';
import { useSubscription } from '../../graphql/hooks';
import { applyEvent, EMPTY_BOARD, myRankAfter, type Board, type BoardEvent } from '../../lib/leaderboard';
import { LeaderboardEventsDocument } from '../../graphql/challenges.generated';

export interface LiveBoard {
  board: Board;
  myRank: number | null;
  myScore: number | null;
  /** Set when the viewer just moved up: the new rank. */
  movedUpTo: number | null;
  /** Rows that changed in the last event, to flash them. */
  changed: ReadonlySet<string>;
}

export function useLeaderboard(
  challengeId: string,
  league: string | null,
  me: { participantId: string; rank: number; score: number } | null,
): LiveBoard {
  const [state, setState] = useState<LiveBoard>({
    board: EMPTY_BOARD, myRank: me?.rank ?? null, myScore: me?.score ?? null, movedUpTo: null, changed: new Set(),
  });
  const [round, setRound] = useState(0);
  const latest = useRef(state);
  latest.current = state;

  useSubscription(
    LeaderboardEventsDocument,
    { challengeId, league },
    {
      skip: league === null,
      restart: round,
      onData: ({ leaderboard }) => {
        const event = leaderboard as BoardEvent;
        const current = latest.current;
        const applied = applyEvent(current.board, event);
        if (applied.needsSnapshot) {
          setRound((n) => n + 1); // subscribe again: a fresh snapshot comes first
          return;
        }
        let { myRank, myScore, movedUpTo } = current;
        if (me && event.type === 'ROWS' && myRank !== null) {
          const before = myRank;
          myRank = myRankAfter(myRank, me.participantId, event);
          const mine = event.rows.find((row) => row.participantId === me.participantId);
          if (mine) myScore = mine.score;
          movedUpTo = myRank < before ? myRank : movedUpTo;
        }
        if (me && event.type === 'SNAPSHOT') {
          const mine = event.rows.find((row) => row.participantId === me.participantId);
          if (mine) {
            myRank = mine.rank;
            myScore = mine.score;
          }
        }
        const changed = new Set(event.type === 'ROWS' ? event.rows.map((row) => row.participantId) : []);
        setState({ board: applied.board, myRank, myScore, movedUpTo, changed });
      },
    },
  );

  return state;
}
