/**
 * Every GraphQL document the app sends, with its result and variable types
 * written by hand next to it. Unions are read through `__typename`.
 */

/** A document tagged with the types of its result and variables. */
export interface Operation<TData, TVariables> {
  readonly operationName: string;
  readonly query: string;
  /** Phantom field: never set, only carries the types. */
  readonly __types?: (variables: TVariables) => TData;
}

function operation<TData, TVariables = Record<string, never>>(
  operationName: string,
  query: string,
): Operation<TData, TVariables> {
  return { operationName, query };
}

// ---------------------------------------------------------------- shared types

export type Role = 'ADMIN' | 'MANAGER' | 'MEMBER';
export type UnitKind = 'ORGANIZATION' | 'REGION' | 'DISTRIBUTOR' | 'POINT_OF_SALE' | 'TEAM';
export type PostKind = 'WIN' | 'BEST_PRACTICE' | 'ANNOUNCEMENT' | 'SYSTEM';

export interface Unit {
  id: string;
  name: string;
}

export interface Author {
  id: string;
  displayName: string;
  initials: string;
  avatarUrl: string | null;
  unit: Unit | null;
}

export interface Post {
  id: string;
  kind: PostKind;
  body: string;
  createdAt: string;
  likeCount: number;
  likedByMe: boolean;
  author: Author;
}

export interface Viewer {
  id: string;
  email: string;
  displayName: string;
  initials: string;
  role: Role;
  language: string;
  unit: Unit | null;
  organization: { id: string; name: string };
}

interface UserErrorBase {
  code: string;
  message: string;
}
export interface ValidationError extends UserErrorBase {
  __typename: 'ValidationError';
  field: string | null;
}
export interface RateLimitedError extends UserErrorBase {
  __typename: 'RateLimitedError';
  retryAfterSeconds: number;
}
export interface OtherUserError extends UserErrorBase {
  __typename:
    | 'NotAllowedError'
    | 'NotFoundError'
    | 'ConflictError'
    | 'InvalidCredentialsError'
    | 'InvalidInviteError';
}
export type UserError = ValidationError | RateLimitedError | OtherUserError;

const POST_FIELDS = `
fragment PostFields on Post {
  id kind body createdAt likeCount likedByMe
  author { id displayName initials avatarUrl unit { id name } }
}`;

const VIEWER_FIELDS = `
fragment ViewerFields on Viewer {
  id email displayName initials role language
  unit { id name }
  organization { id name }
}`;

/**
 * Error members of a result union. A spread on a type the union lacks is a
 * validation error, so each union names the extra fields it can carry.
 */
const USER_ERROR_FIELDS = `... on UserError { code message }`;
const VALIDATION_FIELDS = `... on ValidationError { field }`;
const RATE_LIMIT_FIELDS = `... on RateLimitedError { retryAfterSeconds }`;

// -------------------------------------------------------------------- queries

export interface MeData {
  me: Viewer | null;
}
export const ME = operation<MeData>('Me', `query Me { me { ...ViewerFields } } ${VIEWER_FIELDS}`);

export interface FeedPage {
  edges: { cursor: string; node: Post }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
export interface FeedData {
  feed: FeedPage;
}
export interface FeedVariables {
  first: number;
  after?: string | null;
}
export const FEED = operation<FeedData, FeedVariables>(
  'Feed',
  `query Feed($first: Int!, $after: String) {
  feed(first: $first, after: $after) {
    edges { cursor node { ...PostFields } }
    pageInfo { hasNextPage endCursor }
  }
} ${POST_FIELDS}`,
);

// ------------------------------------------------------------------ mutations

export type AuthResult = { __typename: 'AuthSuccess'; viewer: Viewer } | UserError;

export interface LoginData {
  login: AuthResult;
}
export interface LoginVariables {
  input: { email: string; password: string };
}
export const LOGIN = operation<LoginData, LoginVariables>(
  'Login',
  `mutation Login($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on AuthSuccess { viewer { ...ViewerFields } }
    ${USER_ERROR_FIELDS}
    ${VALIDATION_FIELDS}
    ${RATE_LIMIT_FIELDS}
  }
} ${VIEWER_FIELDS}`,
);

export interface SignUpData {
  signUp: AuthResult;
}
export interface SignUpVariables {
  input: { inviteCode: string; email: string; password: string; displayName: string };
}
export const SIGN_UP = operation<SignUpData, SignUpVariables>(
  'SignUp',
  `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    __typename
    ... on AuthSuccess { viewer { ...ViewerFields } }
    ${USER_ERROR_FIELDS}
    ${VALIDATION_FIELDS}
    ${RATE_LIMIT_FIELDS}
  }
} ${VIEWER_FIELDS}`,
);

export interface LogoutData {
  logout: { ok: boolean };
}
export const LOGOUT = operation<LogoutData>('Logout', `mutation Logout { logout { ok } }`);

export type CreatePostResult = { __typename: 'CreatePostSuccess'; post: Post } | UserError;
export interface CreatePostData {
  createPost: CreatePostResult;
}
export interface CreatePostVariables {
  input: { kind: PostKind; body: string; idempotencyKey: string };
}
export const CREATE_POST = operation<CreatePostData, CreatePostVariables>(
  'CreatePost',
  `mutation CreatePost($input: CreatePostInput!) {
  createPost(input: $input) {
    __typename
    ... on CreatePostSuccess { post { ...PostFields } }
    ${USER_ERROR_FIELDS}
    ${VALIDATION_FIELDS}
    ${RATE_LIMIT_FIELDS}
  }
} ${POST_FIELDS}`,
);

export type LikePostResult =
  | { __typename: 'LikePostSuccess'; post: Post }
  | RateLimitedError
  | OtherUserError;
export interface LikePostVariables {
  postId: string;
}
export interface LikePostData {
  likePost: LikePostResult;
}
export interface UnlikePostData {
  unlikePost: LikePostResult;
}
export const LIKE_POST = operation<LikePostData, LikePostVariables>(
  'LikePost',
  `mutation LikePost($postId: ID!) {
  likePost(postId: $postId) {
    __typename
    ... on LikePostSuccess { post { ...PostFields } }
    ${USER_ERROR_FIELDS}
    ${RATE_LIMIT_FIELDS}
  }
} ${POST_FIELDS}`,
);
export const UNLIKE_POST = operation<UnlikePostData, LikePostVariables>(
  'UnlikePost',
  `mutation UnlikePost($postId: ID!) {
  unlikePost(postId: $postId) {
    __typename
    ... on LikePostSuccess { post { ...PostFields } }
    ${USER_ERROR_FIELDS}
    ${RATE_LIMIT_FIELDS}
  }
} ${POST_FIELDS}`,
);

// -------------------------------------------------------------- subscriptions

export type FeedEventType = 'POST_CREATED' | 'LIKE_COUNT_CHANGED';
export interface FeedEvent {
  version: number;
  type: FeedEventType;
  postId: string;
  post: Post | null;
  likeCount: number | null;
}
export interface FeedEventsData {
  feedEvents: FeedEvent;
}
export const FEED_EVENTS = operation<FeedEventsData>(
  'FeedEvents',
  `subscription FeedEvents {
  feedEvents { version type postId likeCount post { ...PostFields } }
} ${POST_FIELDS}`,
);
