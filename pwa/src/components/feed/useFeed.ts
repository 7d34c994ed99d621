/**
 * The feed screen's state machine: first page, infinite scroll, live
 * events, optimistic likes and the offline copy. The rules themselves live
 * in lib/feedStore; this hook wires them to the network.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onConnected, request, subscribe } from '../../graphql/client';
import {
  applyFeedEvent,
  emptyFeed,
  firstPageLoaded,
  mergeFirstPage,
  nextPageLoaded,
  ownPostCreated,
  postUpdated,
  revealPending,
  setLiked,
  subscriptionRestarted,
  type FeedState,
} from '../../lib/feedStore';
import { apiFilter, filterKey, isNarrowed, type FeedFilter } from '../../lib/feedFilter';
import { whenIdle } from '../../lib/idle';
import { browserStore, loadFeedSnapshot, saveFeedSnapshot } from '../../lib/offlineCache';
import { newKey } from '../../lib/offlineQueue';
import { isOffline } from '../../lib/requestErrors';
import { queueAction } from './outbox';
import { FeedDocument, FeedEventsDocument, LikePostDocument, type PostFieldsFragment as Post, UnlikePostDocument } from '../../graphql/feed.generated';

export const PAGE_SIZE = 20;

export type FeedStatus =
  | { kind: 'loading' }
  | { kind: 'ready' }
  /** Showing the copy saved on the device; `savedAt` is when it was saved. */
  | { kind: 'offline'; savedAt: string }
  /** `offline`: the server could not be reached at all (as opposed to an error it answered). */
  | { kind: 'error'; offline: boolean };

export interface FeedController {
  state: FeedState;
  status: FeedStatus;
  loadingMore: boolean;
  loadMoreFailed: boolean;
  retry: () => void;
  loadMore: () => void;
  reveal: () => void;
  toggleLike: (post: Post) => void;
  published: (post: Post) => void;
  /** Pull to refresh: the newest page, shown at once (waiting posts included). */
  refresh: () => Promise<void>;
}

/** The feed as the first start shows it: ranked for « Top de la semaine ». */
function startingFeed(filter: FeedFilter): FeedState {
  return filter.order === 'TOP_OF_WEEK' ? { ...emptyFeed, ranked: true } : emptyFeed;
}

