"""Who hears about a move up a leaderboard: the mover, those it overtook, and the feed.

Runs after the result's commit, from the deferred outbox (server.deferred), so recording a
result costs one row here whatever the number of people to tell; the notifications, their
push rows and the podium post commit together, exactly once.
"""

from __future__ import annotations

from typing import Any

from server.accounts.models import User
from server.challenges.models import ChallengeFormat, Participant
from server.deferred.services import handles
from server.feed.services import create_system_post
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.notifications.texts import ordinal

MOVED = "challenges.moved"
PODIUM = 3


@handles(MOVED)
async def announce_move(payload: dict[str, Any]) -> None:
    challenge_id, name = int(payload["challenge_id"]), str(payload["challenge_name"])
    old_rank, new_rank = int(payload["old_rank"]), int(payload["new_rank"])
    user_id, hidden = int(payload["user_id"]), bool(payload["hidden"])
    link = f"/challenges/{challenge_id}"
    params = {"challenge": name, "challengeId": challenge_id, "rank": new_rank}
    entered_podium = new_rank <= PODIUM < old_rank
    kind = NotificationKind.TOP_THREE if entered_podium else NotificationKind.RANK_UP
    await notify(user_id, kind, params=params, link=link, group_key=f"{kind}:{challenge_id}")
    if entered_podium and payload["format"] != ChallengeFormat.DUEL and not hidden:
        author = await User.get(id=user_id)
        await create_system_post(
            author, f"{payload['display_name']} entre dans le top 3 du challenge « {name} » ({ordinal(new_rank, 'fr')}) !",
        )
    await _tell_overtaken(payload, link)


async def _tell_overtaken(payload: dict[str, Any], link: str) -> None:
    ranks = {int(pid): int(rank) for pid, rank in payload["overtaken"]}
    if not ranks:
        return
    people = await Participant.filter(id__in=list(ranks), user_id__not_isnull=True).values_list("id", "user_id")
    actor = "Un participant" if payload["hidden"] else str(payload["display_name"])
    challenge_id = int(payload["challenge_id"])
    for pid, user_id in sorted(people, key=lambda row: ranks[int(row[0])]):
        await notify(
            int(user_id), NotificationKind.RANK_OVERTAKEN, actor_name=actor, link=link,
            params={"challenge": payload["challenge_name"], "challengeId": challenge_id, "rank": ranks[int(pid)]},
            group_key=f"RANK_OVERTAKEN:{challenge_id}",
        )
