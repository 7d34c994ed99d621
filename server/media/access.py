"""Who may fetch a photo: a signed-in person of the same organisation who can see its post,
or who reads a training module whose section shows it (server.training.access), or its
uploader while it is not attached yet. Everyone else is told it does not exist.

Two indexed lookups per request: the session (by its token's hash, with the viewer's unit
path) and the photo (by its unique key, with its post's audience). No ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from server.accounts.models import Role, Session, User
from server.accounts.services import token_hash
from server.feed.audience import moderates, sees
from server.media.models import Media
from server.media.storage import KEY_PATTERN
from server.network.scope import scope_of_user
from server.training.access import reads_section_image


@dataclass(slots=True, frozen=True)
class MediaViewer:
    user_id: int
    organization_id: int
    is_manager: bool
    unit_path: str


async def media_viewer(token: str | None) -> MediaViewer | None:
    """The person behind a live session, as much as the access rule needs."""
    if not token or len(token) > 200:
        return None
    rows = await Session.filter(
        token_hash=token_hash(token),
        revoked_at=None,
        expires_at__gt=datetime.now(UTC),
        user__deactivated_at=None,
    ).values("user_id", "user__organization_id", "user__role", "user__unit__path")
    if not rows:
        return None
    row = rows[0]
    return MediaViewer(
        user_id=int(row["user_id"]),
        organization_id=int(row["user__organization_id"]),
        is_manager=str(row["user__role"]) != Role.MEMBER.value,
        unit_path=str(row["user__unit__path"] or "/"),
    )


async def may_see_media(viewer: MediaViewer, name: str) -> bool:
    """`name` is a rendition's file name (`<key>-feed.webp`)."""
    if not KEY_PATTERN.match(name):
        return False
    rows = await Media.filter(key=name.split("-", 1)[0]).values(
        "id",
        "owner_id",
        "organization_id",
        "post_images__post__author_id",
        "post_images__post__hidden_at",
        "post_images__post__unit__path",
        "post_images__post__audience_unit__path",
        "post_images__post__id",
    )
    if not rows:
        return False
    row = rows[0]
    if int(row["organization_id"]) != viewer.organization_id:
        return False
    if row["post_images__post__id"] is None:
        # not a post's: its uploader, or those who read a module whose section shows it
        if int(row["owner_id"]) == viewer.user_id:
            return True
        user = await User.get_or_none(id=viewer.user_id)
        return user is not None and await reads_section_image(await scope_of_user(user), int(row["id"]))
    audience_path = str(row["post_images__post__audience_unit__path"] or "/")
    if not sees(viewer.unit_path, viewer.is_manager, audience_path):
        return False
    if row["post_images__post__hidden_at"] is not None:
        # a hidden post stays visible to its author and to the managers who moderate it
        return int(row["post_images__post__author_id"]) == viewer.user_id or moderates(
            viewer.unit_path, viewer.is_manager, str(row["post_images__post__unit__path"])
        )
    return True
