import { t } from '../../i18n';
import type { RouteName } from '../../lib/routes';
import { linkClick } from '../../router';

interface ShellTabBarProps {
  current: RouteName | null;
  onCompose: () => void;
}

/** Bottom navigation, in thumb's reach: the feed and the "Partager" action. */
export function ShellTabBar({ current, onCompose }: ShellTabBarProps) {
  const inRecognition = current === 'badges' || current === 'awardBadge' || current === 'wall';
  return (
    <nav class="tab-bar" aria-label={t('nav.label')}>
      <a href="/" class="tab" aria-current={current === 'feed' ? 'page' : undefined} onClick={linkClick}>
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M4 5h16M4 12h16M4 19h10" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" fill="none" />
        </svg>
        <span>{t('nav.feed')}</span>
      </a>
      <button type="button" class="tab tab-primary" onClick={onCompose}>
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path d="M12 5v14M5 12h14" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" fill="none" />
        </svg>
        <span>{t('nav.compose')}</span>
      </button>
      <a href="/badges" class="tab" aria-current={inRecognition ? 'page' : undefined} onClick={linkClick}>
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="9" r="5.5" stroke="currentColor" stroke-width="2" fill="none" />
          <path d="M8.5 13.5 7 21l5-2.5 5 2.5-1.5-7.5" stroke="currentColor" stroke-width="2" stroke-linejoin="round" fill="none" />
        </svg>
        <span>{t('nav.badges')}</span>
      </a>
    </nav>
  );
}
