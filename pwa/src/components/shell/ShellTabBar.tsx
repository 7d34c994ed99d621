import { t } from '../../i18n';
import { linkClick } from '../../router';

interface ShellTabBarProps {
  onCompose: () => void;
}

/** Bottom navigation, in thumb's reach: the feed and the "Partager" action. */
export function ShellTabBar({ onCompose }: ShellTabBarProps) {
  return (
    <nav class="tab-bar" aria-label={t('nav.label')}>
      <a href="/" class="tab" aria-current="page" onClick={linkClick}>
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
    </nav>
  );
}
