/**
 * The shell: who is signed in, which route shows (the route table is
 * lib/routes.ts, its screens src/screens.tsx, each lazy), and the frame
 * around the screens (header, tab bar, notices).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onViewerChanged } from './components/accounts/viewerChanged';
import { BadgesCelebration } from './components/badges/BadgesCelebration';
import { forgetOutbox, startOutbox } from './components/feed/outbox';
import { keepPushSubscriptionCurrent } from './components/notifications/pushDevice';
import { useUnreadCount } from './components/notifications/useUnreadCount';
import { ShellHeader } from './components/shell/ShellHeader';
import { ShellNotice } from './components/shell/ShellNotice';
import { ShellTabBar } from './components/shell/ShellTabBar';
import { LogoutDocument, MeDocument, RevokeSessionsDocument, type ViewerFieldsFragment as Viewer } from './graphql/accounts.generated';
import { onUnauthenticated, request, resetLiveConnection } from './graphql/client';
import { queryCache } from './graphql/hooks';
import { t } from './i18n';
import { isOffline } from './lib/requestErrors';
import { browserStore, clearOfflineCache, loadViewer, saveViewer } from './lib/offlineCache';
import { findRoute, isLinkRoute, isRefusedRoute, ROUTE_PATHS, redirectFor, type Route } from './lib/routes';
import { linkClick, navigate, useLocation } from './router';
import { ButtonLink } from './components/ui/Button';
import { EmptyState } from './components/ui/EmptyState';
import { AUTH_SCREENS, isAuthRoute, SCREENS } from './screens';

/** Nothing of the previous person stays on the device. */
function forgetPerson(): void {
  clearOfflineCache(browserStore());
  queryCache.clear();
}

type Session = { status: 'checking' } | { status: 'signedOut' } | { status: 'signedIn'; viewer: Viewer };

