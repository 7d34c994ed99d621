"""setHiddenFromFeed: a person keeps the badges they receive out of the feed."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.permissions import signed_in
from server.badges.preferences import set_hidden_from_feed as save_preference


@strawberry.type
class SetHiddenFromFeedSuccess:
    hidden_from_feed: bool


async def set_hidden_from_feed(info: Info, hidden: bool) -> SetHiddenFromFeedSuccess:
    viewer = signed_in(info)
    return SetHiddenFromFeedSuccess(hidden_from_feed=await save_preference(viewer, hidden))
