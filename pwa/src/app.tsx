/**
 * The shell: who is signed in, which route shows, and the frame around the
 * feed (header, tab bar, notices). Routes: /login, /signup, / (feed).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { AccountsLoginForm } from './components/accounts/AccountsLoginForm';
import { AccountsSignUpForm } from './components/accounts/AccountsSignUpForm';
import { FeedPage } from './components/feed/FeedPage';
import { LeverScreensLoader } from './components/levers/LeverScreensLoader';
import { ShellHeader } from './components/shell/ShellHeader';
import { ShellNotice } from './components/shell/ShellNotice';
import { ShellTabBar } from './components/shell/ShellTabBar';
import { onUnauthenticated, request, RequestError, resetLiveConnection } from './graphql/client';
import { LOGOUT, ME, type Viewer } from './graphql/operations';
import { t } from './i18n';
import { browserStore, clearOfflineCache, loadViewer, saveViewer } from './lib/offlineCache';
import { matchLeverRoute } from './lib/levers';
import { matchRoute, redirectFor, ROUTE_PATHS } from './lib/routes';
import { navigate, useLocation } from './router';

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
      onUnauthenticated(() => {
        clearOfflineCache(browserStore());
        resetLiveConnection();
        if (wasSignedIn.current) setLoginNotice(t('errors.sessionExpired'));
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

  const logout = useCallback(async () => {
    try {
      await request(LOGOUT);
    } catch {
      // Offline: the cookie expires on its own; nothing of the person stays here.
    }
    clearOfflineCache(browserStore());
    resetLiveConnection();
    setSession({ status: 'signedOut' });
    navigate(ROUTE_PATHS.login, { replace: true });
  }, []);

  return { session, loginNotice, signedIn, logout };
}

export function App() {
  const { session, loginNotice, signedIn, logout } = useSession();
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
  const lever = matchLeverRoute(pathname);
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
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <ShellHeader viewer={session.viewer} onLogout={logout} />
      <main id="main" class="shell-main" tabIndex={-1}>
        {lever ? (
          <LeverScreensLoader route={lever} viewer={session.viewer} onNotice={setNotice} />
        ) : (
          <FeedPage
            viewer={session.viewer}
            composing={composing}
            onCompose={() => setComposing(true)}
            onComposeClose={() => setComposing(false)}
            onNotice={setNotice}
          />
        )}
      </main>
      <ShellNotice message={notice} onDone={clearNotice} />
      <ShellTabBar
        pathname={pathname}
        onCompose={() => {
          if (lever) navigate(ROUTE_PATHS.feed);
          setComposing(true);
        }}
      />
    </div>
  );
}
