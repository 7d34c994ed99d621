import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { language, t } from '../../i18n';
import { formatRelativeTime } from '../../lib/relativeTime';
import { groupFeed } from '../../lib/celebrations';
import { whenIdle } from '../../lib/idle';
import { pure } from '../../lib/pure';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
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

const SEARCH_ICON = (
  <svg viewBox="0 0 24 24" width="24" height="24" focusable="false">
    <circle cx="11" cy="11" r="6" stroke="currentColor" stroke-width="2.2" fill="none" />
    <path d="M16 16l4 4" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
  </svg>
);
const CHEER_ICON = (
  <svg viewBox="0 0 24 24" width="24" height="24" focusable="false">
    <path d="M7 4h10v4a5 5 0 0 1-10 0zM12 13v4M8 20h8" stroke="currentColor" stroke-width="2" stroke-linejoin="round" stroke-linecap="round" fill="none" />
  </svg>
);

/**
 * The first screenful renders at once, the rest a few cards at a time when the phone is idle:
 * short tasks, so a tap during start-up is answered at once. Each step renders its new cards
 * only: a card whose post, time and handler are unchanged is not rendered again (`pure`).
 */
const FIRST_CARDS = 4;
const CARDS_PER_STEP = 4;

const PostCard = pure(FeedPostCard);
const CelebrationCard = pure(FeedCelebrationCard);

function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(FIRST_CARDS);
  useEffect(() => {
    if (count >= total) return undefined;
    return whenIdle(() => setCount((current) => current + CARDS_PER_STEP), 500);
  }, [count, total]);
  return Math.min(total, count);
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
  const items = useMemo(() => groupFeed(state.posts), [state.posts]);
  const shown = useProgressiveCount(items.length);
  const canLoadMore = status.kind === 'ready' && state.pageInfo.hasNextPage && !feed.loadMoreFailed && shown === items.length;

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
    // a node of its own: the posts replace it rather than move it (no layout shift counted when a
    // nudge above them arrives in the same frame)
    return (
      <div key="loading" class="feed-list" aria-busy="true">
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
      <EmptyState
        icon={SEARCH_ICON}
        title={t('feed.filter.emptyTitle')}
        text={t('feed.filter.emptyBody')}
        action={
          <Button variant="primary" onClick={onClearFilter}>
            {t('feed.filter.clearAll')}
          </Button>
        }
      />
    );
  }

  if (state.posts.length === 0) {
    return (
      <EmptyState
        icon={CHEER_ICON}
        title={t('feed.emptyTitle')}
        text={t('feed.emptyBody')}
        action={
          <Button variant="primary" onClick={onCompose}>
            {t('feed.emptyAction')}
          </Button>
        }
      />
    );
  }

  return (
    <div key="posts" class="feed-list">
      {status.kind === 'offline' && (
        <p class="notice" role="status">
          {t('feed.offlineSnapshot', { when: formatRelativeTime(status.savedAt, now, language) })}
        </p>
      )}
      {(state.pinned ?? []).map((post: Post) => (
        <FeedPostCard key={`pinned-${post.id}`} post={{ ...post, pinned: true }} now={now} onToggleLike={feed.toggleLike} />
      ))}
      {items.slice(0, shown).map((item) =>
        item.type === 'post' ? (
          <PostCard key={item.post.id} post={item.post} now={now} onToggleLike={feed.toggleLike} />
        ) : (
          <CelebrationCard key={item.key} kind={item.kind} posts={item.posts} now={now} />
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
