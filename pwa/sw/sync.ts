/**
 * Extension point for Background Sync (posts and likes written offline).
 *
 * Later work adds here: a `sync` listener that replays the app's offline
 * queue (kept in IndexedDB, with the idempotency keys the app already sends
 * with createPost) once the device is back online.
 */
export function registerBackgroundSync(_worker: ServiceWorkerGlobalScope): void {}
