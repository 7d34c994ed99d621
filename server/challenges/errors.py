"""Errors of the challenges domain, each with a code whose message is in server.i18n."""

from server.errors import DomainError


class ChallengeNotFound(DomainError):
    code = "challenge_not_found"
    kind = "not_found"


class DuelNotCopied(DomainError):
    """A duel is one person's invitation to another: it is not a template."""

    code = "challenge_duel_not_copied"
    kind = "conflict"


class MetricNotFound(DomainError):
    code = "metric_not_found"
    kind = "not_found"


class ParticipantNotFound(DomainError):
    code = "participant_not_found"
    kind = "not_found"


class OutOfScope(DomainError):
    code = "challenge_out_of_scope"
    kind = "not_allowed"


class RulesFrozen(DomainError):
    code = "challenge_rules_frozen"
    kind = "conflict"


class DuelNotPending(DomainError):
    code = "duel_not_pending"
    kind = "conflict"


class IdempotencyKeyReused(DomainError):
    """The key was already used for a different result."""

    code = "idempotency_key_reused"
    kind = "conflict"


class TokenNotFound(DomainError):
    code = "integration_token_not_found"
    kind = "not_found"


class ChallengeNotDraft(DomainError):
    code = "challenge_not_draft"
    kind = "conflict"


class ChallengeNotLive(DomainError):
    code = "challenge_not_live"
    kind = "conflict"


class MetricNameTaken(DomainError):
    code = "metric_name_taken"
    kind = "conflict"


class KioskLinkNotFound(DomainError):
    code = "kiosk_link_not_found"
    kind = "not_found"


class KioskLinkInvalid(DomainError):
    """An unknown or revoked kiosk token (said the same way: a token is not probed)."""

    code = "kiosk_link_invalid"
    kind = "not_found"