export function useFeed(viewerId: string, filter: FeedFilter, onLikeFailed: (message: string | null) => void): FeedController {
  const key = filterKey(filter);
  const query = useRef({ filter: apiFilter(filter), order: filter.order });
  query.current = { filter: apiFilter(filter), order: filter.order };
  // Only the plain feed is kept on the device for offline starts.
  const plain = !isNarrowed(filter) && filter.order === 'NEWEST';
  /** The filter the screen shows now: answers asked for another one are dropped. */
  const filterKeyRef = useRef(key);
  const stateRef = useRef<FeedState>(startingFeed(filter));
  const [state, setState] = useState<FeedState>(stateRef.current);
  const [status, setStatus] = useState<FeedStatus>({ kind: 'loading' });
  const statusRef = useRef(status);
  statusRef.current = status;
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreFailed, setLoadMoreFailed] = useState(false);
  const likeIntent = useRef(new Map<string, boolean>());
  const likeInFlight = useRef(new Set<string>());
  const failed = useRef(onLikeFailed);
  failed.current = onLikeFailed;

  const update = useCallback((change: (previous: FeedState) => FeedState) => {
    stateRef.current = change(stateRef.current);
    setState(stateRef.current);
  }, []);

  const loadFirstPage = useCallback(async () => {
    setStatus({ kind: 'loading' });
    const asked = key;
    try {
      const { feed } = await request(FeedDocument, { first: PAGE_SIZE, ...query.current });
      if (asked !== filterKeyRef.current) return;
      update((previous) => firstPageLoaded(previous, feed));
      setStatus({ kind: 'ready' });
    } catch (error) {
      if (asked !== filterKeyRef.current) return;
      const offline = isOffline(error);
      const snapshot = offline && plain ? loadFeedSnapshot(browserStore(), viewerId) : null;
      if (snapshot) {
        update(() => ({ ...emptyFeed, posts: snapshot.posts }));
        setStatus({ kind: 'offline', savedAt: snapshot.savedAt });
      } else {
        setStatus({ kind: 'error', offline });
      }
    }
  }, [update, viewerId, key, plain]);

  /** After a gap or a reconnect: fetch the newest page and merge it. */
  const refreshFirstPage = useCallback(async () => {
    const current = statusRef.current.kind;
    if (current === 'loading') return;
    const asked = filterKeyRef.current;
    try {
      const { feed } = await request(FeedDocument, { first: PAGE_SIZE, ...query.current });
      if (asked !== filterKeyRef.current) return;
      // A saved offline copy has no cursor: the fresh page replaces it.
      update((previous) => (current === 'ready' ? mergeFirstPage(previous, feed) : firstPageLoaded(previous, feed)));
      setStatus({ kind: 'ready' });
    } catch {
      // The next reconnect or gap tries again.
    }
  }, [update]);

  // A new filter starts a new feed: nothing of the previous one stays.
  useEffect(() => {
    filterKeyRef.current = key;
    stateRef.current = startingFeed(filter);
    setState(stateRef.current);
    setLoadMoreFailed(false);
    void loadFirstPage();
  }, [loadFirstPage, key]);

  useEffect(() => {
    const stopConnected = onConnected(() => {
      update(subscriptionRestarted);
      void refreshFirstPage();
    });
    // New posts are announced only when they belong to this filtered feed (the server checks).
    const stopEvents = subscribe(FeedEventsDocument, { filter: query.current.filter }, {
      next: ({ feedEvents }) => {
        const outcome = applyFeedEvent(stateRef.current, feedEvents, viewerId);
        update(() => outcome.state);
        if (outcome.refetch) void refreshFirstPage();
      },
    });
    return () => {
      stopEvents();
      stopConnected();
    };
  }, [refreshFirstPage, update, viewerId, key]);

  // Keep the newest page on the device for offline starts (debounced: like counts change often).
  useEffect(() => {
    if (status.kind !== 'ready' || !plain) return;
    let cancelIdle = () => {};
    const timer = setTimeout(() => {
      cancelIdle = whenIdle(() => saveFeedSnapshot(browserStore(), viewerId, state.posts, new Date()));
    }, 1000);
    return () => {
      clearTimeout(timer);
      cancelIdle();
    };
  }, [state.posts, status.kind, viewerId, plain]);

  const loadMore = useCallback(async () => {
    const { pageInfo } = stateRef.current;
    if (loadingMore || !pageInfo.hasNextPage || statusRef.current.kind !== 'ready') return;
    setLoadingMore(true);
    setLoadMoreFailed(false);
    try {
      const asked = filterKeyRef.current;
      const { feed } = await request(FeedDocument, { first: PAGE_SIZE, after: pageInfo.endCursor, ...query.current });
      if (asked === filterKeyRef.current) update((previous) => nextPageLoaded(previous, feed));
    } catch {
      setLoadMoreFailed(true);
    } finally {
      setLoadingMore(false);
    }
  }, [loadingMore, update]);

  /** Sends likes one at a time per post until the server agrees with the last tap. */
  const syncLike = useCallback(
    async (postId: string) => {
      if (likeInFlight.current.has(postId)) return;
      likeInFlight.current.add(postId);
      try {
        for (;;) {
          const wanted = likeIntent.current.get(postId);
          if (wanted === undefined) return;
          let failure: string | null | undefined;
          try {
            const result = wanted
              ? (await request(LikePostDocument, { postId })).likePost
              : (await request(UnlikePostDocument, { postId })).unlikePost;
            if (result.__typename === 'LikePostSuccess') {
              if (likeIntent.current.get(postId) === wanted) {
                likeIntent.current.delete(postId);
                update((previous) => postUpdated(previous, result.post));
              }
              continue;
            }
            failure = result.message;
          } catch (error) {
            if (isOffline(error)) {
              // Offline: the tap is kept on the phone and sent once the network is back.
              likeIntent.current.delete(postId);
              queueAction({ kind: 'like', key: newKey(), postId, liked: wanted, at: new Date().toISOString() });
              return;
            }
            failure = null;
          }
          // The seller tapped again meanwhile: send that instead.
          if (likeIntent.current.get(postId) !== wanted) continue;
          // Give up on this tap: put back what the server has.
          likeIntent.current.delete(postId);
          update((previous) => setLiked(previous, postId, !wanted));
          failed.current(failure);
          return;
        }
      } finally {
        likeInFlight.current.delete(postId);
      }
    },
    [update],
  );

  const toggleLike = useCallback(
    (post: Post) => {
      const current = stateRef.current.posts.find((candidate) => candidate.id === post.id) ?? post;
      const liked = !current.likedByMe;
      update((previous) => setLiked(previous, post.id, liked));
      likeIntent.current.set(post.id, liked);
      void syncLike(post.id);
    },
    [syncLike, update],
  );

  const refresh = useCallback(async () => {
    const asked = filterKeyRef.current;
    try {
      const { feed } = await request(FeedDocument, { first: PAGE_SIZE, ...query.current });
      if (asked !== filterKeyRef.current) return;
      update((previous) => firstPageLoaded({ ...previous, pending: [] }, feed));
      setStatus({ kind: 'ready' });
    } catch {
      // Offline: the list stays as it is; the connection status says why.
    }
  }, [update]);

  return {
    state,
    status,
    loadingMore,
    loadMoreFailed,
    retry: () => void loadFirstPage(),
    loadMore: () => void loadMore(),
    // A ranked feed is ranked again with the newcomers, rather than having them stacked on top.
    reveal: () => (stateRef.current.ranked ? void refresh() : update(revealPending)),
    toggleLike,
    published: (post) => update((previous) => ownPostCreated(previous, post)),
    refresh,
  };
}
