/** The recognition screens, loaded on demand (one chunk) when one of their routes opens. */
import type { RouteName } from '../../lib/routes';
import { BadgesAwardFlow } from './BadgesAwardFlow';
import { BadgesCatalogue } from './BadgesCatalogue';
import { BadgesProfile } from './BadgesProfile';
import { BadgesWallOfFame } from './BadgesWallOfFame';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';

export interface BadgesScreensProps {
  route: RouteName;
  personId: string | null;
  unitId: string | null;
  viewer: Viewer;
  onNotice: (message: string) => void;
}

export function BadgesScreens({ route, personId, unitId, viewer, onNotice }: BadgesScreensProps) {
  if (route === 'awardBadge') return <BadgesAwardFlow viewer={viewer} onNotice={onNotice} />;
  if (route === 'wall') return <BadgesWallOfFame unitId={unitId} />;
  if (route === 'person' && personId) return <BadgesProfile key={personId} personId={personId} viewer={viewer} onNotice={onNotice} />;
  return <BadgesCatalogue viewer={viewer} onNotice={onNotice} />;
}
