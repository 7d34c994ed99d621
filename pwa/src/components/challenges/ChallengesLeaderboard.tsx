import { language, t } from '../../i18n';
import { shownName, type BoardPrivacy } from '../../lib/boardPrivacy';
import { raceProgress, rankText, type BoardRow } from '../../lib/leaderboard';
import { formatScore, type ScoreUnit } from '../../lib/scoreFormat';
import { ChallengesFace } from './ChallengesFace';
import type { Move } from './useLeaderboard';
import './ChallengesBoard.css';

const ROW_HEIGHT = 56;
const RACE_ROW_HEIGHT = 68;
const MEDALS = ['board-medal-gold', 'board-medal-silver', 'board-medal-bronze'];

interface Props {
  rows: readonly BoardRow[];
  myParticipantId: string | null;
  changed: ReadonlySet<string>;
  unit: ScoreUnit;
  moves?: ReadonlyMap<string, Move>;
  large?: boolean;
  /** Who may be named; without it, the names given are shown. */
  privacy?: BoardPrivacy;
  /** A race: each row shows its progress to this target instead of a ranking. */
  raceTarget?: number | null;
  /** Photos by participant id, when the server has them. */
  photos?: ReadonlyMap<string, string>;
  /** A row's height in px (the TV fits its rows to the screen). */
  rowHeight?: number;
}

/** Rows placed by their position, so that a change of rank slides them (CSS transition on transform). */
export function ChallengesLeaderboard({ rows, myParticipantId, changed, unit, moves, large = false, privacy, raceTarget, photos, rowHeight }: Props) {
  const race = raceTarget != null && raceTarget > 0;
  const height = rowHeight ?? (race ? RACE_ROW_HEIGHT : ROW_HEIGHT) * (large ? 1.6 : 1);
  return (
    <ol class={`board${large ? ' board-large' : ''}${race ? ' board-race' : ''}`} style={{ height: `${rows.length * height}px` }}
      aria-live="polite">
      {rows.map((row, position) => {
        const mine = row.participantId === myParticipantId;
        const name = mine ? t('challenges.me') : (privacy ? shownName(row, privacy) : row.displayName) ?? t('challenges.hidden');
        const move = moves?.get(row.participantId);
        const progress = race ? raceProgress(row.score, raceTarget) : null;
        const classes = ['board-row', mine && 'board-row-mine', changed.has(row.participantId) && 'board-row-changed',
          progress?.reached && 'board-row-reached'].filter(Boolean).join(' ');
        return (
          <li key={row.participantId} class={classes} style={{ transform: `translateY(${position * height}px)`, height: `${height}px` }}
            data-testid="board-row" data-rank={row.rank} data-mine={mine ? 'true' : undefined}>
            {race ? (
              <span class="board-rank board-reached" aria-label={progress?.reached ? t('challenges.raceReached') : undefined}>
                {progress?.reached ? '✓' : ''}
              </span>
            ) : (
              <span class={`board-rank${row.rank <= 3 ? ` board-medal ${MEDALS[row.rank - 1]}` : ''}`}
                aria-label={rankText(row.rank, row.tied ?? false, language)} title={rankText(row.rank, row.tied ?? false, language)}>
                {row.rank}
                {row.tied && <small aria-hidden="true">=</small>}
              </span>
            )}
            <span class={`board-move board-move-${move ?? 'same'}`} aria-label={move ? t(`challenges.moved.${move}` as never) : undefined}>
              {move === 'up' ? '▲' : move === 'down' ? '▼' : ''}
            </span>
            <ChallengesFace name={name} photoUrl={photos?.get(row.participantId)} size={large ? 'l' : 's'} />
            <span class="board-name">
              <span class="board-person" data-testid="board-name">{name}</span>
              <small>{row.unitName}</small>
              {progress && (
                <span class="board-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100}
                  aria-valuenow={Math.round(progress.share * 100)} aria-label={t('challenges.raceBar')}>
                  <span style={{ width: `${progress.share * 100}%` }} />
                </span>
              )}
            </span>
            <span class="board-star" aria-label={row.thresholdsReached > 0 ? t('challenges.thresholdReached') : undefined}>
              {row.thresholdsReached > 0 ? '★' : ''}
            </span>
            <span class="board-score">
              {formatScore(row.score, unit, language)}
              {progress && <small>{t('challenges.raceOf', { target: formatScore(raceTarget ?? 0, unit, language) })}</small>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
