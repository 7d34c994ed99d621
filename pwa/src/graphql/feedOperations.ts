/** The post page, comments, moderation and composer helpers (feed domain). */
import { POST_FIELDS, type Comment, type Post, type RateLimitedError, type UserError } from './operations';

import { operation as op } from './operation';

const COMMENT_FIELDS = `fragment CommentFields on Comment { id body createdAt editedAt author { id displayName initials avatarUrl unit { id name } } }`;
const ERRORS = `... on UserError { code message }`;

export interface CommentPage {
  edges: { cursor: string; node: Comment }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
export interface PostPageData {
  post: (Post & { comments: CommentPage }) | null;
}
export const POST_PAGE = op<PostPageData, { id: string; after?: string | null }>(
  'PostPage',
  `query PostPage($id: ID!, $after: String) {
  post(id: $id) { ...PostFields comments(first: 50, after: $after) { edges { cursor node { ...CommentFields } } pageInfo { hasNextPage endCursor } } }
} ${POST_FIELDS} ${COMMENT_FIELDS}`,
);

export type AddCommentResult =
  | { __typename: 'AddCommentSuccess'; comment: Comment; post: { id: string; commentCount: number } }
  | RateLimitedError
  | UserError;
export const ADD_COMMENT = op<
  { addComment: AddCommentResult },
  { input: { postId: string; body: string; idempotencyKey: string } }
>(
  'AddComment',
  `mutation AddComment($input: AddCommentInput!) {
  addComment(input: $input) { __typename ... on AddCommentSuccess { comment { ...CommentFields } post { id commentCount } } ${ERRORS} }
} ${COMMENT_FIELDS}`,
);

export const DELETE_COMMENT = op<{ deleteComment: { __typename: string } }, { id: string }>(
  'DeleteComment',
  `mutation DeleteComment($id: ID!) { deleteComment(commentId: $id) { __typename ${ERRORS} } }`,
);

type Simple = { __typename: string; code?: string; message?: string };
export const HIDE_POST = op<{ hidePost: Simple }, { id: string; reason: string }>(
  'HidePost',
  `mutation HidePost($id: ID!, $reason: String!) { hidePost(postId: $id, reason: $reason) { __typename ${ERRORS} } }`,
);
export const REPORT_POST = op<{ reportPost: Simple }, { id: string; reason: string }>(
  'ReportPost',
  `mutation ReportPost($id: ID!, $reason: String!) { reportPost(postId: $id, reason: $reason) { __typename ${ERRORS} } }`,
);
export const DELETE_POST = op<{ deletePost: Simple }, { id: string }>(
  'DeletePost',
  `mutation DeletePost($id: ID!) { deletePost(postId: $id) { __typename ${ERRORS} } }`,
);
export const RECOMMEND_POST = op<
  { recommendPost: Simple & { post?: { id: string; recommendedBy: string[]; recommendedUnitCount: number } } },
  { input: { postId: string; unitIds: string[]; days: number } }
>(
  'RecommendPost',
  `mutation RecommendPost($input: RecommendPostInput!) {
  recommendPost(input: $input) { __typename ... on RecommendPostSuccess { post { id recommendedBy recommendedUnitCount } } ${ERRORS} }
}`,
);

export interface PostEvent {
  version: number;
  type: string;
  postId: string;
  likeCount: number | null;
  commentCount: number | null;
  commentId: string | null;
  comment: Comment | null;
}
export const POST_EVENTS = op<{ feedEvents: PostEvent }, { postId: string }>(
  'PostEvents',
  `subscription PostEvents($postId: ID!) {
  feedEvents(postId: $postId) { version type postId likeCount commentCount commentId comment { ...CommentFields } }
} ${COMMENT_FIELDS}`,
);

export const MENTION_SUGGESTIONS = op<{ mentionSuggestions: { id: string; displayName: string }[] }, { search: string }>(
  'MentionSuggestions',
  `query MentionSuggestions($search: String!) { mentionSuggestions(search: $search) { id displayName } }`,
);
export const TAG_SUGGESTIONS = op<{ tagSuggestions: string[] }, { prefix: string }>(
  'TagSuggestions',
  `query TagSuggestions($prefix: String!) { tagSuggestions(prefix: $prefix) }`,
);

export const EDIT_POST = op<
  { editPost: Simple & { post?: Post } },
  { input: { postId: string; body: string; figure?: string | null; product?: string | null; context?: string | null; action?: string | null; result?: string | null } }
>(
  'EditPost',
  `mutation EditPost($input: EditPostInput!) {
  editPost(input: $input) { __typename ... on EditPostSuccess { post { ...PostFields } } ${ERRORS} }
} ${POST_FIELDS}`,
);

export interface PostReportRow {
  id: string;
  reason: string;
  createdAt: string;
  reporterName: string;
  post: { id: string; body: string; author: { displayName: string } };
}
export const POST_REPORTS = op<{ postReports: PostReportRow[] }>(
  'PostReports',
  `query PostReports { postReports { id reason createdAt reporterName post { id body author { displayName } } } }`,
);
