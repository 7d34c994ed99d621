import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { AUTHORING_PATHS, personPath, ROUTE_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { ShellConnectionStatus } from './ShellConnectionStatus';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';

interface ShellHeaderProps {
  viewer: Viewer;
  onLogout: () => Promise<void>;
  /** Ends every session of the viewer; rejects when the server could not be reached. */
  onSignOutEverywhere: () => Promise<void>;
}

/**
 * App bar: name, live status, and the profile disclosure with « Se déconnecter » and
 * « Se déconnecter de tous les appareils » (asked for confirmation first).
 */
export function ShellHeader({ viewer, onLogout, onSignOutEverywhere }: ShellHeaderProps) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) return;
    setConfirming(false);
    setFailed(false);
  }, [open]);

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

  async function signOutEverywhere() {
    setBusy(true);
    setFailed(false);
    try {
      await onSignOutEverywhere();
    } catch {
      setFailed(true);
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
            {viewer.role !== 'MEMBER' && (
              <a
                class="button button-block"
                href={ROUTE_PATHS.people}
                onClick={(event) => {
                  setOpen(false);
                  linkClick(event);
                }}
              >
                {t('header.people')}
              </a>
            )}
            {viewer.role !== 'MEMBER' && (
              <a
                class="button button-block"
                href={AUTHORING_PATHS.home}
                onClick={(event) => {
                  setOpen(false);
                  linkClick(event);
                }}
              >
                {t('nav.authoring')}
              </a>
            )}
            <a
              class="button button-block"
              href={ROUTE_PATHS.privacy}
              onClick={(event) => {
                setOpen(false);
                linkClick(event);
              }}
            >
              {t('header.privacy')}
            </a>
            {viewer.role === 'ADMIN' && (
              <a
                class="button button-block"
                href={ROUTE_PATHS.privacyAdmin}
                onClick={(event) => {
                  setOpen(false);
                  linkClick(event);
                }}
              >
                {t('header.privacyAdmin')}
              </a>
            )}
            <a
              class="button button-block"
              href={ROUTE_PATHS.changePassword}
              onClick={(event) => {
                setOpen(false);
                linkClick(event);
              }}
            >
              {t('header.changePassword')}
            </a>
            <button type="button" class="button button-block" onClick={logout} disabled={busy}>
              {busy && !confirming ? t('header.loggingOut') : t('header.logout')}
            </button>
            {confirming ? (
              <div class="profile-confirm" role="alertdialog" aria-labelledby="sign-out-everywhere-title">
                <p id="sign-out-everywhere-title" class="profile-name">
                  {t('header.signOutEverywhereTitle')}
                </p>
                <p>{t('header.signOutEverywhereText')}</p>
                {failed && (
                  <p class="form-error" role="alert">
                    {t('header.signOutEverywhereFailed')}
                  </p>
                )}
                <button
                  type="button"
                  class="button button-danger button-block"
                  onClick={signOutEverywhere}
                  disabled={busy}
                >
                  {busy ? t('header.signingOutEverywhere') : t('header.signOutEverywhereConfirm')}
                </button>
                <button type="button" class="button button-block" onClick={() => setConfirming(false)} disabled={busy}>
                  {t('header.cancel')}
                </button>
              </div>
            ) : (
              <button type="button" class="button button-block" onClick={() => setConfirming(true)} disabled={busy}>
                {t('header.signOutEverywhere')}
              </button>
            )}
          </div>
        )}
      </div>
    </header>
  );
}
