"""Checks that stop a resolver before it runs, with a message a person can read."""

from __future__ import annotations

from graphql import GraphQLError

from schema.context import Info
from server.accounts.models import User
from server.i18n import translate
from server.network.scope import Scope


def signed_in(info: Info) -> User:
    """The signed-in user, or a GraphQL error with code UNAUTHENTICATED."""
    user = info.context.user
    if user is None:
        raise GraphQLError(
            translate("not_authenticated", info.context.language),
            extensions={"code": "UNAUTHENTICATED"},
        )
    return user


def scope_of(info: Info) -> Scope:
    """The signed-in viewer's scope (loaded once with the session), or UNAUTHENTICATED."""
    signed_in(info)
    scope = info.context.scope
    assert scope is not None  # set with the user by schema.request_context and schema.ws
    return scope
