"""The UserError interface and the shared error types of every mutation's result union."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import FieldExtension
from strawberry.types.field import StrawberryField
from strawberry.types.union import StrawberryUnion

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


@strawberry.type(description="The link (password reset, invitation) is unknown, used, revoked or expired.")
class InvalidLinkError(UserError):
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
    if error.kind == "link":
        return InvalidLinkError(code=code, message=message)
    return NotAllowedError(code=code, message=message)


def query_error(error: DomainError, language: str) -> GraphQLError:
    """Maps a domain error met by a query or a subscription, in one place for all of them."""
    return GraphQLError(
        error.message(language), extensions={"code": QUERY_CODES.get(error.kind, "BAD_USER_INPUT"), "reason": error.code}
    )


class DomainErrors(FieldExtension):
    """Maps the domain errors a resolver raises, in one place for every field.

    On a field whose type is a result union, an error becomes the union's member for it
    (`to_user_error`); anywhere else, or when the union has no member for it, a GraphQL error
    with a standard code (`query_error`). Resolvers call their service and let errors rise."""

    def apply(self, field: StrawberryField) -> None:
        kind = field.type
        self.members: tuple[type, ...] = (
            tuple(t for t in kind.types if isinstance(t, type)) if isinstance(kind, StrawberryUnion) else ()
        )

    async def resolve_async(
        self, next_: Callable[..., Awaitable[Any]], source: Any, info: strawberry.Info, **kwargs: Any
    ) -> Any:
        try:
            return await next_(source, info, **kwargs)
        except DomainError as error:
            language = info.context.language
            if self.members:
                mapped = to_user_error(error, language)
                if isinstance(mapped, self.members):
                    return mapped
            raise query_error(error, language) from None


def mutation(resolver: Callable[..., Any], description: str) -> Any:
    """A mutation field whose domain errors come back as members of its result union."""
    return strawberry.mutation(resolver=resolver, description=description, extensions=[DomainErrors()])
