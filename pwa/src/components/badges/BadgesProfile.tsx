import { t } from '../../i18n';
import { AccountsPhotoEditor } from '../accounts/AccountsPhotoEditor';
import { Avatar } from '../ui/Avatar';
import { BadgesAwardItem } from './BadgesAwardItem';
import { BadgesFeedPreference } from './BadgesFeedPreference';
import { BadgesStatus } from './BadgesStatus';
import { useQuery } from '../../graphql/hooks';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { type AwardFieldsFragment as Award, PersonDocument } from '../../graphql/people.generated';

interface BadgesProfileProps {
  personId: string;
  viewer: Viewer;
  onNotice: (message: string) => void;
}

/** A person's profile: counts, the badge shelf and labels (with level and validity). */
export function BadgesProfile({ personId, viewer, onNotice }: BadgesProfileProps) {
  const { state, reload } = useQuery(PersonDocument, { id: personId });
  if (state.status !== 'ready') return <BadgesStatus status={state.status} onRetry={reload} />;
  const person = state.data.user;
  if (!person) return <p class="feed-state-inline">{t('profile.notFound')}</p>;
  const mine = person.id === viewer.id;
  const canRevoke = (award: Award) => viewer.role === 'ADMIN' || award.awardedBy?.id === viewer.id;
  const counts = [
    ['profile.wins', person.recognition.wins],
    ['profile.bestPractices', person.recognition.bestPractices],
    ['profile.podiums', person.recognition.podiums],
  ] as const;
  return (
    <section class="badges-page profile-page" aria-labelledby="profile-title" data-testid="profile">
      <header class="profile-head">
        <Avatar name={person.displayName} initials={person.initials} photoUrl={person.photoUrl} size="xl" />
        <div class="profile-head-text">
          <h1 id="profile-title">{person.displayName}</h1>
          {person.unit && <p class="post-unit">{person.unit.name}</p>}
          {mine && <AccountsPhotoEditor hasPhoto={Boolean(person.photoUrl)} onChanged={reload} />}
        </div>
      </header>
      <dl class="profile-counts">
        {counts.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {mine && <BadgesFeedPreference onNotice={onNotice} />}
      <h2>{t('profile.labels')}</h2>
      {person.labels.length === 0 ? (
        <p class="field-hint">{t('profile.noLabels')}</p>
      ) : (
        <ul class="award-list" data-testid="label-list">
          {person.labels.map((award) => (
            <BadgesAwardItem
              key={award.id}
              award={award}
              mine={mine}
              canRevoke={canRevoke(award)}
              onNotice={onNotice}
              onRevoked={reload}
            />
          ))}
        </ul>
      )}
      <h2>{t('profile.badges')}</h2>
      {person.awards.length === 0 ? (
        <p class="field-hint">{t('profile.noBadges')}</p>
      ) : (
        <ul class="award-list badge-shelf" data-testid="badge-shelf">
          {person.awards.map((award) => (
            <BadgesAwardItem
              key={award.id}
              award={award}
              mine={mine}
              canRevoke={canRevoke(award)}
              onNotice={onNotice}
              onRevoked={reload}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
