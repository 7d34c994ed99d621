"""Collective skills: a team's radar, its weakest skills and the training to push."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.errors import DomainErrors
from schema.ids import parse_id
from schema.permissions import scope_of
from schema.plans.view_types import PlanModule, TeamSkill, as_module, as_skill
from server.plans import team_skills as services


@strawberry.type(description="A weak skill of a team and the modules to push for it.")
class WeakTeamSkill:
    skill: TeamSkill
    modules: list[PlanModule]


@strawberry.type(description="A team's skills from its people's latest assessments.")
class TeamSkills:
    unit_id: strawberry.ID
    unit_name: str
    unit_kind: str
    assessed: int = strawberry.field(description="People whose latest assessment counts.")
    radar: list[TeamSkill] = strawberry.field(description="Every skill assessed, by name, with its mean level (1–4).")
    weakest: list[WeakTeamSkill] = strawberry.field(description="The three weakest skills, weakest first.")


@strawberry.type
class TeamSkillsQuery:
    @strawberry.field(
        description="Collective skills of a unit (default: the top of the viewer's scope) first, then of each unit right "
        "under it. Managers of the unit only.",
        extensions=[DomainErrors()],
    )
    async def team_skills(self, info: Info, unit_id: strawberry.ID | None = None) -> list[TeamSkills]:
        rows = await services.team_skills(scope_of(info), parse_id(unit_id) if unit_id is not None else None)
        return [
            TeamSkills(
                unit_id=strawberry.ID(str(r.unit_id)), unit_name=r.unit_name, unit_kind=r.unit_kind, assessed=r.assessed,
                radar=[as_skill(s) for s in r.radar],
                weakest=[WeakTeamSkill(skill=as_skill(w.skill), modules=[as_module(m) for m in w.modules]) for w in r.weakest],
            )
            for r in rows
        ]
