"""Who a module is for: pure logic over assignments, shared by lists, reminders and dashboards.

A draft has no audience yet: it reaches no one until it is published (its assignments are
kept, for its managers). An archived module keeps its audience, so that those who followed
it still read their history; the lists of what to do leave it out (`current`)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from tortoise.expressions import Q

from server.training.models import ModuleAssignment, Publication, TrainingModule


@dataclass(frozen=True, slots=True)
class Target:
    unit_path: str
    role: str | None
    due_at: datetime | None


@dataclass(slots=True)
class Audience:
    """The audience rules of the modules of one organisation."""

    open_to_all: set[int]
    targets: dict[int, list[Target]]
    drafts: set[int] = field(default_factory=set)
    archived: set[int] = field(default_factory=set)

    def current(self, module_id: int) -> bool:
        """Published, neither a draft nor archived: a module on the lists of things to do."""
        return module_id not in self.drafts and module_id not in self.archived

    def includes(self, module_id: int, unit_path: str, role: str) -> bool:
        if module_id in self.drafts:
            return False
        if module_id in self.open_to_all:
            return True
        return any(
            unit_path.startswith(t.unit_path) and (t.role is None or t.role == role)
            for t in self.targets.get(module_id, ())
        )

    def due_at(self, module_id: int, unit_path: str, role: str) -> datetime | None:
        dates = [
            t.due_at
            for t in self.targets.get(module_id, ())
            if t.due_at is not None and unit_path.startswith(t.unit_path) and (t.role is None or t.role == role)
        ]
        return min(dates) if dates else None

    def modules_for(self, module_ids: Iterable[int], unit_path: str, role: str) -> list[int]:
        return [m for m in module_ids if self.includes(m, unit_path, role)]

    def reaches(self, module_id: int, subtree_path: str) -> bool:
        """Whether someone of the subtree at `subtree_path` may be in the audience: the module
        is open to all, or one of its units is inside that subtree or holds it."""
        if module_id in self.drafts:
            return False
        if module_id in self.open_to_all:
            return True
        return any(
            t.unit_path.startswith(subtree_path) or subtree_path.startswith(t.unit_path)
            for t in self.targets.get(module_id, ())
        )

    def unit_paths(self, module_id: int) -> list[str]:
        """The units the module is assigned to (none when only open to all)."""
        return [t.unit_path for t in self.targets.get(module_id, ())]


async def load_audience(organization_id: int, module_ids: list[int] | None = None) -> Audience:
    """Two queries whatever the number of modules."""
    modules = TrainingModule.filter(organization_id=organization_id)
    if module_ids is not None:
        modules = modules.filter(id__in=module_ids)
    open_ids: set[int] = set()
    by_publication: dict[str, set[int]] = defaultdict(set)
    for row in await modules.filter(
        Q(open_to_all=True) | Q(publication__in=[Publication.DRAFT, Publication.ARCHIVED])
    ).values("id", "open_to_all", "publication"):
        if row["open_to_all"]:
            open_ids.add(int(row["id"]))
        by_publication[str(row["publication"])].add(int(row["id"]))
    rows = ModuleAssignment.filter(module__organization_id=organization_id)
    if module_ids is not None:
        rows = rows.filter(module_id__in=module_ids)
    targets: dict[int, list[Target]] = defaultdict(list)
    for row in await rows.values("module_id", "unit__path", "role", "due_at"):
        role = str(row["role"]) if row["role"] is not None else None
        targets[int(row["module_id"])].append(Target(str(row["unit__path"]), role, row["due_at"]))
    return Audience(
        open_ids, dict(targets), by_publication[Publication.DRAFT.value], by_publication[Publication.ARCHIVED.value]
    )
