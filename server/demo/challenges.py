"""Demo objectives and challenges: a month in progress across the network.

Metrics and this month's targets for everyone in the field; the results of the month so far
(and of last month); a live monthly challenge with leagues by point-of-sale size and a
threshold; a race to a target in Île-de-France; last month's challenge closed with its podium;
a duel invitation waiting for seller@elan.example, who sits mid-table so that rank changes show.
The dealers' system pushes the results through an integration token; a few manual corrections
by manager@elan.example, each with its reason, fill the result audit; and a draft challenge of
his region waits to be edited and published.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from server.accounts.models import Role, User
from server.challenges.criteria import CriterionKind
from server.challenges.duels import create_duel
from server.challenges.lifecycle import ChallengeDraft, close_challenge, create_challenge
from server.challenges.models import (
    Aggregation,
    Challenge,
    ChallengeFormat,
    ChallengeStatus,
    IntegrationToken,
    LeagueRule,
    Metric,
    ParticipantKind,
    Recurrence,
    Result,
    ScoringMode,
    Target,
    Visibility,
)
from server.challenges.results import ResultInput, record_result
from server.challenges.tokens import create_token, token_scope
from server.demo import data
from server.network.models import Unit
from server.network.scope import scope_of_token, scope_of_user

if TYPE_CHECKING:
    from server.demo.seed import DemoNetwork

METRICS = [  # name, unit, aggregation, monthly target for one seller
    ("Véhicules neufs vendus", "véh.", Aggregation.SUM, 10.0),
    ("Financements signés", "dossiers", Aggregation.SUM, 6.0),
    ("Contrats d'entretien", "contrats", Aggregation.SUM, 5.0),
    ("Taux de transformation", "%", Aggregation.LATEST, 30.0),
]
BIG_SITES = {"Élan Paris 15e": 4, "Flandres Automobiles Lille": 5, "Garonne Distribution Bordeaux": 5,
             "Garonne Distribution Toulouse": 5}
DEMO_SLUG = "reseau-elan-demo"
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


def _month_start(moment: datetime) -> datetime:
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _previous_month(start: datetime) -> datetime:
    return _month_start(start - timedelta(days=1))


async def _reinforcements(demo: DemoNetwork) -> list[User]:
    """A few more sellers in the big-city sites, so leagues by site size mean something."""
    added: list[User] = []
    password_hash = demo.accounts["seller"].password_hash
    index = 0
    for site, count in BIG_SITES.items():
        for _ in range(count):
            first = data.FIRST_NAMES[(index * 7 + 3) % len(data.FIRST_NAMES)]
            last = data.LAST_NAMES[(index * 11 + 5) % len(data.LAST_NAMES)]
            index += 1
            added.append(await User.create(
                organization=demo.organization, unit=demo.units[site], role=Role.MEMBER,
                email=f"renfort{index}@elan.example", display_name=f"{first} {last}", password_hash=password_hash,
            ))
    return added


async def _results(demo: DemoNetwork, metrics: list[Metric], field: list[User], start: datetime, end: datetime,
                   elapsed: float, form: dict[int, float], tag: str, token: IntegrationToken) -> None:
    """The month's sales as the dealers' system sent them, through its integration token."""
    rng, rows = demo.rng, []
    steady = demo.accounts["seller"].id  # Julie without noise: she stays mid-table
    span = (end - start).total_seconds()
    for person in field:
        for metric, (_, _, aggregation, target) in zip(metrics, METRICS, strict=True):
            if aggregation == Aggregation.LATEST:
                value = round(target * form[person.id] * rng.uniform(0.85, 1.15), 1)
                moments = [(value, start + timedelta(seconds=span * elapsed * 0.9))]
            else:
                noise = rng.uniform(0.8, 1.2)
                count = max(0, round(target * form[person.id] * elapsed * (1.0 if person.id == steady else noise)))
                moments = [(1.0, start + timedelta(seconds=rng.uniform(0, span * elapsed * 0.95))) for _ in range(count)]
            for number, (value, moment) in enumerate(moments):
                rows.append(Result(
                    organization_id=demo.organization.id, metric_id=metric.id, user_id=person.id, value=value,
                    occurred_at=moment, idempotency_key=f"demo-{tag}-{metric.id}-{person.id}-{number}",
                    token_id=token.id, created_at=moment,
                ))
    rows.sort(key=lambda row: row.occurred_at)  # the audit lists them in the order they came in
    await Result.bulk_create(rows, batch_size=500)


async def seed_challenges(demo: DemoNetwork) -> None:
    now = demo.now
    rng = demo.rng
    field = [p for p in demo.people if p.role != Role.ADMIN and p.unit_id in {u.id for u in demo.points_of_sale}]
    field += await _reinforcements(demo)
    seller = demo.accounts["seller"]
    metrics = [await Metric.create(organization=demo.organization, name=name, unit_label=unit, aggregation=aggregation)
               for name, unit, aggregation, _ in METRICS]
    month = _month_start(now)
    next_month = _month_start(month + timedelta(days=32))
    last_month = _previous_month(month)
    # form of the month: everyone somewhere between 40 % and 130 %, Julie right in the middle
    form = {p.id: rng.uniform(0.4, 1.3) for p in field}
    big_sites = {demo.units[name].id for name in BIG_SITES}
    league = sorted(form[p.id] for p in field if p.unit_id in big_sites and p.id != seller.id)
    form[seller.id] = league[len(league) * 3 // 5]
    for start, end in ((last_month, month), (month, next_month)):
        await Target.bulk_create([
            Target(organization_id=demo.organization.id, metric_id=metric.id, user_id=person.id,
                   period_start=start, period_end=end, value=target)
            for metric, (_, _, _, target) in zip(metrics, METRICS, strict=True) for person in field
        ], batch_size=500)
    elapsed = max(0.35, min(0.9, (now - month).total_seconds() / (next_month - month).total_seconds()))
    admin, manager = demo.accounts["admin"], demo.accounts["manager"]
    head_office, managing = await scope_of_user(admin), await scope_of_user(manager)
    connector, secret = await create_token(head_office, DMS_TOKEN, None)
    await _results(demo, metrics, field, last_month, month, 1.0, {k: rng.uniform(0.4, 1.3) for k in form}, "prev", connector)
    await _results(demo, metrics, field, month, next_month, elapsed, form, "now", connector)

    vehicles, financing, maintenance, rate = metrics
    name = MONTHS[month.month - 1]
    previous_name = MONTHS[last_month.month - 1]
    closed = await create_challenge(head_office, ChallengeDraft(
        name=f"Challenge réseau {_of(previous_name)}", starts_at=last_month, ends_at=month,
        description="Le classement du mois dernier, figé à la clôture.",
        metrics=[(vehicles.id, 2.0), (financing.id, 1.0), (maintenance.id, 1.0)],
        league_rule=LeagueRule.POINT_OF_SALE_SIZE, thresholds=[(100.0, "Objectif du mois", None)],
    ), now=last_month + timedelta(days=1))
    await close_challenge(closed.id, now=month)
    live = await create_challenge(head_office, ChallengeDraft(
        name=f"Challenge réseau {_of(name)}",
        description=("Un mois pour faire la différence : chacun est classé sur son propre objectif, "
                     "par ligue de taille de point de vente. Palier à 100 % : badge « Objectif du mois » pour tous."),
        starts_at=month, ends_at=next_month,
        metrics=[(vehicles.id, 2.0), (financing.id, 1.0), (maintenance.id, 1.0)],
        league_rule=LeagueRule.POINT_OF_SALE_SIZE, thresholds=[(80.0, "Dans la course", None), (100.0, "Objectif du mois", None)],
        prizes="Un week-end à Deauville pour le premier de chaque ligue",
        recurrence=Recurrence.MONTHLY,
    ), now=now)
    region = demo.units["Île-de-France"]
    await create_challenge(managing, ChallengeDraft(
        name="Course aux contrats d'entretien", scope_unit_id=region.id, format=ChallengeFormat.RACE,
        description="Tous ceux qui signent 5 contrats d'entretien d'ici la fin du mois gagnent une carte cadeau.",
        starts_at=month, ends_at=next_month, metrics=[(maintenance.id, 20.0)], scoring_mode=ScoringMode.ABSOLUTE,
        race_target=100.0, prizes="Une carte cadeau de 50 € pour chaque gagnant",
    ), now=now)
    await create_challenge(managing, ChallengeDraft(
        name="Sprint financement de fin d'année", scope_unit_id=region.id, draft=False,
        description="Deux semaines pour signer un maximum de financements.",
        starts_at=next_month, ends_at=next_month + timedelta(days=14), metrics=[(financing.id, 1.0)],
        scoring_mode=ScoringMode.ABSOLUTE,
    ), now=now)
    colleague = next(p for p in field if p.unit_id == seller.unit_id and p.id != seller.id and p.role == Role.MEMBER)
    await create_duel(await scope_of_user(colleague), seller.id, financing.id, 7, now=now)
    # a few results just now, through the real path: ranks move, people are told
    actor = await token_scope(secret)
    assert actor is not None
    paris = [p for p in field if p.unit_id == seller.unit_id and p.id != seller.id]
    for index, person in enumerate(paris[:3]):
        await record_result(actor, ResultInput(vehicles.id, ParticipantKind.USER, person.id, 1.0,
                                               now - timedelta(minutes=30 - index * 5), f"demo-live-{index}"))
    await _corrections(demo, field, metrics, month)
    await _draft(demo, metrics)
    # the colleague just below Julie passes her: her notification centre says so
    from server.challenges.standings import rows_around

    below = [r for r in await rows_around(live, seller) if r.rank > 0 and not r.is_me and r.user_id]
    chaser = next((r for r in reversed(below)), None)
    if chaser is not None and chaser.user_id is not None:
        await record_result(head_office, ResultInput(vehicles.id, ParticipantKind.USER, chaser.user_id, 2.0,
                                               now - timedelta(minutes=2), "demo-live-chaser"))
    demo.counts["challenges"] = await Challenge.filter(organization_id=demo.organization.id).exclude(
        status=ChallengeStatus.DRAFT).count()
    demo.counts["results"] = await Result.filter(organization_id=demo.organization.id).count()
    assert live.id
    _ = rate


# a few manual changes by Île-de-France's manager, each with its reason: the result audit
CORRECTIONS = [  # site, metric index, value, reason, hours ago
    ("Élan Versailles", 0, -1.0, "Vente annulée : le financement a été refusé par la banque.", 50),
    ("Élan Créteil", 1, -1.0, "Dossier de financement saisi deux fois par erreur.", 26),
    ("Élan Saint-Denis", 2, 1.0, "Contrat signé samedi, oublié dans l'export du DMS.", 5),
    ("Élan Paris 15e", 0, -1.0, "Véhicule de démonstration compté comme une vente neuve.", 2),
]
DMS_TOKEN = "Connecteur DMS des concessions"


async def _corrections(demo: DemoNetwork, field: list[User], metrics: list[Metric], month: datetime) -> None:
    actor = await scope_of_user(demo.accounts["manager"])
    seller = demo.accounts["seller"]
    for number, (site, metric, value, reason, hours) in enumerate(CORRECTIONS):
        # Julie stays out of it: she sits mid-table so that the live moves show
        person = next(p for p in field if p.unit_id == demo.units[site].id and p.id != seller.id and p.role == Role.MEMBER)
        moment = max(month, demo.now - timedelta(hours=hours))
        await record_result(actor, ResultInput(metrics[metric].id, ParticipantKind.USER, person.id, value, moment,
                                               f"demo-correction-{number}", reason), now=demo.now)


async def _draft(demo: DemoNetwork, metrics: list[Metric]) -> None:
    """A draft of Île-de-France's manager, ready to be reviewed and published: it starts today."""
    start = demo.now.replace(hour=0, minute=0, second=0, microsecond=0)
    vehicles, financing, _, _ = metrics
    await create_challenge(await scope_of_user(demo.accounts["manager"]), ChallengeDraft(
        name="Challenge qualité de service", scope_unit_id=demo.units["Île-de-France"].id, draft=True,
        description=("Trois semaines pour vendre bien, pas seulement beaucoup : les ventes comptent, "
                     "la satisfaction de vos clients aussi."),
        starts_at=start, ends_at=start + timedelta(days=21),
        metrics=[(vehicles.id, 2.0), (financing.id, 1.0)],
        criteria=[(CriterionKind.SATISFACTION, 1.0, {})],
        thresholds=[(100.0, "Service impeccable", None)],
        prizes="Un dîner d'équipe pour le point de vente du premier",
        visibility=Visibility.TOP_AND_AROUND, top_n=5,
    ), now=demo.now)


