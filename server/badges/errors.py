"""Errors of the badges domain."""

from server.errors import DomainError


class BadgeNotFound(DomainError):
    code = "badge_not_found"
    kind = "not_found"


class AwardNotFound(DomainError):
    code = "award_not_found"
    kind = "not_found"


class BadgeRetired(DomainError):
    code = "badge_retired"
    kind = "conflict"


class AwardedByRulesOnly(DomainError):
    code = "badge_rules_only"
    kind = "not_allowed"


class AwardedByAdminsOnly(DomainError):
    code = "badge_admins_only"
    kind = "not_allowed"


class PersonOutOfScope(DomainError):
    code = "person_out_of_scope"
    kind = "not_allowed"


class AwardAlreadyRevoked(DomainError):
    code = "award_already_revoked"
    kind = "conflict"
