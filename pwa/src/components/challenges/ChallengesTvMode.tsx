import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { AROUND_SPAN } from '../../lib/boardPrivacy';
import { tvPage } from '../../lib/leaderboard';
import { scoreUnit } from '../../lib/scoreFormat';
import { useQuery } from '../../graphql/hooks';
import { ChallengesLeaderboard } from './ChallengesLeaderboard';
import { useLeaderboard } from './useLeaderboard';
import { ChallengeDocument } from '../../graphql/challenges.generated';

const PER_PAGE = 8;
const ROTATE_MS = 10_000;
/** A showroom screen is nobody's: only the leaders a challenge names are named. */
const NO_NAMES: ReadonlyMap<string, string> = new Map();

/** Full screen for the showroom: big rows, pages rotating, live. */
export function ChallengesTvMode({ id }: { id: string }) {
  const { state } = useQuery(ChallengeDocument, { id });
  const challenge = state.status === 'ready' ? state.data.challenge : null;
  const leagues = challenge?.leagues.length ? challenge.leagues : [''];
  const [leagueIndex, setLeagueIndex] = useState(0);
  const league = challenge ? leagues[leagueIndex % leagues.length] ?? '' : null;
  const live = useLeaderboard(id, league, null);
  const [page, setPage] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => {
      setPage((current) => {
        const pages = Math.max(1, Math.ceil(live.board.rows.length / PER_PAGE));
        if (current + 1 >= pages) setLeagueIndex((n) => n + 1);
        return (current + 1) % pages;
      });
    }, ROTATE_MS);
    return () => clearInterval(timer);
  }, [live.board.rows.length]);
  if (!challenge) return <p role="status">{t('app.loading')}</p>;
  const shown = tvPage(live.board.rows, page, PER_PAGE);
  const unit = scoreUnit(challenge.scoringMode);
  return (
    <section class="tv-mode" aria-labelledby="tv-title">
      <header>
        <h1 id="tv-title">{challenge.name}</h1>
        {league && <p>{t(`challenges.league.${league}` as never)}</p>}
        <button type="button" class="link-button" onClick={() => void document.documentElement.requestFullscreen?.()}>
          {t('challenges.fullScreen')}
        </button>
      </header>
      <ChallengesLeaderboard rows={shown.rows} myParticipantId={null} changed={live.changed} unit={unit} large
        privacy={{ topN: challenge.visibility === 'TOP_AND_AROUND' ? challenge.topN : null, myRank: null, neighbours: NO_NAMES, span: AROUND_SPAN }} />
      <p class="tv-page">{t('challenges.tvPage', { page: shown.page + 1, pages: shown.pages })}</p>
    </section>
  );
}
