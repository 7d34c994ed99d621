/**
 * The documents of challenge management: the wizard, the edit form, publish and close,
 * and the result audit. Result and variable types are written by hand next to each.
 */
import { operation } from './operation';
import type {
  ChallengeFormat,
  ChallengeStatus,
  LeagueRule,
  Metric,
  OtherUserError,
  ScoringMode,
  ValidationError,
} from './operations';

export type CriterionKind = 'TRAINING_COMPLETION' | 'QUIZ_SCORE' | 'SATISFACTION';
export type Visibility = 'EVERYONE' | 'TOP_AND_AROUND';
export type Recurrence = 'NONE' | 'WEEKLY' | 'MONTHLY';
export type ParticipantKind = 'USER' | 'UNIT';

export interface ScopeUnit {
  id: string;
  name: string;
  kind: 'ORGANIZATION' | 'REGION' | 'DISTRIBUTOR' | 'POINT_OF_SALE' | 'TEAM';
}

export interface ChallengeFormData {
  metrics: Metric[];
  challengeScopes: ScopeUnit[];
  trainingModules: { id: string; title: string; quizId: string | null }[];
  standaloneQuizzes: { id: string; title: string }[];
}
export const CHALLENGE_FORM_DATA = operation<ChallengeFormData>(
  'ChallengeFormData',
  `query ChallengeFormData {
  metrics { id name unitLabel }
  challengeScopes { id name kind }
  trainingModules { id title quizId }
  standaloneQuizzes { id title }
}`,
);

export interface ChallengeRules {
  id: string;
  name: string;
  description: string;
  status: ChallengeStatus;
  format: ChallengeFormat;
  participantKind: ParticipantKind;
  scoringMode: ScoringMode;
  leagueRule: LeagueRule;
  visibility: Visibility;
  topN: number;
  recurrence: Recurrence;
  prizes: string;
  startsAt: string;
  endsAt: string;
  closedAt: string | null;
  raceTarget: number | null;
  participantCount: number;
  viewerCanManage: boolean;
  scopeUnit: ScopeUnit | null;
  metrics: { weight: number; metric: Metric }[];
  criteria: { kind: CriterionKind; weight: number; moduleIds: string[]; quizId: string | null }[];
  thresholds: { score: number; label: string }[];
}
const CHALLENGE_RULES_FIELDS = `fragment ChallengeRulesFields on Challenge {
  id name description status format participantKind scoringMode leagueRule visibility topN recurrence prizes
  startsAt endsAt closedAt raceTarget participantCount viewerCanManage
  scopeUnit { id name kind }
  metrics { weight metric { id name unitLabel } }
  criteria { kind weight moduleIds quizId }
  thresholds { score label }
}`;
export const CHALLENGE_RULES = operation<{ challenge: ChallengeRules | null }, { id: string }>(
  'ChallengeRules',
  `query ChallengeRules($id: ID!) { challenge(id: $id) { ...ChallengeRulesFields } } ${CHALLENGE_RULES_FIELDS}`,
);

export interface ChallengeRulesInput {
  name: string;
  description: string;
  startsAt: string;
  endsAt: string;
  scopeUnitId: string | null;
  participantKind: ParticipantKind;
  metrics: { metricId: string; weight: number }[];
  format: ChallengeFormat;
  scoringMode: ScoringMode;
  leagueRule: LeagueRule;
  criteria: { kind: CriterionKind; weight: number; moduleIds: string[] | null; quizId: string | null }[];
  thresholds: { score: number; label: string }[];
  raceTarget: number | null;
  prizes: string;
  visibility: Visibility;
  topN: number;
  recurrence: Recurrence;
  draft?: boolean;
}

/** A challenge mutation's answer: the challenge, or a refusal with its code, its words and the field at fault. */
export type ChallengeRulesResult = { __typename: 'ChallengeSuccess'; challenge: ChallengeRules } | ValidationError | OtherUserError;

const RESULT_FIELDS = `__typename
    ... on ChallengeSuccess { challenge { ...ChallengeRulesFields } }
    ... on UserError { code message }
    ... on ValidationError { field }`;

export const CREATE_CHALLENGE = operation<{ createChallenge: ChallengeRulesResult }, { input: ChallengeRulesInput }>(
  'CreateChallenge',
  `mutation CreateChallenge($input: CreateChallengeInput!) {
  createChallenge(input: $input) { ${RESULT_FIELDS} }
} ${CHALLENGE_RULES_FIELDS}`,
);

export const UPDATE_CHALLENGE_RULES = operation<
  { updateChallengeRules: ChallengeRulesResult },
  { challengeId: string; input: ChallengeRulesInput }
>(
  'UpdateChallengeRules',
  `mutation UpdateChallengeRules($challengeId: ID!, $input: CreateChallengeInput!) {
  updateChallengeRules(challengeId: $challengeId, input: $input) { ${RESULT_FIELDS} }
} ${CHALLENGE_RULES_FIELDS}`,
);

export const UPDATE_CHALLENGE_DESCRIPTION = operation<
  { updateChallengeDescription: ChallengeRulesResult },
  { challengeId: string; description: string }
>(
  'UpdateChallengeDescription',
  `mutation UpdateChallengeDescription($challengeId: ID!, $description: String!) {
  updateChallengeDescription(challengeId: $challengeId, description: $description) { ${RESULT_FIELDS} }
} ${CHALLENGE_RULES_FIELDS}`,
);

