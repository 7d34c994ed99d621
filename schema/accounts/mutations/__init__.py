"""The accounts domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.accounts.mutations.create_invite import CreateInviteResult, create_invite
from schema.accounts.mutations.login import LoginResult, login
from schema.accounts.mutations.logout import LogoutSuccess, logout
from schema.accounts.mutations.person_status import (
    DeactivatePersonResult,
    ReactivatePersonResult,
    deactivate_person,
    reactivate_person,
)
from schema.accounts.mutations.revoke_sessions import RevokeSessionsResult, revoke_sessions
from schema.accounts.mutations.sign_up import SignUpResult, sign_up
from schema.errors import mutation


@strawberry.type
class AccountsMutation:
    login: LoginResult = mutation(
        resolver=login, description="Sign in; sets the session cookie and returns a token."
    )
    sign_up: SignUpResult = mutation(
        resolver=sign_up, description="Create an account with an invite code, then sign in."
    )
    logout: LogoutSuccess = mutation(
        resolver=logout,
        description="End this session (the cookie or bearer token); its sockets close.",
    )
    create_invite: CreateInviteResult = mutation(
        resolver=create_invite, description="An invite code for a unit of the viewer's scope."
    )
    revoke_sessions: RevokeSessionsResult = mutation(
        resolver=revoke_sessions,
        description="Sign a person out of every device, this one included when it is the "
        "viewer: the viewer by default; admins anyone of the organisation, managers the people "
        "of their subtree whose role is not above theirs. Their open sockets close.",
    )
    deactivate_person: DeactivatePersonResult = mutation(
        resolver=deactivate_person,
        description="A person left: they can no longer sign in, their sessions end and their "
        "sockets close; their posts and awards stay (admins; managers within their subtree, "
        "never above their own role; never oneself).",
    )
    reactivate_person: ReactivatePersonResult = mutation(
        resolver=reactivate_person,
        description="Let a deactivated person sign in again (same rights as deactivatePerson).",
    )
