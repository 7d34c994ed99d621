"""Demo boards: a weekly team challenge at Élan Paris 15e where Julie Moreau is 1st ex aequo
with two colleagues (shared ranks show), and a kiosk link that opens the network challenge on
the showroom's TV with no one signed in: /kiosk/elan_kiosk_demo-showroom-paris-15e."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from server.accounts.models import Role
from server.challenges.kiosk import _hash, create_kiosk_link
from server.challenges.lifecycle import ChallengeDraft, create_challenge
from server.challenges.models import (
    Challenge,
    ChallengeFormat,
    KioskLink,
    Metric,
    ParticipantKind,
    ScoringMode,
)
from server.challenges.results import ResultInput, record_result
from server.network.scope import scope_of_user

if TYPE_CHECKING:
    from server.demo.seed import DemoNetwork

# a demo's known link, like its known passwords: for trying the TV, never in production data
DEMO_KIOSK_TOKEN = "elan_kiosk_demo-showroom-paris-15e"
TEST_DRIVES = [3.0, 3.0, 3.0, 2.0, 1.0, 1.0]  # Julie first: three share first place


async def seed_boards(demo: DemoNetwork) -> None:
    seller, manager, admin = demo.accounts["seller"], demo.accounts["manager"], demo.accounts["admin"]
    team = [seller] + [p for p in demo.people if p.unit_id == seller.unit_id and p.id != seller.id and p.role == Role.MEMBER]
    metric = await Metric.create(organization=demo.organization, name="Essais routiers réalisés", unit_label="essais")
    managing = await scope_of_user(manager)
    week = await create_challenge(managing, ChallengeDraft(
        name="Défi de la semaine : essais routiers", scope_unit_id=seller.unit_id,
        description="Un point par essai routier réalisé cette semaine. À égalité, même rang.",
        starts_at=demo.now - timedelta(days=2), ends_at=demo.now + timedelta(days=5),
        metrics=[(metric.id, 1.0)], scoring_mode=ScoringMode.ABSOLUTE, format=ChallengeFormat.RANKING,
        prizes="Le petit-déjeuner de l'équipe offert",
    ), now=demo.now)
    for index, (person, value) in enumerate(zip(team, TEST_DRIVES, strict=False)):
        await record_result(managing, ResultInput(metric.id, ParticipantKind.USER, person.id, value,
                                                  demo.now - timedelta(hours=20 - index), f"demo-essais-{index}"))
    network = await Challenge.filter(organization_id=demo.organization.id, status="LIVE",
                                     format=ChallengeFormat.RANKING).exclude(id=week.id).order_by("id").first()
    if network is not None:
        link, _ = await create_kiosk_link(await scope_of_user(admin), network.id, "Écran du showroom — Élan Paris 15e")
        await KioskLink.filter(id=link.id).update(token_hash=_hash(DEMO_KIOSK_TOKEN))
