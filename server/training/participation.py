"""Who of a manager's scope has started a module, and one-tap reminders to those who haven't."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from server.accounts.models import User
from server.db import atomic
from server.errors import NotAllowed, ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope
from server.network.services import top_of_scope
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.training.access import followed_module, readable_module
from server.training.errors import ReminderTooSoon
from server.training.models import ModuleProgress, ModuleSection, TrainingReminder
from server.training.services import Participation

REMINDER_EVERY = timedelta(hours=20)
REMINDED_MAX = 500


@dataclass(slots=True)
class PersonProgress:
    user_id: int
    display_name: str
    unit_name: str
    status: Participation
    sections_done: int
    reminded_at: datetime | None = None
    photo_url: str | None = None


@dataclass(slots=True)
class ParticipationReport:
    module_id: int
    section_count: int
    people: list[PersonProgress] = field(default_factory=list)
    module_title: str = ""


async def _unit_in_scope(scope: Scope, unit_id: int | None) -> Unit:
    if unit_id is None:
        return await top_of_scope(scope)
    unit = await Unit.get_or_none(id=unit_id, organization_id=scope.organization_id)
    if unit is None:
        raise ValidationFailed("unit_not_found", "unitId")
    scope.require_manages(unit)
    return unit


async def participation(scope: Scope, module_id: int, unit_id: int | None = None) -> ParticipationReport:
    """Everyone of the audience in the viewer's scope (or a unit of it), with where they are.

    Managers only, on a module they may read (server.training.access)."""
    scope.require_manager()
    module, audience = await readable_module(scope, module_id)
    root = await _unit_in_scope(scope, unit_id)
    people = await User.filter(organization_id=scope.organization_id, unit__path__startswith=root.path).values(
        "id", "display_name", "role", "unit__path", "unit__name", "avatar_url"
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
    report = ParticipationReport(
        module.id, await ModuleSection.filter(module_id=module.id).count(), module_title=module.title
    )
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
                photo_url=person["avatar_url"] or None,
            )
        )
    report.people.sort(key=lambda p: (p.status != Participation.NOT_STARTED, p.display_name))
    return report


async def send_reminders(scope: Scope, module_id: int, user_ids: list[int]) -> list[int]:
    """One tap: a TRAINING_REMINDER to each listed person of the audience who hasn't started.

    Anyone listed outside the viewer's scope (or organisation) refuses the whole request;
    people already started, or reminded in the last 20 hours, are skipped. Returns who was
    reminded. No one is reminded of an archived module."""
    if not 1 <= len(user_ids) <= REMINDED_MAX:
        raise ValidationFailed("training_reminder_people_invalid", "userIds")
    scope.require_manager()
    await followed_module(scope, module_id)
    report = await participation(scope, module_id)
    eligible = {p.user_id: p for p in report.people}
    others = [uid for uid in user_ids if uid not in eligible]
    if others:
        paths = await User.filter(id__in=others, organization_id=scope.organization_id).values_list(
            "unit__path", flat=True
        )
        if len(paths) != len(set(others)) or not all(scope.manages_path(str(p)) for p in paths):
            raise NotAllowed("userIds")
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
    sender = scope.user
    async with atomic() as events:
        for uid in targets:
            await TrainingReminder.create(module_id=report.module_id, user_id=uid, sent_by_id=scope.user_id)
            await notify(
                uid,
                NotificationKind.TRAINING_REMINDER,
                params={"module": report.module_title, "moduleId": report.module_id},
                actor=sender,
                link=f"/apprendre/{report.module_id}",
                events=events,
            )
    return targets

