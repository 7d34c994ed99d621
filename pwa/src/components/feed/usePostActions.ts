/**
 * What one can do to a post from its page: like, recommend, report, hide,
 * edit, delete, delete a comment. Each answers with a notice; a refusal
 * says the server's words. A like without a network waits in the outbox.
 */
import { useMutation } from '../../graphql/hooks';
import { t } from '../../i18n';
import { newKey } from '../../lib/offlineQueue';
import { likeSet, type Thread } from '../../lib/postThread';
import { isOffline, isUserError } from '../../lib/requestErrors';
import { navigate } from '../../router';
import { queueAction } from './outbox';
import { LikePostDocument, UnlikePostDocument } from '../../graphql/feed.generated';
import {
  DeleteCommentDocument,
  DeletePostDocument,
  EditPostDocument,
  HidePostDocument,
  RecommendPostDocument,
  ReportPostDocument,
} from '../../graphql/feedPost.generated';

interface PostActionsOptions {
  postId: string;
  update: (change: (thread: Thread) => Thread) => void;
  reload: () => void;
  onNotice: (message: string) => void;
}

export function usePostActions({ postId, update, reload, onNotice }: PostActionsOptions) {
  const like = useMutation(LikePostDocument).run;
  const unlike = useMutation(UnlikePostDocument).run;
  const recommend = useMutation(RecommendPostDocument).run;
  const report = useMutation(ReportPostDocument).run;
  const hide = useMutation(HidePostDocument).run;
  const remove = useMutation(DeletePostDocument).run;
  const edit = useMutation(EditPostDocument).run;
  const deleteComment = useMutation(DeleteCommentDocument).run;

  /** Runs one action: the notice of success (then `after`), or the refusal's words. */
  async function act(run: () => Promise<{ __typename: string }>, done: string, after?: () => void) {
    try {
      const result = await run();
      if (result.__typename.endsWith('Success')) {
        onNotice(done);
        after?.();
      } else onNotice(isUserError(result) ? result.message : t('post.actionFailed'));
    } catch {
      onNotice(t('post.actionFailed'));
    }
  }

  async function toggleLike(current: Thread) {
    const liked = !current.likedByMe;
    update((thread) => likeSet(thread, liked, current.likeCount + (liked ? 1 : -1)));
    const putBack = () => update((thread) => likeSet(thread, current.likedByMe, current.likeCount));
    try {
      const result = liked ? (await like({ postId })).likePost : (await unlike({ postId })).unlikePost;
      if (result.__typename === 'LikePostSuccess') update((thread) => likeSet(thread, result.post.likedByMe, result.post.likeCount));
      else onNotice(result.message);
    } catch (error) {
      putBack();
      if (isOffline(error)) {
        // the outbox overlay shows the waiting tap
        queueAction({ kind: 'like', key: newKey(), postId, liked, at: new Date().toISOString() });
      } else {
        onNotice(t('post.likeError'));
      }
    }
  }

  return {
    toggleLike,
    recommend: (unitId: string) =>
      act(async () => (await recommend({ input: { postId, unitIds: [unitId], days: 14 } })).recommendPost, t('post.recommended'), reload),
    report: (reason: string) => act(async () => (await report({ id: postId, reason })).reportPost, t('post.reported')),
    hide: (reason: string) => act(async () => (await hide({ id: postId, reason })).hidePost, t('post.hidden'), () => navigate('/')),
    remove: () => act(async () => (await remove({ id: postId })).deletePost, t('post.deleted'), () => navigate('/')),
    edit: (thread: Thread, body: string, after: () => void) =>
      act(
        async () =>
          (
            await edit({
              input: {
                postId,
                body,
                figure: thread.figure ?? null,
                product: thread.product ?? null,
                context: thread.context ?? null,
                action: thread.action ?? null,
                result: thread.result ?? null,
              },
            })
          ).editPost,
        t('post.saved'),
        () => {
          after();
          reload();
        },
      ),
    deleteComment: (commentId: string, after: () => void) =>
      act(async () => (await deleteComment({ id: commentId })).deleteComment, t('post.deleted'), after),
  };
}

export type PostActions = ReturnType<typeof usePostActions>;
