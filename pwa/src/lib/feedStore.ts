import type { FeedEventsSubscription, FeedQuery, PostFieldsFragment as Post } from '../graphql/feed.generated';

type FeedEvent = FeedEventsSubscription['feedEvents'];
type FeedPage = FeedQuery['feed'];
/**
 * The feed as the screen shows it, and every way it changes: pages loaded,
 * live events applied in version order, optimistic likes. Pure functions
 * returning new states, so each rule is a unit test away.
 *
 * Scroll position is never moved under the reader's thumb: posts by others
 * that arrive live wait in `pending` (announced by a banner) until revealed.
 */

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface FeedState {
  /** Shown, newest first, each id once. */
  posts: Post[];
  /** Arrived live or by a refetch, not shown yet; newest first. */
  pending: Post[];
  /**
   * Set when a refetched first page shares no post with the list: more was
   * missed than one page holds, so revealing replaces the list with that page.
   */
  replacement: PageInfo | null;
  pageInfo: PageInfo;
  /** Version of the last live event applied on the current subscription. */
  lastVersion: number | null;
  /** Best practices recommended to the viewer's units, above the list (first page). */
  pinned?: Post[];
  /** Ranked by the server (« Top de la semaine »): new posts go on top, the rest keeps its order. */
  ranked?: boolean;
}

export const emptyFeed: FeedState = {
  posts: [],
  pending: [],
  replacement: null,
  pageInfo: { hasNextPage: false, endCursor: null },
  lastVersion: null,
};

export function pageToPosts(page: FeedPage): { posts: Post[]; pageInfo: PageInfo } {
  return { posts: page.edges.map((edge) => edge.node), pageInfo: page.pageInfo };
}

