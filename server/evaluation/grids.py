"""Skills grids: the skills expected in a job, what each level 1–4 looks like, and the label a
passed assessment against the grid grants.

Grids are the organisation's (every manager assesses with them), so head office writes them:
`create_grid` asks the `Scope` for an admin. The label must be a live label (a badge of kind
LABEL, not retired) of the same organisation. Assessments (server.evaluation.assessments)
score every skill of a grid from 1 to 4, the level's description telling the person what it
means."""

from __future__ import annotations

from dataclasses import dataclass

from server.accounts.models import Role
from server.badges.models import Badge, BadgeKind
from server.db import atomic
from server.errors import ValidationFailed
from server.evaluation.models import Skill, SkillsGrid
from server.network.scope import Scope

NAME_MAX = 80
SKILLS_MAX = 20
LEVEL_COUNT = 4
DESCRIPTION_MAX = 300


@dataclass(slots=True)
class SkillInput:
    name: str
    levels: list[str]  # what levels 1, 2, 3 and 4 look like, in order


async def create_grid(
    scope: Scope, name: str, role: Role, skills: list[SkillInput], label_badge_id: int | None = None
) -> SkillsGrid:
    """Head office writes a grid; validated whole first, so a refused one stores nothing."""
    scope.require_admin()
    name = name.strip()
    if not 2 <= len(name) <= NAME_MAX:
        raise ValidationFailed("skills_grid_name_invalid", "name", max=NAME_MAX)
    if not 1 <= len(skills) <= SKILLS_MAX:
        raise ValidationFailed("skills_grid_invalid", "skills")
    names = [s.name.strip() for s in skills]
    if any(not 1 <= len(n) <= NAME_MAX for n in names) or len({n.casefold() for n in names}) != len(names):
        raise ValidationFailed("skills_grid_skill_invalid", "skills", max=NAME_MAX)
    for skill in skills:
        if len(skill.levels) != LEVEL_COUNT or any(not 1 <= len(d.strip()) <= DESCRIPTION_MAX for d in skill.levels):
            raise ValidationFailed("skills_grid_levels_invalid", "skills", max=DESCRIPTION_MAX)
    if label_badge_id is not None and not await Badge.filter(
        id=label_badge_id, organization_id=scope.organization_id, kind=BadgeKind.LABEL, retired_at=None
    ).exists():
        raise ValidationFailed("skills_grid_label_invalid", "labelBadgeId")
    async with atomic():
        grid = await SkillsGrid.create(
            organization_id=scope.organization_id, name=name, role=role, label_badge_id=label_badge_id
        )
        await Skill.bulk_create(
            [
                Skill(grid_id=grid.id, position=position, name=skill_name, descriptors=[d.strip() for d in skill.levels])
                for position, (skill_name, skill) in enumerate(zip(names, skills, strict=True))
            ]
        )
    return grid


async def skills_of(grid_id: int) -> list[Skill]:
    return list(await Skill.filter(grid_id=grid_id).order_by("position"))
