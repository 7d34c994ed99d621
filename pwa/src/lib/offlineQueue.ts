/**
 * Actions made without a network (likes, comments, posts with their photos),
 * kept on the device in IndexedDB until they reach the server, exactly once.
 * The page and the service worker share the queue: either may send it, the
 * page when it is open and online, the service worker on Background Sync
 * with the app closed.
 *
 * Exactly once holds in three layers: each action carries the key the server
 * deduplicates by (idempotency key for posts and comments; a like is
 * idempotent by nature and only the last tap on a post is kept); a sender
 * claims an action in IndexedDB before sending it, so two senders never send
 * the same one at the same time; and callers hold a Web Lock while flushing.
 *
 * The queue keeps its order: the oldest waiting action goes first, and one
 * that must wait (no network, server busy) holds back those after it.
 */
import { backoffDelay } from './backoff';
import { change, openDatabase, readAll, type Changes } from './idb';
import type { CreatePostInput } from '../graphql/types.generated';

export interface QueuedPhoto {
  blob: Blob;
  name: string;
  /** Set once uploaded, so a retry never uploads it twice. */
  mediaId: string | null;
}

export type QueuedAction =
  | { kind: 'like'; key: string; postId: string; liked: boolean; at: string }
  | { kind: 'comment'; key: string; postId: string; body: string; at: string }
  | { kind: 'post'; key: string; input: Omit<CreatePostInput, 'imageIds'>; photos?: QueuedPhoto[]; at: string };

/** Why the server said no, for the person to read. */
export interface Refusal {
  code: string;
  message: string;
  at: string;
}

export interface OutboxItem {
  /** The action's key (its idempotency key): the record's primary key. */
  key: string;
  viewerId: string;
  seq: number;
  action: QueuedAction;
  attempts: number;
  /** Epoch ms before which it is not tried again (server busy). */
  notBefore: number;
  /** Who is sending it right now, and until when that holds. */
  claim: { owner: string; until: number } | null;
  /** Refused for good: out of the queue, kept only to tell the person why. */
  refused: Refusal | null;
}

/** How sending one action went. */
export type SendResult =
  | { outcome: 'sent' }
  | { outcome: 'refused'; code: string; message: string }
  /** No network: wait for it. */
  | { outcome: 'offline' }
  /** The session is gone: wait until the person signs in again. */
  | { outcome: 'unauthenticated' }
  /** The server is busy or rate-limits: back off. */
  | { outcome: 'transient'; retryAfterMs?: number };

export type FlushEnd = 'empty' | 'busy' | 'later' | 'offline' | 'unauthenticated';

export const CLAIM_MS = 120_000;
const BACKOFF = { baseMs: 5_000, maxMs: 10 * 60_000 };

// ------------------------------------------------------------ pure rules

function waiting(items: readonly OutboxItem[], viewerId: string): OutboxItem[] {
  return items.filter((item) => item.viewerId === viewerId && item.refused === null).sort((a, b) => a.seq - b.seq);
}

/** Adds an action; a like or unlike of a post replaces the one waiting for it unless it is being sent. */
export function addAction(items: readonly OutboxItem[], viewerId: string, action: QueuedAction): Changes<OutboxItem, boolean> {
  if (items.some((item) => item.key === action.key)) return { result: false };
  const replaced =
    action.kind === 'like'
      ? waiting(items, viewerId).filter(
          (item) => item.action.kind === 'like' && item.action.postId === action.postId && item.claim === null,
        )
      : [];
  const seq = items.reduce((max, item) => Math.max(max, item.seq), 0) + 1;
  const item: OutboxItem = { key: action.key, viewerId, seq, action, attempts: 0, notBefore: 0, claim: null, refused: null };
  return { put: [item], remove: replaced.map((old) => old.key), result: true };
}

export type Claim = { kind: 'claimed'; item: OutboxItem } | { kind: 'empty' } | { kind: 'busy' } | { kind: 'later'; at: number };

/** Claims the oldest waiting action, unless another sender holds it or it must wait. */
export function claimHead(items: readonly OutboxItem[], viewerId: string, owner: string, now: number): Changes<OutboxItem, Claim> {
  const [head] = waiting(items, viewerId);
  if (!head) return { result: { kind: 'empty' } };
  if (head.claim && head.claim.until > now && head.claim.owner !== owner) return { result: { kind: 'busy' } };
  if (head.notBefore > now) return { result: { kind: 'later', at: head.notBefore } };
  const claimed = { ...head, claim: { owner, until: now + CLAIM_MS } };
  return { put: [claimed], result: { kind: 'claimed', item: claimed } };
}

/** Records how sending went: sent leaves, refused stays only as a notice, the rest waits. */
export function settleAction(
  items: readonly OutboxItem[],
  key: string,
  owner: string,
  result: SendResult,
  now: number,
  random: () => number = Math.random,
): Changes<OutboxItem, void> {
  const item = items.find((candidate) => candidate.key === key);
  if (!item) return { result: undefined };
  if (result.outcome === 'sent') return { remove: [key], result: undefined };
  if (result.outcome === 'refused') {
    const action = item.action.kind === 'post' ? { ...item.action, photos: [] } : item.action;
    const refused = { code: result.code, message: result.message, at: new Date(now).toISOString() };
    return { put: [{ ...item, action, claim: null, refused }], result: undefined };
  }
  const claim = item.claim?.owner === owner ? null : item.claim;
  if (result.outcome === 'transient') {
    const delay = Math.max(result.retryAfterMs ?? 0, backoffDelay(item.attempts, { ...BACKOFF, random }));
    return { put: [{ ...item, claim, attempts: item.attempts + 1, notBefore: now + delay }], result: undefined };
  }
  return { put: [{ ...item, claim }], result: undefined };
}

