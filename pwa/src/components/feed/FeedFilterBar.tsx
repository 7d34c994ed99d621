import { t } from '../../i18n';
import { cleared, isNarrowed, withFilter, type FeedFilter, type FeedScope } from '../../lib/feedFilter';
import type { PostKind } from '../../graphql/types.generated';

interface FeedFilterBarProps {
  filter: FeedFilter;
  /** The filtered author's name, once a post of theirs is known. */
  authorName: string | null;
  onChange: (next: FeedFilter) => void;
}

const KINDS: readonly PostKind[] = ['WIN', 'BEST_PRACTICE', 'ANNOUNCEMENT'];
const SCOPES: readonly (FeedScope | null)[] = ['team', 'region', null];

function Chip({ pressed, label, onToggle }: { pressed: boolean; label: string; onToggle: () => void }) {
  return (
    <button type="button" class={`filter-chip${pressed ? ' is-active' : ''}`} aria-pressed={pressed} onClick={onToggle}>
      {label}
    </button>
  );
}

/** Removes one active filter in one tap. */
function ActiveChip({ label, clearLabel, onClear }: { label: string; clearLabel: string; onClear: () => void }) {
  return (
    <button type="button" class="filter-chip is-active active-filter" aria-label={clearLabel} onClick={onClear}>
      {label}
      <span aria-hidden="true"> ×</span>
    </button>
  );
}

/**
 * The feed's filters, compact enough for 360 px: the « Récents / Top de la
 * semaine » switch, then one scrolling row of chips (scope, kind,
 * recommended). What narrows the feed is repeated below, each with one tap
 * to clear it, so it never hides in the scrolled row.
 */
export function FeedFilterBar({ filter, authorName, onChange }: FeedFilterBarProps) {
  const set = (change: Partial<FeedFilter>) => onChange(withFilter(filter, change));
  const scopeLabel = (scope: FeedScope | null) => t(scope === 'team' ? 'feed.filter.team' : scope === 'region' ? 'feed.filter.region' : 'feed.filter.network');
  const author = authorName ?? t('feed.filter.someone');
  return (
    <nav class="feed-filters" aria-label={t('feed.filter.label')}>
      <div class="feed-order" role="group" aria-label={t('feed.filter.orderLabel')}>
        <Chip pressed={filter.order === 'NEWEST'} label={t('feed.filter.recent')} onToggle={() => set({ order: 'NEWEST' })} />
        <Chip pressed={filter.order === 'TOP_OF_WEEK'} label={t('feed.filter.top')} onToggle={() => set({ order: 'TOP_OF_WEEK' })} />
      </div>
      <div class="feed-chips" role="group" aria-label={t('feed.filter.chipsLabel')}>
        {SCOPES.map((scope) => (
          <Chip key={scope ?? 'network'} pressed={filter.scope === scope} label={scopeLabel(scope)} onToggle={() => set({ scope })} />
        ))}
        {KINDS.map((kind) => (
          <Chip
            key={kind}
            pressed={filter.kind === kind}
            label={t(`post.kind.${kind}`)}
            onToggle={() => set({ kind: filter.kind === kind ? null : kind })}
          />
        ))}
        <Chip pressed={filter.recommended} label={t('feed.filter.recommended')} onToggle={() => set({ recommended: !filter.recommended })} />
      </div>
      {isNarrowed(filter) && (
        <div class="feed-active" data-testid="active-filters">
          <span class="feed-active-label">{t('feed.filter.active')}</span>
          {filter.tag && (
            <ActiveChip label={`#${filter.tag}`} clearLabel={t('feed.filter.clearOne', { what: `#${filter.tag}` })} onClear={() => set({ tag: null })} />
          )}
          {filter.authorId && (
            <ActiveChip label={author} clearLabel={t('feed.filter.clearOne', { what: author })} onClear={() => set({ authorId: null })} />
          )}
          {filter.scope && (
            <ActiveChip
              label={scopeLabel(filter.scope)}
              clearLabel={t('feed.filter.clearOne', { what: scopeLabel(filter.scope) })}
              onClear={() => set({ scope: null })}
            />
          )}
          {filter.kind && (
            <ActiveChip
              label={t(`post.kind.${filter.kind}`)}
              clearLabel={t('feed.filter.clearOne', { what: t(`post.kind.${filter.kind}`) })}
              onClear={() => set({ kind: null })}
            />
          )}
          {filter.recommended && (
            <ActiveChip
              label={t('feed.filter.recommended')}
              clearLabel={t('feed.filter.clearOne', { what: t('feed.filter.recommended') })}
              onClear={() => set({ recommended: false })}
            />
          )}
          <button type="button" class="link-button" onClick={() => onChange(cleared(filter))}>
            {t('feed.filter.clearAll')}
          </button>
        </div>
      )}
    </nav>
  );
}
