"""The GraphQL documents the accounts tests send, as the PWA and API clients write them."""

LOGIN = """
mutation Login($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on AuthSuccess { token viewer { email displayName role unit { name } } }
    ... on UserError { code message }
    ... on RateLimitedError { retryAfterSeconds }
  }
}
"""
ME = "{ me { email displayName } }"
LOGOUT = "mutation { logout { ok } }"
REVOKE_SESSIONS = """
mutation RevokeSessions($personId: ID) {
  revokeSessions(personId: $personId) {
    __typename
    ... on RevokeSessionsSuccess { sessionsEnded signedOut }
    ... on UserError { code message }
  }
}
"""
DEACTIVATE_PERSON = """
mutation DeactivatePerson($personId: ID!) {
  deactivatePerson(personId: $personId) {
    __typename
    ... on DeactivatePersonSuccess { person { id displayName } deactivatedAt sessionsEnded }
    ... on UserError { code message }
  }
}
"""
REACTIVATE_PERSON = """
mutation ReactivatePerson($personId: ID!) {
  reactivatePerson(personId: $personId) {
    __typename
    ... on ReactivatePersonSuccess { person { id displayName } }
    ... on UserError { code message }
  }
}
"""
NOTIFICATIONS = "subscription { notifications { type version unreadCount } }"
