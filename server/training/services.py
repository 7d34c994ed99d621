"""Training modules: catalogue, my modules, progress, who hasn't started, reminders."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from tortoise.exceptions import IntegrityError

from server.accounts.models import Role, User
from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.network.models import Unit
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.training.audience import Audience, load_audience
from server.training.errors import ModuleNotFound, ReminderTooSoon
from server.training.models import (
    ModuleAssignment,
    ModuleProgress,
    ModuleSection,
    Quiz,
    QuizAttempt,
    TrainingModule,
    TrainingReminder,
)
from server.training.scope import managed_root, require_manager_of, unit_of

TITLE_MAX = 120
SUMMARY_MAX = 500
BODY_MAX = 20_000
SECTIONS_MAX = 30
REMINDER_EVERY = timedelta(hours=20)


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


@dataclass(slots=True)
class PersonProgress:
    user_id: int
    display_name: str
    unit_name: str
    status: Participation
    sections_done: int
    reminded_at: datetime | None = None


@dataclass(slots=True)
class ParticipationReport:
    module_id: int
    section_count: int
    people: list[PersonProgress] = field(default_factory=list)


def status_of(progress: ModuleProgress | None) -> Participation:
    if progress is None:
        return Participation.NOT_STARTED
    return Participation.COMPLETED if progress.completed_at else Participation.IN_PROGRESS


async def visible_module(viewer: User, module_id: int) -> TrainingModule:
    module = await TrainingModule.get_or_none(id=module_id, organization_id=viewer.organization_id)
    if module is None:
        raise ModuleNotFound("moduleId")
    return module


def _check_url(url: str | None, field_name: str) -> str | None:
    if url is None or not url.strip():
        return None
    url = url.strip()
    if not url.startswith(("https://", "http://", "/")) or len(url) > 300:
        raise ValidationFailed("url_invalid", field_name)
    return url


async def create_module(
    author: User,
    title: str,
    summary: str,
    duration_minutes: int,
    sections: list[SectionInput],
    assignments: list[AssignmentInput],
    open_to_all: bool = False,
    cover_url: str | None = None,
) -> TrainingModule:
    """Head office or a manager publishes a module to units (and roles) of its scope."""
    if author.role == Role.MEMBER:
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
    if open_to_all and author.role != Role.ADMIN:
        raise NotAllowed("openToAll")
    units = {}
    for assignment in assignments:
        unit = await Unit.get_or_none(id=assignment.unit_id, organization_id=author.organization_id)
        if unit is None:
            raise ValidationFailed("unit_not_found", "assignments")
        await require_manager_of(author, unit)
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
    return module


async def _announce(author: User, module: TrainingModule, events: object) -> None:
    """Tells the module's audience (TRAINING_ASSIGNED), in the transaction that creates it."""
    audience = await load_audience(author.organization_id, [module.id])
    people = await User.filter(organization_id=author.organization_id).exclude(id=author.id).values(
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
                events=events,  # type: ignore[arg-type]
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


async def my_modules(viewer: User) -> list[ModuleRow]:
    """The modules assigned to the viewer (or open to all), due first, with its progress."""
    unit = await unit_of(viewer)
    audience = await load_audience(viewer.organization_id)
    modules = await TrainingModule.filter(organization_id=viewer.organization_id).order_by("-id")
    mine = [m for m in modules if audience.includes(m.id, unit.path, str(viewer.role))]
    return await _rows(viewer, mine, audience, unit)


async def _rows(viewer: User, modules: list[TrainingModule], audience: Audience, unit: Unit) -> list[ModuleRow]:
    ids = [m.id for m in modules]
    counts = await _section_counts(ids)
    quizzes = await _quiz_of_modules(ids)
    progress = {p.module_id: p for p in await ModuleProgress.filter(user_id=viewer.id, module_id__in=ids)}
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
            due_at=audience.due_at(m.id, unit.path, str(viewer.role)),
            quiz_id=quizzes.get(m.id),
            assigned=audience.includes(m.id, unit.path, str(viewer.role)),
        )
        for m in modules
    ]
    far = datetime.max.replace(tzinfo=UTC)
    order = {Participation.IN_PROGRESS: 0, Participation.NOT_STARTED: 1, Participation.COMPLETED: 2}
    rows.sort(key=lambda r: (order[r.status], r.due_at or far, -r.id))
    return rows


async def module_row(viewer: User, module_id: int) -> ModuleRow:
    module = await visible_module(viewer, module_id)
    unit = await unit_of(viewer)
    return (await _rows(viewer, [module], await load_audience(viewer.organization_id, [module.id]), unit))[0]


async def module_sections(module_id: int) -> list[ModuleSection]:
    return await ModuleSection.filter(module_id=module_id).order_by("position")


async def _quiz_passed(user_id: int, module_id: int) -> bool:
    quiz_ids = await Quiz.filter(module_id=module_id).values_list("id", flat=True)
    if not quiz_ids:
        return True
    return await QuizAttempt.filter(user_id=user_id, quiz_id__in=quiz_ids, passed=True).exists()


async def record_progress(viewer: User, module_id: int, sections_done: int) -> ModuleRow:
    """The viewer read up to `sections_done` sections; never goes backwards.

    The module is completed once every section is read and, when it has a quiz, the quiz
    is passed (see `complete_if_done`, also called when a quiz is passed)."""
    module = await visible_module(viewer, module_id)
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
    return await module_row(viewer, module.id)


