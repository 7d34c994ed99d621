import './styles/tokens.css';
import './styles/base.css';
import './styles.css';
import { render } from 'preact';
import { App } from './app';
import { language, loadCatalogue } from './i18n';
import { kioskTokenFrom } from './lib/tvBoard';
import { KIOSK_SCREEN, preloadScreen } from './screens';

document.documentElement.lang = language;

// the screen this visit opens on is fetched while the catalogue and the session load
preloadScreen(location.pathname);

const root = document.getElementById('app');
// a showroom screen's kiosk link opens its board alone: no session, no shell
const kiosk = kioskTokenFrom(location.pathname);
// an English reader waits for its catalogue (a few ms, cached offline); if it can't come, French
if (root) {
  void loadCatalogue().catch(() => undefined).then(() => render(kiosk ? <KIOSK_SCREEN token={kiosk} /> : <App />, root));
}

// The service worker exists only in the build (dev serves modules straight from Vite).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No worker (private mode, old browser): the app still works online.
    });
  });
}
