import { useEffect, useRef, useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { formatRelativeTime } from '../../lib/relativeTime';
import { groupFeed } from '../../lib/celebrations';
import { FeedCelebrationCard } from './FeedCelebrationCard';
import { FeedPostCard } from './FeedPostCard';
import { FeedPostCardSkeleton } from './FeedPostCardSkeleton';
import type { FeedController } from './useFeed';
import type { PostFieldsFragment as Post } from '../../graphql/feed.generated';

interface FeedListProps {
  feed: FeedController;
  onCompose: () => void;
  /** A filter narrows the feed: an empty list says so and offers to widen it. */
  narrowed?: boolean;
  onClearFilter?: () => void;
  /** Still waiting for what shows above the posts: keep the skeleton. */
  holding?: boolean;
}

/** Re-renders every half minute so "il y a 5 min" stays true. */
function useNow(intervalMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function FeedList({ feed, onCompose, narrowed = false, onClearFilter, holding = false }: FeedListProps) {
  const { state, status } = feed;
  const now = useNow(30_000);
  const sentinel = useRef<HTMLDivElement>(null);
  const loadMore = useRef(feed.loadMore);
  loadMore.current = feed.loadMore;
  const canLoadMore = status.kind === 'ready' && state.pageInfo.hasNextPage && !feed.loadMoreFailed;

  // Infinite scroll: ask for the next page a little before the end comes into view.
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !canLoadMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadMore.current();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [canLoadMore, state.posts.length]);

  if (status.kind === 'loading' || (holding && status.kind === 'ready')) {
    return (
      <div class="feed-list" aria-busy="true">
        <p class="visually-hidden" role="status">
          {t('app.loading')}
        </p>
        <FeedPostCardSkeleton />
        <FeedPostCardSkeleton />
        <FeedPostCardSkeleton />
      </div>
    );
  }

  if (status.kind === 'error') {
    return (
      <div class="feed-state" role="alert">
        <h2>{t('feed.errorTitle')}</h2>
        <p>{t(status.offline ? 'errors.network' : 'errors.unexpected')}</p>
        <button type="button" class="button button-primary" onClick={feed.retry}>
          {t('feed.retry')}
        </button>
      </div>
    );
  }

  if (state.posts.length === 0 && (state.pinned ?? []).length === 0 && narrowed) {
    return (
      <div class="feed-state">
        <h2>{t('feed.filter.emptyTitle')}</h2>
        <p>{t('feed.filter.emptyBody')}</p>
        <button type="button" class="button button-primary" onClick={onClearFilter}>
          {t('feed.filter.clearAll')}
        </button>
      </div>
    );
  }

  if (state.posts.length === 0) {
    return (
      <div class="feed-state">
        <h2>{t('feed.emptyTitle')}</h2>
        <p>{t('feed.emptyBody')}</p>
        <button type="button" class="button button-primary" onClick={onCompose}>
          {t('feed.emptyAction')}
        </button>
      </div>
    );
  }

  return (
    <div class="feed-list">
      {status.kind === 'offline' && (
        <p class="notice" role="status">
          {t('feed.offlineSnapshot', { when: formatRelativeTime(status.savedAt, now, language) })}
        </p>
      )}
      {(state.pinned ?? []).map((post: Post) => (
        <FeedPostCard key={`pinned-${post.id}`} post={{ ...post, pinned: true }} now={now} onToggleLike={feed.toggleLike} />
      ))}
      {groupFeed(state.posts).map((item) =>
        item.type === 'post' ? (
          <FeedPostCard key={item.post.id} post={item.post} now={now} onToggleLike={feed.toggleLike} />
        ) : (
          <FeedCelebrationCard key={item.key} kind={item.kind} posts={item.posts} now={now} />
        ),
      )}
      <div ref={sentinel} class="feed-end">
        {feed.loadingMore && (
          <>
            <p class="visually-hidden" role="status">
              {t('feed.loadingMore')}
            </p>
            <FeedPostCardSkeleton />
          </>
        )}
        {feed.loadMoreFailed && (
          <div class="feed-state feed-state-inline" role="alert">
            <p>{t('feed.loadMoreError')}</p>
            <button type="button" class="button" onClick={feed.loadMore}>
              {t('feed.retry')}
            </button>
          </div>
        )}
        {status.kind === 'ready' && !state.pageInfo.hasNextPage && <p class="feed-end-text">{t('feed.end')}</p>}
      </div>
    </div>
  );
}