function newestFirst(a: Post, b: Post): number {
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Union of two lists by id (the first list's copy wins), newest first. */
function mergeById(preferred: readonly Post[], others: readonly Post[]): Post[] {
  const seen = new Set(preferred.map((post) => post.id));
  return [...preferred, ...others.filter((post) => !seen.has(post.id))].sort(newestFirst);
}

/** `fresh` on top of `others`: by date in the newest-first feed, as they are in a ranked one. */
function onTop(state: FeedState, fresh: readonly Post[], others: readonly Post[]): Post[] {
  if (!state.ranked) return mergeById(fresh, others);
  const seen = new Set(fresh.map((post) => post.id));
  return [...fresh, ...others.filter((post) => !seen.has(post.id))];
}

/** Keeps the first copy of each id, in the given (server) order. */
function dedupe(posts: readonly Post[]): Post[] {
  const seen = new Set<string>();
  return posts.filter((post) => !seen.has(post.id) && Boolean(seen.add(post.id)));
}

function updatePost(posts: Post[], id: string, change: (post: Post) => Post): Post[] {
  const index = posts.findIndex((post) => post.id === id);
  if (index === -1) return posts;
  const next = posts.slice();
  next[index] = change(posts[index] as Post);
  return next;
}

function updateEverywhere(state: FeedState, id: string, change: (post: Post) => Post): FeedState {
  return {
    ...state,
    posts: updatePost(state.posts, id, change),
    pending: updatePost(state.pending, id, change),
    ...(state.pinned ? { pinned: updatePost(state.pinned, id, change) } : {}),
  };
}

function removeEverywhere(state: FeedState, id: string): FeedState {
  const keep = (post: Post) => post.id !== id;
  return {
    ...state,
    posts: state.posts.filter(keep),
    pending: state.pending.filter(keep),
    ...(state.pinned ? { pinned: state.pinned.filter(keep) } : {}),
  };
}

function isKnown(state: FeedState, id: string): boolean {
  return state.posts.some((post) => post.id === id) || state.pending.some((post) => post.id === id);
}

// ------------------------------------------------------------------- pages

/** The first page replaces whatever was shown (first load, retry, pull to refresh). */
export function firstPageLoaded(state: FeedState, page: FeedPage): FeedState {
  const { posts, pageInfo } = pageToPosts(page);
  const shown = new Set(posts.map((post) => post.id));
  return {
    ...state,
    posts: dedupe(posts),
    pending: state.pending.filter((post) => !shown.has(post.id)),
    replacement: null,
    pageInfo,
    pinned: page.pinned ?? state.pinned ?? [],
  };
}

/** An older page (infinite scroll) goes below, without repeating posts already shown. */
export function nextPageLoaded(state: FeedState, page: FeedPage): FeedState {
  const { posts, pageInfo } = pageToPosts(page);
  const shown = new Set(state.posts.map((post) => post.id));
  return { ...state, posts: [...state.posts, ...posts.filter((post) => !shown.has(post.id))], pageInfo };
}

/**
 * After a version gap or a reconnect: the fresh first page updates the posts
 * we know (likes may have changed) and announces the ones we missed.
 */
export function mergeFirstPage(state: FeedState, page: FeedPage): FeedState {
  const { posts: fresh, pageInfo } = pageToPosts(page);
  if (state.posts.length === 0) return firstPageLoaded(state, page);

  let next = state;
  for (const post of fresh) {
    if (isKnown(next, post.id)) next = updateEverywhere(next, post.id, () => post);
  }
  const missed = fresh.filter((post) => !isKnown(state, post.id));
  const overlaps = fresh.some((post) => state.posts.some((shown) => shown.id === post.id));
  const replacement = !overlaps && pageInfo.hasNextPage ? pageInfo : state.replacement;
  return { ...next, pending: mergeById(next.pending, missed), replacement, pinned: page.pinned ?? next.pinned ?? [] };
}

// ------------------------------------------------------------------ events

export interface EventOutcome {
  state: FeedState;
  /** A version was skipped: the caller refetches the first page and merges it. */
  refetch: boolean;
}

/**
 * Applies one live event. Versions grow by one per event; an older or equal
 * version is a duplicate and is dropped, a jump means events were lost.
 */
export function applyFeedEvent(state: FeedState, event: FeedEvent, viewerId: string): EventOutcome {
  const last = state.lastVersion;
  if (last !== null && event.version <= last) return { state, refetch: false };
  const refetch = last !== null && event.version > last + 1;
  const versioned = { ...state, lastVersion: event.version };

  switch (event.type) {
    case 'POST_CREATED':
      return { state: postArrived(versioned, event.post, viewerId), refetch };
    case 'LIKE_COUNT_CHANGED': {
      const likeCount = event.likeCount;
      if (likeCount === null) return { state: versioned, refetch };
      return { state: updateEverywhere(versioned, event.postId, (post) => ({ ...post, likeCount })), refetch };
    }
    case 'POST_EDITED': {
      const edited = event.post;
      if (edited === null) return { state: versioned, refetch };
      // the event cannot know whether this viewer likes it: keep what we know
      return {
        state: updateEverywhere(versioned, event.postId, (post) => ({ ...edited, likedByMe: post.likedByMe })),
        refetch,
      };
    }
    case 'POST_HIDDEN':
    case 'POST_DELETED':
      return { state: removeEverywhere(versioned, event.postId), refetch };
    case 'COMMENT_ADDED':
    case 'COMMENT_DELETED': {
      const commentCount = event.commentCount;
      if (commentCount === null || commentCount === undefined) return { state: versioned, refetch };
      return { state: updateEverywhere(versioned, event.postId, (post) => ({ ...post, commentCount })), refetch };
    }
    case 'POST_REMOVED':
      // e.g. the announcement of a badge that was revoked
      return {
        state: {
          ...versioned,
          posts: versioned.posts.filter((post) => post.id !== event.postId),
          pending: versioned.pending.filter((post) => post.id !== event.postId),
        },
        refetch,
      };
    default:
      // A type this build does not know yet: keep the version, ignore the payload.
      return { state: versioned, refetch };
  }
}

function postArrived(state: FeedState, post: Post | null, viewerId: string): FeedState {
  if (post === null) return state;
  if (isKnown(state, post.id)) return updateEverywhere(state, post.id, () => post);
  // The viewer's own post (event raced the mutation reply) or an empty list: show at once.
  if (post.author.id === viewerId || state.posts.length === 0) {
    return { ...state, posts: onTop(state, [post], state.posts) };
  }
  return { ...state, pending: mergeById([post], state.pending) };
}

/** A new subscription starts a new version sequence. */
export function subscriptionRestarted(state: FeedState): FeedState {
  return { ...state, lastVersion: null };
}

/** The banner was tapped: the waiting posts take their place at the top. */
export function revealPending(state: FeedState): FeedState {
  if (state.replacement) {
    return { ...state, posts: state.pending, pending: [], pageInfo: state.replacement, replacement: null };
  }
  return { ...state, posts: onTop(state, state.pending, state.posts), pending: [] };
}

/** The viewer just published: the post goes on top at once. */
export function ownPostCreated(state: FeedState, post: Post): FeedState {
  return {
    ...state,
    posts: onTop(state, [post], state.posts),
    pending: state.pending.filter((pending) => pending.id !== post.id),
  };
}

// ------------------------------------------------------------------- likes

/** Optimistic like or unlike; calling it again with the opposite value rolls it back. */
export function setLiked(state: FeedState, postId: string, liked: boolean): FeedState {
  return updateEverywhere(state, postId, (post) => {
    if (post.likedByMe === liked) return post;
    return { ...post, likedByMe: liked, likeCount: Math.max(0, post.likeCount + (liked ? 1 : -1)) };
  });
}

/** The server's copy of a post (mutation reply) replaces ours. */
export function postUpdated(state: FeedState, post: Post): FeedState {
  return updateEverywhere(state, post.id, () => post);
}
