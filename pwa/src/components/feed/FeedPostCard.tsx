import { language, t } from '../../i18n';
import { pendingLike } from '../../lib/offlineQueue';
import { formatRelativeTime } from '../../lib/relativeTime';
import { type Say, systemPostText } from '../../lib/systemTexts';
import { feedPathFor } from '../../lib/feedFilter';
import { linkClick, navigate } from '../../router';
import { Avatar } from '../ui/Avatar';
import { FeedLikeButton } from './FeedLikeButton';
import { FeedPostImages } from './FeedPostImages';
import { useOutbox } from './outbox';
import type { PostFieldsFragment as Post } from '../../graphql/feed.generated';

interface FeedPostCardProps {
  post: Post;
  now: Date;
  onToggleLike: (post: Post) => void;
  /** On the post page: no link to itself. */
  standalone?: boolean;
}

export function postPath(id: string): string {
  return `/posts/${id}`;
}

/** One post. Every user text is rendered as text, never HTML: line breaks are kept by CSS (pre-wrap). */
export function FeedPostCard({ post, now, onToggleLike, standalone = false }: FeedPostCardProps) {
  const { author } = post;
  const outbox = useOutbox();
  const waiting = pendingLike(outbox, post.id);
  const liked = waiting ?? post.likedByMe;
  const count = post.likeCount + (waiting !== undefined && waiting !== post.likedByMe ? (waiting ? 1 : -1) : 0);
  const headingId = `post-${post.id}-author`;
  const recommendedBy = post.recommendedBy ?? [];
  const open = () => navigate(postPath(post.id));
  return (
    <article class={`post-card${post.pinned ? ' is-pinned' : ''}`} data-post-id={post.id} aria-labelledby={headingId}>
      {post.pinned && <p class="post-pinned">{t('post.pinned')}</p>}
      <header class="post-header">
        <Avatar name={author.displayName} initials={author.initials} photoUrl={author.photoUrl} />
        <div class="post-meta">
          <h2 id={headingId} class="post-author">
            <a
              class="post-author-link"
              href={feedPathFor({ authorId: author.id })}
              title={t('feed.filter.byAuthor', { name: author.displayName })}
              onClick={linkClick}
            >
              {author.displayName}
            </a>
          </h2>
          <p class="post-context">
            {author.unit && <span class="post-unit">{author.unit.name}</span>}
            {author.unit && (
              <span class="post-separator" aria-hidden="true">
                ·
              </span>
            )}
            <time dateTime={post.createdAt} title={new Date(post.createdAt).toLocaleString(language)}>
              {formatRelativeTime(post.createdAt, now, language)}
            </time>
            {post.audience && post.audience !== 'NETWORK' && (
              <span class="post-audience"> · {t(`post.audience.${post.audience}`)}</span>
            )}
          </p>
        </div>
      </header>
      {(post.figure || post.product) && (
        <p class="post-figure">
          {post.figure && <strong>{post.figure}</strong>}
          {post.figure && post.product && ' · '}
          {post.product}
        </p>
      )}
      <p class="post-body">{post.kind === 'SYSTEM' ? systemPostText(post, t as Say, language) : post.body}</p>
      {post.kind === 'BEST_PRACTICE' && (post.context || post.action || post.result) && (
        <dl class="post-practice">
          {post.context && [<dt key="c">{t('post.practice.context')}</dt>, <dd key="cd">{post.context}</dd>]}
          {post.action && [<dt key="a">{t('post.practice.action')}</dt>, <dd key="ad">{post.action}</dd>]}
          {post.result && [<dt key="r">{t('post.practice.result')}</dt>, <dd key="rd">{post.result}</dd>]}
        </dl>
      )}
      {post.images && post.images.length > 0 && <FeedPostImages images={post.images} />}
      {post.tags && post.tags.length > 0 && (
        <p class="post-tags">
          {post.tags.map((tag) => (
            <a key={tag} class="tag-chip" href={feedPathFor({ tag })} title={t('feed.filter.byTag', { tag })} onClick={linkClick}>
              #{tag}
            </a>
          ))}
        </p>
      )}
      {recommendedBy.length > 0 && (
        <p class="post-recommended">
          {t('post.recommendedBy', { names: recommendedBy.join(', '), count: post.recommendedUnitCount ?? 0 })}
        </p>
      )}
      <footer class="post-footer">
        <FeedLikeButton liked={liked} count={count} onToggle={() => onToggleLike(post)} />
        {waiting !== undefined && <span class="pending-chip">{t('offline.pending')}</span>}
        {standalone ? (
          <span class="comment-count">{t('post.comments', { count: post.commentCount ?? 0 })}</span>
        ) : (
          <a
            class="comment-link"
            href={postPath(post.id)}
            onClick={(event) => {
              event.preventDefault();
              open();
            }}
          >
            {t('post.comments', { count: post.commentCount ?? 0 })}
          </a>
        )}
        <span class={`kind-chip kind-${post.kind.toLowerCase().replace('_', '-')}`}>{t(`post.kind.${post.kind}`)}</span>
      </footer>
    </article>
  );
}
