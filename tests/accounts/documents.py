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
REQUEST_PASSWORD_RESET = """
mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email) {
    __typename
    ... on UserError { code message }
    ... on RateLimitedError { retryAfterSeconds }
  }
}
"""
RESET_PASSWORD = """
mutation ResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) {
    __typename
    ... on AuthSuccess { token viewer { email displayName } }
    ... on UserError { code message }
  }
}
"""
CHANGE_PASSWORD = """
mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    __typename
    ... on ChangePasswordSuccess { sessionsEnded }
    ... on UserError { code message }
  }
}
"""
INVITE_PEOPLE = """
mutation InvitePeople($input: InvitePeopleInput!) {
  invitePeople(input: $input) {
    __typename
    ... on InvitePeopleSuccess {
      invites { id email displayName role status sendCount expiresAt unit { id name } }
      alreadyMembers
    }
    ... on UserError { code message }
    ... on ValidationError { field }
  }
}
"""
RESEND_INVITE = """
mutation ResendInvite($inviteId: ID!) {
  resendInvite(inviteId: $inviteId) {
    __typename
    ... on InviteSuccess { invite { id status sendCount } }
    ... on UserError { code message }
  }
}
"""
REVOKE_INVITE = """
mutation RevokeInvite($inviteId: ID!) {
  revokeInvite(inviteId: $inviteId) {
    __typename
    ... on InviteSuccess { invite { id status } }
    ... on UserError { code message }
  }
}
"""
INVITATION = """
query Invitation($token: String!) {
  invitation(token: $token) { email displayName organizationName unitName role invitedBy expiresAt }
}
"""
ACCEPT_INVITE = """
mutation AcceptInvite($input: AcceptInviteInput!) {
  acceptInvite(input: $input) {
    __typename
    ... on AuthSuccess { token viewer { email displayName role unit { name } } }
    ... on UserError { code message }
  }
}
"""
UPDATE_PERSON = """
mutation UpdatePerson($input: UpdatePersonInput!) {
  updatePerson(input: $input) {
    __typename
    ... on UpdatePersonSuccess { person { id displayName role unit { id name } } sessionsEnded }
    ... on UserError { code message }
  }
}
"""
PEOPLE = """
query People($filter: PeopleFilter, $first: Int, $after: String) {
  people(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id displayName email role deactivatedAt unit { id name } } }
  }
}
"""
PENDING_INVITES = """
query PendingInvites($unitId: ID, $search: String) {
  pendingInvites(unitId: $unitId, search: $search) {
    totalCount
    edges { node { id email status unit { name } } }
  }
}
"""
