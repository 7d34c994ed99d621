/**
 * The shell: who is signed in, which route shows, and the frame around the
 * feed (header, tab bar, notices). Routes: /login, /signup, / (feed),
 * /notifications, /settings/notifications, /challenges/:id, and recognition:
 * /badges, /badges/award, /wall, /people/:id.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { AccountsLoginForm } from './components/accounts/AccountsLoginForm';
import { AccountsSignUpForm } from './components/accounts/AccountsSignUpForm';
import { BadgesCelebration } from './components/badges/BadgesCelebration';
import type { BadgesScreensProps } from './components/badges/BadgesScreens';
import { FeedPage } from './components/feed/FeedPage';
import { LeverScreensLoader } from './components/levers/LeverScreensLoader';
import { keepPushSubscriptionCurrent } from './components/notifications/pushDevice';
import { useUnreadCount } from './components/notifications/useUnreadCount';
import { ShellHeader } from './components/shell/ShellHeader';
import { ShellLazyScreen } from './components/shell/ShellLazyScreen';
import { ShellNotice } from './components/shell/ShellNotice';
import { ShellTabBar } from './components/shell/ShellTabBar';
import { onUnauthenticated, request, RequestError, resetLiveConnection } from './graphql/client';
import { LOGOUT, ME, REVOKE_SESSIONS, type Viewer } from './graphql/operations';
import { t } from './i18n';
import { browserStore, clearOfflineCache, loadViewer, saveViewer } from './lib/offlineCache';
import { FeedPostScreen } from './components/feed/FeedPostScreen';
import { forgetOutbox, startOutbox } from './components/feed/outbox';
import { challengeIdFrom, matchRoute, personIdFrom, postIdFrom, redirectFor, ROUTE_PATHS, type RouteName } from './lib/routes';
import type { ChallengesScreensProps } from './components/challenges/ChallengesScreens';
import { type LeverRoute, matchLeverRoute } from './lib/levers';
import { navigate, useLocation } from './router';

const loadReports = () => import('./components/feed/FeedReportsPage').then((module) => module.FeedReportsPage);
const loadNotifications = () =>
  import('./components/notifications/NotificationsPage').then((module) => module.NotificationsPage);
const loadNotificationSettings = () =>
  import('./components/notifications/NotificationsSettingsPage').then((module) => module.NotificationsSettingsPage);

const RECOGNITION_ROUTES: ReadonlySet<RouteName> = new Set(['badges', 'awardBadge', 'wall', 'person']);

type BadgesModule = typeof import('./components/badges/BadgesScreens');

/** The recognition screens come in their own chunk, fetched the first time one opens. */
function LazyBadgesScreens(props: BadgesScreensProps) {
  const [module, setModule] = useState<BadgesModule | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    import('./components/badges/BadgesScreens')
      .then((loaded) => !cancelled && setModule(loaded))
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, []);
  if (failed) return <p role="alert">{t('errors.network')}</p>;
  if (!module) return <p role="status">{t('app.loading')}</p>;
  return <module.BadgesScreens {...props} />;
}

type Session = { status: 'checking' } | { status: 'signedOut' } | { status: 'signedIn'; viewer: Viewer };

