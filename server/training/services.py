"""Training modules: publishing one, my modules, reading one, progress.

Who may read, follow or manage a module is decided in `server.training.access`; who has
started and the reminders are in `server.training.participation`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from tortoise.exceptions import IntegrityError

from server.accounts.models import Role, User
from server.db import Events, atomic
from server.errors import NotAllowed, ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.training.access import readable_module, readable_modules
from server.training.audience import Audience, load_audience
from server.training.errors import ModuleNotFound
from server.training.models import (
    ModuleAssignment,
    ModuleProgress,
    ModuleSection,
    Quiz,
    QuizAttempt,
    TrainingModule,
)

TITLE_MAX = 120
SUMMARY_MAX = 500
BODY_MAX = 20_000
SECTIONS_MAX = 30


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


@dataclass(slots=True)
class SectionInput:
    title: str
    body: str = ""
    image_url: str | None = None
    video_url: str | None = None
    pdf_url: str | None = None


@dataclass(slots=True)
class AssignmentInput:
    unit_id: int
    role: Role | None = None
    due_at: datetime | None = None


def status_of(progress: ModuleProgress | None) -> Participation:
    if progress is None:
        return Participation.NOT_STARTED
    return Participation.COMPLETED if progress.completed_at else Participation.IN_PROGRESS


def _check_url(url: str | None, field_name: str) -> str | None:
    if url is None or not url.strip():
        return None
    url = url.strip()
    if not url.startswith(("https://", "http://", "/")) or len(url) > 300:
        raise ValidationFailed("url_invalid", field_name)
    return url


async def create_module(
    scope: Scope,
    title: str,
    summary: str,
    duration_minutes: int,
    sections: list[SectionInput],
    assignments: list[AssignmentInput],
    open_to_all: bool = False,
    cover_url: str | None = None,
) -> ModuleRow:
    """Head office or a manager publishes a module to units (and roles) it manages."""
    scope.require_manager()
    author = scope.user
    if author is None:
        raise NotAllowed()
    title = title.strip()
    if not 2 <= len(title) <= TITLE_MAX:
        raise ValidationFailed("training_title_invalid", "title", max=TITLE_MAX)
    if len(summary) > SUMMARY_MAX:
        raise ValidationFailed("text_too_long", "summary", max=SUMMARY_MAX)
    if not 1 <= duration_minutes <= 600:
        raise ValidationFailed("training_duration_invalid", "durationMinutes")
    if not 1 <= len(sections) <= SECTIONS_MAX:
        raise ValidationFailed("training_sections_invalid", "sections", max=SECTIONS_MAX)
    for section in sections:
        if not 1 <= len(section.title.strip()) <= TITLE_MAX or len(section.body) > BODY_MAX:
            raise ValidationFailed("training_section_invalid", "sections", max=BODY_MAX)
    if open_to_all and not scope.is_admin:
        raise NotAllowed("openToAll")
    units = {}
    for assignment in assignments:
        unit = await Unit.get_or_none(id=assignment.unit_id, organization_id=scope.organization_id)
        if unit is None:
            raise ValidationFailed("unit_not_found", "assignments")
        scope.require_manages(unit)
        units[assignment.unit_id] = unit
    async with atomic() as events:
        module = await TrainingModule.create(
            organization_id=author.organization_id,
            title=title,
            summary=summary.strip(),
            duration_minutes=duration_minutes,
            cover_url=_check_url(cover_url, "coverUrl"),
            open_to_all=open_to_all,
            created_by=author,
        )
        for position, section in enumerate(sections):
            await ModuleSection.create(
                module=module,
                position=position,
                title=section.title.strip(),
                body=section.body,
                image_url=_check_url(section.image_url, "sections"),
                video_url=_check_url(section.video_url, "sections"),
                pdf_url=_check_url(section.pdf_url, "sections"),
            )
        for assignment in assignments:
            await ModuleAssignment.create(
                module=module, unit=units[assignment.unit_id], role=assignment.role, due_at=assignment.due_at
            )
        await _announce(author, module, events)
    return await module_row(scope, module.id)


async def _announce(author: User, module: TrainingModule, events: Events) -> None:
    """Tells the module's audience (TRAINING_ASSIGNED), in the transaction that creates it."""
    audience = await load_audience(author.organization_id, [module.id])
    people = await User.filter(organization_id=author.organization_id, deactivated_at=None).exclude(id=author.id).values(
        "id", "role", "unit__path"
    )
    for person in people:
        if audience.includes(module.id, str(person["unit__path"]), str(person["role"])):
            await notify(
                int(person["id"]),
                NotificationKind.TRAINING_ASSIGNED,
                params={"module": module.title, "moduleId": module.id},
                actor_name=author.display_name,
                link=f"/apprendre/{module.id}",
                events=events,
            )


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
    """The modules assigned to the viewer (or open to all), due first, with its progress."""
    audience = await load_audience(scope.organization_id)
    modules = await TrainingModule.filter(organization_id=scope.organization_id).order_by("-id")
    mine = [m for m in modules if audience.includes(m.id, scope.unit_path, scope.role)]
    return await _rows(scope, mine, audience)


async def _rows(scope: Scope, modules: list[TrainingModule], audience: Audience) -> list[ModuleRow]:
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
            sections_done=progress[m.id].sections_done if m.id in progress else 0,
            status=status_of(progress.get(m.id)),
            due_at=audience.due_at(m.id, scope.unit_path, scope.role),
            quiz_id=quizzes.get(m.id),
            assigned=audience.includes(m.id, scope.unit_path, scope.role),
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
    return (await _rows(scope, [module], audience))[0]


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
    is passed (see `complete_if_done`, also called when a quiz is passed)."""
    module, _ = await readable_module(scope, module_id)
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
    """The modules a manager follows: those it may read (its scope's, see server.training.access)."""
    scope.require_manager()
    modules, audience = await readable_modules(scope)
    return sorted(await _rows(scope, modules, audience), key=lambda r: -r.id)
