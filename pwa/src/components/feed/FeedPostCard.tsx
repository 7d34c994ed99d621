import type { Post } from '../../graphql/operations';
import { language, t } from '../../i18n';
import { formatRelativeTime } from '../../lib/relativeTime';
import { FeedLikeButton } from './FeedLikeButton';

interface FeedPostCardProps {
  post: Post;
  now: Date;
  onToggleLike: (post: Post) => void;
}

/** One post. Its body is text, never HTML: line breaks are kept by CSS (pre-wrap). */
export function FeedPostCard({ post, now, onToggleLike }: FeedPostCardProps) {
  const { author } = post;
  const headingId = `post-${post.id}-author`;
  return (
    <article class="post-card" data-post-id={post.id} aria-labelledby={headingId}>
      <header class="post-header">
        <span class="avatar" aria-hidden="true">
          {author.avatarUrl ? <img src={author.avatarUrl} alt="" width={40} height={40} loading="lazy" /> : author.initials}
        </span>
        <div class="post-meta">
          <h2 id={headingId} class="post-author">
            {author.displayName}
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
          </p>
        </div>
      </header>
      <p class="post-body">{post.body}</p>
      <footer class="post-footer">
        <FeedLikeButton liked={post.likedByMe} count={post.likeCount} onToggle={() => onToggleLike(post)} />
        <span class={`kind-chip kind-${post.kind.toLowerCase().replace('_', '-')}`}>
          {t(`post.kind.${post.kind}`)}
        </span>
      </footer>
    </article>
  );
}
