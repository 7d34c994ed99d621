/**
 * One post with its comments, live: new comments and counts arrive over the
 * subscription; like, comment, recommend, report and moderate in one tap,
 * each shown only to those allowed. Offline comments wait in the outbox.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { commentAdded, commentRemoved } from '../../lib/postThread';
import { navigate } from '../../router';
import { FeedCommentForm } from './FeedCommentForm';
import { FeedCommentList } from './FeedCommentList';
import { FeedOutboxRefusals } from './FeedOutboxRefusals';
import { FeedPostActions } from './FeedPostActions';
import { FeedPostCard } from './FeedPostCard';
import { FeedPostEditForm } from './FeedPostEditForm';
import { usePostActions } from './usePostActions';
import { usePostThread } from './usePostThread';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';

export interface FeedPostPageProps {
  postId: string;
  viewer: Viewer;
  onNotice: (message: string) => void;
}

export function FeedPostPage({ postId, viewer, onNotice }: FeedPostPageProps) {
  const { status, thread, waiting, reload, update } = usePostThread(postId);
  const actions = usePostActions({ postId, update, reload, onNotice });
  const [editing, setEditing] = useState(false);
  const now = new Date();

  if (status === 'loading') return <p class="feed-state-inline" role="status" aria-busy="true">{t('post.loading')}</p>;
  if (!thread) {
    return (
      <section class="post-page">
        <p role="alert">{t(status === 'error' ? 'errors.network' : 'post.notFound')}</p>
        <button type="button" class="button" onClick={() => navigate('/')}>{t('post.back')}</button>
      </section>
    );
  }
  const { comments: page, ...post } = thread;
  const comments = page.edges.map((edge) => edge.node);
  return (
    <section class="post-page" aria-label={t('feed.title')}>
      <button type="button" class="link-button" onClick={() => navigate('/')}>
        {t('post.back')}
      </button>
      <FeedOutboxRefusals />
      <FeedPostCard post={post} now={now} onToggleLike={() => void actions.toggleLike(thread)} standalone />
      <FeedPostActions post={thread} viewer={viewer} actions={actions} onEdit={() => setEditing(true)} />
      {editing && (
        <FeedPostEditForm
          body={thread.body}
          onSave={(body) => void actions.edit(thread, body, () => setEditing(false))}
          onCancel={() => setEditing(false)}
        />
      )}
      <FeedCommentList
        comments={comments}
        waiting={waiting}
        viewer={viewer}
        canModerate={thread.viewerCanModerate}
        now={now}
        onDelete={(comment) => void actions.deleteComment(comment.id, () => update((current) => commentRemoved(current, comment.id)))}
      />
      <FeedCommentForm postId={postId} onAdded={(comment) => update((current) => commentAdded(current, comment))} onNotice={onNotice} />
    </section>
  );
}
