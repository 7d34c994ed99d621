import { useEffect, useRef, useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { AROUND_SPAN, neighboursFrom, type BoardPrivacy } from '../../lib/boardPrivacy';
import { ordinal, podiumSplit, raceProgress, rankText } from '../../lib/leaderboard';
import { formatGap, formatNumber, formatScore, partsAddingUp, scoreUnit, timeLeft, type ScoreUnit } from '../../lib/scoreFormat';
import { linkClick } from '../../router';
import { useQuery } from '../../graphql/hooks';
import { ShellLastKnown } from '../shell/ShellLastKnown';
import { ChallengesCelebration } from './ChallengesCelebration';
import { ChallengesKioskLinks } from './ChallengesKioskLinks';
import { ChallengesLeaderboard } from './ChallengesLeaderboard';
import { ChallengesPodium } from './ChallengesPodium';
import { ChallengesProgressRing } from './ChallengesProgressRing';
import { ChallengesTieRule } from './ChallengesTieRule';
import { useLeaderboard } from './useLeaderboard';
import { ChallengeDocument, type ChallengeQuery } from '../../graphql/challenges.generated';

type ChallengeDetail = NonNullable<ChallengeQuery['challenge']>;
type Standing = NonNullable<NonNullable<ChallengeQuery['challenge']>['myStanding']>;

function dateRange(c: ChallengeDetail): string {
  const format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' });
  return t('challenges.period', { start: format.format(new Date(c.startsAt)), end: format.format(new Date(c.endsAt)) });
}

function Breakdown({ standing, unit, race }: { standing: Standing; unit: ScoreUnit; race: boolean }) {
  // the parts are rounded so they add up to the score as shown
  const points = partsAddingUp(standing.breakdown.map((part) => part.points), 1, standing.score);
  return (
    <section class="challenge-breakdown" aria-labelledby="breakdown-title" data-testid="breakdown">
      <h2 id="breakdown-title">{t('challenges.howComputed')}</h2>
      <ul>
        {standing.breakdown.map((part, index) => (
          <li key={`${part.kind}-${part.label}`}>
            <span>{part.kind === 'METRIC' ? part.label : t(`challenges.criterion.${part.kind}` as never)}</span>
            <span class="hint">
              {part.target !== null
                ? t('challenges.partOfTarget', { value: formatNumber(part.value, language), target: formatNumber(part.target, language) })
                : t('challenges.partValue', { value: formatNumber(part.value, language, 2) })}
              {' · '}
              {t('challenges.weight', { weight: formatNumber(part.weight, language, 2) })}
            </span>
            <strong data-testid="breakdown-part">{formatScore(points[index] ?? 0, unit, language)}</strong>
          </li>
        ))}
        <li class="challenge-breakdown-total">
          <span>{t('challenges.breakdownTotal')}</span>
          <strong data-testid="breakdown-total">{formatScore(standing.score, unit, language)}</strong>
        </li>
      </ul>
      {!race && <p class="hint">
        {standing.gapToNextRank !== null
          ? t('challenges.gapToNextRankShown', { gap: formatGap(standing.gapToNextRank, unit, language) })
          : t('challenges.leading')}
        {standing.gapToNextThreshold !== null &&
          ` ${t('challenges.gapToThresholdShown', { gap: formatGap(standing.gapToNextThreshold, unit, language) })}`}
      </p>}
    </section>
  );
}

/** A challenge: my ring and breakdown, then the live board (mine always in view), or the rows around me. */
export function ChallengesPage({ id }: { id: string }) {
  const { state, reload } = useQuery(ChallengeDocument, { id }, { keep: true });
  if (state.status === 'loading') return <p role="status">{t('app.loading')}</p>;
  if (state.status === 'error') {
    return (
      <p role="alert">
        {t('errors.network')} <button type="button" class="link-button" onClick={reload}>{t('challenges.retry')}</button>
      </p>
    );
  }
  const challenge = state.data.challenge;
  if (!challenge) {
    return (
      <section class="challenge-page" aria-labelledby="challenge-title">
        <h1 id="challenge-title">{t('challenges.boardTitle')}</h1>
        <p role="alert">{t('challenges.notFound')}</p>
      </section>
    );
  }
  return (
    <>
      <ShellLastKnown savedAt={state.savedAt} />
      <ChallengeView challenge={challenge} reload={reload} />
    </>
  );
}

/** Whether an element is on screen (the pinned row shows when mine is not). */
function useOnScreen(selector: string, watch: unknown): boolean {
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = document.querySelector(selector);
    if (!element || typeof IntersectionObserver === 'undefined') {
      setSeen(Boolean(element));
      return undefined;
    }
    const observer = new IntersectionObserver(([entry]) => setSeen(Boolean(entry?.isIntersecting)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [selector, watch]);
  return seen;
}

function celebrateOnce(key: string): boolean {
  try {
    if (sessionStorage.getItem(key)) return false;
    sessionStorage.setItem(key, '1');
  } catch {
    // private mode: celebrate anyway
  }
  return true;
}

function ChallengeView({ challenge, reload }: { challenge: ChallengeDetail; reload: () => void }) {
  const standing = challenge.myStanding;
  const league = standing?.league ?? challenge.leagues[0] ?? '';
  const [around, setAround] = useState(false);
  const me = standing ? { participantId: standing.participantId, rank: standing.rank, score: standing.score } : null;
  const live = useLeaderboard(challenge.id, league, me);
  const [celebrating, setCelebrating] = useState<number | null>(null);
  useEffect(() => {
    if (live.movedUpTo !== null && celebrateOnce(`elan:rank-up:${challenge.id}:${live.movedUpTo}:${live.myScore}`)) {
      setCelebrating(live.movedUpTo);
    }
  }, [live.movedUpTo, live.board.version]);
  // my score moved: read my standing again, so the breakdown adds up to the score shown
  const reloads = useRef(0);
  useEffect(() => {
    if (live.myChanges === reloads.current) return undefined;
    reloads.current = live.myChanges;
    const timer = setTimeout(reload, 250);
    return () => clearTimeout(timer);
  }, [live.myChanges]);
  // « autour de moi » follows the board: a move read again, at most once a second
  useEffect(() => {
    if (!around || live.board.version < 0) return undefined;
    const timer = setTimeout(reload, 1000);
    return () => clearTimeout(timer);
  }, [around, live.board.version]);
  const unit = scoreUnit(challenge.scoringMode);
  const score = standing?.score ?? 0;
  const race = challenge.format === 'RACE' && (challenge.raceTarget ?? 0) > 0 ? (challenge.raceTarget as number) : null;
  const goal = race ?? standing?.nextThreshold ?? 100;
  const myRank = live.myRank ?? standing?.rank ?? null;
  const mineInWindow = standing !== null && live.board.rows.find((row) => row.participantId === standing.participantId);
  const myTied = mineInWindow ? Boolean(mineInWindow.tied) : (standing?.tiedWith ?? 0) > 0 && live.myScore === standing?.score;
  const mineOnScreen = useOnScreen('[data-mine="true"]', `${live.board.version}:${around}`);
  const privacy: BoardPrivacy = {
    topN: challenge.visibility === 'TOP_AND_AROUND' ? challenge.topN : null,
    myRank,
    neighbours: neighboursFrom(challenge.aroundMe),
    span: AROUND_SPAN,
  };
  const { podium, rest } = race ? { podium: [], rest: live.board.rows } : podiumSplit(live.board.rows);
  const anyTied = live.board.rows.some((row) => row.tied);
  const closedOn = challenge.closedAt ?? (challenge.status === 'CLOSED' ? challenge.endsAt : null);
  const left = challenge.status === 'LIVE' ? timeLeft(new Date(challenge.endsAt), new Date(), language) : null;
  const myRace = race !== null ? raceProgress(score, race) : null;
  return (
    <section class="challenge-page" aria-labelledby="challenge-title">
      <header class="challenge-head">
        <p class="hint">
          {t(`challenges.format.${challenge.format}` as never)} · {dateRange(challenge)}
          {left && <> · <span data-testid="time-left">{t('challenges.timeLeft', { left })}</span></>}
        </p>
        <h1 id="challenge-title">{challenge.name}</h1>
        {challenge.description && <p>{challenge.description}</p>}
        {challenge.prizes && <p class="challenge-prizes">{t('challenges.prizes', { prizes: challenge.prizes })}</p>}
        {challenge.status !== 'LIVE' && (
          <p class={`challenge-status challenge-status-${challenge.status.toLowerCase()}`} data-testid="challenge-status">
            {challenge.duelState === 'PENDING' ? t('challenges.duelPending') : t(`challenges.status.${challenge.status}` as never)}
          </p>
        )}
        {challenge.visibility === 'TOP_AND_AROUND' && (
          <p class="hint">{t('challenges.visibilityTopN', { count: challenge.topN })}</p>
        )}
        <p class="challenge-links">
          <a href={`/challenges/${challenge.id}/tv`} onClick={linkClick} class="link-button">{t('challenges.tvMode')}</a>
          {challenge.viewerCanManage && (
            <a href={`/challenges/${challenge.id}/edit`} onClick={linkClick} class="link-button" data-testid="manage-challenge">
              {t(challenge.status === 'DRAFT' ? 'challenges.editDraft' : 'challenges.manageOne')}
            </a>
          )}
        </p>
        {challenge.viewerCanManage && challenge.format !== 'DUEL' && <ChallengesKioskLinks challengeId={challenge.id} />}
      </header>
      {closedOn && (
        <p class="challenge-frozen" data-testid="final-ranking">
          {t('challenges.finalRankingFrozen', {
            date: new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' }).format(new Date(closedOn)),
          })}
        </p>
      )}
      {celebrating !== null && (
        <ChallengesCelebration title={t('challenges.youMoveUp', { rank: ordinal(celebrating, language) })}
          figure={ordinal(celebrating, language)} onDone={() => setCelebrating(null)} />
      )}
      {live.movedUpTo !== null && (
        <p class="challenge-toast" role="status" data-testid="rank-toast">
          {t('challenges.youMoveUp', { rank: ordinal(live.movedUpTo, language) })}
        </p>
      )}
      {standing && myRace && race !== null && (
        <div class="board-my-race" data-testid="my-race">
          <strong>{formatScore(score, unit, language)} / {formatScore(race, unit, language)}</strong>
          <span class="board-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(myRace.share * 100)}
            aria-label={t('challenges.raceBar')}>
            <span style={{ width: `${myRace.share * 100}%` }} />
          </span>
          <p class="hint">
            {myRace.reached ? t('challenges.raceReached') : t('challenges.raceRemaining', { gap: formatGap(myRace.remaining, unit, language) })}
          </p>
        </div>
      )}
      {standing && !race && (
        <div class="challenge-me">
          <ChallengesProgressRing score={score} goal={goal} unit={unit} />
          <div>
            <p class="challenge-my-rank" data-testid="my-rank">
              {t('challenges.myRank', { rank: rankText(myRank ?? standing.rank, myTied, language), count: standing.participantCount })}
            </p>
            {myTied && <ChallengesTieRule />}
            {standing.league && <p class="hint">{t(`challenges.league.${standing.league}` as never)}</p>}
            {standing.finalRank !== null && <p class="hint">{t('challenges.finalRank')}</p>}
          </div>
        </div>
      )}
      {standing && <Breakdown standing={standing} unit={unit} race={race !== null} />}
      <div class="challenge-tabs" role="group" aria-label={t('challenges.viewLabel')}>
        <button type="button" aria-pressed={!around} onClick={() => setAround(false)}>{t(race ? 'challenges.viewRace' : 'challenges.viewTop')}</button>
        <button type="button" aria-pressed={around} disabled={!standing} onClick={() => setAround(true)}>
          {t('challenges.viewAround')}
        </button>
      </div>
      {around ? (
        <ChallengesLeaderboard rows={challenge.aroundMe} myParticipantId={standing?.participantId ?? null} changed={new Set()} unit={unit}
          raceTarget={race} />
      ) : (
        <>
          <ChallengesPodium rows={podium} unit={unit} myParticipantId={standing?.participantId ?? null} privacy={privacy} />
          <ChallengesLeaderboard rows={rest} myParticipantId={standing?.participantId ?? null} changed={live.changed} unit={unit}
            moves={live.moves} privacy={privacy} raceTarget={race} />
          {anyTied && !race && <ChallengesTieRule />}
        </>
      )}
      {!around && standing && !mineOnScreen && myRank !== null && (
        <div class="board-sticky" data-testid="my-sticky-row">
          <span class="board-rank" aria-label={rankText(myRank, myTied, language)}>{myRank}</span>
          <span />
          <span />
          <span class="board-name"><span class="board-person">{t('challenges.me')}</span></span>
          <span />
          <span class="board-score">{formatScore(live.myScore ?? score, unit, language)}</span>
        </div>
      )}
    </section>
  );
}