export const PUBLISH_CHALLENGE = operation<{ publishChallenge: ChallengeRulesResult }, { challengeId: string }>(
  'PublishChallenge',
  `mutation PublishChallenge($challengeId: ID!) {
  publishChallenge(challengeId: $challengeId) { ${RESULT_FIELDS} }
} ${CHALLENGE_RULES_FIELDS}`,
);

export const CLOSE_CHALLENGE = operation<{ closeChallenge: ChallengeRulesResult }, { challengeId: string }>(
  'CloseChallenge',
  `mutation CloseChallenge($challengeId: ID!) {
  closeChallenge(challengeId: $challengeId) { ${RESULT_FIELDS} }
} ${CHALLENGE_RULES_FIELDS}`,
);

// ---------------------------------------------------------------- result audit

export interface ResultAuditFilter {
  metricId?: string | null;
  participantId?: string | null;
  periodStart?: string | null;
  periodEnd?: string | null;
  correctionsOnly?: boolean;
}

export interface ResultAuditEntry {
  id: string;
  recordedAt: string;
  occurredAt: string;
  value: number;
  reason: string | null;
  isCorrection: boolean;
  metric: Metric | null;
  participant: { kind: ParticipantKind; id: string; name: string };
  recordedBy: { kind: 'PERSON' | 'INTEGRATION_TOKEN'; name: string };
}

export interface ResultAuditData {
  resultAudit: {
    edges: { cursor: string; node: ResultAuditEntry }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
export const RESULT_AUDIT = operation<ResultAuditData, { first: number; after: string | null; filter: ResultAuditFilter }>(
  'ResultAudit',
  `query ResultAudit($first: Int!, $after: String, $filter: ResultAuditFilter) {
  resultAudit(first: $first, after: $after, filter: $filter) {
    edges { cursor node {
      id recordedAt occurredAt value reason isCorrection
      metric { id name unitLabel }
      participant { kind id name }
      recordedBy { kind name }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`,
);

export interface TokenUse {
  id: string;
  name: string;
  scopeUnitName: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  entryCount: number;
  lastEntryAt: string | null;
}
export interface AuditFormData {
  metrics: Metric[];
  awardablePeople: { id: string; displayName: string; unit: { name: string } | null }[];
  integrationTokenUse: TokenUse[];
}
export const AUDIT_FORM_DATA = operation<AuditFormData>(
  'AuditFormData',
  `query AuditFormData {
  metrics { id name unitLabel }
  awardablePeople { id displayName unit { name } }
  integrationTokenUse { id name scopeUnitName lastUsedAt revokedAt entryCount lastEntryAt }
}`,
);

export interface PersonTarget {
  userId: string;
  displayName: string;
  value: number;
}
export type SpreadTargetUnion =
  | { __typename: 'SetTargetSuccess'; count: number; people: PersonTarget[] }
  | ValidationError
  | OtherUserError;
export interface SpreadTargetVariables {
  metric: string;
  unit: string;
  periodStart: string;
  periodEnd: string;
  value: number;
}
export const SPREAD_TARGET = operation<{ spreadTarget: SpreadTargetUnion }, SpreadTargetVariables>(
  'SpreadTarget',
  `mutation SpreadTarget($metric: ID!, $unit: ID!, $periodStart: DateTime!, $periodEnd: DateTime!, $value: Float!) {
  spreadTarget(metric: $metric, unit: $unit, periodStart: $periodStart, periodEnd: $periodEnd, value: $value) {
    __typename
    ... on SetTargetSuccess { count people { userId displayName value } }
    ... on UserError { code message }
    ... on ValidationError { field }
  }
}`,
);

export const TARGET_SCOPES = operation<{ challengeScopes: ScopeUnit[] }>(
  'TargetScopes',
  `query TargetScopes {
  challengeScopes { id name kind }
}`,
);

export interface IntegrationToken {
  id: string;
  name: string;
  scopeUnitId: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
const TOKEN_FIELDS = 'id name scopeUnitId createdAt lastUsedAt revokedAt';

export const INTEGRATION_TOKENS = operation<{ integrationTokens: IntegrationToken[]; challengeScopes: ScopeUnit[] }>(
  'IntegrationTokens',
  `query IntegrationTokens {
  integrationTokens { ${TOKEN_FIELDS} }
  challengeScopes { id name kind }
}`,
);

export type CreateIntegrationTokenUnion =
  | { __typename: 'CreateIntegrationTokenSuccess'; secret: string; token: IntegrationToken }
  | ValidationError
  | OtherUserError;
export const CREATE_INTEGRATION_TOKEN = operation<
  { createIntegrationToken: CreateIntegrationTokenUnion },
  { name: string; unitId: string | null }
>(
  'CreateIntegrationToken',
  `mutation CreateIntegrationToken($name: String!, $unitId: ID) {
  createIntegrationToken(name: $name, unitId: $unitId) {
    __typename
    ... on CreateIntegrationTokenSuccess { secret token { ${TOKEN_FIELDS} } }
    ... on UserError { code message }
    ... on ValidationError { field }
  }
}`,
);

export type RevokeIntegrationTokenUnion =
  | { __typename: 'RevokeIntegrationTokenSuccess'; token: IntegrationToken }
  | OtherUserError;
export const REVOKE_INTEGRATION_TOKEN = operation<{ revokeIntegrationToken: RevokeIntegrationTokenUnion }, { tokenId: string }>(
  'RevokeIntegrationToken',
  `mutation RevokeIntegrationToken($tokenId: ID!) {
  revokeIntegrationToken(tokenId: $tokenId) {
    __typename
    ... on RevokeIntegrationTokenSuccess { token { ${TOKEN_FIELDS} } }
    ... on UserError { code message }
  }
}`,
);
