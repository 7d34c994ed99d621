"""A person's leaderboard privacy: hidden from the public screens of every challenge; and the
boards told when who is named on them changes."""

from __future__ import annotations

from collections.abc import Iterable

from tortoise.expressions import F

from server.accounts.models import User
from server.challenges.events import board_reset, leaderboard_channel
from server.challenges.models import Challenge, ChallengeStatus, LeaderboardPrivacy, Participant
from server.db import Events, atomic


async def reset_boards(events: Events, challenge_ids: Iterable[int], audiences: bool = False) -> None:
    """Every live board of these challenges takes a new snapshot once the transaction commits
    (a RESET with the next version): a name shown on a phone or a TV goes at once. With
    `audiences` (who may read which names changed), the live streams end after it too."""
    ids = sorted(set(challenge_ids))
    if not ids:
        return
    await Challenge.filter(id__in=ids).update(version=F("version") + 1)
    for challenge_id, version in await Challenge.filter(id__in=ids).values_list("id", "version"):
        events.publish(leaderboard_channel(int(challenge_id)), board_reset(int(challenge_id), int(version), audiences))


async def set_hidden(user: User, hidden: bool) -> bool:
    """A person hides from (or shows again on) the public screens of every challenge: their
    name leaves the boards, the TV mode (the live ones at once) and the feed's podium posts."""
    async with atomic() as events:
        await LeaderboardPrivacy.update_or_create(defaults={"hidden": hidden}, user_id=user.id)
        changed = await Participant.filter(user_id=user.id, hidden=not hidden).values_list("challenge_id", flat=True)
        await Participant.filter(user_id=user.id).update(hidden=hidden)
        live = await Challenge.filter(id__in=list(changed), status=ChallengeStatus.LIVE).values_list("id", flat=True)
        await reset_boards(events, [int(str(i)) for i in live])
    return hidden


async def reset_organization_boards(events: Events, organization_id: int) -> None:
    """Every live board of the organisation takes a new snapshot (its board default changed),
    and its live streams, each built for one audience, end."""
    live = await Challenge.filter(organization_id=organization_id, status=ChallengeStatus.LIVE).values_list("id", flat=True)
    await reset_boards(events, [int(str(i)) for i in live], audiences=True)
