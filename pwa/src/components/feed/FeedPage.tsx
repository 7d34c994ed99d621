import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { filterFromSearch, isNarrowed, searchFromFilter, type FeedFilter } from '../../lib/feedFilter';
import { navigate, useLocation } from '../../router';
import { TrainingRecommendations } from '../training/TrainingRecommendations';
import { FeedComposer } from './FeedComposer';
import { FeedFilterBar } from './FeedFilterBar';
import { FeedList } from './FeedList';
import { FeedNewPostsBanner } from './FeedNewPostsBanner';
import { FeedOutboxRefusals } from './FeedOutboxRefusals';
import { FeedPendingPosts } from './FeedPendingPost';
import { FeedPullToRefresh } from './FeedPullToRefresh';
import { useFeed } from './useFeed';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import type { PostFieldsFragment as Post } from '../../graphql/feed.generated';

const HOLD_MS = 1500;

interface FeedPageProps {
  viewer: Viewer;
  composing: boolean;
  onCompose: () => void;
  onComposeClose: () => void;
  onNotice: (message: string) => void;
}

function scrollToTop() {
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  window.scrollTo({ top: 0, behavior: smooth ? 'smooth' : 'auto' });
}

export function FeedPage({ viewer, composing, onCompose, onComposeClose, onNotice }: FeedPageProps) {
  const { search } = useLocation();
  const filter = filterFromSearch(search);
  const feed = useFeed(viewer.id, filter, (message) => onNotice(message ?? t('post.likeError')));
  const authorName = filter.authorId
    ? (feed.state.posts.find((post) => post.author.id === filter.authorId)?.author.displayName ?? null)
    : null;

  /** Each filter is an address of its own: back, forward and reload keep it. */
  function filterBy(next: FeedFilter) {
    navigate(`/${searchFromFilter(next)}`);
    window.scrollTo({ top: 0 });
  }

  // what shows above the posts comes first, or within a moment: no layout shift when it arrives
  const [holding, setHolding] = useState(true);
  const settle = useCallback(() => setHolding(false), []);
  useEffect(() => {
    const timer = setTimeout(settle, HOLD_MS);
    return () => clearTimeout(timer);
  }, [settle]);

  function reveal() {
    feed.reveal();
    scrollToTop();
  }

  function published(post: Post) {
    feed.published(post);
    onNotice(t('composer.success'));
    scrollToTop();
  }

  return (
    <section class="feed-page" aria-labelledby="feed-title">
      <h1 id="feed-title" class="visually-hidden">
        {t('feed.title')}
      </h1>
      <FeedPullToRefresh onRefresh={feed.refresh} />
      {viewer.role !== 'MEMBER' && (
        <a
          class="link-button"
          href="/reports"
          onClick={(event) => {
            event.preventDefault();
            navigate('/reports');
          }}
        >
          {t('reports.link')}
        </a>
      )}
      <FeedFilterBar filter={filter} authorName={authorName} onChange={filterBy} />
      <FeedOutboxRefusals />
      <FeedNewPostsBanner count={feed.state.pending.length} onReveal={reveal} />
      <div hidden={holding}>
        <TrainingRecommendations onSettled={settle} />
      </div>
      <FeedPendingPosts />
      <FeedList
        feed={feed}
        holding={holding}
        onCompose={onCompose}
        narrowed={isNarrowed(filter)}
        onClearFilter={() => filterBy({ ...filter, kind: null, scope: null, tag: null, authorId: null, recommended: false })}
      />
      <FeedComposer
        open={composing}
        onClose={onComposeClose}
        onPublished={published}
        viewerRole={viewer.role}
        onQueued={onNotice}
      />
    </section>
  );
}
