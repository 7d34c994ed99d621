import { t } from '../../i18n';
import { personPath } from '../../lib/routes';
import { linkClick } from '../../router';
import { Avatar } from '../ui';
import { BadgesIcon } from './BadgesIcon';
import { BadgesStatus } from './BadgesStatus';
import { useQuery } from '../../graphql/hooks';
import { WallOfFameDocument } from '../../graphql/badges.generated';

/** A unit's wall of fame: latest awards below it (each with its person's face), most awarded badges, label holders. */
export function BadgesWallOfFame({ unitId }: { unitId: string | null }) {
  const { state, reload } = useQuery(WallOfFameDocument, { unitId });
  if (state.status !== 'ready') return <BadgesStatus status={state.status} onRetry={reload} />;
  const wall = state.data.wallOfFame;
  if (!wall) return <p class="feed-state-inline">{t('wall.empty')}</p>;
  return (
    <section class="badges-page wall-page" aria-labelledby="wall-title">
      <h1 id="wall-title">
        {t('wall.title')}
        <span class="wall-unit">{wall.unit.name}</span>
      </h1>
      {(wall.parent || wall.subunits.length > 0) && (
        <nav class="wall-units" aria-label={t('wall.units')}>
          {wall.parent && (
            <a class="kind-chip" href={`/wall?unit=${wall.parent.id}`} onClick={linkClick}>
              {`↑ ${wall.parent.name}`}
            </a>
          )}
          {wall.subunits.map((unit) => (
            <a key={unit.id} class="kind-chip" href={`/wall?unit=${unit.id}`} onClick={linkClick}>
              {unit.name}
            </a>
          ))}
        </nav>
      )}
      {wall.topBadges.length > 0 && (
        <>
          <h2>{t('wall.top')}</h2>
          <ul class="top-badges">
            {wall.topBadges.map(({ badge, count }) => (
              <li key={badge.id} class="top-badge">
                <BadgesIcon badge={badge} size="large" />
                <span class="badge-name">{badge.name}</span>
                <span class="badge-meta">{t('wall.count', { count })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('wall.latest')}</h2>
      {wall.latest.length === 0 ? (
        <p class="field-hint">{t('wall.empty')}</p>
      ) : (
        <ul class="award-list" data-testid="wall-latest">
          {wall.latest.map((award) => (
            <li key={award.id} class="wall-item">
              <Avatar name={award.recipient.displayName} initials={award.recipient.initials} photoUrl={award.recipient.photoUrl} />
              <BadgesIcon badge={award.badge} />
              <span class="wall-item-text">
                <a href={personPath(award.recipient.id)} onClick={linkClick} class="person-name">
                  {award.recipient.displayName}
                </a>
                <span class="badge-meta">{award.badge.name}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {wall.labelHolders.length > 0 && (
        <>
          <h2>{t('wall.labels')}</h2>
          <ul class="award-list">
            {wall.labelHolders.map((award) => (
              <li key={award.id} class="wall-item">
                <Avatar name={award.recipient.displayName} initials={award.recipient.initials} photoUrl={award.recipient.photoUrl} />
                <BadgesIcon badge={award.badge} />
                <span class="wall-item-text">
                  <a href={personPath(award.recipient.id)} onClick={linkClick} class="person-name">
                    {award.recipient.displayName}
                  </a>
                  <span class="badge-meta">{award.level ? `${award.badge.name} · ${award.level}` : award.badge.name}</span>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
