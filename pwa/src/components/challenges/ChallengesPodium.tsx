import { language, t } from '../../i18n';
import { shownName, type BoardPrivacy } from '../../lib/boardPrivacy';
import { rankText, type BoardRow } from '../../lib/leaderboard';
import { formatScore, type ScoreUnit } from '../../lib/scoreFormat';
import { ChallengesFace } from './ChallengesFace';

interface Props {
  rows: readonly BoardRow[];
  unit: ScoreUnit;
  myParticipantId: string | null;
  privacy?: BoardPrivacy;
  photos?: ReadonlyMap<string, string>;
  large?: boolean;
}

/** The first three (ties share a step's colour by rank): faces, names, scores. */
export function ChallengesPodium({ rows, unit, myParticipantId, privacy, photos, large = false }: Props) {
  if (!rows.length) return null;
  return (
    <ol class={`board-podium${large ? ' board-podium-large' : ''}`} aria-label={t('challenges.podium')} data-testid="podium">
      {rows.map((row, index) => {
        const mine = row.participantId === myParticipantId;
        const name = mine ? t('challenges.me') : (privacy ? shownName(row, privacy) : row.displayName) ?? t('challenges.hidden');
        return (
          <li key={row.participantId} class={`board-podium-${index + 1}`} data-mine={mine ? 'true' : undefined}
            data-testid="board-row" data-rank={row.rank}>
            <ChallengesFace name={name} photoUrl={photos?.get(row.participantId)} size={large ? 'xl' : index === 0 ? 'l' : 'm'} />
            <span class="board-podium-name" data-testid="podium-name">{name}</span>
            <span class="board-score">{formatScore(row.score, unit, language)}</span>
            <span class={`board-podium-step board-podium-rank-${row.rank}`} aria-label={rankText(row.rank, row.tied ?? false, language)}>
              {row.rank}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
