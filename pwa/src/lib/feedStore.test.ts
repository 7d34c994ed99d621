import { describe, expect, it } from 'vitest';
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
} from './feedStore';
import type { FeedEventsSubscription, FeedQuery, PostFieldsFragment as Post } from '../graphql/feed.generated';
import { feedEventFixture, postFixture } from './testing/fixtures';

type FeedEvent = FeedEventsSubscription['feedEvents'];
type FeedPage = FeedQuery['feed'];

const VIEWER = 'u-me';

/** Post n was created n minutes after 10:00, so a higher n is newer. */
function post(n: number, overrides: Partial<Post> = {}): Post {
  return postFixture({
    id: `p${n}`,
    kind: 'WIN',
    body: `Vente ${n}`,
    createdAt: new Date(Date.UTC(2025, 5, 15, 10, n)).toISOString(),
    likeCount: 0,
    likedByMe: false,
    ...overrides,
  });
}

function page(posts: Post[], hasNextPage = false): FeedPage {
  return {
    pinned: [],
    edges: posts.map((node) => ({ cursor: `c-${node.id}`, node })),
    pageInfo: { hasNextPage, endCursor: posts.length ? `c-${posts[posts.length - 1]!.id}` : null },
  };
}

const ids = (posts: Post[]) => posts.map((p) => p.id);

function created(version: number, p: Post): FeedEvent {
  return feedEventFixture({ version, type: 'POST_CREATED', postId: p.id, post: p });
}
function likes(version: number, postId: string, likeCount: number): FeedEvent {
  return feedEventFixture({ version, type: 'LIKE_COUNT_CHANGED', postId, likeCount });
}

/** Given a feed showing posts 5..3 with one more page behind. */
function loaded(): FeedState {
  return firstPageLoaded(emptyFeed, page([post(5), post(4), post(3)], true));
}

describe('loading pages', () => {
  it('shows the first page in server order with its cursor', () => {
    const state = loaded();
    expect(ids(state.posts)).toEqual(['p5', 'p4', 'p3']);
    expect(state.pageInfo).toEqual({ hasNextPage: true, endCursor: 'c-p3' });
  });

  it('appends older pages without repeating a post already shown', () => {
    // given a post that moved to the next page because a new one was inserted
    const state = nextPageLoaded(loaded(), page([post(3), post(2), post(1)]));
    expect(ids(state.posts)).toEqual(['p5', 'p4', 'p3', 'p2', 'p1']);
    expect(state.pageInfo.hasNextPage).toBe(false);
  });

  it('drops duplicate ids within one page', () => {
    const state = firstPageLoaded(emptyFeed, page([post(2), post(2), post(1)]));
    expect(ids(state.posts)).toEqual(['p2', 'p1']);
  });
});

