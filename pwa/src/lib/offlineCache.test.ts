import { describe, expect, it } from 'vitest';
import {
  CACHED_POSTS,
  clearOfflineCache,
  loadFeedSnapshot,
  loadViewer,
  saveFeedSnapshot,
  saveViewer,
  type KeyValueStore,
} from './offlineCache';
import type { ViewerFieldsFragment as Viewer } from '../graphql/accounts.generated';
import type { PostFieldsFragment as Post } from '../graphql/feed.generated';
import { postFixture } from './testing/fixtures';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const viewer: Viewer = {
  id: 'u1',
  email: 'seller@elan.example',
  displayName: 'Inès Martin',
  initials: 'IM',
  role: 'MEMBER',
  language: 'fr',
  photoUrl: null,
  manages: [],
  unit: { id: 'unit1', name: 'Lyon Part-Dieu' },
  organization: { id: 'o1', name: 'Élan Auto' },
};

const post = (n: number): Post =>
  postFixture({
  id: `p${n}`,
  kind: 'WIN',
  body: `Vente ${n}`,
  createdAt: '2025-06-15T10:00:00.000Z',
  likeCount: n,
  likedByMe: false,
  author: { id: 'u2', displayName: 'Paul', initials: 'P', photoUrl: null, unit: null },
  });

const now = new Date('2025-06-15T12:00:00Z');

describe('offline feed snapshot', () => {
  it('keeps the newest page for the same viewer', () => {
    const store = memoryStore();
    saveFeedSnapshot(store, 'u1', [post(1), post(2)], now);
    expect(loadFeedSnapshot(store, 'u1')).toEqual({
      viewerId: 'u1',
      savedAt: '2025-06-15T12:00:00.000Z',
      posts: [post(1), post(2)],
    });
  });

  it('keeps at most one page', () => {
    const store = memoryStore();
    saveFeedSnapshot(store, 'u1', Array.from({ length: 45 }, (_, i) => post(i)), now);
    expect(loadFeedSnapshot(store, 'u1')?.posts).toHaveLength(CACHED_POSTS);
  });

  it('never shows one person’s feed to another', () => {
    const store = memoryStore();
    saveFeedSnapshot(store, 'u1', [post(1)], now);
    expect(loadFeedSnapshot(store, 'u2')).toBeNull();
  });

  it('ignores damaged data instead of crashing', () => {
    const store = memoryStore();
    store.setItem('elan.feed.v1', '{not json');
    expect(loadFeedSnapshot(store, 'u1')).toBeNull();
    store.setItem('elan.feed.v1', JSON.stringify({ viewerId: 'u1', savedAt: 'x', posts: [{ id: 3 }] }));
    expect(loadFeedSnapshot(store, 'u1')).toBeNull();
  });

  it('works without any storage at all', () => {
    expect(() => saveFeedSnapshot(null, 'u1', [post(1)], now)).not.toThrow();
    expect(loadFeedSnapshot(null, 'u1')).toBeNull();
  });

  it('survives a store that refuses writes', () => {
    const full: KeyValueStore = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(() => saveViewer(full, viewer)).not.toThrow();
  });
});

describe('signed-in viewer copy', () => {
  it('is kept for offline starts and removed on sign-out with the feed', () => {
    const store = memoryStore();
    saveViewer(store, viewer);
    saveFeedSnapshot(store, viewer.id, [post(1)], now);
    expect(loadViewer(store)).toEqual(viewer);
    clearOfflineCache(store);
    expect(loadViewer(store)).toBeNull();
    expect(loadFeedSnapshot(store, viewer.id)).toBeNull();
    expect(store.data.size).toBe(0);
  });
});
