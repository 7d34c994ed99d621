"""GraphQL types of the performance plan."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

import strawberry

from schema.context import Info
from schema.permissions import scope_of
from server.plans import services
from server.plans.models import PerformancePlan as PlanModel


@strawberry.enum(description="A lever of the plan measured per unit.")
class PlanLever(StrEnum):
    TRAINING = "TRAINING"
    QUIZ = "QUIZ"
    SATISFACTION = "SATISFACTION"
    BADGES = "BADGES"
    CHALLENGES = "CHALLENGES"


@strawberry.type(description="How a lever is doing in a unit against the plan's objective.")
class LeverStatus:
    lever: PlanLever
    value: float | None = strawberry.field(description="Percent, index points, a count for BADGES, the mean participant score for CHALLENGES.")
    target: float | None = strawberry.field(description="The plan's objective; null when only counted.")
    on_track: bool | None = strawberry.field(description="Null when nothing was measured yet.")


@strawberry.type(description="A unit's line on the plan page.")
class UnitLevers:
    unit_id: strawberry.ID
    unit_name: str
    levers: list[LeverStatus]


@strawberry.type(description="Head office's plan d'animation: a period's levers and objectives.")
class PerformancePlan:
    id: strawberry.ID
    name: str
    starts_on: dt.date
    ends_on: dt.date
    module_ids: list[strawberry.ID]
    quiz_ids: list[strawberry.ID]
    challenge_ids: list[strawberry.ID]
    badge_ids: list[strawberry.ID]
    training_completion_target: float
    quiz_average_target: float
    satisfaction_index_target: float

    @strawberry.field(description="The viewer's scope first, then each unit right under it, lever by lever.")
    async def units(self, info: Info) -> list[UnitLevers]:
        return [
            UnitLevers(
                unit_id=strawberry.ID(str(u.unit_id)),
                unit_name=u.unit_name,
                levers=[
                    LeverStatus(lever=PlanLever(s.lever), value=s.value, target=s.target, on_track=s.on_track)
                    for s in u.levers
                ],
            )
            for u in await services.plan_levers(scope_of(info), int(self.id))
        ]


def _ids(values: list[int]) -> list[strawberry.ID]:
    return [strawberry.ID(str(v)) for v in values]


def as_plan(row: PlanModel) -> PerformancePlan:
    return PerformancePlan(
        id=strawberry.ID(str(row.id)),
        name=row.name,
        starts_on=row.starts_on,
        ends_on=row.ends_on,
        module_ids=_ids(row.module_ids),
        quiz_ids=_ids(row.quiz_ids),
        challenge_ids=_ids(row.challenge_ids),
        badge_ids=_ids(row.badge_ids),
        training_completion_target=row.training_completion_target,
        quiz_average_target=row.quiz_average_target,
        satisfaction_index_target=row.satisfaction_index_target,
    )
