import { language, t } from '../../i18n';
import { formatRelativeTime } from '../../lib/relativeTime';
import { Avatar } from '../ui/Avatar';
import { Button } from '../ui/Button';
import './FeedComments.css';
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
          <Avatar name={comment.author.displayName} initials={comment.author.initials} photoUrl={comment.author.photoUrl} size="s" />
          <div class="comment-bubble">
            <p class="comment-meta">
              <strong class="comment-author">{comment.author.displayName}</strong>
              <span class="comment-when">
                <time dateTime={comment.createdAt}>{formatRelativeTime(comment.createdAt, now, language)}</time>
                {comment.editedAt && <> · {t('post.edited')}</>}
              </span>
            </p>
            <p class="comment-body">{comment.body}</p>
            {(comment.author.id === viewer.id || canModerate) && (
              <Button variant="ghost" class="comment-delete" onClick={() => onDelete(comment)}>
                {t('post.commentDelete')}
              </Button>
            )}
          </div>
        </li>
      ))}
      {waiting.map((queued) => (
        <li key={queued.key} class="comment is-pending">
          <Avatar name={viewer.displayName} initials={viewer.initials} photoUrl={viewer.photoUrl} size="s" />
          <div class="comment-bubble">
            <p class="comment-meta">
              <strong class="comment-author">{viewer.displayName}</strong> <span class="pending-chip">{t('offline.pending')}</span>
            </p>
            <p class="comment-body">{queued.body}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}
