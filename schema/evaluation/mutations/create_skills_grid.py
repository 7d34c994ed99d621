"""createSkillsGrid: head office writes the skills of a job, their levels and the label it grants."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.accounts.types import Role
from schema.context import Info
from schema.errors import NotAllowedError, ValidationError
from schema.evaluation.types import SkillsGrid, as_grid
from schema.ids import parse_id
from schema.permissions import scope_of
from server.evaluation import grids


@strawberry.input(description="A skill and what each of its four levels looks like.")
class SkillInput:
    name: str
    levels: list[str] = strawberry.field(description="Exactly four descriptions, for levels 1 to 4.")


@strawberry.input
class CreateSkillsGridInput:
    name: str = strawberry.field(description="The job, e.g. « Vendeur » (2 to 80 characters).")
    role: Role = strawberry.field(description="Whose job it is.")
    skills: list[SkillInput] = strawberry.field(description="1 to 20, each named once.")
    label_badge_id: strawberry.ID | None = strawberry.field(
        default=None, description="A label (badge of kind LABEL) a passed assessment against the grid grants."
    )


@strawberry.type
class CreateSkillsGridSuccess:
    grid: SkillsGrid


CreateSkillsGridResult = Annotated[
    CreateSkillsGridSuccess | ValidationError | NotAllowedError, strawberry.union("CreateSkillsGridResult")
]


async def create_skills_grid(info: Info, input: CreateSkillsGridInput) -> CreateSkillsGridResult:
    grid = await grids.create_grid(
        scope_of(info),
        input.name,
        input.role,
        [grids.SkillInput(s.name, list(s.levels)) for s in input.skills],
        label_badge_id=parse_id(input.label_badge_id) if input.label_badge_id is not None else None,
    )
    return CreateSkillsGridSuccess(grid=as_grid(grid, await grids.skills_of(grid.id)))
