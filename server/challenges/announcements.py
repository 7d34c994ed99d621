"""Who hears about a move up a leaderboard: the mover, those it overtook, and the feed.

Telling the mover and those passed runs after the result's commit, from the deferred outbox
(server.deferred), so recording a result costs one row here whatever the number of people
to tell; the notifications, their push rows and the podium post commit together, exactly once.

What reaches the feed (someone entering the top 3, the podium at the close) follows the
same privacy as the board: nobody is named there who hides from the public screens
(`Participant.hidden`), asked to keep out of the feed (`User.hidden_from_feed`), or ranks
beyond the top N of a challenge that names only its top N (TOP_AND_AROUND). And it goes to
the challenge's scope unit and below, the people who take part, never further. Under head
office's « anonymous outside one's own team » (server.privacy.boards) an entry into the top 3
goes to the person's own unit only, the podium names people by their unit, and those passed
read « Un participant » when the one who passed them is of another team.
"""

from __future__ import annotations

from typing import Any

from server.accounts.models import User
from server.challenges.models import Challenge, ChallengeFormat, Participant, Visibility
from server.deferred.services import handles
from server.feed.system_posts import create_system_post
from server.network.models import Unit
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.privacy.boards import anonymous_outside_team, audience_of

MOVED = "challenges.moved"
PODIUM = 3


def named_in_feed(challenge: Challenge, rank: int, hidden: bool, hidden_from_feed: bool) -> bool:
    """Whether a participant at `rank` may be named in the feed."""
    beyond_top = challenge.visibility == Visibility.TOP_AND_AROUND and rank > challenge.top_n
    return not (hidden or hidden_from_feed or beyond_top)


@handles(MOVED)
async def announce_move(payload: dict[str, Any]) -> None:
    challenge_id, name = int(payload["challenge_id"]), str(payload["challenge_name"])
    old_rank, new_rank = int(payload["old_rank"]), int(payload["new_rank"])
    user_id, hidden = int(payload["user_id"]), bool(payload["hidden"])
    link = f"/challenges/{challenge_id}"
    params = {"challenge": name, "challengeId": challenge_id, "rank": new_rank}
    entered_podium = new_rank <= PODIUM < old_rank
    kind = NotificationKind.TOP_THREE if entered_podium else NotificationKind.RANK_UP
    if new_rank < old_rank:  # leaving a tie from above passes others but keeps my rank
        await notify(user_id, kind, params=params, link=link, group_key=f"{kind}:{challenge_id}")
    if entered_podium and payload["format"] != ChallengeFormat.DUEL and not hidden:
        await _post_top_three(challenge_id, user_id, str(payload["display_name"]), name, new_rank)
    await _tell_overtaken(payload, link)


async def _post_top_three(challenge_id: int, user_id: int, display_name: str, name: str, rank: int) -> None:
    challenge = await Challenge.get_or_none(id=challenge_id)
    author = await User.get_or_none(id=user_id)
    if challenge is None or author is None or not named_in_feed(challenge, rank, False, author.hidden_from_feed):
        return
    # under « anonymous outside one's own team » the boards name them to their team only: so does the feed
    anonymous = await anonymous_outside_team(challenge.organization_id)
    if anonymous and author.unit_id is None:
        return
    await create_system_post(
        author, "TOP_THREE_ENTERED", {"userId": author.id, "challengeId": challenge_id, "challenge": name, "rank": rank},
        audience_unit=await Unit.get(id=author.unit_id if anonymous else challenge.scope_unit_id),
    )


async def announce_winners(challenge: Challenge, podium: list[tuple[str, Participant, int]]) -> None:
    """The close's post: the podium of each league (or, for a race, how many made it), in the
    feed of the challenge's scope unit, naming only those who may be named."""
    if challenge.format == ChallengeFormat.DUEL or not podium:
        return
    people = [p.user_id for _, p, _ in podium if p.user_id is not None]
    out_of_feed = set(await User.filter(id__in=people, hidden_from_feed=True).values_list("id", flat=True)) if people else set()
    # under « anonymous outside one's own team » the post, read across teams, names each person
    # by their unit, as the boards show them to other teams
    anonymous = await anonymous_outside_team(challenge.organization_id)

    def named(participant: Participant, rank: int) -> bool:
        return named_in_feed(challenge, rank, participant.hidden, participant.user_id in out_of_feed)

    if challenge.format == ChallengeFormat.RACE:
        target = float(challenge.rules.get("race_target") or 0)
        count = await Participant.filter(challenge_id=challenge.id, score__gte=target).count()
        kind, params = "RACE_FINISHED", {"challengeId": challenge.id, "challenge": challenge.name, "count": count}
    else:
        # people by id (their name when read); a unit by its own name; the hidden unnamed
        places = [
            {"rank": r, "hidden": True} if not named(p, r)
            else {"rank": r, "name": p.unit_name} if p.user_id is not None and anonymous and p.unit_name
            else {"rank": r, "hidden": True} if p.user_id is not None and anonymous
            else {"rank": r, "userId": p.user_id} if p.user_id is not None
            else {"rank": r, "name": p.display_name}
            for _, p, r in podium
        ]
        kind, params = "CHALLENGE_PODIUM", {"challengeId": challenge.id, "challenge": challenge.name, "podium": places}
    # the challenge's author announces it; without one, a winner who may be named (not under the
    # board default: the post's author is shown with their face)
    announcer = challenge.created_by_id or next(
        (p.user_id for _, p, r in podium if p.user_id is not None and named(p, r) and not anonymous), None
    )
    author = await User.get_or_none(id=announcer) if announcer is not None else None
    if author is not None and author.organization_id == challenge.organization_id:  # not a partner agency's person
        await create_system_post(author, kind, params, audience_unit=await Unit.get(id=challenge.scope_unit_id))


async def _tell_overtaken(payload: dict[str, Any], link: str) -> None:
    ranks = {int(pid): int(rank) for pid, rank in payload["overtaken"]}
    if not ranks:
        return
    people = await Participant.filter(id__in=list(ranks), user_id__not_isnull=True).values_list("id", "user_id")
    # one who hides from public screens is "a participant" to those it passed
    actor = None if payload["hidden"] else await User.get_or_none(id=int(payload["user_id"]))
    challenge_id = int(payload["challenge_id"])
    named = await _may_name(actor, {int(user_id) for _, user_id in people})
    for pid, user_id in sorted(people, key=lambda row: ranks[int(row[0])]):
        await notify(
            int(user_id), NotificationKind.RANK_OVERTAKEN, actor=actor if int(user_id) in named else None, link=link,
            params={"challenge": payload["challenge_name"], "challengeId": challenge_id, "rank": ranks[int(pid)]},
            group_key=f"RANK_OVERTAKEN:{challenge_id}",
        )


async def _may_name(actor: User | None, user_ids: set[int]) -> set[int]:
    """Those of `user_ids` whose board names `actor`: under the organisation's « anonymous
    outside one's own team » (server.privacy.boards), a member passed by someone of another
    team reads « Un participant », as on the board (no name, no face)."""
    if actor is None or not user_ids:
        return set()
    if not await anonymous_outside_team(actor.organization_id):
        return user_ids
    passed = await User.filter(id__in=user_ids).only("id", "role", "unit_id", "organization_id")
    return {
        person.id for person in passed
        if (await audience_of(actor.organization_id, person, anonymous=True)).names(actor.unit_id)
    }
