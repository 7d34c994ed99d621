"""GraphQL types of « Notre plan » (myPlan)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import cast

import strawberry

from schema.plans.types import PerformancePlan, as_plan
from server.plans import view
from server.plans.readings import SkillMean
from server.plans.team_skills import ModuleToPush


@strawberry.enum(description="A lever of « Notre plan ».")
class PlanViewLever(StrEnum):
    TRAINING = "TRAINING"
    QUIZ = "QUIZ"
    SKILLS = "SKILLS"
    SATISFACTION = "SATISFACTION"
    CHALLENGES = "CHALLENGES"
    RETENTION = "RETENTION"


@strawberry.enum(description="What to do next; the PWA words it in the reader's language.")
class NextStepKind(StrEnum):
    COMPLETE_MODULE = "COMPLETE_MODULE"
    TAKE_QUIZ = "TAKE_QUIZ"
    FOLLOW_ACTION_PLAN = "FOLLOW_ACTION_PLAN"
    START_ACTION_PLAN = "START_ACTION_PLAN"
    PLAY_CHALLENGE = "PLAY_CHALLENGE"
    REMIND_TRAINING = "REMIND_TRAINING"
    REVISE_QUIZ = "REVISE_QUIZ"
    PUSH_SKILL = "PUSH_SKILL"
    ENGAGE_TEAM = "ENGAGE_TEAM"
    ON_TRACK = "ON_TRACK"
    NOTHING_MEASURED = "NOTHING_MEASURED"


@strawberry.enum(description="The period an objective was set for.")
class ObjectivePeriod(StrEnum):
    PLAN = "PLAN"
    QUARTER = "QUARTER"
    MONTH = "MONTH"


@strawberry.type(description="Where a unit stands on one lever, against the objective that holds for it today.")
class PlanLeverReading:
    lever: PlanViewLever
    value: float | None = strawberry.field(
        description="Percent (training, quizzes, weekly active people), index points (satisfaction), mean level 1–4 (skills), mean participant score (challenges); null when nothing was measured."
    )
    target: float | None = strawberry.field(description="The objective that holds; null when the lever is only followed.")
    on_track: bool | None = strawberry.field(description="Null when nothing was measured or there is no objective.")
    objective_unit_id: strawberry.ID | None = strawberry.field(
        description="The unit the objective was set on (this one: an override; one above: spread from it); null: the plan's default."
    )
    objective_period: ObjectivePeriod | None = strawberry.field(description="The period the objective was set for.")
    owner_function_id: strawberry.ID | None = strawberry.field(description="The head-office function that owns this lever here.")


@strawberry.type(description="What to do next, for a unit or a person.")
class PlanNextStep:
    kind: NextStepKind
    lever: PlanViewLever | None
    subject_id: strawberry.ID | None = strawberry.field(
        description="The module (also the module to push for PUSH_SKILL), quiz, action plan or challenge concerned."
    )
    title: str | None = strawberry.field(description="Its title or name, as written by whoever made it.")
    count: int | None = strawberry.field(description="How many people it concerns, when it is about people.")


@strawberry.type(description="A skill's mean level (1–4) over a team's latest assessments.")
class TeamSkill:
    skill_id: strawberry.ID
    name: str
    level: float
    assessed: int = strawberry.field(description="How many people's latest assessment scored it.")


@strawberry.type(description="A training module to push.")
class PlanModule:
    module_id: strawberry.ID
    title: str


@strawberry.type(
    description="One unit of « Notre plan ». Its name and levers are read for every unit of the side-by-side table; "
    "its next step, people, tenure and skills are made only for the units they are asked for (select them on "
    "`MyPlan.unit`, the unit viewed, not on the 1,201 `units` of head office)."
)
class UnitPlan:
    unit_id: strawberry.ID
    unit_name: str
    unit_kind: str
    levers: list[PlanLeverReading]
    next_step: PlanNextStep
    people: int = strawberry.field(description="People in the unit now (those who left excluded).")
    active_people: int = strawberry.field(description="People who used the app this ISO week (from Monday, UTC).")
    departures: int = strawberry.field(description="People deactivated during the plan's period.")
    tenure_days: float | None = strawberry.field(description="Mean days since the unit's people joined.")
    assessed_people: int = strawberry.field(description="People with at least one assessment.")
    weakest_skills: list[TeamSkill] = strawberry.field(description="The team's three weakest skills, weakest first.")
    skills: list[TeamSkill] = strawberry.field(description="The team's radar: every skill assessed, by name.")
    training_to_push: list[PlanModule] = strawberry.field(description="Published modules about the weakest skills.")


@strawberry.type(description="« Notre plan »: the period's plan as it applies to the viewer's unit, and the units under it side by side.")
class MyPlan:
    plan: PerformancePlan
    day: dt.date = strawberry.field(description="The day the objectives were read for (today, UTC).")
    unit: UnitPlan = strawberry.field(
        description="The unit viewed, in detail: the one asked for (`unitId`), else the top of what the viewer acts in."
    )
    units: list[UnitPlan] = strawberry.field(
        description="The side-by-side table: the unit viewed first, then each open point of sale under it by name "
        "(1,201 for head office over 1,200: select the name and levers here, the details on `unit`)."
    )
    my_next_step: PlanNextStep | None = strawberry.field(description="The viewer's own next step (members); null for managers.")


@strawberry.type(description="« Notre plan », first as it is (version 0), then after each change inside it.")
class MyPlanUpdate:
    version: int
    at: dt.datetime
    my_plan: MyPlan | None


def as_module(m: ModuleToPush) -> PlanModule:
    return PlanModule(module_id=strawberry.ID(str(m.module_id)), title=m.title)


def as_skill(s: SkillMean) -> TeamSkill:
    return TeamSkill(skill_id=strawberry.ID(str(s.skill_id)), name=s.name, level=s.level, assessed=s.count)


def as_my_plan(row: view.PlanView) -> MyPlan:
    """The view as the schema's type: its units, readings, steps and skills are the domain's own
    objects, whose attributes carry every field by name (strawberry and the planned execution,
    schema.plan, read them as they are): 1,201 units are not converted a second time."""
    return MyPlan(
        plan=as_plan(row.plan),
        day=row.day,
        my_next_step=cast(PlanNextStep | None, row.my_next_step),
        unit=cast(UnitPlan, row.unit),
        units=cast(list[UnitPlan], row.units),
    )
