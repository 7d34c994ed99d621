"""Demo: personal data handled as a French employer must. A seller (outside Île-de-France) who
stood on last month's podium has left since: head office deactivated, then erased them, so the closed
challenge's podium shows « Ancien collaborateur » at their rank (their results still count). Head
office keeps the default retention periods, and the nightly retention job has run once (its
report is on /admin/privacy). The demo manager's phone was registered before Élan asked which
notifications he wants: nothing is pushed to it, and his bell asks him to choose."""

from __future__ import annotations

from typing import TYPE_CHECKING

from server.accounts.models import Role
from server.accounts.people import deactivate_person
from server.challenges.models import Challenge, ChallengeStatus, Participant
from server.network.scope import scope_of_user
from server.privacy.erasure import CredentialChoice, erase_person
from server.privacy.models import PrivacyPolicy
from server.privacy.retention import enforce_for
from server.push.models import PushSubscription

if TYPE_CHECKING:
    from server.demo.seed import DemoNetwork


async def seed_privacy(demo: DemoNetwork) -> None:
    head_office = await scope_of_user(demo.accounts["admin"])
    await PrivacyPolicy.create(organization_id=demo.organization.id)
    closed = await Challenge.filter(organization_id=demo.organization.id, status=ChallengeStatus.CLOSED).order_by("id").first()
    if closed is not None:
        kept = {u.id for u in demo.accounts.values()}
        podium = await Participant.filter(challenge_id=closed.id, final_rank__lte=3, user_id__not_isnull=True).order_by("final_rank", "id")
        # a seller outside Île-de-France: Marc's people screen keeps its one departed seller
        marc_path = next(u.path for u in demo.units.values() if u.id == demo.accounts["manager"].unit_id)
        elsewhere = {u.id for u in demo.points_of_sale if not u.path.startswith(marc_path)}
        members = {p.id for p in demo.people if p.role == Role.MEMBER and p.unit_id in elsewhere}
        departed = next((p for p in podium if p.user_id in members and p.user_id not in kept), None)
        if departed is not None and departed.user_id is not None:
            await deactivate_person(head_office, departed.user_id)
            await erase_person(head_office, departed.user_id, CredentialChoice.KEEP)
            demo.counts["erased"] = 1
    # the demo manager's phone was registered before consent was asked: his bell asks him to choose
    await PushSubscription.create(
        user_id=demo.accounts["manager"].id, endpoint="https://fcm.googleapis.com/fcm/send/demo-before-consent",
        p256dh="B" + "d" * 86, auth="a" * 22,
        user_agent="Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36",
    )
    await enforce_for(demo.organization.id, demo.now)
