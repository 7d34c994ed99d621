/**
 * Every GraphQL document the app sends, with its result and variable types
 * written by hand next to it. Unions are read through `__typename`.
 */
import type { FeedFilterInput } from '../lib/feedFilter';

import { operation } from './operation';

export type { Operation } from './operation';

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

export type PostAudience = 'UNIT' | 'REGION' | 'NETWORK';

export interface PostImage {
  id: string;
  feedUrl: string;
  fullUrl: string;
  feedWidth: number;
  feedHeight: number;
}

export interface Post {
  id: string;
  kind: PostKind;
  body: string;
  createdAt: string;
  editedAt?: string | null;
  audience?: PostAudience;
  figure?: string | null;
  product?: string | null;
  context?: string | null;
  action?: string | null;
  result?: string | null;
  tags?: string[];
  likeCount: number;
  commentCount?: number;
  likedByMe: boolean;
  recommendedBy?: string[];
  recommendedUnitCount?: number;
  pinned?: boolean;
  viewerIsAuthor?: boolean;
  viewerCanModerate?: boolean;
  images?: PostImage[];
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

// Kept identical to bench/feed.py: the server answers this shape on its hot path.
const POST_FIELDS = `
fragment PostFields on Post {
  id kind body createdAt editedAt audience figure product context action result tags
  likeCount commentCount likedByMe recommendedBy recommendedUnitCount pinned
  viewerIsAuthor viewerCanModerate
  images { id feedUrl fullUrl feedWidth feedHeight }
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
  pinned?: Post[];
  edges: { cursor: string; node: Post }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
export interface FeedData {
  feed: FeedPage;
}
export interface FeedVariables {
  first: number;
  after?: string | null;
  filter?: FeedFilterInput | null;
  order?: 'NEWEST' | 'TOP_OF_WEEK';
}
export const FEED = operation<FeedData, FeedVariables>(
  'Feed',
  `query Feed($first: Int!, $after: String, $filter: FeedFilter, $order: FeedOrder) {
  feed(first: $first, after: $after, filter: $filter, order: $order) {
    pinned { ...PostFields }
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

export type RevokeSessionsResult =
  | { __typename: 'RevokeSessionsSuccess'; sessionsEnded: number; signedOut: boolean }
  | UserError;
export interface RevokeSessionsData {
  revokeSessions: RevokeSessionsResult;
}
/** « Sign out of all devices »: every session of the viewer ends, this one included. */
export const REVOKE_SESSIONS = operation<RevokeSessionsData>(
  'RevokeSessions',
  `mutation RevokeSessions {
  revokeSessions {
    __typename
    ... on RevokeSessionsSuccess { sessionsEnded signedOut }
    ${USER_ERROR_FIELDS}
  }
}`,
);

export type CreatePostResult = { __typename: 'CreatePostSuccess'; post: Post } | UserError;
export interface CreatePostData {
  createPost: CreatePostResult;
}
export interface CreatePostInput {
  kind: PostKind;
  body: string;
  idempotencyKey: string;
  audience?: PostAudience;
  figure?: string | null;
  product?: string | null;
  context?: string | null;
  action?: string | null;
  result?: string | null;
  imageIds?: string[];
  mentionIds?: string[];
}
export interface CreatePostVariables {
  input: CreatePostInput;
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

export type FeedEventType =
  | 'POST_CREATED'
  | 'POST_REMOVED'
  | 'POST_EDITED'
  | 'POST_HIDDEN'
  | 'POST_DELETED'
  | 'LIKE_COUNT_CHANGED'
  | 'COMMENT_ADDED'
  | 'COMMENT_EDITED'
  | 'COMMENT_DELETED';
export interface Comment {
  id: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  author: Author;
}
export interface FeedEvent {
  version: number;
  type: FeedEventType;
  postId: string;
  post: Post | null;
  likeCount: number | null;
  commentCount?: number | null;
  commentId?: string | null;
  comment?: Comment | null;
}
export interface FeedEventsData {
  feedEvents: FeedEvent;
}
export const FEED_EVENTS = operation<FeedEventsData, { filter?: FeedFilterInput | null }>(
  'FeedEvents',
  `subscription FeedEvents($filter: FeedFilter) {
  feedEvents(filter: $filter) { version type postId likeCount commentCount commentId post { ...PostFields } }
} ${POST_FIELDS}`,
);

export { POST_FIELDS };

// -------------------------------------------------------- notifications & push

export type NotificationKind =
  | 'POST_LIKED'
  | 'POST_COMMENTED'
  | 'MENTIONED'
  | 'POST_RECOMMENDED'
  | 'RANK_OVERTAKEN'
  | 'RANK_UP'
  | 'TOP_THREE'
  | 'BADGE_RECEIVED'
  | 'LABEL_RECEIVED'
  | 'LABEL_EXPIRING'
  | 'CHALLENGE_STARTED'
  | 'CHALLENGE_ENDING'
  | 'DUEL_INVITATION'
  | 'TRAINING_ASSIGNED'
  | 'TRAINING_REMINDER'
  | 'ACTION_PLAN_UPDATED'
  | 'ASSESSMENT_SHARED';

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  text: string;
  link: string;
  count: number;
  read: boolean;
  updatedAt: string;
}

const NOTIFICATION_FIELDS = `fragment NotificationFields on Notification { id kind text link count read updatedAt }`;

export interface NotificationsData {
  notifications: {
    unreadCount: number;
    edges: { node: AppNotification }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
export interface NotificationsVariables {
  first: number;
  after?: string | null;
}
export const NOTIFICATIONS = operation<NotificationsData, NotificationsVariables>(
  'Notifications',
  `query Notifications($first: Int!, $after: String) {
  notifications(first: $first, after: $after) {
    unreadCount
    edges { node { ...NotificationFields } }
    pageInfo { hasNextPage endCursor }
  }
} ${NOTIFICATION_FIELDS}`,
);

export interface MarkNotificationsReadData {
  markNotificationsRead: { unreadCount: number };
}
export interface MarkNotificationsReadVariables {
  ids?: string[] | null;
}
export const MARK_NOTIFICATIONS_READ = operation<MarkNotificationsReadData, MarkNotificationsReadVariables>(
  'MarkNotificationsRead',
  `mutation MarkNotificationsRead($ids: [ID!]) { markNotificationsRead(ids: $ids) { unreadCount } }`,
);

export interface NotificationEventsData {
  notifications: {
    version: number;
    type: 'SNAPSHOT' | 'NOTIFICATION' | 'READ';
    unreadCount: number;
    notification: AppNotification | null;
  };
}
export const NOTIFICATION_EVENTS = operation<NotificationEventsData>(
  'NotificationEvents',
  `subscription NotificationEvents {
  notifications { version type unreadCount notification { ...NotificationFields } }
} ${NOTIFICATION_FIELDS}`,
);

export interface VapidPublicKeyData {
  vapidPublicKey: string;
}
export const VAPID_PUBLIC_KEY = operation<VapidPublicKeyData>('VapidPublicKey', `query VapidPublicKey { vapidPublicKey }`);

export interface PushDevice {
  id: string;
  userAgent: string;
  createdAt: string;
  lastSuccessAt: string | null;
}
const PUSH_DEVICE_FIELDS = `fragment PushDeviceFields on PushDevice { id userAgent createdAt lastSuccessAt }`;

export interface PushPreferences {
  kinds: { kind: NotificationKind; enabled: boolean; enabledByDefault: boolean }[];
  quietHoursEnabled: boolean;
  quietHoursStart: string;
  quietHoursEnd: string;
  timeZone: string;
}
const PUSH_PREFERENCES_FIELDS = `fragment PushPreferencesFields on PushPreferences {
  kinds { kind enabled enabledByDefault } quietHoursEnabled quietHoursStart quietHoursEnd timeZone
}`;

export interface PushSettingsData {
  pushPreferences: PushPreferences;
  pushDevices: PushDevice[];
}
export const PUSH_SETTINGS = operation<PushSettingsData>(
  'PushSettings',
  `query PushSettings {
  pushPreferences { ...PushPreferencesFields }
  pushDevices { ...PushDeviceFields }
} ${PUSH_PREFERENCES_FIELDS} ${PUSH_DEVICE_FIELDS}`,
);

export type RegisterPushSubscriptionResult =
  | { __typename: 'RegisterPushSubscriptionSuccess'; device: PushDevice }
  | UserError;
export interface RegisterPushSubscriptionData {
  registerPushSubscription: RegisterPushSubscriptionResult;
}
export interface RegisterPushSubscriptionVariables {
  endpoint: string;
  p256dh: string;
  auth: string;
  userAgent: string;
  language?: string | null;
}
export const REGISTER_PUSH_SUBSCRIPTION = operation<RegisterPushSubscriptionData, RegisterPushSubscriptionVariables>(
  'RegisterPushSubscription',
  `mutation RegisterPushSubscription($endpoint: String!, $p256dh: String!, $auth: String!, $userAgent: String!, $language: String) {
  registerPushSubscription(endpoint: $endpoint, p256dh: $p256dh, auth: $auth, userAgent: $userAgent, language: $language) {
    __typename
    ... on RegisterPushSubscriptionSuccess { device { ...PushDeviceFields } }
    ${USER_ERROR_FIELDS}
  }
} ${PUSH_DEVICE_FIELDS}`,
);

export interface UnregisterPushSubscriptionData {
  unregisterPushSubscription: { removed: boolean };
}
export const UNREGISTER_PUSH_SUBSCRIPTION = operation<UnregisterPushSubscriptionData, { endpoint: string }>(
  'UnregisterPushSubscription',
  `mutation UnregisterPushSubscription($endpoint: String!) { unregisterPushSubscription(endpoint: $endpoint) { removed } }`,
);

export type RemovePushDeviceResult = { __typename: 'RemovePushDeviceSuccess'; devices: PushDevice[] } | UserError;
export interface RemovePushDeviceData {
  removePushDevice: RemovePushDeviceResult;
}
export const REMOVE_PUSH_DEVICE = operation<RemovePushDeviceData, { id: string }>(
  'RemovePushDevice',
  `mutation RemovePushDevice($id: ID!) {
  removePushDevice(id: $id) {
    __typename
    ... on RemovePushDeviceSuccess { devices { ...PushDeviceFields } }
    ${USER_ERROR_FIELDS}
  }
} ${PUSH_DEVICE_FIELDS}`,
);

export type UpdatePushPreferencesResult =
  | { __typename: 'UpdatePushPreferencesSuccess'; preferences: PushPreferences }
  | UserError;
export interface UpdatePushPreferencesData {
  updatePushPreferences: UpdatePushPreferencesResult;
}
export interface UpdatePushPreferencesVariables {
  input: {
    kinds?: { kind: NotificationKind; enabled: boolean }[];
    quietHoursEnabled?: boolean;
    quietHoursStart?: string;
    quietHoursEnd?: string;
  };
}
export const UPDATE_PUSH_PREFERENCES = operation<UpdatePushPreferencesData, UpdatePushPreferencesVariables>(
  'UpdatePushPreferences',
  `mutation UpdatePushPreferences($input: UpdatePushPreferencesInput!) {
  updatePushPreferences(input: $input) {
    __typename
    ... on UpdatePushPreferencesSuccess { preferences { ...PushPreferencesFields } }
    ${USER_ERROR_FIELDS}
  }
} ${PUSH_PREFERENCES_FIELDS}`,
);

// ----------------------------------------------------------------- recognition

export type BadgeKind = 'BADGE' | 'LABEL';
export type CredentialStatus = 'VALID' | 'EXPIRED' | 'REVOKED';

export interface Badge {
  id: string;
  kind: BadgeKind;
  name: string;
  description: string;
  emoji: string | null;
  imageUrl: string | null;
  category: string;
  criteria: string;
  repeatable: boolean;
  validityDays: number | null;
  awardPolicy: 'MANAGERS' | 'ADMINS' | 'RULES';
  levels: string[];
  retired: boolean;
}

export interface Award {
  id: string;
  badge: Badge;
  recipient: Author;
  awardedBy: { id: string; displayName: string } | null;
  byRule: boolean;
  reason: string;
  level: string | null;
  awardedAt: string;
  expiresAt: string | null;
  status: CredentialStatus;
  credentialUrl: string;
  verifyUrl: string;
}

const BADGE_FIELDS = `
fragment BadgeFields on Badge {
  id kind name description emoji imageUrl category criteria repeatable validityDays awardPolicy levels retired
}`;

const AWARD_FIELDS = `
fragment AwardFields on Award {
  id reason level awardedAt expiresAt status credentialUrl verifyUrl byRule
  badge { ...BadgeFields }
  recipient { id displayName initials avatarUrl unit { id name } }
  awardedBy { id displayName }
}`;

export interface BadgesData {
  badges: Badge[];
}
export const BADGES = operation<BadgesData, { includeRetired?: boolean }>(
  'Badges',
  `query Badges($includeRetired: Boolean! = false) { badges(includeRetired: $includeRetired) { ...BadgeFields } } ${BADGE_FIELDS}`,
);

export type RetireBadgeResult = { __typename: 'RetireBadgeSuccess'; badge: Badge } | OtherUserError;
export interface RetireBadgeData {
  retireBadge: RetireBadgeResult;
}
export const RETIRE_BADGE = operation<RetireBadgeData, { badgeId: string }>(
  'RetireBadge',
  `mutation RetireBadge($badgeId: ID!) {
  retireBadge(badgeId: $badgeId) {
    __typename
    ... on RetireBadgeSuccess { badge { ...BadgeFields } }
    ${USER_ERROR_FIELDS}
  }
} ${BADGE_FIELDS}`,
);

export interface Person extends Author {
  awards: Award[];
  labels: Award[];
  recognition: { wins: number; bestPractices: number; podiums: number };
}
export interface PersonData {
  user: Person | null;
}
export const PERSON = operation<PersonData, { id: string }>(
  'Person',
  `query Person($id: ID!) {
  user(id: $id) {
    id displayName initials avatarUrl unit { id name }
    awards { ...AwardFields }
    labels { ...AwardFields }
    recognition { wins bestPractices podiums }
  }
} ${AWARD_FIELDS} ${BADGE_FIELDS}`,
);

export interface WallOfFame {
  unit: Unit;
  parent: Unit | null;
  subunits: Unit[];
  latest: Award[];
  topBadges: { badge: Badge; count: number }[];
  labelHolders: Award[];
}
export interface WallOfFameData {
  wallOfFame: WallOfFame | null;
}
export const WALL_OF_FAME = operation<WallOfFameData, { unitId?: string | null }>(
  'WallOfFame',
  `query WallOfFame($unitId: ID) {
  wallOfFame(unitId: $unitId) {
    unit { id name }
    parent { id name }
    subunits { id name }
    latest { ...AwardFields }
    topBadges { count badge { ...BadgeFields } }
    labelHolders { ...AwardFields }
  }
} ${AWARD_FIELDS} ${BADGE_FIELDS}`,
);

export interface AwardablePeopleData {
  awardablePeople: Author[];
}
export const AWARDABLE_PEOPLE = operation<AwardablePeopleData, { search?: string | null }>(
  'AwardablePeople',
  `query AwardablePeople($search: String) {
  awardablePeople(search: $search) { id displayName initials avatarUrl unit { id name } }
}`,
);

export type AwardBadgeResult =
  | { __typename: 'AwardBadgeSuccess'; awards: Award[]; alreadyHeldUserIds: string[] }
  | ValidationError
  | OtherUserError;
export interface AwardBadgeData {
  awardBadge: AwardBadgeResult;
}
export interface AwardBadgeVariables {
  badgeId: string;
  userIds: string[];
  reason: string;
  postId?: string | null;
  level?: string | null;
}
export const AWARD_BADGE = operation<AwardBadgeData, AwardBadgeVariables>(
  'AwardBadge',
  `mutation AwardBadge($badgeId: ID!, $userIds: [ID!]!, $reason: String!, $postId: ID, $level: String) {
  awardBadge(badgeId: $badgeId, userIds: $userIds, reason: $reason, postId: $postId, level: $level) {
    __typename
    ... on AwardBadgeSuccess { awards { ...AwardFields } alreadyHeldUserIds }
    ${USER_ERROR_FIELDS}
    ${VALIDATION_FIELDS}
  }
} ${AWARD_FIELDS} ${BADGE_FIELDS}`,
);

export interface FeedPreferenceData {
  me: { id: string; hiddenFromFeed: boolean } | null;
}
export const FEED_PREFERENCE = operation<FeedPreferenceData>(
  'FeedPreference',
  `query FeedPreference { me { id hiddenFromFeed } }`,
);

export interface SetHiddenFromFeedData {
  setHiddenFromFeed: { hiddenFromFeed: boolean };
}
export const SET_HIDDEN_FROM_FEED = operation<SetHiddenFromFeedData, { hidden: boolean }>(
  'SetHiddenFromFeed',
  `mutation SetHiddenFromFeed($hidden: Boolean!) { setHiddenFromFeed(hidden: $hidden) { hiddenFromFeed } }`,
);

export interface CreateBadgeInput {
  name: string;
  kind: BadgeKind;
  description: string;
  emoji: string | null;
  imageBase64: string | null;
  category: string;
  criteria: string;
  repeatable: boolean;
  validityDays: number | null;
  awardPolicy: 'MANAGERS' | 'ADMINS' | 'RULES';
  levels: string[];
}
export type CreateBadgeResult = { __typename: 'CreateBadgeSuccess'; badge: Badge } | ValidationError | OtherUserError;
export interface CreateBadgeData {
  createBadge: CreateBadgeResult;
}
export const CREATE_BADGE = operation<CreateBadgeData, { input: CreateBadgeInput }>(
  'CreateBadge',
  `mutation CreateBadge($input: CreateBadgeInput!) {
  createBadge(input: $input) {
    __typename
    ... on CreateBadgeSuccess { badge { ...BadgeFields } }
    ${USER_ERROR_FIELDS}
    ${VALIDATION_FIELDS}
  }
} ${BADGE_FIELDS}`,
);

export type RevokeAwardResult = { __typename: 'RevokeAwardSuccess'; awardId: string } | ValidationError | OtherUserError;
export interface RevokeAwardData {
  revokeAward: RevokeAwardResult;
}
export const REVOKE_AWARD = operation<RevokeAwardData, { awardId: string; reason: string }>(
  'RevokeAward',
  `mutation RevokeAward($awardId: ID!, $reason: String!) {
  revokeAward(awardId: $awardId, reason: $reason) {
    __typename
    ... on RevokeAwardSuccess { awardId }
    ${USER_ERROR_FIELDS}
    ${VALIDATION_FIELDS}
  }
}`,
);

export type RuleTrigger =
  | 'FIRST_WIN'
  | 'LIKES_ON_POST'
  | 'BEST_PRACTICES_RECOMMENDED'
  | 'TARGET_REACHED'
  | 'CHALLENGE_PODIUM'
  | 'TRAINING_COMPLETED'
  | 'QUIZ_PASSED'
  | 'SATISFACTION_ABOVE';
export interface BadgeRule {
  id: string;
  badgeId: string;
  trigger: RuleTrigger;
  threshold: number | null;
  active: boolean;
}
export interface BadgeRulesData {
  badgeRules: BadgeRule[];
}
export const BADGE_RULES = operation<BadgeRulesData>(
  'BadgeRules',
  `query BadgeRules { badgeRules { id badgeId trigger threshold active } }`,
);

export type SaveBadgeRuleResult =
  | { __typename: 'SaveBadgeRuleSuccess'; rule: BadgeRule; backfilled: number }
  | ValidationError
  | OtherUserError;
export interface CreateBadgeRuleData {
  createBadgeRule: SaveBadgeRuleResult;
}
export const CREATE_BADGE_RULE = operation<
  CreateBadgeRuleData,
  { input: { badgeId: string; trigger: RuleTrigger; threshold: number | null } }
>(
  'CreateBadgeRule',
  `mutation CreateBadgeRule($input: CreateBadgeRuleInput!) {
  createBadgeRule(input: $input) {
    __typename
    ... on SaveBadgeRuleSuccess { backfilled rule { id badgeId trigger threshold active } }
    ${USER_ERROR_FIELDS}
    ${VALIDATION_FIELDS}
  }
}`,
);

// ---------------------------------------------------------------- challenges

export type ChallengeStatus = 'DRAFT' | 'SCHEDULED' | 'LIVE' | 'CLOSED';
export type ChallengeFormat = 'RANKING' | 'RACE' | 'DUEL';
export type ScoringMode = 'PERCENT_OF_TARGET' | 'IMPROVEMENT' | 'ABSOLUTE';
export type LeagueRule = 'NONE' | 'POINT_OF_SALE_SIZE' | 'SENIORITY';

export interface Metric {
  id: string;
  name: string;
  unitLabel: string;
}

export interface ChallengeSummary {
  id: string;
  name: string;
  status: ChallengeStatus;
  format: ChallengeFormat;
  startsAt: string;
  endsAt: string;
  participantCount: number;
  duelState: 'PENDING' | 'ACCEPTED' | 'DECLINED' | null;
}

const CHALLENGE_SUMMARY = `fragment ChallengeSummaryFields on Challenge {
  id name status format startsAt endsAt participantCount duelState
}`;

export interface ChallengesData {
  challenges: ChallengeSummary[];
  pendingDuels: ChallengeSummary[];
  metrics: Metric[];
  duelOpponents: { id: string; displayName: string }[];
}
export const CHALLENGES = operation<ChallengesData>(
  'Challenges',
  `query Challenges {
  challenges { ...ChallengeSummaryFields }
  pendingDuels { ...ChallengeSummaryFields }
  metrics { id name unitLabel }
  duelOpponents { id displayName }
} ${CHALLENGE_SUMMARY}`,
);

export interface LeaderboardRowData {
  participantId: string;
  rank: number;
  displayName: string | null;
  unitName: string;
  score: number;
  thresholdsReached: number;
  isMe: boolean;
}
export interface ScorePart {
  kind: string;
  label: string;
  value: number;
  target: number | null;
  baseline: number | null;
  weight: number;
  percent: number | null;
  points: number;
}
export interface Standing {
  participantId: string;
  rank: number;
  participantCount: number;
  league: string;
  score: number;
  breakdown: ScorePart[];
  gapToNextRank: number | null;
  nextThreshold: number | null;
  gapToNextThreshold: number | null;
  finalRank: number | null;
}
export interface ChallengeDetail extends ChallengeSummary {
  description: string;
  prizes: string;
  scoringMode: ScoringMode;
  visibility: 'EVERYONE' | 'TOP_AND_AROUND';
  topN: number;
  closedAt: string | null;
  viewerCanManage: boolean;
  raceTarget: number | null;
  leagues: string[];
  thresholds: { score: number; label: string }[];
  metrics: { weight: number; metric: Metric }[];
  myStanding: Standing | null;
  aroundMe: LeaderboardRowData[];
}
export interface ChallengeData {
  challenge: ChallengeDetail | null;
}
export const CHALLENGE = operation<ChallengeData, { id: string }>(
  'Challenge',
  `query Challenge($id: ID!) {
  challenge(id: $id) {
    ...ChallengeSummaryFields description prizes scoringMode raceTarget leagues visibility topN closedAt viewerCanManage
    thresholds { score label }
    metrics { weight metric { id name unitLabel } }
    myStanding {
      participantId rank participantCount league score gapToNextRank nextThreshold gapToNextThreshold finalRank
      breakdown { kind label value target baseline weight percent points }
    }
    aroundMe { participantId rank displayName unitName score thresholdsReached isMe }
  }
} ${CHALLENGE_SUMMARY}`,
);

export interface LeaderboardEventData {
  leaderboard: {
    type: 'SNAPSHOT' | 'ROWS' | 'RESET';
    version: number;
    league: string;
    rows: {
      participantId: string;
      rank: number;
      previousRank: number | null;
      displayName: string | null;
      unitName: string;
      score: number;
      thresholdsReached: number;
    }[];
  };
}
export const LEADERBOARD_EVENTS = operation<LeaderboardEventData, { challengeId: string; league?: string | null }>(
  'LeaderboardEvents',
  `subscription LeaderboardEvents($challengeId: ID!, $league: String) {
  leaderboard(challengeId: $challengeId, league: $league) {
    type version league
    rows { participantId rank previousRank displayName unitName score thresholdsReached }
  }
}`,
);

type ChallengeResultUnion = { __typename: 'ChallengeSuccess'; challenge: ChallengeSummary } | ValidationError | OtherUserError;

export const ANSWER_DUEL = operation<{ answerDuel: ChallengeResultUnion }, { challengeId: string; accept: boolean }>(
  'AnswerDuel',
  `mutation AnswerDuel($challengeId: ID!, $accept: Boolean!) {
  answerDuel(challengeId: $challengeId, accept: $accept) {
    __typename
    ... on ChallengeSuccess { challenge { ...ChallengeSummaryFields } }
    ... on UserError { code message }
    ... on ValidationError { field }
  }
} ${CHALLENGE_SUMMARY}`,
);

export const CREATE_DUEL = operation<{ createDuel: ChallengeResultUnion }, { opponentId: string; metricId: string; days: number }>(
  'CreateDuel',
  `mutation CreateDuel($opponentId: ID!, $metricId: ID!, $days: Int!) {
  createDuel(opponentId: $opponentId, metricId: $metricId, days: $days) {
    __typename
    ... on ChallengeSuccess { challenge { ...ChallengeSummaryFields } }
    ... on UserError { code message }
    ... on ValidationError { field }
  }
} ${CHALLENGE_SUMMARY}`,
);

export type RecordResultUnion =
  | { __typename: 'RecordResultSuccess'; duplicate: boolean; moves: { challengeId: string; previousRank: number | null; rank: number }[] }
  | ValidationError
  | OtherUserError;
export interface RecordResultVariables {
  metric: string;
  participant: string;
  value: number;
  occurredAt: string;
  idempotencyKey: string;
  reason?: string | null;
}
export const RECORD_RESULT = operation<{ recordResult: RecordResultUnion }, RecordResultVariables>(
  'RecordResult',
  `mutation RecordResult($metric: ID!, $participant: ID!, $value: Float!, $occurredAt: DateTime!, $idempotencyKey: String!, $reason: String) {
  recordResult(metric: $metric, participant: $participant, value: $value, occurredAt: $occurredAt, idempotencyKey: $idempotencyKey, reason: $reason) {
    __typename
    ... on RecordResultSuccess { duplicate moves { challengeId previousRank rank } }
    ... on UserError { code message }
    ... on ValidationError { field }
  }
}`,
);

export type ImportUnion =
  | { __typename: 'ImportReport'; total: number; applied: number; errors: { line: number; code: string; message: string }[] }
  | ValidationError
  | OtherUserError;
export const IMPORT_RESULTS = operation<{ importResults: ImportUnion }, { csv: string; validRowsOnly: boolean }>(
  'ImportResults',
  `mutation ImportResults($csv: String!, $validRowsOnly: Boolean!) {
  importResults(csv: $csv, validRowsOnly: $validRowsOnly) {
    __typename
    ... on ImportReport { total applied errors { line code message } }
    ... on UserError { code message }
    ... on ValidationError { field }
  }
}`,
);
export const IMPORT_TARGETS = operation<{ importTargets: ImportUnion }, { csv: string; validRowsOnly: boolean }>(
  'ImportTargets',
  `mutation ImportTargets($csv: String!, $validRowsOnly: Boolean!) {
  importTargets(csv: $csv, validRowsOnly: $validRowsOnly) {
    __typename
    ... on ImportReport { total applied errors { line code message } }
    ... on UserError { code message }
    ... on ValidationError { field }
  }
}`,
);

export type SetTargetUnion = { __typename: 'SetTargetSuccess'; count: number } | ValidationError | OtherUserError;
export interface SetTargetVariables {
  metric: string;
  participant: string;
  periodStart: string;
  periodEnd: string;
  value: number;
}
export const SET_TARGET = operation<{ setTarget: SetTargetUnion }, SetTargetVariables>(
  'SetTarget',
  `mutation SetTarget($metric: ID!, $participant: ID!, $periodStart: DateTime!, $periodEnd: DateTime!, $value: Float!) {
  setTarget(metric: $metric, participant: $participant, periodStart: $periodStart, periodEnd: $periodEnd, value: $value) {
    __typename
    ... on SetTargetSuccess { count }
    ... on UserError { code message }
    ... on ValidationError { field }
  }
}`,
);
