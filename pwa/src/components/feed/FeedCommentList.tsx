import { language, t } from '../../i18n';
import { formatRelativeTime } from '../../lib/relativeTime';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';
import type { CommentFieldsFragment as Comment } from '../../graphql/feedPost.generated';

interface FeedCommentListProps {
  comments: Comment[];
  /** Comments written offline, waiting in the outbox. */
  waiting: { key: string; body: string }[];
  viewer: Viewer;
  canModerate: boolean;
  now: Date;
  onDelete: (comment: Comment) => void;
}

/** A post's comments, oldest first, then the viewer's still waiting for the network. */
export function FeedCommentList({ comments, waiting, viewer, canModerate, now, onDelete }: FeedCommentListProps) {
  return (
    <ol class="comment-list" aria-label={t('post.comments', { count: comments.length })}>
      {comments.length === 0 && waiting.length === 0 && <li class="hint">{t('post.commentEmpty')}</li>}
      {comments.map((comment) => (
        <li key={comment.id} class="comment" data-comment-id={comment.id}>
          <p class="comment-meta">
            <strong>{comment.author.displayName}</strong>{' '}
            <time dateTime={comment.createdAt}>{formatRelativeTime(comment.createdAt, now, language)}</time>
            {comment.editedAt && <span class="hint"> · {t('post.edited')}</span>}
          </p>
          <p class="comment-body">{comment.body}</p>
          {(comment.author.id === viewer.id || canModerate) && (
            <button type="button" class="link-button" onClick={() => onDelete(comment)}>
              {t('post.commentDelete')}
            </button>
          )}
        </li>
      ))}
      {waiting.map((queued) => (
        <li key={queued.key} class="comment is-pending">
          <p class="comment-meta">
            <strong>{viewer.displayName}</strong> <span class="pending-chip">{t('offline.pending')}</span>
          </p>
          <p class="comment-body">{queued.body}</p>
        </li>
      ))}
    </ol>
  );
}
