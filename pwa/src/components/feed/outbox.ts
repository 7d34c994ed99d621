/**
 * The page's side of the outbox (lib/offlineQueue): actions made offline
 * wait in IndexedDB, shown as « en attente », and go out on the `online`
 * event, at start, every 20 s while something waits, or from the service
 * worker's Background Sync with the app closed. Whoever sends tells the
 * others on a BroadcastChannel, so every open screen follows.
 */
import { useEffect, useState } from 'preact/hooks';
import { language } from '../../i18n';
import {
  clearOutbox,
  dismissRefusal,
  enqueue,
  flushOutbox as flushItems,
  memoryOutboxTable,
  newKey,
  openOutboxTable,
  refusedActions,
  waitingActions,
  type OutboxItem,
  type OutboxTable,
  type QueuedAction,
} from '../../lib/offlineQueue';
import { sendQueuedAction } from '../../lib/outboxSender';

export const OUTBOX_SYNC_TAG = 'elan-outbox';
export const OUTBOX_CHANNEL = 'elan-outbox';
export const OUTBOX_LOCK = 'elan-outbox';
const RETRY_MS = 20_000;

const owner = `page-${newKey()}`;
let tableOpening: Promise<OutboxTable> | null = null;
let viewerId: string | null = null;
let queue: QueuedAction[] = [];
let refused: OutboxItem[] = [];
let flushing: Promise<void> | null = null;
let channel: BroadcastChannel | null = null;
const listeners = new Set<() => void>();

function table(): Promise<OutboxTable> {
  tableOpening ??= openOutboxTable().catch(() => memoryOutboxTable());
  return tableOpening;
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}

async function reload(): Promise<void> {
  const id = viewerId;
  if (!id) return;
  const records = await table();
  const [waiting, refusals] = await Promise.all([waitingActions(records, id), refusedActions(records, id)]);
  if (viewerId !== id) return;
  queue = waiting;
  refused = refusals;
  notify();
}

function announce(): void {
  channel?.postMessage({ type: 'OUTBOX_CHANGED' });
}

/** One sender at a time across tabs and the worker (Web Locks); the claims in IndexedDB hold where locks don't exist. */
async function exclusively(work: () => Promise<void>): Promise<void> {
  if (!('locks' in navigator) || !navigator.locks) return work();
  await navigator.locks.request(OUTBOX_LOCK, { ifAvailable: true }, async (lock) => {
    if (lock) await work();
  });
}

/** Sends what waits; concurrent calls share one flush. */
export function flushOutbox(): Promise<void> {
  const id = viewerId;
  if (flushing || !id) return flushing ?? Promise.resolve();
  flushing = (async () => {
    try {
      const records = await table();
      await exclusively(async () => {
        await flushItems(records, id, owner, (action, uploaded) => sendQueuedAction(action, uploaded, { language }), () => {
          announce();
          void reload();
        });
      });
    } catch {
      // IndexedDB or the lock failed this time: the next trigger tries again.
    } finally {
      flushing = null;
      await reload();
    }
  })();
  return flushing;
}

function registerSync(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) =>
      (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(OUTBOX_SYNC_TAG),
    )
    .catch(() => undefined);
}

/** Keeps an action on the device; shown at once, sent as soon as possible. */
export function queueAction(action: QueuedAction): void {
  const id = viewerId;
  if (!id) return;
  queue = [...queue.filter((queued) => !(action.kind === 'like' && queued.kind === 'like' && queued.postId === action.postId)), action];
  notify();
  void table()
    .then((records) => enqueue(records, id, action))
    .then(async () => {
      await reload();
      announce();
      registerSync();
      if (navigator.onLine !== false) void flushOutbox();
    })
    .catch(() => undefined);
}

/** The person read why an action was refused. */
export function dismissRefused(key: string): void {
  refused = refused.filter((item) => item.key !== key);
  notify();
  void table()
    .then((records) => dismissRefusal(records, key))
    .then(announce)
    .catch(() => undefined);
}

/** Signing out: nothing of the person stays on the device. */
export async function forgetOutbox(id: string): Promise<void> {
  await clearOutbox(await table(), id).catch(() => undefined);
  announce();
}

const LEGACY_KEY = 'elan.outbox.v1';

/** Earlier versions kept the queue in localStorage: move what waits there into IndexedDB, once. */
async function adoptLegacyQueue(id: string): Promise<void> {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(`${LEGACY_KEY}.${id}`);
  } catch {
    return;
  }
  if (!raw) return;
  try {
    const actions = JSON.parse(raw) as unknown;
    const records = await table();
    for (const action of Array.isArray(actions) ? (actions as QueuedAction[]) : []) await enqueue(records, id, action);
    localStorage.removeItem(`${LEGACY_KEY}.${id}`);
  } catch {
    // unreadable: left where it is
  }
}

/** Loads the viewer's outbox and starts sending it; returns the stop function. */
export function startOutbox(id: string): () => void {
  viewerId = id;
  queue = [];
  refused = [];
  channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(OUTBOX_CHANNEL);
  if (channel) channel.onmessage = () => void reload();
  const onOnline = () => void flushOutbox();
  window.addEventListener('online', onOnline);
  const timer = setInterval(() => {
    if (queue.length > 0 && navigator.onLine !== false) void flushOutbox();
  }, RETRY_MS);
  void adoptLegacyQueue(id)
    .then(reload)
    .then(() => flushOutbox());
  return () => {
    window.removeEventListener('online', onOnline);
    clearInterval(timer);
    channel?.close();
    channel = null;
    viewerId = null;
    queue = [];
    refused = [];
  };
}

function useOutboxValue<T>(read: () => T): T {
  const [value, setValue] = useState(read);
  useEffect(() => {
    const listener = () => setValue(read);
    listeners.add(listener);
    listener();
    return () => void listeners.delete(listener);
  }, []);
  return value;
}

/** The actions still waiting, oldest first. */
export function useOutbox(): QueuedAction[] {
  return useOutboxValue(() => queue);
}

/** The actions the server refused, until the person has read why. */
export function useOutboxRefusals(): OutboxItem[] {
  return useOutboxValue(() => refused);
}
