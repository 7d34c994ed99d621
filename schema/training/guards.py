"""Domain errors met by queries and subscriptions (mutations return them in their unions)."""

from __future__ import annotations

from graphql import GraphQLError

from server.errors import DomainError

CODES = {"not_found": "NOT_FOUND", "not_allowed": "FORBIDDEN", "validation": "BAD_USER_INPUT"}


def query_error(error: DomainError, language: str) -> GraphQLError:
    return GraphQLError(
        error.message(language), extensions={"code": CODES.get(error.kind, "BAD_USER_INPUT"), "reason": error.code}
    )
