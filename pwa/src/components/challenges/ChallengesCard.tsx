import { language, t } from '../../i18n';
import { raceProgress, rankText } from '../../lib/leaderboard';
import { formatScore, scoreUnit, timeLeft } from '../../lib/scoreFormat';
import { linkClick } from '../../router';
import { ChallengesFace } from './ChallengesFace';
import type { ChallengesQuery } from '../../graphql/challenges.generated';

type Listed = ChallengesQuery['challenges'][number];

interface Props {
  challenge: Listed;
  /** A duel the viewer was invited to: accept or decline from the card. */
  answer?: (accept: boolean) => void;
  busy?: boolean;
}

/** The goal a card's bar fills to: a race's target, the next threshold, else 100 %. */
function goalOf(challenge: Listed, score: number): number | null {
  if (challenge.format === 'RACE' && challenge.raceTarget) return challenge.raceTarget;
  const next = challenge.thresholds.map((level) => level.score).sort((a, b) => a - b).find((level) => level > score);
  if (next !== undefined) return next;
  return scoreUnit(challenge.scoringMode) === 'percent' ? 100 : null;
}

function when(challenge: Listed): string {
  if (challenge.status === 'CLOSED') return t('challenges.cardEnded');
  if (challenge.status === 'LIVE') {
    const left = timeLeft(new Date(challenge.endsAt), new Date(), language);
    return left ? t('challenges.timeLeft', { left }) : t('challenges.cardEnded');
  }
  const date = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short' }).format(new Date(challenge.startsAt));
  return t('challenges.cardStarts', { date });
}

/** A challenge in the list: name, time left, my rank and progress bar, the prize, the leader's face. */
export function ChallengesCard({ challenge, answer, busy = false }: Props) {
  const { card } = challenge;
  const unit = scoreUnit(challenge.scoringMode);
  const pending = challenge.duelState === 'PENDING';
  const score = card.myScore ?? 0;
  const goal = goalOf(challenge, score);
  const progress = card.myRank !== null && goal && !pending ? raceProgress(score, goal) : null;
  const leader = card.leaderCount === 0
    ? t('challenges.cardNoLeader')
    : t(card.leaderCount > 1 ? 'challenges.cardLeaderMore' : 'challenges.cardLeader', {
      name: card.leaderName ?? t('challenges.hidden'), count: card.leaderCount - 1,
    });
  return (
    <li class="challenge-card" data-testid="challenge-card">
      <a href={`/challenges/${challenge.id}`} onClick={linkClick}>
        <span class="challenge-card-head">
          <strong data-testid="card-name">{challenge.name}</strong>
          <span class="challenge-card-time" data-testid="card-time">{when(challenge)}</span>
        </span>
        {pending && <span class="challenge-card-pending" data-testid="duel-pending">{t('challenges.duelPending')}</span>}
        {!pending && challenge.status === 'DRAFT' && <span class="tag-chip challenge-draft-tag">{t('challenges.status.DRAFT')}</span>}
        {pending ? null : card.myRank !== null ? (
          <span class="challenge-card-me" data-testid="card-rank">
            <span>{t('challenges.cardMine')} <b>{rankText(card.myRank, card.myTied, language)}</b></span>
            <span>{formatScore(score, unit, language)}{goal ? ` / ${formatScore(goal, unit, language)}` : ''}</span>
          </span>
        ) : (
          <span class="hint">{t('challenges.cardNotIn')}</span>
        )}
        {progress && (
          <span class="board-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress.share * 100)}
            aria-label={t('challenges.raceBar')}>
            <span style={{ width: `${progress.share * 100}%` }} />
          </span>
        )}
        {challenge.prizes && <span class="challenge-card-prize">{t('challenges.prizes', { prizes: challenge.prizes })}</span>}
        {!pending && <span class="challenge-card-foot">
          {card.leaderCount > 0 && <ChallengesFace name={card.leaderName ?? '?'} size="s" />}
          <span data-testid="card-leader">{leader}</span>
        </span>}
      </a>
      {pending && answer && (
        <span class="challenge-card-actions">
          <button type="button" class="button" disabled={busy} onClick={() => answer(true)}>{t('challenges.accept')}</button>
          <button type="button" class="button button-secondary" disabled={busy} onClick={() => answer(false)}>{t('challenges.decline')}</button>
        </span>
      )}
      {pending && !answer && <span class="hint">{t('challenges.duelWaiting')}</span>}
    </li>
  );
}
