"""The accounts domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.accounts.mutations.create_invite import CreateInviteResult, create_invite
from schema.accounts.mutations.login import LoginResult, login
from schema.accounts.mutations.logout import LogoutSuccess, logout
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
        resolver=logout, description="End this session (the cookie or bearer token)."
    )
    create_invite: CreateInviteResult = mutation(
        resolver=create_invite, description="An invite code for a unit of the viewer's scope."
    )
