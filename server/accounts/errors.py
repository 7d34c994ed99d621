"""Errors of the accounts domain."""

from server.errors import DomainError


class InvalidCredentials(DomainError):
    code = "invalid_credentials"
    kind = "credentials"


class InvalidInvite(DomainError):
    code = "invalid_invite"
    kind = "invite"


class InviteExpired(InvalidInvite):
    code = "invite_expired"


class InviteUsedUp(InvalidInvite):
    code = "invite_used_up"


class EmailTaken(DomainError):
    code = "email_taken"
    kind = "conflict"


class UnitOutOfScope(DomainError):
    code = "unit_out_of_scope"
    kind = "not_allowed"


class RoleTooHigh(DomainError):
    code = "role_too_high"
    kind = "not_allowed"
