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


class CannotChangeSelf(DomainError):
    code = "cannot_change_self"
    kind = "not_allowed"


class InvalidLink(DomainError):
    """A reset or invitation link that is unknown, already used, revoked or expired."""

    code = "link_invalid"
    kind = "link"


class LinkExpired(InvalidLink):
    code = "link_expired"


class WrongCurrentPassword(DomainError):
    code = "current_password_wrong"
    kind = "credentials"


class InviteNotFound(DomainError):
    code = "invite_not_found"
    kind = "not_found"


class InviteClosed(DomainError):
    """The invitation was accepted or revoked: nothing more to send or revoke."""

    code = "invite_closed"
    kind = "conflict"
