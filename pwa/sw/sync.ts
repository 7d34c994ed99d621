/**
 * Background Sync for the outbox (actions made offline, kept by the app on
 * the device with the idempotency keys the server checks). When the browser
 * fires the `elan-outbox` sync, open windows are asked to send their outbox;
 * with none open, the app sends it at its next start.
 */
const SYNC_TAG = 'elan-outbox';

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

export function registerBackgroundSync(worker: ServiceWorkerGlobalScope): void {
  worker.addEventListener('sync', ((event: SyncEvent) => {
    if (event.tag !== SYNC_TAG) return;
    event.waitUntil(
      worker.clients.matchAll({ type: 'window' }).then((windows) => {
        for (const client of windows) client.postMessage({ type: 'FLUSH_OUTBOX' });
      }),
    );
  }) as EventListener);
}
