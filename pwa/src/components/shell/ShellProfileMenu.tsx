import type { TargetedMouseEvent } from 'preact';
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../i18n';
import { AUTHORING_PATHS, buildsContent, LEVER_PATHS, personPath, ROUTE_PATHS, type BuilderContent } from '../../lib/routes';
import { linkClick } from '../../router';
import { Avatar, Button } from '../ui';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';

interface ShellProfileMenuProps {
  viewer: Viewer;
  onClose: () => void;
  onLogout: () => Promise<void>;
  onSignOutEverywhere: () => Promise<void>;
}

interface Entry {
  href: string;
  label: MessageKey;
  managers?: boolean;
  admins?: boolean;
  // a member who manages this content (a function, an agency's grant) has it too
  builds?: BuilderContent;
}

/** The destinations that are not in the tab bar, for this person's role. */
function entries(viewer: Viewer): Entry[] {
  const all: Entry[] = [
    { href: personPath(viewer.id), label: 'nav.profile' },
    { href: ROUTE_PATHS.badges, label: 'nav.badges' },
    { href: ROUTE_PATHS.wall, label: 'nav.wall' },
    { href: LEVER_PATHS.performancePlan, label: 'nav.plan', managers: true },
    { href: ROUTE_PATHS.people, label: 'header.people', managers: true },
    { href: ROUTE_PATHS.network, label: 'header.network', managers: true },
    { href: ROUTE_PATHS.audit, label: 'header.audit', managers: true },
    { href: AUTHORING_PATHS.home, label: 'nav.authoring', managers: true, builds: 'modules' },
    { href: ROUTE_PATHS.challengeNew, label: 'nav.newChallenge', builds: 'challenges' },
    { href: ROUTE_PATHS.notificationSettings, label: 'nav.notificationSettings' },
    { href: ROUTE_PATHS.privacy, label: 'header.privacy' },
    { href: ROUTE_PATHS.privacyAdmin, label: 'header.privacyAdmin', admins: true },
    { href: ROUTE_PATHS.changePassword, label: 'header.changePassword' },
  ];
  const member = viewer.role === 'MEMBER';
  return all.filter((entry) => {
    if (entry.admins) return viewer.role === 'ADMIN';
    // the new-challenge shortcut is for members who build challenges (managers have it in the challenges tab)
    if (entry.builds === 'challenges') return member && buildsContent(viewer, 'challenges');
    if (entry.managers) return !member || (entry.builds !== undefined && buildsContent(viewer, entry.builds));
    return true;
  });
}

/** The profile menu: who I am, the other destinations, and leaving (here or everywhere). */
export function ShellProfileMenu({ viewer, onClose, onLogout, onSignOutEverywhere }: ShellProfileMenuProps) {
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);

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

  const go = (event: TargetedMouseEvent<HTMLAnchorElement>) => {
    onClose();
    linkClick(event);
  };

  return (
    <div id="profile-panel" class="profile-panel">
      <div class="profile-who">
        <Avatar name={viewer.displayName} initials={viewer.initials} photoUrl={viewer.photoUrl} size="l" />
        <div class="profile-who-text">
          <p class="profile-name">{viewer.displayName}</p>
          <p class="profile-unit">{viewer.unit?.name ?? viewer.organization.name}</p>
        </div>
      </div>
      <nav aria-label={t('header.menuLabel')}>
        <ul class="profile-links">
          {entries(viewer).map((entry) => (
            <li key={entry.href}>
              <a class="profile-link" href={entry.href} onClick={go}>
                {t(entry.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="profile-actions">
        <Button block onClick={logout} disabled={busy}>
          {busy && !confirming ? t('header.loggingOut') : t('header.logout')}
        </Button>
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
            <Button variant="danger" block onClick={signOutEverywhere} disabled={busy}>
              {busy ? t('header.signingOutEverywhere') : t('header.signOutEverywhereConfirm')}
            </Button>
            <Button block onClick={() => setConfirming(false)} disabled={busy}>
              {t('header.cancel')}
            </Button>
          </div>
        ) : (
          <Button variant="ghost" block onClick={() => setConfirming(true)} disabled={busy}>
            {t('header.signOutEverywhere')}
          </Button>
        )}
      </div>
    </div>
  );
}
