"""Who may fetch a photo: a signed-in person of the same organisation who reads its post
(server.feed.audience), or who reads a training module whose section shows it
(server.training.access), or its uploader while it is not attached yet; a profile photo,
anyone of the person's organisation (colleagues see each other's faces everywhere). Everyone else is told
it does not exist.

The viewer is found as for any request (`authenticate`, then its `Scope`); the photo in one
indexed lookup (by its unique key, with its post's audience). No ORM objects for the photo."""

from __future__ import annotations

from server.accounts.services import authenticate
from server.feed.audience import reads, reads_hidden
from server.media.models import Media
from server.media.storage import KEY_PATTERN
from server.network.scope import Scope, scope_of_user
from server.training.access import reads_section_image


async def media_viewer(token: str | None) -> Scope | None:
    """The scope of the person behind a live session, or None."""
    user = await authenticate(token)
    return await scope_of_user(user, user.unit) if user is not None else None


async def may_see_media(viewer: Scope, name: str) -> bool:
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
        "photo_of__id",
    )
    if not rows:
        return False
    row = rows[0]
    if int(row["organization_id"]) != viewer.organization_id:
        return False
    if row["photo_of__id"] is not None:
        return True
    if row["post_images__post__id"] is None:
        # not a post's: its uploader, or those who read a module whose section shows it
        return int(row["owner_id"]) == viewer.user_id or await reads_section_image(viewer, int(row["id"]))
    if not reads(viewer, str(row["post_images__post__audience_unit__path"] or "/")):
        return False
    if row["post_images__post__hidden_at"] is not None:
        # a hidden post stays visible to its author and to the managers who moderate it
        return reads_hidden(viewer, int(row["post_images__post__author_id"]), str(row["post_images__post__unit__path"]))
    return True
