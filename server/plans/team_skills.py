"""Collective skills: a team's radar from its people's latest assessments, its weakest skills,
and the training to push for them; by team below it (points of sale, distributors, regions).

The training to push for a skill is a published module of the organisation whose title or
summary shares a meaningful word with the skill (the rule the personal recommendations use,
server.training.recommendations). A fixed number of queries whatever the team's size."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from server.dashboards.services import dashboard_unit
from server.network.models import Unit
from server.network.scope import Scope
from server.plans.readings import Bucket, Placement, SkillMean, read_skills
from server.plans.sql import Subtree
from server.training.models import Publication, TrainingModule

_WORD = re.compile(r"[\wÀ-ÿ]{5,}")
PUSHED = 2  # modules suggested per weak skill


def words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


@dataclass(frozen=True, slots=True)
class ModuleToPush:
    module_id: int
    title: str


@dataclass(slots=True)
class WeakSkill:
    skill: SkillMean
    modules: list[ModuleToPush]


@dataclass(slots=True)
class TeamRow:
    unit_id: int
    unit_name: str
    unit_kind: str
    assessed: int
    radar: list[SkillMean]
    weakest: list[WeakSkill] = field(default_factory=list)


class ModuleIndex:
    """The organisation's published modules, by the words of their title and summary."""

    def __init__(self, rows: list[dict[str, object]]) -> None:
        self.rows = [(int(str(r["id"])), str(r["title"]), words(f"{r['title']} {r['summary']}")) for r in rows]

    def for_skill(self, name: str) -> list[ModuleToPush]:
        wanted = words(name)
        return [ModuleToPush(i, title) for i, title, found in self.rows if wanted & found][:PUSHED]


async def module_index(organization_id: int) -> ModuleIndex:
    return ModuleIndex(
        await TrainingModule.filter(organization_id=organization_id, publication=Publication.PUBLISHED)
        .order_by("title").values("id", "title", "summary")
    )


def weakest(bucket: Bucket, index: ModuleIndex, count: int = 3) -> list[WeakSkill]:
    return [WeakSkill(s, index.for_skill(s.name)) for s in bucket.weakest_skills(count)]


async def team_skills(scope: Scope, unit_id: int | None) -> list[TeamRow]:
    """The unit asked for (default: the top of the viewer's scope) first, then each unit right
    under it. Managers of the unit (and what a partner agency may read)."""
    unit = await dashboard_unit(scope, unit_id)
    children = await Unit.filter(parent_id=unit.id, closed_at=None).order_by("name").values("id", "name", "kind", "path")
    shown = [{"id": unit.id, "name": unit.name, "kind": str(unit.kind)}, *children]
    placement = Placement(unit.id, {int(str(c["id"])) for c in children})
    subtree = Subtree(
        unit.organization_id,
        {
            int(str(u["id"])): str(u["path"])
            for u in await Unit.filter(organization_id=unit.organization_id, path__startswith=unit.path).values("id", "path")
        },
        whole=unit.parent_id is None,
    )
    buckets: dict[int, Bucket] = {}
    for u in shown:
        buckets[int(str(u["id"]))] = Bucket()
    await read_skills(subtree, placement, buckets)
    index = await module_index(unit.organization_id)
    return [
        TeamRow(
            int(str(u["id"])), str(u["name"]), str(u["kind"]), buckets[int(str(u["id"]))].assessed,
            sorted(buckets[int(str(u["id"]))].skills.values(), key=lambda s: s.name),
            weakest(buckets[int(str(u["id"]))], index),
        )
        for u in shown
    ]
