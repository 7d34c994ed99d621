/** The challenges screens, loaded in their own chunk the first time one opens. */
import { ChallengesAudit } from './ChallengesAudit';
import { ChallengesEdit } from './ChallengesEdit';
import { ChallengesList } from './ChallengesList';
import { ChallengesManage } from './ChallengesManage';
import { ChallengesPage } from './ChallengesPage';
import { ChallengesTokens } from './ChallengesTokens';
import { ChallengesTvMode } from './ChallengesTvMode';
import { ChallengesWizard } from './ChallengesWizard';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';

export interface ChallengesScreensProps {
  route: 'challenges' | 'challenge' | 'challengeNew' | 'challengeManage' | 'challengeTv' | 'challengeEdit' | 'challengeAudit' | 'challengeTokens';
  challengeId: string | null;
  viewer: Viewer;
  onNotice: (message: string) => void;
}

export function ChallengesScreens({ route, challengeId, viewer, onNotice }: ChallengesScreensProps) {
  if (route === 'challenge' && challengeId) return <ChallengesPage id={challengeId} key={challengeId} />;
  if (route === 'challengeTv' && challengeId) return <ChallengesTvMode id={challengeId} />;
  if (route === 'challengeEdit' && challengeId) return <ChallengesEdit id={challengeId} key={challengeId} onNotice={onNotice} />;
  if (route === 'challengeNew') return <ChallengesWizard onNotice={onNotice} />;
  if (route === 'challengeManage') return <ChallengesManage viewer={viewer} onNotice={onNotice} />;
  if (route === 'challengeAudit') return <ChallengesAudit />;
  if (route === 'challengeTokens') return <ChallengesTokens />;
  return <ChallengesList viewer={viewer} onNotice={onNotice} />;
}
