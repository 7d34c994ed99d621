import { useState } from 'preact/hooks';
import { BadgesRetireButton } from './BadgesRetireButton';
import { t } from '../../i18n';
import { linkClick } from '../../router';
import { BadgesCreateForm } from './BadgesCreateForm';
import { BadgesIcon } from './BadgesIcon';
import { BadgesRules } from './BadgesRules';
import { BadgesStatus } from './BadgesStatus';
import { useQuery } from '../../graphql/hooks';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import { BadgesDocument } from '../../graphql/badges.generated';

/** The organisation's catalogue: what each badge means and how it is earned. */
export function BadgesCatalogue({ viewer, onNotice }: { viewer: Viewer; onNotice: (message: string) => void }) {
  const admin = viewer.role === 'ADMIN';
  const { state, reload } = useQuery(BadgesDocument, { includeRetired: admin });
  const [creating, setCreating] = useState(false);
  return (
    <section class="badges-page" aria-labelledby="badges-title">
      <header class="badges-header">
        <h1 id="badges-title">{t('badges.title')}</h1>
        <nav class="badges-actions">
          {viewer.role !== 'MEMBER' && (
            <a class="button button-primary" href="/badges/award" onClick={linkClick} data-testid="award-badge-link">
              {t('badges.award')}
            </a>
          )}
          <a class="button" href="/wall" onClick={linkClick}>
            {t('nav.wall')}
          </a>
          {viewer.role === 'ADMIN' && !creating && (
            <button type="button" class="button" onClick={() => setCreating(true)}>
              {t('create.open')}
            </button>
          )}
        </nav>
      </header>
      {creating && (
        <BadgesCreateForm
          onCancel={() => setCreating(false)}
          onCreated={(badge) => {
            setCreating(false);
            onNotice(t('create.done', { name: badge.name }));
            reload();
          }}
        />
      )}
      {state.status !== 'ready' ? (
        <BadgesStatus status={state.status} onRetry={reload} />
      ) : state.data.badges.length === 0 ? (
        <p class="feed-state-inline">{t('badges.empty')}</p>
      ) : (
        <ul class="badge-list">
          {state.data.badges.map((badge) => (
            <li key={badge.id} class="badge-card" data-badge-id={badge.id}>
              <BadgesIcon badge={badge} size="large" />
              <div class="badge-card-text">
                <h2 class="badge-name">{badge.name}</h2>
                <p class="badge-chips">
                  <span class="kind-chip">{t(badge.kind === 'LABEL' ? 'badges.kind.LABEL' : 'badges.kind.BADGE')}</span>
                  <span class="kind-chip">{t(`badges.category.${badge.category}` as 'badges.category.SALES')}</span>
                  {badge.retired && <span class="kind-chip retired-chip">{t('badges.retired')}</span>}
                </p>
                {badge.description && <p class="badge-description">{badge.description}</p>}
                {badge.criteria && <p class="badge-criteria">{badge.criteria}</p>}
                <p class="badge-meta">
                  {t(`badges.policy.${badge.awardPolicy}` as 'badges.policy.MANAGERS')}
                  {badge.levels.length > 0 && ` · ${t('badges.levels', { levels: badge.levels.join(', ') })}`}
                  {badge.validityDays !== null && ` · ${t('badges.validity', { days: badge.validityDays })}`}
                </p>
                {admin && !badge.retired && (
                  <BadgesRetireButton
                    badge={badge}
                    onRetired={() => {
                      onNotice(t('retire.done', { name: badge.name }));
                      reload();
                    }}
                    onError={onNotice}
                  />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {viewer.role === 'ADMIN' && state.status === 'ready' && state.data.badges.length > 0 && (
        <BadgesRules badges={state.data.badges.filter((badge) => badge.kind === 'BADGE' && !badge.retired)} onNotice={onNotice} />
      )}
    </section>
  );
}
