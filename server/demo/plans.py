"""The demo's performance plan as the network lives it: head-office functions and their people,
who owns which lever, objectives spread from a region and overridden below (with their history),
a partner agency working on two brands, and an action plan whose effect the review shows."""

from __future__ import annotations

import random
from datetime import timedelta

from server.accounts.activity import week_of
from server.accounts.models import ActiveWeek, Role, User
from server.agency.services import grant_agency
from server.demo.seed import DemoNetwork
from server.evaluation.models import ActionPlan, PlanStatus, SatisfactionSurvey, SurveyKind
from server.network.function_models import PersonFunction
from server.network.functions import seed_functions
from server.network.models import UnitKind
from server.network.scope import scope_of_user
from server.network.services import create_organization, create_unit
from server.plans.improvement import record_action
from server.plans.models import ImprovementAction, ImprovementKind, PerformancePlan, PlanPeriod
from server.plans.objective_services import ObjectiveInput, set_lever_owner, set_objective

# head-office people and their function (key); Claire is also a demo account
FUNCTION_PEOPLE = [
    ("qualite@elan.example", "Claire Vidal", "qualite"),
    ("hugo.martin@elan.example", "Hugo Martin", "marketing"),
    ("nadia.benali@elan.example", "Nadia Benali", "formation"),
    ("paul.girard@elan.example", "Paul Girard", "commerce"),
    ("sarah.lefort@elan.example", "Sarah Lefort", "developpement-reseau"),
]
OWNERS = {
    "TRAINING": "formation", "QUIZ": "formation", "SKILLS": "developpement-reseau",
    "SATISFACTION": "qualite", "CHALLENGES": "marketing", "RETENTION": "commerce",
}
AGENCY = ("Agence Cap Réseau", "agence-cap-reseau")
AGENCY_PERSON = ("agence@elan.example", "Léo Garnier")
OTHER_BRAND = ("Banque Horizon", "banque-horizon", [("Bretagne", ["Horizon Rennes", "Horizon Brest"])])
IMPROVED_POS = "Élan Versailles"
IMPROVED_PLAN = "Accueil en moins de 2 minutes le samedi"


async def seed_plans(demo: DemoNetwork) -> None:
    plan = await PerformancePlan.filter(organization_id=demo.organization.id).order_by("-starts_on").first()
    if plan is None:
        return
    admin = await scope_of_user(demo.accounts["admin"])
    functions = {f.key: f for f in await seed_functions(demo.organization.id)}
    people = {}
    for email, name, key in FUNCTION_PEOPLE:
        person = await User.create(
            organization_id=demo.organization.id, unit_id=demo.units["root"].id, email=email, display_name=name,
            role=Role.MEMBER, password_hash=demo.accounts["admin"].password_hash,
        )
        await PersonFunction.create(user_id=person.id, function_id=functions[key].id)
        people[key] = person
    for lever, key in OWNERS.items():
        await set_lever_owner(admin, plan.id, lever, functions[key].id)
    await _objectives(demo, plan, people)
    await _agency(demo)
    await _improvement(demo, plan)
    await _activity(demo)
    demo.counts["functions"] = len(functions)
    demo.counts["plan_objectives"] = 4


async def _objectives(demo: DemoNetwork, plan: PerformancePlan, people: dict[str, User]) -> None:
    """Head office spreads 85 % of training to Île-de-France; Marc lowers it to 75 % this quarter
    for Élan Paris 15e (a new team); qualité asks 78 of satisfaction this month everywhere."""
    today = demo.now.date()
    admin = await scope_of_user(demo.accounts["admin"])
    marc = await scope_of_user(demo.accounts["manager"])
    claire = await scope_of_user(people["qualite"])
    nadia = await scope_of_user(people["formation"])
    region, paris = demo.units["Île-de-France"], demo.units["Élan Paris 15e"]
    await set_objective(admin, ObjectiveInput(plan.id, region.id, "TRAINING", PlanPeriod.PLAN, today, 85, spread=True))
    await set_objective(marc, ObjectiveInput(plan.id, paris.id, "TRAINING", PlanPeriod.QUARTER, today, 75))
    await set_objective(claire, ObjectiveInput(plan.id, demo.units["root"].id, "SATISFACTION", PlanPeriod.MONTH, today, 78))
    await set_objective(nadia, ObjectiveInput(plan.id, demo.units["root"].id, "QUIZ", PlanPeriod.PLAN, today, 75))


