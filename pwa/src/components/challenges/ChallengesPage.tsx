import { useEffect, useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { AROUND_SPAN, neighboursFrom, type BoardPrivacy } from '../../lib/boardPrivacy';
import { ordinal } from '../../lib/leaderboard';
import { linkClick } from '../../router';
import { useQuery } from '../../graphql/hooks';
import { ShellLastKnown } from '../shell/ShellLastKnown';
import { ChallengesLeaderboard } from './ChallengesLeaderboard';
import { ChallengesProgressRing } from './ChallengesProgressRing';
import { useLeaderboard } from './useLeaderboard';
import { ChallengeDocument, type ChallengeQuery } from '../../graphql/challenges.generated';

type ChallengeDetail = NonNullable<ChallengeQuery['challenge']>;
type Standing = NonNullable<NonNullable<ChallengeQuery['challenge']>['myStanding']>;

function dateRange(c: ChallengeDetail): string {
  const format = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' });
  return t('challenges.period', { start: format.format(new Date(c.startsAt)), end: format.format(new Date(c.endsAt)) });
}

function unitOf(c: ChallengeDetail): string {
  return c.scoringMode === 'ABSOLUTE' ? t('challenges.points') : t('challenges.percent');
}

function Breakdown({ standing, unit }: { standing: Standing; unit: string }) {
  return (
    <section class="challenge-breakdown" aria-labelledby="breakdown-title">
      <h2 id="breakdown-title">{t('challenges.howComputed')}</h2>
      <ul>
        {standing.breakdown.map((part) => (
          <li key={`${part.kind}-${part.label}`}>
            <span>{part.kind === 'METRIC' ? part.label : t(`challenges.criterion.${part.kind}` as never)}</span>
            <span class="hint">
              {part.target !== null
                ? t('challenges.partOfTarget', { value: part.value, target: part.target })
                : t('challenges.partValue', { value: part.value })}
              {' · '}
              {t('challenges.weight', { weight: part.weight })}
            </span>
            <strong>{t('challenges.partPoints', { points: Math.round(part.points * 10) / 10, unit })}</strong>
          </li>
        ))}
      </ul>
      <p class="hint">
        {standing.gapToNextRank !== null
          ? t('challenges.gapToNextRank', { gap: Math.round(standing.gapToNextRank * 10) / 10, unit })
          : t('challenges.leading')}
        {standing.gapToNextThreshold !== null &&
          ` ${t('challenges.gapToThreshold', { gap: Math.round(standing.gapToNextThreshold * 10) / 10, unit })}`}
      </p>
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
      <ChallengeView challenge={challenge} />
    </>
  );
}

function ChallengeView({ challenge }: { challenge: ChallengeDetail }) {
  const standing = challenge.myStanding;
  const league = standing?.league ?? challenge.leagues[0] ?? '';
  const [around, setAround] = useState(false);
  const me = standing ? { participantId: standing.participantId, rank: standing.rank, score: standing.score } : null;
  const live = useLeaderboard(challenge.id, league, me);
  const [toast, setToast] = useState<string | null>(null);
  useEffect(() => {
    if (live.movedUpTo !== null) setToast(t('challenges.youMoveUp', { rank: ordinal(live.movedUpTo, language) }));
  }, [live.movedUpTo, live.board.version]);
  const unit = unitOf(challenge);
  const score = live.myScore ?? standing?.score ?? 0;
  const goal = standing?.nextThreshold ?? (challenge.raceTarget ?? 100);
  const myRank = live.myRank ?? standing?.rank ?? null;
  const mineInView = standing !== null && live.board.rows.some((row) => row.participantId === standing.participantId);
  const privacy: BoardPrivacy = {
    topN: challenge.visibility === 'TOP_AND_AROUND' ? challenge.topN : null,
    myRank,
    neighbours: neighboursFrom(challenge.aroundMe),
    span: AROUND_SPAN,
  };
  const closedOn = challenge.closedAt ?? (challenge.status === 'CLOSED' ? challenge.endsAt : null);
  return (
    <section class="challenge-page" aria-labelledby="challenge-title">
      <header class="challenge-head">
        <p class="hint">{t(`challenges.format.${challenge.format}` as never)} · {dateRange(challenge)}</p>
        <h1 id="challenge-title">{challenge.name}</h1>
        {challenge.description && <p>{challenge.description}</p>}
        {challenge.prizes && <p class="challenge-prizes">{t('challenges.prizes', { prizes: challenge.prizes })}</p>}
        {challenge.status !== 'LIVE' && (
          <p class={`challenge-status challenge-status-${challenge.status.toLowerCase()}`} data-testid="challenge-status">
            {t(`challenges.status.${challenge.status}` as never)}
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
      </header>
      {closedOn && (
        <p class="challenge-frozen" data-testid="final-ranking">
          {t('challenges.finalRankingFrozen', {
            date: new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long' }).format(new Date(closedOn)),
          })}
        </p>
      )}
      {toast && (
        <p class="challenge-toast" role="status" data-testid="rank-toast">
          {toast}
        </p>
      )}
      {standing && (
        <div class="challenge-me">
          <ChallengesProgressRing score={score} goal={goal} unit={unit} />
          <div>
            <p class="challenge-my-rank" data-testid="my-rank">
              {t('challenges.myRank', { rank: ordinal(myRank ?? standing.rank, language), count: standing.participantCount })}
            </p>
            {standing.league && <p class="hint">{t(`challenges.league.${standing.league}` as never)}</p>}
            {standing.finalRank !== null && <p class="hint">{t('challenges.finalRank')}</p>}
          </div>
        </div>
      )}
      {standing && <Breakdown standing={standing} unit={unit} />}
      <div class="challenge-tabs" role="group" aria-label={t('challenges.viewLabel')}>
        <button type="button" aria-pressed={!around} onClick={() => setAround(false)}>{t('challenges.viewTop')}</button>
        <button type="button" aria-pressed={around} disabled={!standing} onClick={() => setAround(true)}>
          {t('challenges.viewAround')}
        </button>
      </div>
      {around ? (
        <ChallengesLeaderboard rows={challenge.aroundMe} myParticipantId={standing?.participantId ?? null} changed={new Set()} unit={unit} />
      ) : (
        <ChallengesLeaderboard rows={live.board.rows} myParticipantId={standing?.participantId ?? null} changed={live.changed} unit={unit}
          privacy={privacy} />
      )}
      {!around && standing && !mineInView && myRank !== null && (
        <div class="board-sticky" data-testid="my-sticky-row">
          <span class="board-rank">{myRank}</span>
          <span class="board-name">{t('challenges.me')}</span>
          <span class="board-score">{Math.round(score * 10) / 10}<small>{unit}</small></span>
        </div>
      )}
    </section>
  );
}
