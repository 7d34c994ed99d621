import { describe, expect, it } from 'vitest';
import type { CommentFieldsFragment as Comment } from '../graphql/feedPost.generated';
import { commentAdded, commentRemoved, likeSet, postEventApplied, type PostEvent, type Thread } from './postThread';
import { postFixture } from './testing/fixtures';

function comment(id: string, body = `Bravo ${id}`): Comment {
  return { id, body, createdAt: '2026-11-27T08:00:00Z', editedAt: null, author: { id: 'u2', displayName: 'Paul', initials: 'P', photoUrl: null, unit: null } };
}

function thread(comments: Comment[]): Thread {
  return {
    ...postFixture({ id: '1', likeCount: 2, commentCount: comments.length }),
    comments: { edges: comments.map((node) => ({ cursor: `c${node.id}`, node })), pageInfo: { hasNextPage: false, endCursor: null } },
  };
}

function event(fields: Partial<PostEvent> & Pick<PostEvent, 'type'>): PostEvent {
  return { version: 1, postId: '1', likeCount: null, commentCount: null, commentId: null, comment: null, ...fields };
}

const bodies = (t: Thread) => t.comments.edges.map((edge) => edge.node.body);

describe('a post page’s thread', () => {
  it('adds a comment once, whether it came back from sending or live', () => {
    const sent = commentAdded(thread([comment('a')]), comment('b'));
    const live = postEventApplied(sent, event({ type: 'COMMENT_ADDED', comment: comment('b'), commentCount: 2 }));
    expect(bodies(live.thread)).toEqual(['Bravo a', 'Bravo b']);
    expect(live.thread.commentCount).toBe(2);
    expect(live.reload).toBe(false);
  });

  it('follows edits and deletions of comments, and counts', () => {
    const given = thread([comment('a'), comment('b')]);
    const edited = postEventApplied(given, event({ type: 'COMMENT_EDITED', comment: comment('a', 'Bravo, vraiment') })).thread;
    expect(bodies(edited)).toEqual(['Bravo, vraiment', 'Bravo b']);
    const deleted = postEventApplied(edited, event({ type: 'COMMENT_DELETED', commentId: 'b', commentCount: 1 })).thread;
    expect(bodies(deleted)).toEqual(['Bravo, vraiment']);
    expect(deleted.commentCount).toBe(1);
    expect(bodies(commentRemoved(deleted, 'a'))).toEqual([]);
  });

  it('takes the like count of any event, and reads the post again once hidden or deleted', () => {
    const liked = postEventApplied(thread([]), event({ type: 'LIKE_COUNT_CHANGED', likeCount: 5 }));
    expect(liked.thread.likeCount).toBe(5);
    expect(postEventApplied(thread([]), event({ type: 'POST_HIDDEN' })).reload).toBe(true);
    expect(postEventApplied(thread([]), event({ type: 'POST_DELETED' })).reload).toBe(true);
  });

  it('never counts fewer than zero likes', () => {
    expect(likeSet(thread([]), false, -1)).toMatchObject({ likedByMe: false, likeCount: 0 });
  });
});
