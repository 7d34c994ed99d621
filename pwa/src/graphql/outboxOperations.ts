/** What the outbox sends, from the page or the service worker: small documents, no fragments. */

import { operation as op } from './operation';

/** What sending a queued action needs to know: only whether it went, and why not. */
export interface OutboxReply {
  __typename: string;
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
}
const OUTBOX_REPLY = `__typename ... on UserError { code message } ... on RateLimitedError { retryAfterSeconds }`;

export const OUTBOX_VIEWER = op<{ me: { id: string } | null }>('OutboxViewer', `query OutboxViewer { me { id } }`);
export const OUTBOX_LIKE = op<{ likePost: OutboxReply }, { postId: string }>(
  'OutboxLike',
  `mutation OutboxLike($postId: ID!) { likePost(postId: $postId) { ${OUTBOX_REPLY} } }`,
);
export const OUTBOX_UNLIKE = op<{ unlikePost: OutboxReply }, { postId: string }>(
  'OutboxUnlike',
  `mutation OutboxUnlike($postId: ID!) { unlikePost(postId: $postId) { ${OUTBOX_REPLY} } }`,
);
export const OUTBOX_COMMENT = op<{ addComment: OutboxReply }, { input: { postId: string; body: string; idempotencyKey: string } }>(
  'OutboxComment',
  `mutation OutboxComment($input: AddCommentInput!) { addComment(input: $input) { ${OUTBOX_REPLY} } }`,
);
export const OUTBOX_POST = op<{ createPost: OutboxReply }, { input: Record<string, unknown> }>(
  'OutboxPost',
  `mutation OutboxPost($input: CreatePostInput!) { createPost(input: $input) { ${OUTBOX_REPLY} } }`,
);
