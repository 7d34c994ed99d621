"""A person's leaderboard privacy: hidden from the public screens of every challenge."""

from __future__ import annotations

from server.accounts.models import User
from server.challenges.models import LeaderboardPrivacy, Participant
from server.db import atomic


async def set_hidden(user: User, hidden: bool) -> bool:
    """A person hides from (or shows again on) the public screens of every challenge: their
    name leaves the boards, the TV mode and the feed's podium posts."""
    async with atomic():
        await LeaderboardPrivacy.update_or_create(defaults={"hidden": hidden}, user_id=user.id)
        await Participant.filter(user_id=user.id).update(hidden=hidden)
    return hidden