function useSession() {
  const [session, setSession] = useState<Session>({ status: 'checking' });
  const [loginNotice, setLoginNotice] = useState<string | null>(null);
  const wasSignedIn = useRef(false);
  wasSignedIn.current = session.status === 'signedIn';

  useEffect(() => {
    let cancelled = false;
    request(ME)
      .then(({ me }) => {
        if (cancelled) return;
        if (me) saveViewer(browserStore(), me);
        else clearOfflineCache(browserStore());
        setSession(me ? { status: 'signedIn', viewer: me } : { status: 'signedOut' });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        // Offline start: trust the last signed-in copy so the saved feed can show.
        const cached = error instanceof RequestError && error.kind === 'network' ? loadViewer(browserStore()) : null;
        setSession(cached ? { status: 'signedIn', viewer: cached } : { status: 'signedOut' });
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(
    () =>
      onUnauthenticated((loss) => {
        clearOfflineCache(browserStore());
        resetLiveConnection();
        if (wasSignedIn.current) setLoginNotice(t(loss === 'ended' ? 'errors.sessionEnded' : 'errors.sessionExpired'));
        setSession({ status: 'signedOut' });
      }),
    [],
  );

  const signedIn = useCallback((viewer: Viewer) => {
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
      clearOfflineCache(browserStore());
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
      await request(LOGOUT);
    } catch {
      // Offline: the cookie expires on its own; nothing of the person stays here.
    }
    await leave(null);
  }, [leave]);

  /** Every session ends, this one too; refused offline, since the others would live on. */
  const signOutEverywhere = useCallback(async () => {
    const { revokeSessions } = await request(REVOKE_SESSIONS);
    if (revokeSessions.__typename !== 'RevokeSessionsSuccess') throw new Error(revokeSessions.message);
    await leave(t('header.signedOutEverywhere'));
  }, [leave]);

  return { session, loginNotice, signedIn, logout, signOutEverywhere };
}

const CHALLENGE_ROUTES: ReadonlySet<RouteName> = new Set([
  'challenges', 'challenge', 'challengeNew', 'challengeManage', 'challengeTv', 'challengeEdit', 'challengeAudit', 'challengeTokens',
]);

type ChallengesModule = typeof import('./components/challenges/ChallengesScreens');

/** The challenges screens come in their own chunk too. */
function LazyChallengesScreens(props: ChallengesScreensProps) {
  const [module, setModule] = useState<ChallengesModule | null>(null);
  useEffect(() => {
    let cancelled = false;
    void import('./components/challenges/ChallengesScreens').then((loaded) => !cancelled && setModule(loaded));
    return () => {
      cancelled = true;
    };
  }, []);
  if (!module) {
    return (
      <p class="feed-state-inline" role="status" aria-busy="true">
        {t('app.loading')}
      </p>
    );
  }
  return <module.ChallengesScreens {...props} />;
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

  const route = matchRoute(pathname);
  const recognition = { personId: personIdFrom(pathname), unitId: new URLSearchParams(search).get('unit') };
  if (session.status === 'signedOut') {
    return (
      <main id="main" class="auth-page">
        <span class="brand brand-large" aria-hidden="true">
          {t('app.name')}
        </span>
        {route === 'signup' ? (
          <AccountsSignUpForm initialCode={new URLSearchParams(search).get('code') ?? ''} onSignedIn={signedIn} />
        ) : (
          <AccountsLoginForm onSignedIn={signedIn} notice={loginNotice} />
        )}
      </main>
    );
  }

  return (
    <SignedInShell
      viewer={session.viewer}
      route={route}
      lever={matchLeverRoute(pathname)}
      recognition={recognition}
      challengeId={challengeIdFrom(pathname)}
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
  route: RouteName | null;
  lever: LeverRoute | null;
  recognition: { personId: string | null; unitId: string | null };
  challengeId: string | null;
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
  lever,
  recognition,
  challengeId,
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
  const { pathname } = useLocation();
  const compose = () => {
    setComposing(true);
    if (route !== 'feed') navigate(ROUTE_PATHS.feed);
  };
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <ShellHeader viewer={viewer} onLogout={logout} onSignOutEverywhere={signOutEverywhere} />
      <main id="main" class="shell-main" tabIndex={-1}>
        {lever && <LeverScreensLoader route={lever} viewer={viewer} onNotice={setNotice} />}
        {route === 'notifications' && <ShellLazyScreen load={loadNotifications} />}
        {route === 'notificationSettings' && <ShellLazyScreen load={loadNotificationSettings} />}
        {route !== null && CHALLENGE_ROUTES.has(route) && (
          <LazyChallengesScreens
            route={route as ChallengesScreensProps['route']}
            challengeId={challengeId}
            viewer={viewer}
            onNotice={setNotice}
          />
        )}
        {route !== null && RECOGNITION_ROUTES.has(route) && (
          <LazyBadgesScreens route={route} {...recognition} viewer={viewer} onNotice={setNotice} />
        )}
        {route === 'reports' && <ShellLazyScreen load={loadReports} />}
        {route === 'post' && (
          <FeedPostScreen postId={postIdFrom(pathname) ?? ''} viewer={viewer} onNotice={setNotice} />
        )}
        {route === 'feed' && (
          <FeedPage
            viewer={viewer}
            composing={composing}
            onCompose={() => setComposing(true)}
            onComposeClose={() => setComposing(false)}
            onNotice={setNotice}
          />
        )}
      </main>
      <ShellNotice message={notice} onDone={clearNotice} />
      <BadgesCelebration viewerId={viewer.id} />
      <ShellTabBar onCompose={compose} route={route} lever={lever?.name ?? null} unreadCount={unreadCount} />
    </div>
  );
}
