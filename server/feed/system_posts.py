"""Posts Élan writes on behalf of another domain (a badge awarded, a challenge's podium):
kind SYSTEM, never edited by anyone (server.feed.services.edit_post), deleted only by their
moderators; they go to the audience the caller names, by default the whole network.

A system post stores what happened (`system_kind`) and its parameters, people, badges and
challenges by id (server.texts), and is written in each reader's language when read; its
`body` keeps only the organisation's own words (a badge's reason), never a name."""

from __future__ import annotations

from typing import Any

from server.accounts.models import User
from server.db import atomic
from server.feed import events
from server.feed.audience import audience_of
from server.feed.models import Post, PostAudience, PostKind
from server.feed.rows import POST_COLUMNS, PostRow, post_row
from server.feed.services import BODY_MAX
from server.network.models import Unit
from server.network.scope import path_ids
from server.texts.refs import resolve


async def create_system_post(
    author: User, kind: str, params: dict[str, Any], *, body: str = "", audience_unit: Unit | None = None
) -> PostRow:
    """A post written by Élan on behalf of another domain (badge awarded, challenge results).

    `author` is the person the post is about or who caused it; other domains call this
    inside their own transaction so the post commits with the change it announces. It goes
    to `audience_unit` and below (a challenge's scope), by default the whole network.
    """
    if audience_unit is None:
        root = path_ids((await Unit.get(id=author.unit_id)).path)[0]
        audience, audience_id = PostAudience.NETWORK, root
    else:
        audience, audience_id = audience_of(audience_unit), audience_unit.id
    async with atomic() as bus:
        post = await Post.create(
            organization_id=author.organization_id,
            author_id=author.id,
            unit_id=author.unit_id,
            kind=PostKind.SYSTEM,
            body=body[:BODY_MAX],
            system_kind=kind,
            system_params=params,
            audience=audience,
            audience_unit_id=audience_id,
        )
        values = await Post.filter(id=post.id).values(*POST_COLUMNS)
        row = post_row(values[0])
        row.refs = await resolve([params])  # subscribers write it without a query each
        bus.publish(
            events.feed_channel(author.organization_id),
            events.post_created(row.id, row.to_event()),
        )
    return row


async def remove_system_post(organization_id: int, post_id: int) -> None:
    """Takes back a post Élan wrote for another domain (e.g. a revoked badge); screens drop it
    live. Call it inside the caller's transaction, like `create_system_post`."""
    async with atomic() as bus:
        found = Post.filter(id=post_id, organization_id=organization_id, kind=PostKind.SYSTEM)
        paths = await found.values_list("audience_unit__path", flat=True)
        removed = await found.delete()
        if removed:
            bus.publish(
                events.feed_channel(organization_id),
                events.post_removed(events.POST_REMOVED, post_id, str(paths[0] or "/") if paths else "/"),
            )
