"""The accounts domain's mutations, assembled into the schema's Mutation type."""

from __future__ import annotations

import strawberry

from schema.accounts.mutations.create_invite import CreateInviteResult, create_invite
from schema.accounts.mutations.invitations import (
    AcceptInviteResult,
    InvitePeopleResult,
    ResendInviteResult,
    RevokeInviteResult,
    accept_invite,
    invite_people,
    resend_invite,
    revoke_invite,
)
from schema.accounts.mutations.login import LoginResult, login
from schema.accounts.mutations.logout import LogoutSuccess, logout
from schema.accounts.mutations.person_status import (
    DeactivatePersonResult,
    ReactivatePersonResult,
    deactivate_person,
    reactivate_person,
)
from schema.accounts.mutations.recovery import (
    ChangePasswordResult,
    RequestPasswordResetResult,
    ResetPasswordResult,
    change_password,
    request_password_reset,
    reset_password,
)
from schema.accounts.mutations.revoke_sessions import RevokeSessionsResult, revoke_sessions
from schema.accounts.mutations.sign_up import SignUpResult, sign_up
from schema.accounts.mutations.update_person import UpdatePersonResult, update_person
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
    update_person: UpdatePersonResult = mutation(
        resolver=update_person,
        description="Move a person to another unit and/or give them another role (admins; managers "
        "within their subtree, never granting a role above their own; never oneself). A lower role "
        "or another unit ends the person's sessions. Audited.",
    )
    invite_people: InvitePeopleResult = mutation(
        resolver=invite_people,
        description="Invite 1 to 100 people by e-mail into a unit of the viewer's scope with a role "
        "not above the viewer's: each gets a link valid 7 days. Audited.",
    )
    resend_invite: ResendInviteResult = mutation(
        resolver=resend_invite,
        description="Send a pending invite again: a new link valid 7 days; the old one stops working.",
    )
    revoke_invite: RevokeInviteResult = mutation(
        resolver=revoke_invite, description="Cancel a pending invite: its link stops working."
    )
    accept_invite: AcceptInviteResult = mutation(
        resolver=accept_invite,
        description="Create the invited person's account from their link, then sign them in.",
    )
    request_password_reset: RequestPasswordResetResult = mutation(
        resolver=request_password_reset,
        description="« Mot de passe oublié »: mail a single-use link valid one hour to the address, "
        "if it has an active account. The answer is the same either way. Rate-limited per client "
        "address and per address asked.",
    )
    reset_password: ResetPasswordResult = mutation(
        resolver=reset_password,
        description="Set a new password with a reset link: every session ends, this device signs in.",
    )
    change_password: ChangePasswordResult = mutation(
        resolver=change_password,
        description="Change the viewer's password (the current one required); every other session "
        "of theirs ends.",
    )
