/**
 * Background Sync for the outbox: when the browser fires the `elan-outbox`
 * sync (network back, app possibly closed), the worker sends the queued
 * actions itself, from the IndexedDB queue the page filled, with the same
 * idempotency keys. It authenticates like the page, by the HttpOnly session
 * cookie a same-origin fetch carries, and first asks whose session that is:
 * only that person's actions are sent. Open screens hear about it on the
 * outbox BroadcastChannel.
 *
 * Failing the event's promise asks the browser to fire it again later (with
 * its own back-off), which is what an action that must still wait needs.
 */
import { flushOutbox, newKey, openOutboxTable, type FlushEnd } from '../src/lib/offlineQueue';
import { sendQueuedAction, signedInViewer } from '../src/lib/outboxSender';

const SYNC_TAG = 'elan-outbox';
const CHANNEL = 'elan-outbox';
const LOCK = 'elan-outbox';

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
  readonly lastChance: boolean;
}

async function sendOutbox(worker: ServiceWorkerGlobalScope, lastChance: boolean): Promise<void> {
  const language = worker.navigator.language;
  const viewer = await signedInViewer(language);
  if (viewer === 'offline') {
    if (lastChance) return;
    throw new Error('offline: try again later');
  }
  if (viewer === null) return; // signed out: the actions wait for that person to come back
  const table = await openOutboxTable();
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
  const owner = `worker-${newKey()}`;
  const announce = () => channel?.postMessage({ type: 'OUTBOX_CHANGED' });
  const flush = () => flushOutbox(table, viewer.id, owner, (action, uploaded) => sendQueuedAction(action, uploaded, { language }), announce);
  const locks = 'locks' in worker.navigator ? worker.navigator.locks : null;
  try {
    // wait for the page to finish its own flush rather than skip: a sync that ends while the
    // page still holds the queue would not be fired again, and the page may be closing
    const end: FlushEnd = locks ? await locks.request(LOCK, async (): Promise<FlushEnd> => flush()) : await flush();
    if ((end === 'offline' || end === 'later') && !lastChance) throw new Error(`outbox ${end}: try again later`);
  } finally {
    channel?.close();
  }
}

export function registerBackgroundSync(worker: ServiceWorkerGlobalScope): void {
  worker.addEventListener('sync', ((event: SyncEvent) => {
    if (event.tag !== SYNC_TAG) return;
    event.waitUntil(sendOutbox(worker, event.lastChance));
  }) as EventListener);
}
