"""The UserError interface and the shared error types of every mutation's result union."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError

from server.errors import DomainError, RateLimited

# a query or a subscription has no result union: its domain errors become GraphQL errors,
# with a standard code and the domain's own code as the reason
QUERY_CODES = {"not_found": "NOT_FOUND", "not_allowed": "FORBIDDEN", "validation": "BAD_USER_INPUT"}


@strawberry.interface(description="An expected failure, with a message a person can read.")
class UserError:
    code: str = strawberry.field(description="Stable machine-readable code, e.g. email_taken.")
    message: str = strawberry.field(description="Readable message in the viewer's language.")


@strawberry.type(description="The input broke a rule; nothing was changed.")
class ValidationError(UserError):
    field: str | None = strawberry.field(description="The input field at fault, if one is.")


@strawberry.type(description="The viewer's role or scope does not allow this.")
class NotAllowedError(UserError):
    pass


@strawberry.type(description="The thing asked for does not exist or is not visible.")
class NotFoundError(UserError):
    pass


@strawberry.type(description="The change conflicts with existing data.")
class ConflictError(UserError):
    pass


@strawberry.type(description="Too many attempts; try again later.")
class RateLimitedError(UserError):
    retry_after_seconds: int = strawberry.field(description="Seconds to wait before retrying.")


@strawberry.type(description="The email or password is wrong.")
class InvalidCredentialsError(UserError):
    pass


@strawberry.type(description="The invite code is unknown, expired or used up.")
class InvalidInviteError(UserError):
    pass


def to_user_error(error: DomainError, language: str) -> UserError:
    """Maps a domain error to its GraphQL error type, in one place for every mutation."""
    message = error.message(language)
    code = error.code
    if isinstance(error, RateLimited):
        return RateLimitedError(code=code, message=message, retry_after_seconds=error.retry_after)
    if error.kind == "validation":
        return ValidationError(code=code, message=message, field=error.field)
    if error.kind == "not_found":
        return NotFoundError(code=code, message=message)
    if error.kind == "conflict":
        return ConflictError(code=code, message=message)
    if error.kind == "credentials":
        return InvalidCredentialsError(code=code, message=message)
    if error.kind == "invite":
        return InvalidInviteError(code=code, message=message)
    return NotAllowedError(code=code, message=message)


def query_error(error: DomainError, language: str) -> GraphQLError:
    """Maps a domain error met by a query or a subscription, in one place for all of them."""
    return GraphQLError(
        error.message(language), extensions={"code": QUERY_CODES.get(error.kind, "BAD_USER_INPUT"), "reason": error.code}
    )
