/**
 * A post page's thread (the post and its comments, as PostPage reads it)
 * changed by what happens: live events of the post, a comment sent or
 * deleted, a like. Pure: the page keeps the result in the query cache.
 */
import type { CommentFieldsFragment as Comment, PostEventsSubscription, PostPageQuery } from '../graphql/feedPost.generated';

export type Thread = NonNullable<PostPageQuery['post']>;
export type PostEvent = PostEventsSubscription['feedEvents'];

function withComments(thread: Thread, change: (comments: Comment[]) => Comment[]): Thread {
  const edges = thread.comments.edges;
  const comments = change(edges.map((edge) => edge.node));
  const cursors = new Map(edges.map((edge) => [edge.node.id, edge.cursor]));
  return {
    ...thread,
    comments: { ...thread.comments, edges: comments.map((node) => ({ cursor: cursors.get(node.id) ?? '', node })) },
  };
}

/** A comment arrives (sent here or live): once, at the end. */
export function commentAdded(thread: Thread, comment: Comment): Thread {
  return withComments(thread, (comments) => (comments.some((c) => c.id === comment.id) ? comments : [...comments, comment]));
}

export function commentRemoved(thread: Thread, commentId: string | null): Thread {
  return withComments(thread, (comments) => comments.filter((c) => c.id !== commentId));
}

/** A live event of the post: the thread after it, and whether the page must read the post again (hidden, deleted). */
export function postEventApplied(thread: Thread, event: PostEvent): { thread: Thread; reload: boolean } {
  let next = thread;
  if (event.type === 'COMMENT_ADDED' && event.comment) next = commentAdded(next, event.comment);
  else if (event.type === 'COMMENT_EDITED' && event.comment) {
    const edited = event.comment;
    next = withComments(next, (comments) => comments.map((c) => (c.id === edited.id ? edited : c)));
  } else if (event.type === 'COMMENT_DELETED') next = commentRemoved(next, event.commentId);
  next = { ...next, likeCount: event.likeCount ?? next.likeCount, commentCount: event.commentCount ?? next.commentCount };
  return { thread: next, reload: event.type === 'POST_HIDDEN' || event.type === 'POST_DELETED' };
}

/** The viewer's like, as tapped (optimistic) or as the server answered. */
export function likeSet(thread: Thread, liked: boolean, likeCount: number): Thread {
  return { ...thread, likedByMe: liked, likeCount: Math.max(0, likeCount) };
}
