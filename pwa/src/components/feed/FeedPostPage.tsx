/**
 * One post with its comments, live: new comments and counts arrive over the
 * subscription; like, comment, recommend, report and moderate in one tap,
 * each shown only to those allowed. Offline comments wait in the outbox.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { request, RequestError, subscribe } from '../../graphql/client';
import {
  ADD_COMMENT,
  DELETE_COMMENT,
  DELETE_POST,
  EDIT_POST,
  HIDE_POST,
  POST_EVENTS,
  POST_PAGE,
  RECOMMEND_POST,
  REPORT_POST,
} from '../../graphql/feedOperations';
import { LIKE_POST, UNLIKE_POST, type Comment, type Post, type Viewer } from '../../graphql/operations';
import { language, t } from '../../i18n';
import { newKey, pendingComments } from '../../lib/offlineQueue';
import { formatRelativeTime } from '../../lib/relativeTime';
import { navigate } from '../../router';
import { FeedOutboxRefusals } from './FeedOutboxRefusals';
import { FeedPostCard } from './FeedPostCard';
import { queueAction, useOutbox } from './outbox';

export interface FeedPostPageProps {
  postId: string;
  viewer: Viewer;
  onNotice: (message: string) => void;
}

type Status = 'loading' | 'ready' | 'missing' | 'error';

export function FeedPostPage({ postId, viewer, onNotice }: FeedPostPageProps) {
  const [post, setPost] = useState<Post | null>(null);
  const [comments, setComments] = useState<Comment[]>([]);
  const [status, setStatus] = useState<Status>('loading');
  const [draft, setDraft] = useState('');
  const [sending, setSending] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const outbox = useOutbox();
  const waiting = pendingComments(outbox, postId);
  const now = new Date();
  const waitingCount = useRef(waiting.length);

  const load = useCallback(async () => {
    try {
      const data = await request(POST_PAGE, { id: postId });
      if (!data.post) {
        setStatus('missing');
        return;
      }
      const { comments: page, ...rest } = data.post;
      setPost(rest);
      setComments(page.edges.map((edge) => edge.node));
      setStatus('ready');
    } catch {
      setStatus('error');
    }
  }, [postId]);

  useEffect(() => {
    void load();
  }, [load]);

  // An outbox comment for this post just left: read the thread again.
  useEffect(() => {
    if (waiting.length < waitingCount.current) void load();
    waitingCount.current = waiting.length;
  }, [waiting.length, load]);

  useEffect(
    () =>
      subscribe(POST_EVENTS, { postId }, {
        next: ({ feedEvents: event }) => {
          if (event.type === 'COMMENT_ADDED' && event.comment) {
            const added = event.comment;
            setComments((current) => (current.some((c) => c.id === added.id) ? current : [...current, added]));
          } else if (event.type === 'COMMENT_EDITED' && event.comment) {
            const edited = event.comment;
            setComments((current) => current.map((c) => (c.id === edited.id ? edited : c)));
          } else if (event.type === 'COMMENT_DELETED') {
            setComments((current) => current.filter((c) => c.id !== event.commentId));
          } else if (event.type === 'POST_HIDDEN' || event.type === 'POST_DELETED') {
            void load();
          }
          setPost((current) =>
            current
              ? {
                  ...current,
                  likeCount: event.likeCount ?? current.likeCount,
                  commentCount: event.commentCount ?? current.commentCount ?? 0,
                }
              : current,
          );
        },
      }),
    [postId, load],
  );

  async function toggleLike(current: Post) {
    const liked = !current.likedByMe;
    setPost({ ...current, likedByMe: liked, likeCount: Math.max(0, current.likeCount + (liked ? 1 : -1)) });
    try {
      const result = liked ? (await request(LIKE_POST, { postId })).likePost : (await request(UNLIKE_POST, { postId })).unlikePost;
      if (result.__typename === 'LikePostSuccess') setPost((p) => (p ? { ...p, likedByMe: result.post.likedByMe, likeCount: result.post.likeCount } : p));
      else onNotice(result.message);
    } catch (error) {
      if (error instanceof RequestError && error.kind === 'network') {
        setPost(current); // the outbox overlay shows the waiting tap
        queueAction({ kind: 'like', key: newKey(), postId, liked, at: new Date().toISOString() });
      } else {
        setPost(current);
        onNotice(t('post.likeError'));
      }
    }
  }

  async function sendComment(event: Event) {
    event.preventDefault();
    const body = draft.trim();
    if (!body || sending) return;
    const key = newKey();
    setSending(true);
    try {
      const { addComment } = await request(ADD_COMMENT, { input: { postId, body, idempotencyKey: key } });
      if (addComment.__typename === 'AddCommentSuccess') {
        const added = addComment.comment;
        setComments((current) => (current.some((c) => c.id === added.id) ? current : [...current, added]));
        setDraft('');
      } else {
        onNotice(addComment.message);
      }
    } catch (error) {
      if (error instanceof RequestError && error.kind === 'network') {
        queueAction({ kind: 'comment', key, postId, body, at: new Date().toISOString() });
        setDraft('');
        onNotice(t('offline.queuedComment'));
      } else {
        onNotice(t('post.actionFailed'));
      }
    } finally {
      setSending(false);
    }
  }

  async function act(run: () => Promise<{ __typename: string; message?: string }>, done: string, after?: () => void) {
    try {
      const result = await run();
      if (result.__typename.endsWith('Success')) {
        onNotice(done);
        after?.();
      } else onNotice(result.message ?? t('post.actionFailed'));
    } catch {
      onNotice(t('post.actionFailed'));
    }
  }

  if (status === 'loading') return <p class="feed-state-inline" role="status" aria-busy="true">{t('post.loading')}</p>;
  if (status === 'missing' || !post) {
    return (
      <section class="post-page">
        <p role="alert">{t(status === 'error' ? 'errors.network' : 'post.notFound')}</p>
        <button type="button" class="button" onClick={() => navigate('/')}>{t('post.back')}</button>
      </section>
    );
  }
  const manager = viewer.role !== 'MEMBER';
  // a post Élan wrote (a podium, a badge) is never edited; only its moderators remove it
  const systemPost = post.kind === 'SYSTEM';
  return (
    <section class="post-page" aria-label={t('feed.title')}>
      <button type="button" class="link-button" onClick={() => navigate('/')}>
        {t('post.back')}
      </button>
      <FeedOutboxRefusals />
      <FeedPostCard post={post} now={now} onToggleLike={(p) => void toggleLike(p)} standalone />
      <div class="post-actions">
        {manager && post.kind === 'BEST_PRACTICE' && viewer.unit && (
          <button
            type="button"
            class="button"
            onClick={() =>
              void act(
                async () => (await request(RECOMMEND_POST, { input: { postId, unitIds: [viewer.unit?.id ?? ''], days: 14 } })).recommendPost,
                t('post.recommended'),
                () => void load(),
              )
            }
          >
            {t('post.recommend')}
          </button>
        )}
        {!post.viewerIsAuthor && (
          <button
            type="button"
            class="button"
            onClick={() => {
              const reason = window.prompt(t('post.reportReason'));
              if (reason) void act(async () => (await request(REPORT_POST, { id: postId, reason })).reportPost, t('post.reported'));
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
              if (reason) void act(async () => (await request(HIDE_POST, { id: postId, reason })).hidePost, t('post.hidden'), () => navigate('/'));
            }}
          >
            {t('post.hide')}
          </button>
        )}
        {post.viewerIsAuthor && !systemPost && (
          <button type="button" class="button" onClick={() => setEditing(post.body)}>
            {t('post.edit')}
          </button>
        )}
        {(systemPost ? post.viewerCanModerate : post.viewerIsAuthor) && (
          <button
            type="button"
            class="button"
            onClick={() => {
              if (window.confirm(t('post.deleteConfirm'))) {
                void act(async () => (await request(DELETE_POST, { id: postId })).deletePost, t('post.deleted'), () => navigate('/'));
              }
            }}
          >
            {t('post.delete')}
          </button>
        )}
      </div>
      {editing !== null && (
        <form
          class="comment-form"
          onSubmit={(event) => {
            event.preventDefault();
            void act(
              async () =>
                (
                  await request(EDIT_POST, {
                    input: { postId, body: editing, figure: post.figure ?? null, product: post.product ?? null, context: post.context ?? null, action: post.action ?? null, result: post.result ?? null },
                  })
                ).editPost,
              t('post.saved'),
              () => {
                setEditing(null);
                void load();
              },
            );
          }}
        >
          <label for="post-edit" class="visually-hidden">
            {t('post.edit')}
          </label>
          <textarea id="post-edit" rows={4} maxLength={2000} value={editing} onInput={(event) => setEditing(event.currentTarget.value)} />
          <button type="submit" class="button button-primary">
            {t('post.editSave')}
          </button>
          <button type="button" class="button" onClick={() => setEditing(null)}>
            {t('post.editCancel')}
          </button>
        </form>
      )}
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
            {(comment.author.id === viewer.id || post.viewerCanModerate) && (
              <button
                type="button"
                class="link-button"
                onClick={() =>
                  void act(async () => (await request(DELETE_COMMENT, { id: comment.id })).deleteComment, t('post.deleted'), () =>
                    setComments((current) => current.filter((c) => c.id !== comment.id)),
                  )
                }
              >
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
      <form class="comment-form" onSubmit={sendComment}>
        <label for="comment-body" class="visually-hidden">
          {t('post.commentLabel')}
        </label>
        <textarea
          id="comment-body"
          rows={2}
          maxLength={1000}
          value={draft}
          placeholder={t('post.commentPlaceholder')}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        <button type="submit" class="button button-primary" disabled={sending || draft.trim() === ''}>
          {t('post.commentSend')}
        </button>
      </form>
    </section>
  );
}
