/**
 * The device's outbox: actions made offline wait here (saved on the phone,
 * so closing the app loses nothing) and are sent once the network is back —
 * on the `online` event, at start, every 20 s while something waits, and when
 * the service worker's Background Sync fires.
 */
import { useEffect, useState } from 'preact/hooks';
import { request, RequestError } from '../../graphql/client';
import { ADD_COMMENT } from '../../graphql/feedOperations';
import { CREATE_POST, LIKE_POST, UNLIKE_POST } from '../../graphql/operations';
import { browserStore } from '../../lib/offlineCache';
import { enqueue, flushQueue, loadQueue, saveQueue, type QueuedAction, type SendOutcome } from '../../lib/offlineQueue';

const SYNC_TAG = 'elan-outbox';
const RETRY_MS = 20_000;

let viewerId: string | null = null;
let queue: QueuedAction[] = [];
let flushing: Promise<void> | null = null;
let timer: ReturnType<typeof setInterval> | null = null;
const listeners = new Set<(queue: QueuedAction[]) => void>();

function changed(next: QueuedAction[]): void {
  queue = next;
  if (viewerId) saveQueue(browserStore(), viewerId, queue);
  for (const listener of [...listeners]) listener(queue);
}

async function send(action: QueuedAction): Promise<SendOutcome> {
  try {
    if (action.kind === 'like') {
      const result = action.liked
        ? (await request(LIKE_POST, { postId: action.postId })).likePost
        : (await request(UNLIKE_POST, { postId: action.postId })).unlikePost;
      return result.__typename === 'RateLimitedError' ? 'retry' : result.__typename === 'LikePostSuccess' ? 'sent' : 'refused';
    }
    if (action.kind === 'comment') {
      const { addComment } = await request(ADD_COMMENT, {
        input: { postId: action.postId, body: action.body, idempotencyKey: action.key },
      });
      return addComment.__typename === 'RateLimitedError' ? 'retry' : addComment.__typename === 'AddCommentSuccess' ? 'sent' : 'refused';
    }
    const { createPost } = await request(CREATE_POST, { input: action.input });
    return createPost.__typename === 'RateLimitedError' ? 'retry' : createPost.__typename === 'CreatePostSuccess' ? 'sent' : 'refused';
  } catch (error) {
    // No network, or the session needs signing in again: keep it for later.
    if (error instanceof RequestError && error.kind !== 'server') return 'retry';
    return 'refused';
  }
}

/** Sends what waits; concurrent calls share one flush. */
export function flushOutbox(): Promise<void> {
  if (flushing) return flushing;
  if (queue.length === 0) return Promise.resolve();
  const snapshot = [...queue];
  // Actions queued while sending wait after what is being sent.
  const addedSince = () => queue.filter((action) => !snapshot.includes(action));
  flushing = (async () => {
    try {
      const remaining = await flushQueue(snapshot, send, (rest) => changed([...rest, ...addedSince()]));
      changed([...remaining, ...addedSince()]);
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

function registerSync(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker.ready
    .then((registration) => (registration as ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }).sync?.register(SYNC_TAG))
    .catch(() => undefined);
}

export function queueAction(action: QueuedAction): void {
  changed(enqueue(queue, action));
  registerSync();
}

/** Loads the viewer's outbox and starts sending it; returns the stop function. */
export function startOutbox(id: string): () => void {
  viewerId = id;
  queue = loadQueue(browserStore(), id);
  for (const listener of [...listeners]) listener(queue);
  const onOnline = () => void flushOutbox();
  const onMessage = (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type === 'FLUSH_OUTBOX') void flushOutbox();
  };
  window.addEventListener('online', onOnline);
  navigator.serviceWorker?.addEventListener('message', onMessage);
  timer = setInterval(() => {
    if (queue.length > 0 && navigator.onLine !== false) void flushOutbox();
  }, RETRY_MS);
  void flushOutbox();
  return () => {
    window.removeEventListener('online', onOnline);
    navigator.serviceWorker?.removeEventListener('message', onMessage);
    if (timer) clearInterval(timer);
    viewerId = null;
    queue = [];
  };
}

export function useOutbox(): QueuedAction[] {
  const [current, setCurrent] = useState(queue);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(queue);
    return () => void listeners.delete(setCurrent);
  }, []);
  return current;
}
