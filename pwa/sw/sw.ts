/// <reference lib="webworker" />
/**
 * Élan's service worker: the app shell is precached so the app opens
 * offline; the feed itself is kept by the app (src/lib/offlineCache), since
 * POST /graphql cannot go through the Cache API.
 */
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute, setCatchHandler } from 'workbox-routing';
import { registerPushHandlers } from './push';
import { registerBackgroundSync } from './sync';

declare const self: ServiceWorkerGlobalScope;

const APP_SHELL = '/index.html';
const OFFLINE_PAGE = '/offline.html';

/** Server paths that are never the app, even when navigated to. */
const SERVER_PATHS = [
  /^\/graphql/,
  /^\/healthz/,
  /^\/media\//,
  /^\/api\//,
  /^\/admin/,
  // recognition: public credential, verification page, issuer profile, badge images
  /^\/credentials\//,
  /^\/verify\//,
  /^\/issuers\//,
  /^\/badge-images\//,
];

function precacheAppShell(): void {
  precacheAndRoute(self.__WB_MANIFEST);
  cleanupOutdatedCaches();
}

/** Every app route (/, /login, /signup, …) opens the precached shell; the app routes itself. */
function routeNavigationsToShell(): void {
  registerRoute(new NavigationRoute(createHandlerBoundToURL(APP_SHELL), { denylist: SERVER_PATHS }));
}

/** When even the shell cannot be served, a navigation gets the standalone offline page. */
function fallBackToOfflinePage(): void {
  setCatchHandler(async ({ request }) => {
    if (request.mode === 'navigate') {
      const offline = await matchPrecache(OFFLINE_PAGE);
      if (offline) return offline;
    }
    return Response.error();
  });
}

/** A new version waits until the page asks for it (no reload under the seller's thumb). */
function listenForUpdateRequests(): void {
  self.addEventListener('message', (event) => {
    if (event.data && (event.data as { type?: unknown }).type === 'SKIP_WAITING') void self.skipWaiting();
  });
  clientsClaim();
}

precacheAppShell();
routeNavigationsToShell();
fallBackToOfflinePage();
listenForUpdateRequests();
registerPushHandlers(self);
registerBackgroundSync(self);
