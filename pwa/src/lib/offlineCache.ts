import type { ViewerFieldsFragment as Viewer } from '../graphql/accounts.generated';
import type { PostFieldsFragment as Post } from '../graphql/feed.generated';
/**
 * What the app keeps on the device to open without a network: who is signed
 * in (a display copy, never a token) and the newest page of their feed.
 * The service worker cannot cache POST /graphql, so the app does it here.
 */

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const VIEWER_KEY = 'elan.viewer.v1';
const FEED_KEY = 'elan.feed.v1';
export const CACHED_POSTS = 20;

export interface FeedSnapshot {
  viewerId: string;
  savedAt: string;
  posts: Post[];
}

function read(store: KeyValueStore | null, key: string): unknown {
  try {
    const raw = store?.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function write(store: KeyValueStore | null, key: string, value: unknown): void {
  try {
    store?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or forbidden (private mode): the app still works online.
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function looksLikePost(value: unknown): value is Post {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.body === 'string' &&
    typeof value.createdAt === 'string' &&
    typeof value.likeCount === 'number' &&
    isObject(value.author)
  );
}

export function saveViewer(store: KeyValueStore | null, viewer: Viewer): void {
  write(store, VIEWER_KEY, viewer);
}

export function loadViewer(store: KeyValueStore | null): Viewer | null {
  const value = read(store, VIEWER_KEY);
  if (isObject(value) && typeof value.id === 'string' && typeof value.displayName === 'string') {
    return value as unknown as Viewer;
  }
  return null;
}

export function saveFeedSnapshot(store: KeyValueStore | null, viewerId: string, posts: readonly Post[], now: Date): void {
  const snapshot: FeedSnapshot = { viewerId, savedAt: now.toISOString(), posts: posts.slice(0, CACHED_POSTS) };
  write(store, FEED_KEY, snapshot);
}

/** The saved page, only if it belongs to this viewer and is readable. */
export function loadFeedSnapshot(store: KeyValueStore | null, viewerId: string): FeedSnapshot | null {
  const value = read(store, FEED_KEY);
  if (!isObject(value) || value.viewerId !== viewerId || !Array.isArray(value.posts)) return null;
  if (typeof value.savedAt !== 'string' || !value.posts.every(looksLikePost)) return null;
  return { viewerId, savedAt: value.savedAt, posts: value.posts };
}

/** On sign-out nothing of the previous person stays on the device. */
export function clearOfflineCache(store: KeyValueStore | null): void {
  try {
    store?.removeItem(VIEWER_KEY);
    store?.removeItem(FEED_KEY);
  } catch {
    // nothing to clear
  }
}

export function browserStore(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
