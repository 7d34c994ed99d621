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


class AccountDeactivated(DomainError):
    """The right password of a deactivated account: said plainly, since only someone who knows
    the password can get this answer (a wrong one gets InvalidCredentials as usual)."""

    code = "account_deactivated"
    kind = "credentials"


class PersonNotFound(DomainError):
    code = "person_not_found"
    kind = "not_found"


class PersonOutOfScope(DomainError):
    """Raised with the person's `name` for the message."""

    code = "person_out_of_scope"
    kind = "not_allowed"


class PersonRoleTooHigh(DomainError):
    code = "person_role_too_high"
    kind = "not_allowed"


class CannotDeactivateSelf(DomainError):
    code = "cannot_deactivate_self"
    kind = "not_allowed"
