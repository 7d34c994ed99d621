import { t } from '../../i18n';
import { LEVER_PATHS } from '../../lib/levers';
import { linkClick } from '../../router';

interface ShellTabBarProps {
  pathname: string;
  onCompose: () => void;
}

function current(pathname: string, path: string): 'page' | undefined {
  if (path === '/') return pathname === '/' ? 'page' : undefined;
  return pathname === path || pathname.startsWith(`${path}/`) ? 'page' : undefined;
}

/** Bottom navigation, in thumb's reach: feed, learning, "Partager", my results, my point of sale. */
export function ShellTabBar({ pathname, onCompose }: ShellTabBarProps) {
  return (
    <nav class="tab-bar tab-bar-levers" aria-label={t('nav.label')}>
      <a href="/" class="tab" aria-current={current(pathname, '/')} onClick={linkClick}>
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M4 5h16M4 12h16M4 19h10" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" fill="none" />
        </svg>
        <span>{t('nav.feed')}</span>
      </a>
      <a href={LEVER_PATHS.learn} class="tab" aria-current={current(pathname, LEVER_PATHS.learn) ?? current(pathname, '/quiz')} onClick={linkClick}>
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
      <a
        href={LEVER_PATHS.results}
        class="tab"
        aria-current={current(pathname, LEVER_PATHS.results) ?? current(pathname, LEVER_PATHS.team) ?? current(pathname, LEVER_PATHS.performancePlan)}
        onClick={linkClick}
      >
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M5 20V11M12 20V5M19 20v-7" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" fill="none" />
        </svg>
        <span>{t('nav.results')}</span>
      </a>
      <a
        href={LEVER_PATHS.pointOfSale}
        class="tab"
        aria-current={current(pathname, LEVER_PATHS.pointOfSale) ?? current(pathname, '/evaluations')}
        onClick={linkClick}
      >
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M4 10l8-6 8 6v10H4V10zm6 10v-6h4v6" stroke="currentColor" stroke-width="2" stroke-linejoin="round" fill="none" />
        </svg>
        <span>{t('nav.pointOfSale')}</span>
      </a>
    </nav>
  );
}
