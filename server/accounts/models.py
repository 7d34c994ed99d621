"""Users, sessions and invites."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from server.network.models import Organization, Unit
from server.privacy.pseudonym import initials_of

if TYPE_CHECKING:  # media's models import this module
    from server.media.models import Media


class Role(StrEnum):
    ADMIN = "ADMIN"
    MANAGER = "MANAGER"
    MEMBER = "MEMBER"


ROLE_RANK = {Role.MEMBER: 0, Role.MANAGER: 1, Role.ADMIN: 2}


class User(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "elan.Organization", related_name="users", on_delete=fields.CASCADE
    )
    unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "elan.Unit", related_name="users", on_delete=fields.RESTRICT
    )
    email = fields.CharField(max_length=254, unique=True)
    display_name = fields.CharField(max_length=80)
    role = fields.CharEnumField(Role, max_length=10, default=Role.MEMBER)
    password_hash = fields.CharField(max_length=200)
    # the profile photo's URL (a square WebP served by server.media), null for initials
    avatar_url = fields.CharField(max_length=300, null=True)
    photo_media: fields.ForeignKeyNullableRelation[Media] = fields.ForeignKeyField(
        "elan.Media", related_name="photo_of", null=True, on_delete=fields.SET_NULL
    )
    language = fields.CharField(max_length=5, null=True)
    time_zone = fields.CharField(max_length=60, default="Europe/Paris")
    # the person asked that their recognitions (badges received) make no post in the feed
    hidden_from_feed = fields.BooleanField(default=False)
    created_at = fields.DatetimeField(auto_now_add=True)
    # set when the person left: no sign-in, no session; their posts and awards stay
    deactivated_at = fields.DatetimeField(null=True)
    # set when head office erased the person (server.privacy.erasure): a pseudonym remains
    erased_at = fields.DatetimeField(null=True)

    organization_id: int
    unit_id: int
    photo_media_id: int | None

    class Meta:
        table = "user"
        indexes = (("unit_id",),)

    @property
    def initials(self) -> str:
        return initials_of(self.display_name, self.email[:1].upper())


class Session(Model):
    """A signed-in device. Only the SHA-256 of its token is stored, so a leak of the
    table gives no usable token; deleting the row (or setting revoked_at) signs it out.
    Lifetimes (sliding and absolute): server.accounts.sessions."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="sessions", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    user_agent = fields.CharField(max_length=300, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    last_seen_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)

    user_id: int

    class Meta:
        table = "session"
        indexes = (("user_id", "last_seen_at"),)


class ActiveWeek(Model):
    """A person used the app during an ISO week (`week_start`, its Monday, UTC): written once per
    person and week, when a session is first used in a new week (server.accounts.activity), so
    that « active people per week » has a history after the sessions themselves are gone."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="active_weeks", on_delete=fields.CASCADE
    )
    week_start = fields.DateField()

    user_id: int

    class Meta:
        table = "active_week"
        unique_together = (("user_id", "week_start"),)
        # a week's people for a whole network (« Notre plan » of head office): read by the week
        indexes = (("week_start", "user_id"),)


class Invite(Model):
    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "elan.Organization", related_name="invites", on_delete=fields.CASCADE
    )
    unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "elan.Unit", related_name="invites", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(Role, max_length=10, default=Role.MEMBER)
    code = fields.CharField(max_length=32, unique=True)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="invites_created", null=True, on_delete=fields.SET_NULL
    )
    max_uses = fields.IntField(default=1)
    use_count = fields.IntField(default=0)
    expires_at = fields.DatetimeField()
    created_at = fields.DatetimeField(auto_now_add=True)

    organization_id: int
    unit_id: int

    class Meta:
        table = "invite"


class PasswordReset(Model):
    """A « mot de passe oublié » link: single-use, valid one hour. Only the SHA-256 of its
    token is stored (server.accounts.recovery)."""

    id = fields.IntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="password_resets", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    user_id: int

    class Meta:
        table = "password_reset"


class EmailInvite(Model):
    """An invitation sent to one e-mail address, for a unit with a role: the link is valid
    7 days, can be sent again (a new link, the old one dies) or revoked; accepting it creates
    the account (server.accounts.invitations). Only the SHA-256 of its token is stored.
    The code invites (`Invite`) stay for open sign-up."""

    id = fields.IntField(primary_key=True)
    organization: fields.ForeignKeyRelation[Organization] = fields.ForeignKeyField(
        "elan.Organization", related_name="email_invites", on_delete=fields.CASCADE
    )
    unit: fields.ForeignKeyRelation[Unit] = fields.ForeignKeyField(
        "elan.Unit", related_name="email_invites", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(Role, max_length=10, default=Role.MEMBER)
    email = fields.CharField(max_length=254)
    display_name = fields.CharField(max_length=80, default="")
    language = fields.CharField(max_length=5, default="fr")
    token_hash = fields.CharField(max_length=64, unique=True)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="email_invites_sent", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField()
    send_count = fields.IntField(default=1)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    accepted_at = fields.DatetimeField(null=True)
    user: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "elan.User", related_name="accepted_invite", null=True, on_delete=fields.SET_NULL
    )

    organization_id: int
    unit_id: int
    created_by_id: int | None
    user_id: int | None

    class Meta:
        table = "email_invite"
        indexes = (("organization_id", "email"),)
