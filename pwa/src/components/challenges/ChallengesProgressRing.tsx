import { language, t } from '../../i18n';
import { ringDash } from '../../lib/leaderboard';
import { formatScore, type ScoreUnit } from '../../lib/scoreFormat';

const RADIUS = 44;

/** My score against the next goal (the next threshold, else 100), as a ring. */
export function ChallengesProgressRing({ score, goal, unit }: { score: number; goal: number; unit: ScoreUnit }) {
  const { filled, circumference } = ringDash(score, goal, RADIUS);
  const shown = formatScore(score, unit, language);
  return (
    <figure class="challenge-ring" aria-label={t('challenges.ringLabel', { score: shown, goal: formatScore(goal, unit, language) })}>
      <svg viewBox="0 0 100 100" width="112" height="112" aria-hidden="true">
        <circle cx="50" cy="50" r={RADIUS} class="challenge-ring-track" />
        <circle
          cx="50" cy="50" r={RADIUS} class="challenge-ring-fill"
          stroke-dasharray={`${filled} ${circumference}`} transform="rotate(-90 50 50)"
        />
      </svg>
      <figcaption>
        <strong data-testid="ring-score">{shown}</strong>
      </figcaption>
    </figure>
  );
}
