"""Reading the organisation's functions and the history of a plan's objectives."""

from __future__ import annotations

import datetime as dt

import strawberry

from schema.context import Info
from schema.errors import DomainErrors
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.plans.view_types import ObjectivePeriod, PlanViewLever
from server.network import functions as function_services
from server.plans import objective_services


@strawberry.type(description="Someone who carries a function.")
class FunctionPerson:
    id: strawberry.ID
    display_name: str


@strawberry.type(description="A head-office function (commerce, marketing, qualité…) and what its people manage.")
class OrgFunction:
    id: strawberry.ID
    key: str
    name: str
    manages: list[str] = strawberry.field(description="challenges, modules, satisfaction, objectives.<lever>.")
    people: list[FunctionPerson]


@strawberry.type(description="One change of an objective: who, when, where, before and after.")
class PlanObjectiveChange:
    at: dt.datetime
    actor_name: str | None
    unit_id: strawberry.ID
    unit_name: str
    lever: PlanViewLever
    period: ObjectivePeriod
    period_start: dt.date
    before: float | None
    after: float
    spread: bool


@strawberry.type
class FunctionsQuery:
    @strawberry.field(description="The organisation's functions and who carries them.", extensions=[DomainErrors()])
    async def functions(self, info: Info) -> list[OrgFunction]:
        return [
            OrgFunction(
                id=strawberry.ID(str(f.id)), key=f.key, name=f.name, manages=f.manages,
                people=[FunctionPerson(id=strawberry.ID(str(uid)), display_name=name) for uid, name in f.people],
            )
            for f in await function_services.functions(scope_of(info))
        ]

    @strawberry.field(
        description="The latest changes of a plan's objectives the viewer may see (newest first, at most 100); "
        "with a unit, those of its subtree and of the units above it.",
        extensions=[DomainErrors()],
    )
    async def plan_objective_history(
        self, info: Info, plan_id: strawberry.ID, unit_id: strawberry.ID | None = None
    ) -> list[PlanObjectiveChange]:
        rows = await objective_services.objective_history(
            scope_of(info), parse_id(plan_id), parse_id(unit_id) if unit_id is not None else None
        )
        return [
            PlanObjectiveChange(
                at=r.at, actor_name=r.actor_name, unit_id=strawberry.ID(str(r.unit_id)), unit_name=r.unit_name,
                lever=PlanViewLever(r.lever), period=ObjectivePeriod(r.period), period_start=r.period_start,
                before=r.before, after=r.after, spread=r.spread,
            )
            for r in rows
        ]
