"""Demo: the seller's notification centre has things waiting, some unread; push
preferences are the defaults (no settings row), so `make run` shows the real defaults."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from server.demo.photos import photographed
from server.notifications.models import Notification, NotificationKind

if TYPE_CHECKING:
    from server.demo.seed import DemoNetwork

CHALLENGE = "Printemps des utilitaires"


async def _challenge_link() -> str:
    try:  # the challenges domain may have seeded one already
        from server.challenges.models import Challenge  # type: ignore[attr-defined]

        first = await Challenge.all().order_by("id").first()
        return f"/challenges/{first.id}" if first else "/challenges/1"
    except (ImportError, AttributeError):
        return "/challenges/1"


async def seed_push(demo: DemoNetwork) -> None:
    seller = demo.accounts["seller"]
    colleagues = [p for p in demo.people if p.id != seller.id and p.role == "MEMBER"]
    names = [p.id for p in demo.rng.sample(colleagues, 6)]
    # who overtook her and who commented have a photo (seeded later): the bell shows faces and initials
    faces = [p.id for p in photographed(demo) if p.role == "MEMBER" and p.id != seller.id and p.id not in names]
    for index, face in zip((0, 4), faces, strict=False):
        names[index] = face
    own_posts = [p for p in demo.posts if p.author_id == seller.id] or demo.posts[:1]
    board = await _challenge_link()
    now = demo.now
    lines: list[tuple[NotificationKind, dict[str, Any], list[int], int, str, int, bool]] = [
        # (kind, params, actors, count, link, minutes ago, read)
        (NotificationKind.RANK_OVERTAKEN, {"challenge": CHALLENGE, "rank": 4}, names[:1], 1, board, 12, False),
        (NotificationKind.POST_LIKED, {"postId": own_posts[0].id}, names[1:4], 5, f"/posts/{own_posts[0].id}", 40, False),
        (NotificationKind.POST_COMMENTED, {"postId": own_posts[-1].id}, names[4:5], 1, f"/posts/{own_posts[-1].id}", 95, False),
        (NotificationKind.TRAINING_ASSIGNED, {"module": "Financement LOA : les bons arguments"}, [], 1, "/", 180, False),
        (NotificationKind.CHALLENGE_ENDING, {"challenge": CHALLENGE}, [], 1, board, 60 * 26, True),
        (NotificationKind.BADGE_RECEIVED, {"badge": "Closer du mois"}, [], 1, "/", 60 * 50, True),
        (NotificationKind.TOP_THREE, {"challenge": "Challenge Hiver 2025", "rank": 3}, [], 1, board, 60 * 75, True),
    ]
    for kind, params, actors, count, link, minutes, read in reversed(lines):
        at = now - timedelta(minutes=minutes)
        line = await Notification.create(
            user_id=seller.id,
            kind=kind,
            params={**params, "actorIds": actors} if actors else params,
            count=count,
            link=link,
            group_key=f"like:{params['postId']}" if kind == NotificationKind.POST_LIKED else None,
            read_at=at + timedelta(minutes=5) if read else None,
            created_at=at,
        )
        await Notification.filter(id=line.id).update(updated_at=at)  # auto_now set it to now
    demo.counts["notifications"] = len(lines)
