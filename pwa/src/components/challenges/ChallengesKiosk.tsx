import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { leagueAt } from '../../lib/tvBoard';
import { setKioskConnection } from '../../graphql/client';
import { useQuery } from '../../graphql/hooks';
import { ChallengesTvBoard } from './ChallengesTvBoard';
import { useLeaderboard } from './useLeaderboard';
import { KioskBoardDocument } from '../../graphql/challenges.generated';
import './ChallengesTv.css';

const RECHECK_MS = 60_000;

/** A showroom screen opened by a kiosk link: no session, the one board its link opens, live. */
export function ChallengesKiosk({ token }: { token: string }) {
  setKioskConnection(token);
  const { state, reload } = useQuery(KioskBoardDocument, { token });
  // the link may be revoked, the challenge closed: read it again now and then
  useEffect(() => {
    const timer = setInterval(reload, RECHECK_MS);
    return () => clearInterval(timer);
  }, [reload]);
  const board = state.status === 'ready' ? state.data.kioskBoard : null;
  const [turn, setTurn] = useState(0);
  const league = board ? leagueAt(board.leagues, turn) : null;
  const live = useLeaderboard(board?.challengeId ?? '', league, null, token);
  const onCycle = useCallback(() => setTurn((n) => n + 1), []);
  if (state.status === 'error') {
    return (
      <main id="main" class="tv theme-tv tv-invalid">
        <p role="alert">{t('challenges.kiosk.invalid')}</p>
      </main>
    );
  }
  if (!board) return <main id="main" class="tv theme-tv"><p role="status">{t('app.loading')}</p></main>;
  return (
    <main id="main">
      <ChallengesTvBoard challenge={board} league={league ?? ''} live={live} onCycle={onCycle} />
    </main>
  );
}
