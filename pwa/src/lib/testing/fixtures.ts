/** Complete objects of the generated types for unit tests: each test names only what it is about. */
import type { FeedEventsSubscription, PostFieldsFragment } from '../../graphql/feed.generated';

type FeedEvent = FeedEventsSubscription['feedEvents'];

export function postFixture(overrides: Partial<PostFieldsFragment> & { id: string }): PostFieldsFragment {
  return {
    kind: 'WIN',
    body: '',
    systemKind: null,
    systemParams: null,
    systemRefs: null,
    createdAt: '2025-06-15T10:00:00.000Z',
    editedAt: null,
    audience: 'NETWORK',
    figure: null,
    product: null,
    context: null,
    action: null,
    result: null,
    tags: [],
    likeCount: 0,
    commentCount: 0,
    likedByMe: false,
    recommendedBy: [],
    recommendedUnitCount: 0,
    pinned: false,
    viewerIsAuthor: false,
    viewerCanModerate: false,
    images: [],
    author: { id: 'u-other', displayName: 'Inès Martin', initials: 'IM', photoUrl: null, unit: null },
    ...overrides,
  };
}

export function feedEventFixture(event: Partial<FeedEvent> & Pick<FeedEvent, 'version' | 'type' | 'postId'>): FeedEvent {
  return { post: null, likeCount: null, commentCount: null, commentId: null, ...event };
}
