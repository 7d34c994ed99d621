import { t } from '../../i18n';
import { LEVER_PATHS, type RouteName } from '../../lib/routes';
import { linkClick } from '../../router';

interface ShellTabBarProps {
  onCompose: () => void;
  route: RouteName | null;
  unreadCount: number;
}

const LEARN: ReadonlySet<RouteName> = new Set(['learn', 'module', 'quiz']);
const RESULTS: ReadonlySet<RouteName> = new Set([
  'results',
  'team',
  'teamUnit',
  'performancePlan',
  'ourPlan',
  'ourPlanReview',
  'pointOfSale',
  'pointOfSaleUnit',
  'actionPlan',
  'assessment',
]);

/**
 * Bottom navigation, in thumb's reach: the feed, recognition, learning, the "Partager" action,
 * my results (with my point of sale) and notifications with the live unread count.
 */
export function ShellTabBar({ onCompose, route, unreadCount }: ShellTabBarProps) {
  const shown = unreadCount > 99 ? '99+' : String(unreadCount);
  return (
    <nav class="tab-bar tab-bar-levers" aria-label={t('nav.label')}>
      <a href="/" class="tab" aria-current={route === 'feed' ? 'page' : undefined} onClick={linkClick}>
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M4 5h16M4 12h16M4 19h10" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" fill="none" />
        </svg>
        <span>{t('nav.feed')}</span>
      </a>
      <a
        href="/challenges"
        class="tab"
        aria-current={route !== null && route.startsWith('challenge') ? 'page' : undefined}
        onClick={linkClick}
      >
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M7 4h10v4a5 5 0 0 1-10 0zM7 6H4a3 3 0 0 0 3 4M17 6h3a3 3 0 0 1-3 4M12 13v4M8 20h8" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round" fill="none" />
        </svg>
        <span>{t('nav.challenges')}</span>
      </a>
      <a href={LEVER_PATHS.learn} class="tab" aria-current={route && LEARN.has(route) ? 'page' : undefined} onClick={linkClick}>
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M3 8l9-4 9 4-9 4-9-4zm4 2v5c3 2 7 2 10 0v-5" stroke="currentColor" stroke-width="2" stroke-linejoin="round" fill="none" />
        </svg>
        <span>{t('nav.learn')}</span>
      </a>
      <button type="button" class="tab tab-primary" onClick={onCompose}>
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M12 5v14M5 12h14" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" fill="none" />
        </svg>
        <span>{t('nav.compose')}</span>
      </button>
      <a href={LEVER_PATHS.results} class="tab" aria-current={route && RESULTS.has(route) ? 'page' : undefined} onClick={linkClick}>
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M5 20V11M12 20V5M19 20v-7" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" fill="none" />
        </svg>
        <span>{t('nav.results')}</span>
      </a>
      <a
        href="/notifications"
        class="tab"
        aria-current={route === 'notifications' || route === 'notificationSettings' ? 'page' : undefined}
        onClick={linkClick}
      >
        <span class="tab-icon">
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path
              d="M6 17V11a6 6 0 0 1 12 0v6l1.5 2h-15zM10 21h4"
              stroke="currentColor"
              stroke-width="2"
              stroke-linejoin="round"
              stroke-linecap="round"
              fill="none"
            />
          </svg>
          {unreadCount > 0 && (
            <span class="tab-badge" data-testid="unread-badge" aria-hidden="true">
              {shown}
            </span>
          )}
        </span>
        <span>{t('nav.notifications')}</span>
        {unreadCount > 0 && <span class="visually-hidden">{t('nav.unreadCount', { count: unreadCount })}</span>}
      </a>
    </nav>
  );
}