def _of(month: str) -> str:
    return f"d'{month}" if month[0] in "aeiouéo" else f"de {month}"


async def demo_tick(now: datetime | None = None) -> bool:
    """While the demo runs, the dealers' system sends a sale now and then, so the live
    leaderboards (and the TV mode) move on their own. Only on the demo organisation."""
    import random

    from server.challenges.models import Challenge as ChallengeModel
    from server.network.models import Organization

    now = now or datetime.now(UTC)
    organization = await Organization.get_or_none(slug=DEMO_SLUG)
    if organization is None:
        return False
    live = await ChallengeModel.filter(organization_id=organization.id, status=ChallengeStatus.LIVE,
                                       format=ChallengeFormat.RANKING).first()
    connector = await IntegrationToken.get_or_none(organization_id=organization.id, name=DMS_TOKEN, revoked_at=None)
    if live is None or connector is None:
        return False
    from server.challenges.models import Participant

    rows = await Participant.filter(challenge_id=live.id, user_id__not_isnull=True).exclude(
        user__email="seller@elan.example"
    ).values("user_id")
    people: list[int] = [int(row["user_id"]) for row in rows]
    metric_id = int(live.rules["metrics"][0]["metric_id"])
    if not people:
        return False
    await IntegrationToken.filter(id=connector.id).update(last_used_at=now)
    root = await Unit.get(id=connector.scope_unit_id)
    await record_result(scope_of_token(organization.id, connector.id, root), ResultInput(
        metric_id, ParticipantKind.USER, random.choice(people), 1.0, now, f"demo-tick-{int(now.timestamp())}"))
    return True
