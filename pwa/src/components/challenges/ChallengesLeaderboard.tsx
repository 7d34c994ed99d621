import { t } from '../../i18n';
import { shownName, type BoardPrivacy } from '../../lib/boardPrivacy';
import type { BoardRow } from '../../lib/leaderboard';

const ROW_HEIGHT = 52;

interface Props {
  rows: readonly BoardRow[];
  myParticipantId: string | null;
  changed: ReadonlySet<string>;
  unit: string;
  large?: boolean;
  /** Who may be named; without it, the names given are shown. */
  privacy?: BoardPrivacy;
}

function score(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Rows placed by rank, so that a change of rank slides them (CSS transition on transform). */
export function ChallengesLeaderboard({ rows, myParticipantId, changed, unit, large = false, privacy }: Props) {
  const height = large ? ROW_HEIGHT * 1.8 : ROW_HEIGHT;
  const first = rows.length ? Math.min(...rows.map((row) => row.rank)) : 1;
  return (
    <ol class={`board${large ? ' board-large' : ''}`} style={{ height: `${rows.length * height}px` }} aria-live="polite">
      {rows.map((row) => {
        const mine = row.participantId === myParticipantId;
        return (
          <li
            key={row.participantId}
            class={`board-row${mine ? ' board-row-mine' : ''}${changed.has(row.participantId) ? ' board-row-changed' : ''}`}
            style={{ transform: `translateY(${(row.rank - first) * height}px)`, height: `${height}px` }}
            data-testid="board-row"
            data-rank={row.rank}
          >
            <span class="board-rank">{row.rank}</span>
            <span class="board-name">
              {mine ? t('challenges.me') : (privacy ? shownName(row, privacy) : row.displayName) ?? t('challenges.hidden')}
              <small>{row.unitName}</small>
            </span>
            {row.thresholdsReached > 0 && <span class="board-star" aria-label={t('challenges.thresholdReached')}>★</span>}
            <span class="board-score">
              {score(row.score)}
              <small>{unit}</small>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
