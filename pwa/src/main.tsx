import { render } from 'preact';
import { App } from './app';
import { language } from './i18n';
import './styles.css';

document.documentElement.lang = language;

const root = document.getElementById('app');
if (root) render(<App />, root);

// The service worker exists only in the build (dev serves modules straight from Vite).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
      // No worker (private mode, old browser): the app still works online.
    });
  });
}
