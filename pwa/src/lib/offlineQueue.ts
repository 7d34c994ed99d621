/**
 * Actions made without a network (likes, comments, text posts), kept on the
 * device until they reach the server, exactly once: each carries the key the
 * server deduplicates by (idempotency key for posts and comments; likes are
 * idempotent by nature, and only the last tap on a post is kept).
 */
import type { CreatePostInput } from '../graphql/operations';
import type { KeyValueStore } from './offlineCache';

export type QueuedAction =
  | { kind: 'like'; key: string; postId: string; liked: boolean; at: string }
  | { kind: 'comment'; key: string; postId: string; body: string; at: string }
  | { kind: 'post'; key: string; input: CreatePostInput; at: string };

/** What sending one action came to: `retry` keeps it (and what follows) for later. */
export type SendOutcome = 'sent' | 'refused' | 'retry';

const QUEUE_KEY = 'elan.outbox.v1';

function storageKey(viewerId: string): string {
  return `${QUEUE_KEY}.${viewerId}`;
}

export function loadQueue(store: KeyValueStore | null, viewerId: string): QueuedAction[] {
  try {
    const raw = store?.getItem(storageKey(viewerId));
    const parsed = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(parsed) ? (parsed as QueuedAction[]) : [];
  } catch {
    return [];
  }
}

export function saveQueue(store: KeyValueStore | null, viewerId: string, queue: readonly QueuedAction[]): void {
  try {
    if (queue.length === 0) store?.removeItem(storageKey(viewerId));
    else store?.setItem(storageKey(viewerId), JSON.stringify(queue));
  } catch {
    // Storage full or forbidden: the action stays in memory for this session.
  }
}

/** Adds an action; a new like or unlike of a post replaces the one waiting for it. */
export function enqueue(queue: readonly QueuedAction[], action: QueuedAction): QueuedAction[] {
  if (action.kind === 'like') {
    return [...queue.filter((queued) => !(queued.kind === 'like' && queued.postId === action.postId)), action];
  }
  if (queue.some((queued) => queued.key === action.key)) return [...queue];
  return [...queue, action];
}

/** The like state waiting for a post, if any. */
export function pendingLike(queue: readonly QueuedAction[], postId: string): boolean | undefined {
  const like = queue.find((queued) => queued.kind === 'like' && queued.postId === postId);
  return like?.kind === 'like' ? like.liked : undefined;
}

export function pendingComments(queue: readonly QueuedAction[], postId: string): { key: string; body: string; at: string }[] {
  return queue.flatMap((queued) => (queued.kind === 'comment' && queued.postId === postId ? [queued] : []));
}

/**
 * Sends the queue in order. An action the server answered (accepted or
 * refused with a typed error) leaves the queue; the first that could not
 * reach it stops the flush, so order is kept for the next attempt.
 */
export async function flushQueue(
  queue: readonly QueuedAction[],
  send: (action: QueuedAction) => Promise<SendOutcome>,
  onProgress: (remaining: QueuedAction[]) => void = () => undefined,
): Promise<QueuedAction[]> {
  let remaining = [...queue];
  while (remaining.length > 0) {
    const [head] = remaining;
    if (head === undefined) break;
    const outcome = await send(head);
    if (outcome === 'retry') break;
    remaining = remaining.slice(1);
    onProgress(remaining);
  }
  return remaining;
}

export function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}
