import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { ROUTE_PATHS, type RouteName } from '../../lib/routes';
import { linkClick } from '../../router';
import { Avatar } from '../ui';
import { ShellConnectionStatus } from './ShellConnectionStatus';
import { ShellProfileMenu } from './ShellProfileMenu';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import './ShellHeader.css';

interface ShellHeaderProps {
  viewer: Viewer;
  route: RouteName | null;
  unreadCount: number;
  onLogout: () => Promise<void>;
  /** Ends every session of the viewer; rejects when the server could not be reached. */
  onSignOutEverywhere: () => Promise<void>;
}

/**
 * App bar: name, live status, notifications with the live unread count, and the profile menu
 * (my photo) holding the destinations that are not in the tab bar.
 */
export function ShellHeader({ viewer, route, unreadCount, onLogout, onSignOutEverywhere }: ShellHeaderProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOnOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [open]);

  const shown = unreadCount > 99 ? '99+' : String(unreadCount);
  const onNotifications = route === 'notifications' || route === 'notificationSettings';
  return (
    <header class="shell-header">
      <span class="brand">{t('app.name')}</span>
      <ShellConnectionStatus />
      <a
        href={ROUTE_PATHS.notifications}
        class="header-bell"
        aria-current={onNotifications ? 'page' : undefined}
        onClick={linkClick}
      >
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
        <span class="visually-hidden">{t('nav.notifications')}</span>
        {unreadCount > 0 && (
          <>
            <span class="header-bell-badge" data-testid="unread-badge" aria-hidden="true">
              {shown}
            </span>
            <span class="visually-hidden">{t('nav.unreadCount', { count: unreadCount })}</span>
          </>
        )}
      </a>
      <div class="profile" ref={root}>
        <button
          type="button"
          class="profile-button"
          aria-expanded={open}
          aria-controls="profile-panel"
          onClick={() => setOpen(!open)}
        >
          <span class="visually-hidden">{t('header.profileMenu', { name: viewer.displayName })}</span>
          <Avatar name={viewer.displayName} initials={viewer.initials} photoUrl={viewer.photoUrl} size="s" />
        </button>
        {open && (
          <ShellProfileMenu
            viewer={viewer}
            onClose={() => setOpen(false)}
            onLogout={onLogout}
            onSignOutEverywhere={onSignOutEverywhere}
          />
        )}
      </div>
    </header>
  );
}
