/**
 * One post with its comments, live: new comments and counts arrive over the
 * subscription; like, comment, recommend, report and moderate in one tap,
 * each shown only to those allowed. Offline comments wait in the outbox.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { commentAdded, commentRemoved } from '../../lib/postThread';
import { ROUTE_PATHS } from '../../lib/routes';
import { linkClick } from '../../router';
import { ButtonLink } from '../ui/Button';
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

const BACK = (
  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
    <path d="M15 5l-7 7 7 7" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round" fill="none" />
  </svg>
);

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
        <ButtonLink href={ROUTE_PATHS.feed} onClick={linkClick}>
          {t('post.back')}
        </ButtonLink>
      </section>
    );
  }
  const { comments: page, ...post } = thread;
  const comments = page.edges.map((edge) => edge.node);
  return (
    <section class="post-page" aria-label={t('feed.title')}>
      <ButtonLink href={ROUTE_PATHS.feed} variant="ghost" class="post-back" onClick={linkClick} icon={BACK}>
        {t('post.back')}
      </ButtonLink>
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
