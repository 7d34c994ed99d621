"""Training modules: my modules, reading one, progress.

Who may read, follow or manage a module is decided in `server.training.access`; writing one
is `server.training.authoring`; who has started and the reminders are in
`server.training.participation`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from tortoise.exceptions import IntegrityError

from server.accounts.models import User
from server.db import Events, atomic
from server.errors import NotAllowed, ValidationFailed
from server.network.scope import Scope
from server.training.access import followed_module, readable_module, readable_modules
from server.training.audience import Audience, load_audience
from server.training.errors import ModuleNotFound
from server.training.models import (
    ModuleProgress,
    ModuleSection,
    Publication,
    Quiz,
    QuizAttempt,
    TrainingModule,
)


class Participation(StrEnum):
    NOT_STARTED = "NOT_STARTED"
    IN_PROGRESS = "IN_PROGRESS"
    COMPLETED = "COMPLETED"


@dataclass(slots=True)
class ModuleRow:
    id: int
    title: str
    summary: str
    duration_minutes: int
    cover_url: str | None
    section_count: int
    sections_done: int
    status: Participation
    due_at: datetime | None
    quiz_id: int | None
    assigned: bool
    publication: Publication = Publication.PUBLISHED


def status_of(progress: ModuleProgress | None) -> Participation:
    if progress is None:
        return Participation.NOT_STARTED
    return Participation.COMPLETED if progress.completed_at else Participation.IN_PROGRESS


async def _section_counts(module_ids: list[int]) -> dict[int, int]:
    counts: dict[int, int] = {m: 0 for m in module_ids}
    for module_id in await ModuleSection.filter(module_id__in=module_ids).values_list("module_id", flat=True):
        counts[int(module_id)] += 1  # type: ignore[call-overload]
    return counts


async def _quiz_of_modules(module_ids: list[int]) -> dict[int, int]:
    rows = await Quiz.filter(module_id__in=module_ids).order_by("id").values("id", "module_id")
    found: dict[int, int] = {}
    for row in rows:
        found.setdefault(int(row["module_id"]), int(row["id"]))
    return found


async def my_modules(scope: Scope) -> list[ModuleRow]:
    """The published modules assigned to the viewer (or open to all), due first, with its progress."""
    audience = await load_audience(scope.organization_id)
    modules = await TrainingModule.filter(
        organization_id=scope.organization_id, publication=Publication.PUBLISHED
    ).order_by("-id")
    mine = [m for m in modules if audience.includes(m.id, scope.unit_path, scope.role)]
    return await rows_of(scope, mine, audience)


async def rows_of(scope: Scope, modules: list[TrainingModule], audience: Audience) -> list[ModuleRow]:
    if not modules:
        return []  # (three statements that could find nothing)
    ids = [m.id for m in modules]
    counts = await _section_counts(ids)
    quizzes = await _quiz_of_modules(ids)
    progress = {p.module_id: p for p in await ModuleProgress.filter(user_id=scope.user_id, module_id__in=ids)}
    rows = [
        ModuleRow(
            id=m.id,
            title=m.title,
            summary=m.summary,
            duration_minutes=m.duration_minutes,
            cover_url=m.cover_url,
            section_count=counts[m.id],
            # a module edited shorter keeps what was read, counted against its new length
            sections_done=min(progress[m.id].sections_done, counts[m.id]) if m.id in progress else 0,
            status=status_of(progress.get(m.id)),
            due_at=audience.due_at(m.id, scope.unit_path, scope.role),
            quiz_id=quizzes.get(m.id),
            assigned=audience.includes(m.id, scope.unit_path, scope.role),
            publication=m.publication,
        )
        for m in modules
    ]
    far = datetime.max.replace(tzinfo=UTC)
    order = {Participation.IN_PROGRESS: 0, Participation.NOT_STARTED: 1, Participation.COMPLETED: 2}
    rows.sort(key=lambda r: (order[r.status], r.due_at or far, -r.id))
    return rows


async def module_row(scope: Scope, module_id: int) -> ModuleRow:
    """One module the viewer may read (see server.training.access), with its progress."""
    module, audience = await readable_module(scope, module_id)
    return (await rows_of(scope, [module], audience))[0]


async def find_module(scope: Scope, module_id: int) -> tuple[ModuleRow, list[ModuleSection]] | None:
    """A module the viewer may read and its sections; None when it may not (or none exists)."""
    try:
        row = await module_row(scope, module_id)
    except ModuleNotFound:
        return None
    return row, await ModuleSection.filter(module_id=row.id).order_by("position")


async def _quiz_passed(user_id: int, module_id: int) -> bool:
    quiz_ids = await Quiz.filter(module_id=module_id).values_list("id", flat=True)
    if not quiz_ids:
        return True
    return await QuizAttempt.filter(user_id=user_id, quiz_id__in=quiz_ids, passed=True).exists()


async def record_progress(scope: Scope, module_id: int, sections_done: int) -> ModuleRow:
    """The viewer read up to `sections_done` sections of a module it may read; never goes backwards.

    The module is completed once every section is read and, when it has a quiz, the quiz
    is passed (see `complete_if_done`, also called when a quiz is passed). Refused once the
    module is archived."""
    module, _ = await followed_module(scope, module_id)
    viewer = _person(scope)
    total = await ModuleSection.filter(module_id=module.id).count()
    if not 0 <= sections_done <= total:
        raise ValidationFailed("training_section_out_of_range", "sectionsDone", max=total)
    async with atomic() as events:
        progress = await ModuleProgress.get_or_none(module_id=module.id, user_id=viewer.id)
        if progress is None:
            try:
                async with atomic():
                    progress = await ModuleProgress.create(
                        module_id=module.id, user_id=viewer.id, organization_id=viewer.organization_id
                    )
            except IntegrityError:
                progress = await ModuleProgress.get(module_id=module.id, user_id=viewer.id)
        progress = await ModuleProgress.filter(id=progress.id).select_for_update().get()
        if sections_done > progress.sections_done:
            progress.sections_done = sections_done
            await progress.save(update_fields=["sections_done"])
        events.emit(
            "training.progress_recorded",
            {"organization_id": viewer.organization_id, "user_id": viewer.id, "module_id": module.id},
        )
        await complete_if_done(viewer, progress, total, events)
    return await module_row(scope, module.id)


def _person(scope: Scope) -> User:
    if scope.user is None:  # an integration token follows no training
        raise NotAllowed()
    return scope.user


async def complete_if_done(viewer: User, progress: ModuleProgress, total: int | None, events: Events) -> bool:
    """Marks the module completed (once) when all is read and its quiz passed; emits the event."""
    if progress.completed_at is not None:
        return False
    if total is None:
        total = await ModuleSection.filter(module_id=progress.module_id).count()
    if progress.sections_done < total or not await _quiz_passed(viewer.id, progress.module_id):
        return False
    progress.completed_at = datetime.now(UTC)
    await progress.save(update_fields=["completed_at"])
    events.emit(
        "training.module_completed",
        {"organization_id": viewer.organization_id, "user_id": viewer.id, "module_id": progress.module_id},
    )
    return True


async def scope_modules(scope: Scope) -> list[ModuleRow]:
    """The modules a manager follows: those it may read (its scope's, see server.training.access),
    drafts aside (no one follows them yet). Someone who builds modules or challenges through a
    function or an agency's grant reads them as a manager of what it acts in: a challenge's
    training criterion names one."""
    for content in ("modules", "challenges"):
        scope = scope.for_content(content)
    scope.require_manager()
    modules, audience = await readable_modules(scope)
    published = [m for m in modules if m.publication != Publication.DRAFT]
    return sorted(await rows_of(scope, published, audience), key=lambda r: -r.id)