/** A photo of a waiting post reached the server: remember its id and keep the claim alive. */
export function photoUploaded(items: readonly OutboxItem[], key: string, index: number, mediaId: string, now: number): Changes<OutboxItem, void> {
  const item = items.find((candidate) => candidate.key === key);
  if (!item || item.action.kind !== 'post' || !item.action.photos?.[index]) return { result: undefined };
  const photos = item.action.photos.map((photo, n) => (n === index ? { ...photo, mediaId } : photo));
  const claim = item.claim ? { ...item.claim, until: now + CLAIM_MS } : null;
  return { put: [{ ...item, claim, action: { ...item.action, photos } }], result: undefined };
}

/** The like state waiting for a post, if any. */
export function pendingLike(queue: readonly QueuedAction[], postId: string): boolean | undefined {
  const like = [...queue].reverse().find((queued) => queued.kind === 'like' && queued.postId === postId);
  return like?.kind === 'like' ? like.liked : undefined;
}

export function pendingComments(queue: readonly QueuedAction[], postId: string): { key: string; body: string; at: string }[] {
  return queue.flatMap((queued) => (queued.kind === 'comment' && queued.postId === postId ? [queued] : []));
}

export function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

// ----------------------------------------------------------------- store

/** The queue's records, read whole and changed atomically. */
export interface OutboxTable {
  all(): Promise<OutboxItem[]>;
  change<R>(decide: (items: OutboxItem[]) => Changes<OutboxItem, R>): Promise<R>;
}

const DATABASE = 'elan-outbox';
const STORE = 'actions';

export async function openOutboxTable(factory?: IDBFactory): Promise<OutboxTable> {
  const db = await openDatabase(
    DATABASE,
    1,
    (created) => {
      if (!created.objectStoreNames.contains(STORE)) created.createObjectStore(STORE, { keyPath: 'key' });
    },
    factory,
  );
  return {
    all: () => readAll<OutboxItem>(db, STORE),
    change: (decide) => change(db, STORE, decide),
  };
}

/** Where IndexedDB is refused (some private modes): the queue lives as long as the page. */
export function memoryOutboxTable(): OutboxTable {
  let records = new Map<string, OutboxItem>();
  return {
    all: async () => [...records.values()],
    change: async (decide) => {
      const changes = decide([...records.values()]);
      const next = new Map(records);
      for (const key of changes.remove ?? []) next.delete(String(key));
      for (const record of changes.put ?? []) next.set(record.key, record);
      records = next;
      return changes.result;
    },
  };
}

export async function waitingActions(table: OutboxTable, viewerId: string): Promise<QueuedAction[]> {
  return waiting(await table.all(), viewerId).map((item) => item.action);
}

export async function refusedActions(table: OutboxTable, viewerId: string): Promise<OutboxItem[]> {
  return (await table.all()).filter((item) => item.viewerId === viewerId && item.refused !== null);
}

export function enqueue(table: OutboxTable, viewerId: string, action: QueuedAction): Promise<boolean> {
  return table.change((items) => addAction(items, viewerId, action));
}

export function dismissRefusal(table: OutboxTable, key: string): Promise<void> {
  return table.change((items) => ({
    remove: items.some((item) => item.key === key && item.refused) ? [key] : [],
    result: undefined,
  }));
}

/** Everything of one person (signing out). */
export function clearOutbox(table: OutboxTable, viewerId: string): Promise<void> {
  return table.change((items) => ({
    remove: items.filter((item) => item.viewerId === viewerId).map((item) => item.key),
    result: undefined,
  }));
}

export type SendAction = (action: QueuedAction, uploaded: (index: number, mediaId: string) => Promise<void>) => Promise<SendResult>;

/**
 * Sends the viewer's waiting actions in order, each claimed first. Stops at
 * the first that must wait; says why it stopped.
 */
export async function flushOutbox(
  table: OutboxTable,
  viewerId: string,
  owner: string,
  send: SendAction,
  onChange: () => void = () => undefined,
  now: () => number = Date.now,
): Promise<FlushEnd> {
  for (;;) {
    const claim = await table.change((items) => claimHead(items, viewerId, owner, now()));
    if (claim.kind !== 'claimed') return claim.kind;
    const { key } = claim.item;
    let result: SendResult;
    try {
      result = await send(claim.item.action, (index, mediaId) =>
        table.change((items) => photoUploaded(items, key, index, mediaId, now())),
      );
    } catch {
      result = { outcome: 'transient' };
    }
    await table.change((items) => settleAction(items, key, owner, result, now()));
    onChange();
    if (result.outcome === 'offline' || result.outcome === 'unauthenticated') return result.outcome;
    if (result.outcome === 'transient') return 'later';
  }
}
