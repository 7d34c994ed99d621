import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { personPath } from '../../lib/routes';
import { linkClick } from '../../router';
import { ShellConnectionStatus } from './ShellConnectionStatus';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';

interface ShellHeaderProps {
  viewer: Viewer;
  onLogout: () => Promise<void>;
}

/** App bar: name, live status, and the profile disclosure with "Se déconnecter". */
export function ShellHeader({ viewer, onLogout }: ShellHeaderProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
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

  async function logout() {
    setBusy(true);
    try {
      await onLogout();
    } finally {
      setBusy(false);
    }
  }

  return (
    <header class="shell-header">
      <span class="brand">{t('app.name')}</span>
      <ShellConnectionStatus />
      <div class="profile" ref={root}>
        <button
          type="button"
          class="avatar avatar-button"
          aria-expanded={open}
          aria-controls="profile-panel"
          aria-label={t('header.profileMenu', { name: viewer.displayName })}
          onClick={() => setOpen(!open)}
        >
          {viewer.initials}
        </button>
        {open && (
          <div id="profile-panel" class="profile-panel">
            <p class="profile-name">{viewer.displayName}</p>
            <p class="profile-unit">{viewer.unit?.name ?? viewer.organization.name}</p>
            <a
              class="button button-block"
              href={personPath(viewer.id)}
              onClick={(event) => {
                setOpen(false);
                linkClick(event);
              }}
            >
              {t('nav.profile')}
            </a>
            <a
              class="button button-block"
              href="/badges"
              onClick={(event) => {
                setOpen(false);
                linkClick(event);
              }}
            >
              {t('nav.badges')}
            </a>
            <button type="button" class="button button-block" onClick={logout} disabled={busy}>
              {busy ? t('header.loggingOut') : t('header.logout')}
            </button>
          </div>
        )}
      </div>
    </header>
  );
}
