import { useEffect, useRef, useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { AROUND_SPAN, shownName, type BoardPrivacy } from '../../lib/boardPrivacy';
import { ordinal, podiumSplit, tvPage } from '../../lib/leaderboard';
import { scoreUnit } from '../../lib/scoreFormat';
import { countdown } from '../../lib/tvBoard';
import { ChallengesLeaderboard } from './ChallengesLeaderboard';
import { ChallengesPodium } from './ChallengesPodium';
import type { LiveBoard } from './useLeaderboard';
import './ChallengesBoard.css';
import './ChallengesTv.css';

export const TV_ROWS = 8;
const ROTATE_MS = 12_000;
const CELEBRATE_MS = 5_000;
/** A showroom screen is nobody's: only the leaders a challenge names are named. */
const NO_NAMES: ReadonlyMap<string, string> = new Map();

export interface TvChallenge {
  name: string;
  organizationName?: string | null;
  format: string;
  scoringMode: string;
  visibility: string;
  topN: number;
  raceTarget: number | null;
  endsAt: string;
  status: string;
  prizes?: string | null;
}

interface Props {
  challenge: TvChallenge;
  league: string;
  live: LiveBoard;
  /** Called when a page cycle ends: the next league's turn. */
  onCycle: () => void;
}

function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function useViewportHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

/** The showroom board for 1080p and 4K landscape screens: logo and name, countdown, podium, 8 rows a page, moves animated and celebrated. */
export function ChallengesTvBoard({ challenge, league, live, onCycle }: Props) {
  const now = useNow(1000);
  const height = useViewportHeight();
  const [page, setPage] = useState(0);
  const [moment, setMoment] = useState<string | null>(null);
  const unit = scoreUnit(challenge.scoringMode);
  const race = challenge.format === 'RACE' && (challenge.raceTarget ?? 0) > 0 ? challenge.raceTarget : null;
  const privacy: BoardPrivacy = {
    topN: challenge.visibility === 'TOP_AND_AROUND' ? challenge.topN : null, myRank: null, neighbours: NO_NAMES, span: AROUND_SPAN,
  };
  const { podium, rest } = race ? { podium: [], rest: live.board.rows } : podiumSplit(live.board.rows);
  const shown = tvPage(rest, page, TV_ROWS);
  const pagesRef = useRef(shown.pages);
  pagesRef.current = shown.pages;
  useEffect(() => {
    const timer = setInterval(() => {
      setPage((current) => {
        if (current + 1 >= pagesRef.current) onCycle();
        return (current + 1) % pagesRef.current;
      });
    }, ROTATE_MS);
    return () => clearInterval(timer);
  }, [onCycle]);
  // a move up is the showroom's moment: who, and the rank reached
  useEffect(() => {
    const up = live.board.rows.find((row) => live.moves.get(row.participantId) === 'up');
    if (!up) return undefined;
    const name = shownName(up, privacy) ?? t('challenges.hidden');
    setMoment(t('challenges.tvMovedUp', { name, rank: ordinal(up.rank, language) }));
    const timer = setTimeout(() => setMoment(null), CELEBRATE_MS);
    return () => clearTimeout(timer);
  }, [live.board.version]);
  const left = countdown(new Date(challenge.endsAt), now, language);
  const rowHeight = Math.max(48, Math.floor((height * 0.72) / TV_ROWS));
  return (
    <section class="tv theme-tv" aria-labelledby="tv-title" data-testid="tv-board">
      <header class="tv-head">
        <span class="tv-brand">
          <img src="/icon-192.png" alt="" class="tv-logo" />
          <span>{challenge.organizationName || t('app.name')}</span>
        </span>
        <h1 id="tv-title" class="tv-title" data-testid="tv-title">{challenge.name}</h1>
        {challenge.status === 'LIVE' && left && (
          <p class="tv-countdown" data-testid="tv-countdown">
            <span>{t('challenges.tvEndsIn')}</span> <strong>{left}</strong>
          </p>
        )}
        <button type="button" class="button tv-fullscreen" data-testid="tv-fullscreen"
          onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
          {t('challenges.fullScreen')}
        </button>
      </header>
      <p class="tv-league">
        {league && <span>{t('challenges.tvLeague')} · {t(`challenges.league.${league}` as never)}</span>}
        {challenge.prizes && <span class="tv-prize">{t('challenges.prizes', { prizes: challenge.prizes })}</span>}
      </p>
      <div class={`tv-body${race ? ' tv-body-race' : ''}`}>
        {!race && podium.length > 0 && (
          <ChallengesPodium rows={podium} unit={unit} myParticipantId={null} privacy={privacy} large />
        )}
        <ChallengesLeaderboard rows={shown.rows} myParticipantId={null} changed={live.changed} moves={live.moves} unit={unit}
          large rowHeight={rowHeight} privacy={privacy} raceTarget={race} />
      </div>
      {moment && <p class="tv-moment" role="status" data-testid="tv-moment">{moment}</p>}
      {shown.pages > 1 && <p class="tv-page">{t('challenges.tvPage', { page: shown.page + 1, pages: shown.pages })}</p>}
    </section>
  );
}
