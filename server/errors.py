"""The base of every domain error: a stable code, a kind, and parameters for the message.

Services raise these; the GraphQL layer maps each to a typed member of the mutation's
result union, with the message taken from the catalogue in the reader's language.
"""

from __future__ import annotations

from typing import Any, ClassVar


class DomainError(Exception):
    code: ClassVar[str] = "error"
    # validation | not_allowed | not_found | conflict | rate_limited | credentials | invite | link
    kind: ClassVar[str] = "validation"

    def __init__(self, field: str | None = None, **params: Any) -> None:
        super().__init__(self.code)
        self.field = field
        self.params = params

    def message(self, language: str) -> str:
        from server.i18n import translate

        return translate(self.code, language, **self.params)


class ValidationFailed(DomainError):
    """Bad input; `code` names the rule that failed."""

    kind = "validation"

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        super().__init__(field, **params)
        self.code = code  # type: ignore[misc]


class NotAllowed(DomainError):
    code = "not_allowed"
    kind = "not_allowed"


class NotAuthenticated(DomainError):
    code = "not_authenticated"
    kind = "not_allowed"


class RateLimited(DomainError):
    code = "rate_limited"
    kind = "rate_limited"

    def __init__(self, retry_after: int) -> None:
        super().__init__(None, seconds=retry_after, minutes=max(1, (retry_after + 59) // 60))
        self.retry_after = retry_after