describe('live events', () => {
  it('announces a post by someone else instead of moving the list', () => {
    const { state, refetch } = applyFeedEvent(loaded(), created(1, post(6)), VIEWER);
    expect(refetch).toBe(false);
    expect(ids(state.posts)).toEqual(['p5', 'p4', 'p3']);
    expect(ids(state.pending)).toEqual(['p6']);
    expect(state.lastVersion).toBe(1);
  });

  it('shows the viewer’s own post at once, even when the event beats the mutation reply', () => {
    const mine = post(6, { author: { ...post(6).author, id: VIEWER } });
    const { state } = applyFeedEvent(loaded(), created(1, mine), VIEWER);
    expect(ids(state.posts)).toEqual(['p6', 'p5', 'p4', 'p3']);
    expect(state.pending).toEqual([]);
    // when the mutation reply then arrives, the post is not doubled
    expect(ids(ownPostCreated(state, mine).posts)).toEqual(['p6', 'p5', 'p4', 'p3']);
  });

  it('shows a post at once when the list was empty', () => {
    const { state } = applyFeedEvent(firstPageLoaded(emptyFeed, page([])), created(1, post(1)), VIEWER);
    expect(ids(state.posts)).toEqual(['p1']);
  });

  it('changes like counts live, on shown and on waiting posts', () => {
    let state = applyFeedEvent(loaded(), created(7, post(6)), VIEWER).state;
    state = applyFeedEvent(state, likes(8, 'p4', 12), VIEWER).state;
    state = applyFeedEvent(state, likes(9, 'p6', 2), VIEWER).state;
    expect(state.posts.find((p) => p.id === 'p4')?.likeCount).toBe(12);
    expect(state.pending.find((p) => p.id === 'p6')?.likeCount).toBe(2);
  });

  it('drops an event whose version was already applied', () => {
    const first = applyFeedEvent(loaded(), likes(4, 'p5', 3), VIEWER).state;
    const replay = applyFeedEvent(first, likes(4, 'p5', 99), VIEWER);
    const older = applyFeedEvent(first, likes(2, 'p5', 42), VIEWER);
    expect(replay.state).toBe(first);
    expect(older.state).toBe(first);
    expect(first.posts[0]?.likeCount).toBe(3);
  });

  it('asks for a refetch when a version was skipped, and still applies the event', () => {
    const first = applyFeedEvent(loaded(), likes(10, 'p5', 1), VIEWER);
    expect(first.refetch).toBe(false);
    const next = applyFeedEvent(first.state, likes(11, 'p5', 2), VIEWER);
    expect(next.refetch).toBe(false);
    const gap = applyFeedEvent(next.state, likes(14, 'p4', 7), VIEWER);
    expect(gap.refetch).toBe(true);
    expect(gap.state.lastVersion).toBe(14);
    expect(gap.state.posts.find((p) => p.id === 'p4')?.likeCount).toBe(7);
  });

  it('takes the first version after a reconnect as the new starting point', () => {
    const before = applyFeedEvent(loaded(), likes(20, 'p5', 1), VIEWER).state;
    const restarted = subscriptionRestarted(before);
    const { refetch, state } = applyFeedEvent(restarted, likes(3, 'p5', 4), VIEWER);
    expect(refetch).toBe(false);
    expect(state.lastVersion).toBe(3);
    expect(state.posts[0]?.likeCount).toBe(4);
  });

  it('does not duplicate a post announced twice', () => {
    let state = applyFeedEvent(loaded(), created(1, post(6)), VIEWER).state;
    state = applyFeedEvent(state, created(2, post(6, { likeCount: 1 })), VIEWER).state;
    expect(ids(state.pending)).toEqual(['p6']);
    expect(state.pending[0]?.likeCount).toBe(1);
  });
});

describe('revealing new posts', () => {
  it('puts waiting posts on top, newest first, when the banner is tapped', () => {
    let state = applyFeedEvent(loaded(), created(1, post(6)), VIEWER).state;
    state = applyFeedEvent(state, created(2, post(7)), VIEWER).state;
    expect(ids(state.pending)).toEqual(['p7', 'p6']);
    state = revealPending(state);
    expect(ids(state.posts)).toEqual(['p7', 'p6', 'p5', 'p4', 'p3']);
    expect(state.pending).toEqual([]);
  });
});

describe('merging a refetched first page', () => {
  it('announces missed posts and refreshes counts of known ones', () => {
    const fresh = page([post(7), post(6), post(5, { likeCount: 9 }), post(4)], true);
    const state = mergeFirstPage(loaded(), fresh);
    expect(ids(state.posts)).toEqual(['p5', 'p4', 'p3']);
    expect(state.posts[0]?.likeCount).toBe(9);
    expect(ids(state.pending)).toEqual(['p7', 'p6']);
    expect(state.replacement).toBeNull();
    // the older cursor of the shown list is kept for infinite scroll
    expect(state.pageInfo.endCursor).toBe('c-p3');
  });

  it('merging the same page twice changes nothing more', () => {
    const fresh = page([post(6), post(5), post(4)], true);
    const once = mergeFirstPage(loaded(), fresh);
    const twice = mergeFirstPage(once, fresh);
    expect(ids(twice.pending)).toEqual(['p6']);
    expect(ids(twice.posts)).toEqual(['p5', 'p4', 'p3']);
  });

  it('replaces the list on reveal when more than a page was missed', () => {
    const fresh = page([post(30), post(29), post(28)], true);
    const merged = mergeFirstPage(loaded(), fresh);
    expect(merged.replacement).toEqual({ hasNextPage: true, endCursor: 'c-p28' });
    const revealed = revealPending(merged);
    expect(ids(revealed.posts)).toEqual(['p30', 'p29', 'p28']);
    expect(revealed.pageInfo.endCursor).toBe('c-p28');
    expect(revealed.replacement).toBeNull();
  });

  it('loads the page directly when nothing was shown yet', () => {
    const state = mergeFirstPage(emptyFeed, page([post(2), post(1)]));
    expect(ids(state.posts)).toEqual(['p2', 'p1']);
    expect(state.pending).toEqual([]);
  });
});