async def _agency(demo: DemoNetwork) -> None:
    """An agency working on the demo network (challenges, modules, dashboards) and, for its
    dashboards only, on a second brand: Léo switches between the two."""
    agency, agency_root = await create_organization(*AGENCY)
    await User.create(
        organization_id=agency.id, unit_id=agency_root.id, email=AGENCY_PERSON[0], display_name=AGENCY_PERSON[1],
        role=Role.MEMBER, password_hash=demo.accounts["admin"].password_hash,
    )
    await grant_agency(await scope_of_user(demo.accounts["admin"]), agency.slug, None, ["challenges", "modules", "dashboards"])
    name, slug, regions = OTHER_BRAND
    brand, root = await create_organization(name, slug)
    for region_name, cities in regions:
        region = await create_unit(root, UnitKind.REGION, region_name)
        for city in cities:
            await create_unit(region, UnitKind.POINT_OF_SALE, city, city.split()[-1])
    brand_admin = await User.create(
        organization_id=brand.id, unit_id=root.id, email="siege@banque-horizon.example", display_name="Anne Roussel",
        role=Role.ADMIN, password_hash=demo.accounts["admin"].password_hash,
    )
    await grant_agency(await scope_of_user(brand_admin), agency.slug, None, ["dashboards"])
    demo.counts["agency_brands"] = 2


async def _improvement(demo: DemoNetwork, plan: PerformancePlan) -> None:
    """Versailles ran an action plan on Saturday welcome five weeks ago: its satisfaction went
    from 68 to 84 while the other points of sale stayed flat; the review shows it worked."""
    org = demo.organization.id
    pos = demo.units[IMPROVED_POS]
    started = demo.now.date() - timedelta(days=35)
    await SatisfactionSurvey.filter(
        unit_id=pos.id, period_end__gte=started - timedelta(days=30), period_end__lt=started + timedelta(days=30)
    ).delete()
    for end, score in ((started - timedelta(days=5), 6.8), (started + timedelta(days=20), 8.4)):
        await SatisfactionSurvey.create(
            organization_id=org, unit_id=pos.id, kind=SurveyKind.SCORE_10, value=score, sample_size=120,
            period_start=end.replace(day=1), period_end=end,
        )
    chef = await User.filter(unit_id=pos.id, role=Role.MANAGER).first()
    action = await ActionPlan.create(
        organization_id=org, unit_id=pos.id, title=IMPROVED_PLAN, status=PlanStatus.CLOSED,
        created_by_id=chef.id if chef else None,
    )
    await ActionPlan.filter(id=action.id).update(created_at=demo.now - timedelta(days=35))
    await record_action(ImprovementKind.ACTION_PLAN, action.id, action.title, pos, "SATISFACTION", started)
    # the action plan under way at Élan Paris 15e (seeded with training) is measured too
    ongoing = await ActionPlan.filter(organization_id=org, status=PlanStatus.OPEN).select_related("unit").first()
    if ongoing is not None:
        await record_action(ImprovementKind.ACTION_PLAN, ongoing.id, ongoing.title, ongoing.unit, "SATISFACTION",
                            ongoing.created_at.date())
    demo.counts["improvement_actions"] = await ImprovementAction.filter(organization_id=org).count()


# how often a point of sale's people used the app, twelve weeks ago and this week: Paris 15e's
# team took to it, Saint-Denis's drifted away; elsewhere steady around 60 %
ACTIVITY_TRENDS = {"Élan Paris 15e": (0.45, 0.95), "Élan Saint-Denis": (0.8, 0.35)}
ACTIVITY_WEEKS = 12


async def _activity(demo: DemoNetwork) -> None:
    """Twelve weeks of who used the app (the weekly active people of « Notre plan »): the
    network's people joined months or years ago, and each week some of them were active."""
    rng = random.Random(13)  # its own: the other seeders' draws stay as they were
    this_week = week_of(demo.now)
    by_unit = {u.id: u.name for u in demo.points_of_sale}
    rows = []
    people = await User.filter(organization_id=demo.organization.id, deactivated_at=None).order_by("id")
    for person in people:
        joined = demo.now - timedelta(days=rng.randint(120, 1500))
        await User.filter(id=person.id).update(created_at=joined)
        first, last = ACTIVITY_TRENDS.get(by_unit.get(person.unit_id, ""), (0.6, 0.6))
        for n in range(ACTIVITY_WEEKS):
            share = first + (last - first) * n / (ACTIVITY_WEEKS - 1)
            if rng.random() < share:
                rows.append(ActiveWeek(user_id=person.id, week_start=this_week - timedelta(weeks=ACTIVITY_WEEKS - 1 - n)))
    await ActiveWeek.bulk_create(rows)
    demo.counts["active_weeks"] = len(rows)