async def complete_if_done(viewer: User, progress: ModuleProgress, total: int | None, events: object) -> bool:
    """Marks the module completed (once) when all is read and its quiz passed; emits the event."""
    if progress.completed_at is not None:
        return False
    if total is None:
        total = await ModuleSection.filter(module_id=progress.module_id).count()
    if progress.sections_done < total or not await _quiz_passed(viewer.id, progress.module_id):
        return False
    progress.completed_at = datetime.now(UTC)
    await progress.save(update_fields=["completed_at"])
    events.emit(  # type: ignore[attr-defined]
        "training.module_completed",
        {"organization_id": viewer.organization_id, "user_id": viewer.id, "module_id": progress.module_id},
    )
    return True


async def scope_modules(viewer: User) -> list[ModuleRow]:
    """Modules a manager follows: all of the organisation (head office and managers alike)."""
    if viewer.role == Role.MEMBER:
        raise NotAllowed()
    modules = await TrainingModule.filter(organization_id=viewer.organization_id).order_by("-id")
    rows = await _rows(viewer, modules, await load_audience(viewer.organization_id), await unit_of(viewer))
    return sorted(rows, key=lambda r: -r.id)


async def participation(viewer: User, module_id: int, unit_id: int | None = None) -> ParticipationReport:
    """Everyone of the audience in the viewer's scope (or a unit of it), with where they are."""
    module = await visible_module(viewer, module_id)
    root = await managed_root(viewer)
    if root is None:
        raise NotAllowed()
    if unit_id is not None:
        unit = await Unit.get_or_none(id=unit_id, organization_id=viewer.organization_id)
        if unit is None:
            raise ValidationFailed("unit_not_found", "unitId")
        await require_manager_of(viewer, unit)
        root = unit
    audience = await load_audience(viewer.organization_id, [module.id])
    people = await User.filter(organization_id=viewer.organization_id, unit__path__startswith=root.path).values(
        "id", "display_name", "role", "unit__path", "unit__name"
    )
    progress = {
        p["user_id"]: p
        for p in await ModuleProgress.filter(module_id=module.id, user__unit__path__startswith=root.path).values(
            "user_id", "sections_done", "completed_at"
        )
    }
    reminded: dict[int, datetime] = {}
    for row in await TrainingReminder.filter(module_id=module.id, user__unit__path__startswith=root.path).values(
        "user_id", "sent_at"
    ):
        if row["user_id"] not in reminded or row["sent_at"] > reminded[row["user_id"]]:
            reminded[row["user_id"]] = row["sent_at"]
    report = ParticipationReport(module.id, await ModuleSection.filter(module_id=module.id).count())
    for person in people:
        if not audience.includes(module.id, str(person["unit__path"]), str(person["role"])):
            continue
        found = progress.get(person["id"])
        status = (
            Participation.NOT_STARTED
            if found is None
            else Participation.COMPLETED
            if found["completed_at"]
            else Participation.IN_PROGRESS
        )
        report.people.append(
            PersonProgress(
                user_id=int(person["id"]),
                display_name=str(person["display_name"]),
                unit_name=str(person["unit__name"]),
                status=status,
                sections_done=int(found["sections_done"]) if found else 0,
                reminded_at=reminded.get(person["id"]),
            )
        )
    report.people.sort(key=lambda p: (p.status != Participation.NOT_STARTED, p.display_name))
    return report


async def send_reminders(viewer: User, module_id: int, user_ids: list[int]) -> list[int]:
    """One tap: a TRAINING_REMINDER to each listed person of the audience who hasn't started.

    People out of the viewer's scope refuse the whole request; people already started,
    or reminded in the last 20 hours, are skipped. Returns who was reminded."""
    module = await visible_module(viewer, module_id)
    if not 1 <= len(user_ids) <= 500:
        raise ValidationFailed("training_reminder_people_invalid", "userIds")
    report = await participation(viewer, module.id)
    eligible = {p.user_id: p for p in report.people}
    if any(uid not in eligible for uid in user_ids):
        people = await User.filter(id__in=user_ids, organization_id=viewer.organization_id).prefetch_related("unit")
        for person in people:
            await require_manager_of(viewer, person.unit)
    now = datetime.now(UTC)
    def due(person: PersonProgress) -> bool:
        return person.reminded_at is None or now - person.reminded_at >= REMINDER_EVERY

    targets = [
        uid
        for uid in dict.fromkeys(user_ids)
        if uid in eligible and eligible[uid].status == Participation.NOT_STARTED and due(eligible[uid])
    ]
    if not targets and len(user_ids) == 1 and user_ids[0] in eligible and not due(eligible[user_ids[0]]):
        raise ReminderTooSoon("userIds")
    async with atomic() as events:
        for uid in targets:
            await TrainingReminder.create(module_id=module.id, user_id=uid, sent_by_id=viewer.id)
            await notify(
                uid,
                NotificationKind.TRAINING_REMINDER,
                params={"module": module.title, "moduleId": module.id},
                actor_name=viewer.display_name,
                link=f"/apprendre/{module.id}",
                events=events,
            )
    return targets
