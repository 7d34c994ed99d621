import { t } from '../../i18n';
import type { Thread } from '../../lib/postThread';
import type { PostActions } from './usePostActions';
import type { ViewerFieldsFragment as Viewer } from '../../graphql/accounts.generated';

interface FeedPostActionsProps {
  post: Thread;
  viewer: Viewer;
  actions: PostActions;
  onEdit: () => void;
}

/** The buttons under a post, each shown only to those allowed to use it. */
export function FeedPostActions({ post, viewer, actions, onEdit }: FeedPostActionsProps) {
  const manager = viewer.role !== 'MEMBER';
  const unitId = viewer.unit?.id;
  return (
    <div class="post-actions">
      {manager && post.kind === 'BEST_PRACTICE' && unitId && (
        <button type="button" class="button" onClick={() => void actions.recommend(unitId)}>
          {t('post.recommend')}
        </button>
      )}
      {!post.viewerIsAuthor && (
        <button
          type="button"
          class="button"
          onClick={() => {
            const reason = window.prompt(t('post.reportReason'));
            if (reason) void actions.report(reason);
          }}
        >
          {t('post.report')}
        </button>
      )}
      {post.viewerCanModerate && (
        <button
          type="button"
          class="button"
          onClick={() => {
            const reason = window.prompt(t('post.hideReason'));
            if (reason) void actions.hide(reason);
          }}
        >
          {t('post.hide')}
        </button>
      )}
      {post.viewerIsAuthor && (
        <button type="button" class="button" onClick={onEdit}>
          {t('post.edit')}
        </button>
      )}
      {post.viewerIsAuthor && (
        <button
          type="button"
          class="button"
          onClick={() => {
            if (window.confirm(t('post.deleteConfirm'))) void actions.remove();
          }}
        >
          {t('post.delete')}
        </button>
      )}
    </div>
  );
}
