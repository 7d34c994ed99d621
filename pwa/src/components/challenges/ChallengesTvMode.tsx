import { useCallback, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { leagueAt } from '../../lib/tvBoard';
import { useQuery } from '../../graphql/hooks';
import { ChallengesTvBoard } from './ChallengesTvBoard';
import { useLeaderboard } from './useLeaderboard';
import { ChallengeDocument } from '../../graphql/challenges.generated';

/** The TV mode opened by someone signed in: the challenge's board, leagues rotating, live. */
export function ChallengesTvMode({ id }: { id: string }) {
  const { state } = useQuery(ChallengeDocument, { id });
  const challenge = state.status === 'ready' ? state.data.challenge : null;
  const [turn, setTurn] = useState(0);
  const league = challenge ? leagueAt(challenge.leagues, turn) : null;
  const live = useLeaderboard(id, league, null);
  const onCycle = useCallback(() => setTurn((n) => n + 1), []);
  if (!challenge) return <p role="status">{t('app.loading')}</p>;
  return <ChallengesTvBoard challenge={challenge} league={league ?? ''} live={live} onCycle={onCycle} />;
}