describe('likes', () => {
  it('likes optimistically and rolls back exactly', () => {
    const start = firstPageLoaded(emptyFeed, page([post(1, { likeCount: 4 })]));
    const liked = setLiked(start, 'p1', true);
    expect(liked.posts[0]).toMatchObject({ likedByMe: true, likeCount: 5 });
    const rolledBack = setLiked(liked, 'p1', false);
    expect(rolledBack.posts[0]).toMatchObject({ likedByMe: false, likeCount: 4 });
  });

  it('does not count twice when the state already matches', () => {
    const start = firstPageLoaded(emptyFeed, page([post(1, { likeCount: 4, likedByMe: true })]));
    expect(setLiked(start, 'p1', true).posts[0]?.likeCount).toBe(4);
  });

  it('never shows a negative count', () => {
    const start = firstPageLoaded(emptyFeed, page([post(1, { likeCount: 0, likedByMe: true })]));
    expect(setLiked(start, 'p1', false).posts[0]?.likeCount).toBe(0);
  });

  it('takes the server’s copy from the mutation reply', () => {
    const liked = setLiked(loaded(), 'p4', true);
    const settled = postUpdated(liked, post(4, { likedByMe: true, likeCount: 8 }));
    expect(settled.posts[1]).toMatchObject({ likedByMe: true, likeCount: 8 });
  });
});

describe('feed events of the complete feed', () => {
  const base = postFixture({
    id: '1',
    kind: 'WIN' as const,
    body: 'Vente',
    createdAt: '2026-11-27T08:00:00Z',
    likeCount: 2,
    commentCount: 0,
    likedByMe: true,
    author: { id: 'a', displayName: 'Julie', initials: 'J', photoUrl: null, unit: null },
  });
  const state = { ...emptyFeed, posts: [base], pinned: [base], lastVersion: 1 };

  it('counts comments, removes hidden posts, keeps the like on an edit', () => {
    const commented = applyFeedEvent(
      state,
      feedEventFixture({ version: 2, type: 'COMMENT_ADDED', postId: '1', post: null, likeCount: null, commentCount: 3 }),
      'me',
    ).state;
    expect(commented.posts[0]?.commentCount).toBe(3);
    expect(commented.pinned?.[0]?.commentCount).toBe(3);
    const edited = applyFeedEvent(
      commented,
      feedEventFixture({ version: 3, type: 'POST_EDITED', postId: '1', post: { ...base, body: 'Vente flotte', likedByMe: false }, likeCount: null }),
      'me',
    ).state;
    expect(edited.posts[0]?.body).toBe('Vente flotte');
    expect(edited.posts[0]?.likedByMe).toBe(true);
    const hidden = applyFeedEvent(edited, feedEventFixture({ version: 4, type: 'POST_HIDDEN', postId: '1', post: null, likeCount: null }), 'me');
    expect(hidden.state.posts).toEqual([]);
    expect(hidden.state.pinned).toEqual([]);
    expect(hidden.refetch).toBe(false);
  });
});

describe('removed posts', () => {
  it('leave the list and the pending ones at once (a revoked badge’s announcement)', () => {
    const withPending = applyFeedEvent(loaded(), created(1, post(9)), VIEWER).state;
    const removed: FeedEvent = feedEventFixture({ version: 2, type: 'POST_REMOVED', postId: 'p4', post: null, likeCount: null });
    const state = applyFeedEvent(withPending, removed, VIEWER).state;
    expect(ids(state.posts)).toEqual(['p5', 'p3']);
    const gone = applyFeedEvent(state, { ...removed, version: 3, postId: 'p9' }, VIEWER).state;
    expect(ids(gone.pending)).toEqual([]);
  });
});

describe('a ranked feed (« Top de la semaine »)', () => {
  it('keeps the server order when the viewer publishes', () => {
    const make = (id: string, createdAt: string): Post =>
      postFixture({ id, body: id, createdAt, author: { id: '1', displayName: 'A', initials: 'A', photoUrl: null, unit: null } });
    const ranked = { ...emptyFeed, ranked: true, posts: [make('1', '2026-11-20T08:00:00Z'), make('3', '2026-11-25T08:00:00Z')] };
    const next = ownPostCreated(ranked, make('9', '2026-11-26T08:00:00Z'));
    expect(next.posts.map((post) => post.id)).toEqual(['9', '1', '3']);
    const byDate = ownPostCreated({ ...ranked, ranked: false }, make('9', '2026-11-26T08:00:00Z'));
    expect(byDate.posts.map((post) => post.id)).toEqual(['9', '3', '1']);
  });
});