function useSession() {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const [loginNotice, setLoginNotice] = useState<string | null>(null);
  const wasSignedIn = useRef(false);
  wasSignedIn.current = session.status === 'signedIn';

  useEffect(() => {
    let cancelled = false;
    request(MeDocument)
      .then(({ me }) => {
        if (cancelled) return;
        if (me) saveViewer(browserStore(), me);
        else forgetPerson();
        setSession(me ? { status: 'signedIn', viewer: me } : { status: 'signedOut' });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        // Offline start: trust the last signed-in copy so the saved feed can show.
        const cached = isOffline(error) ? loadViewer(browserStore()) : null;
        setSession(cached ? { status: 'signedIn', viewer: cached } : { status: 'signedOut' });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  // a new profile photo: the header and the kept copy follow
  useEffect(
    () =>
      onViewerChanged((viewer) => {
        saveViewer(browserStore(), viewer);
        setSession((current) => (current.status === 'signedIn' ? { status: 'signedIn', viewer } : current));
      }),
    [],
  );

  useEffect(
    () =>
      onUnauthenticated((loss) => {
        forgetPerson();
        resetLiveConnection();
        if (wasSignedIn.current) setLoginNotice(t(loss === 'ended' ? 'errors.sessionEnded' : 'errors.sessionExpired'));
        setSession({ status: 'signedOut' });
      }),
    [],
  );

  const signedIn = useCallback((viewer: Viewer) => {
    // what was kept for someone else (a session that ended while the app was closed, or the
    // person signed in when a mailed link signs another one in) goes
    forgetPerson();
    saveViewer(browserStore(), viewer);
    // A socket opened before now carried no (or another) session cookie.
    resetLiveConnection();
    setLoginNotice(null);
    setSession({ status: 'signedIn', viewer });
    navigate(ROUTE_PATHS.feed, { replace: true });
  }, []);

  /** Nothing of the person stays on this device. */
  const leave = useCallback(
    async (notice: string | null) => {
      const leaving = session.status === 'signedIn' ? session.viewer.id : null;
      forgetPerson();
      if (leaving) await forgetOutbox(leaving);
      resetLiveConnection();
      setLoginNotice(notice);
      setSession({ status: 'signedOut' });
      navigate(ROUTE_PATHS.login, { replace: true });
    },
    [session],
  );

  const logout = useCallback(async () => {
    try {
      await request(LogoutDocument);
    } catch {
      // Offline: the cookie expires on its own; nothing of the person stays here.
    }
    await leave(null);
  }, [leave]);

  /** Every session ends, this one too; refused offline, since the others would live on. */
  const signOutEverywhere = useCallback(async () => {
    const { revokeSessions } = await request(RevokeSessionsDocument);
    if (revokeSessions.__typename !== 'RevokeSessionsSuccess') throw new Error(revokeSessions.message);
    await leave(t('header.signedOutEverywhere'));
  }, [leave]);

  return { session, loginNotice, signedIn, logout, signOutEverywhere };
}

export function App() {
  const { session, loginNotice, signedIn, logout, signOutEverywhere } = useSession();
  const { pathname, search } = useLocation();
  const [composing, setComposing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const clearNotice = useCallback(() => setNotice(null), []);

  const redirect = session.status === 'checking' ? null : redirectFor(pathname, session.status === 'signedIn');
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (session.status === 'checking' || redirect) {
    return (
      <div class="splash" aria-busy="true">
        <span class="brand brand-large">{t('app.name')}</span>
        <p class="visually-hidden" role="status">
          {t('app.loading')}
        </p>
      </div>
    );
  }

  const route = findRoute(pathname) ?? { name: 'feed', id: null };
  // a mailed link (new password, invitation) opens its page even over someone's session
  if (session.status === 'signedOut' || isLinkRoute(route.name)) {
    const Screen = AUTH_SCREENS[isAuthRoute(route.name) ? route.name : 'login'];
    return (
      <main id="main" class="auth-page">
        <span class="brand brand-large" aria-hidden="true">
          {t('app.name')}
        </span>
        <Screen search={new URLSearchParams(search)} notice={loginNotice} onSignedIn={signedIn} />
      </main>
    );
  }

  return (
    <SignedInShell
      viewer={session.viewer}
      route={route}
      search={search}
      composing={composing}
      setComposing={setComposing}
      notice={notice}
      setNotice={setNotice}
      clearNotice={clearNotice}
      logout={logout}
      signOutEverywhere={signOutEverywhere}
    />
  );
}

interface SignedInShellProps {
  viewer: Viewer;
  route: Route;
  search: string;
  composing: boolean;
  setComposing: (open: boolean) => void;
  notice: string | null;
  setNotice: (message: string | null) => void;
  clearNotice: () => void;
  logout: () => Promise<void>;
  signOutEverywhere: () => Promise<void>;
}

function SignedInShell({
  viewer,
  route,
  search,
  composing,
  setComposing,
  notice,
  setNotice,
  clearNotice,
  logout,
  signOutEverywhere,
}: SignedInShellProps) {
  const unreadCount = useUnreadCount(viewer.id);
  useEffect(() => keepPushSubscriptionCurrent(), [viewer.id]);
  useEffect(() => startOutbox(viewer.id), [viewer.id]);
  const compose = () => {
    setComposing(true);
    if (route.name !== 'feed') navigate(ROUTE_PATHS.feed);
  };
  const Screen = isAuthRoute(route.name) ? SCREENS.feed : SCREENS[route.name];
  const refused = isRefusedRoute(route.name, viewer);
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <ShellHeader
        viewer={viewer}
        route={route.name}
        unreadCount={unreadCount}
        onLogout={logout}
        onSignOutEverywhere={signOutEverywhere}
      />
      <main id="main" class="shell-main" tabIndex={-1}>
        {refused ? (
          <EmptyState
            title={t('app.managersOnlyTitle')}
            text={t('app.managersOnlyText')}
            action={
              <ButtonLink href={ROUTE_PATHS.feed} variant="primary" onClick={linkClick}>
                {t('post.back')}
              </ButtonLink>
            }
          />
        ) : (
          <Screen
            route={route}
            search={new URLSearchParams(search)}
            viewer={viewer}
            onNotice={setNotice}
            composing={composing}
            onCompose={() => setComposing(true)}
            onComposeClose={() => setComposing(false)}
          />
        )}
      </main>
      <ShellNotice message={notice} onDone={clearNotice} />
      <BadgesCelebration viewerId={viewer.id} />
      <ShellTabBar onCompose={compose} route={route.name} />
    </div>
  );
}
