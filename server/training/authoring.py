"""Writing training modules: create (a draft), edit, publish, archive, and the source an
author edits.

Who may do it is `server.training.access.may_manage` through the author's `Scope`: managers
for units of their subtree, head office for everyone; every unit of the audience must be one
the author manages. A draft reaches no one; publishing tells its audience
(TRAINING_ASSIGNED), and editing a published module tells those it newly reaches. Archiving
takes it off the sellers' lists and keeps every progress and attempt (server.training.audience).
Each change is validated whole first (server.training.content): a refused one changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from server.accounts.models import Role, User
from server.db import Events, atomic
from server.errors import NotAllowed, ValidationFailed
from server.network.models import Unit
from server.network.scope import Scope
from server.notifications.models import NotificationKind
from server.notifications.services import notify
from server.training.access import managed_module, managed_modules
from server.training.audience import Audience, load_audience
from server.training.content import CheckedContent, ModuleContent, checked_content
from server.training.errors import ModuleNotFound, PublicationInvalid
from server.training.models import (
    ModuleAssignment,
    ModuleSection,
    Publication,
    Quiz,
    TrainingModule,
)
from server.training.services import ModuleRow, module_row, rows_of


@dataclass(slots=True)
class SectionSource:
    title: str
    body: str
    image_id: int | None
    image_url: str | None
    video_url: str | None
    pdf_url: str | None


@dataclass(slots=True)
class AssignmentSource:
    unit_id: int
    unit_name: str
    role: Role | None
    due_at: datetime | None


@dataclass(slots=True)
class ModuleSource:
    """A module as its author wrote it (markdown, not rendered), for editing."""

    id: int
    publication: Publication
    title: str
    summary: str
    duration_minutes: int
    cover_url: str | None
    open_to_all: bool
    sections: list[SectionSource]
    assignments: list[AssignmentSource]
    quiz_id: int | None
    created_by_name: str | None
    updated_at: datetime | None
    published_at: datetime | None
    archived_at: datetime | None


def _author(scope: Scope) -> User:
    scope.require_manager()
    if scope.user is None:  # an integration token writes no training
        raise NotAllowed()
    return scope.user


async def create_module(scope: Scope, content: ModuleContent, publish: bool = False) -> ModuleRow:
    """A new module, as a draft (or published at once when `publish`)."""
    scope = scope.for_content("modules")
    author = _author(scope)
    checked = await checked_content(scope, content)
    if publish:
        _require_audience(checked)
    now = datetime.now(UTC)
    async with atomic() as events:
        module = await TrainingModule.create(
            organization_id=scope.organization_id,  # an agency's person writes for the brand it works on
            title=checked.title,
            summary=checked.summary,
            duration_minutes=checked.duration_minutes,
            cover_url=checked.cover_url,
            open_to_all=checked.open_to_all,
            created_by=author,
            publication=Publication.PUBLISHED if publish else Publication.DRAFT,
            updated_at=now,
            published_at=now if publish else None,
        )
        await _write_content(module, checked)
        if publish:
            await _announce(author, module, events)
            events.emit("training.module_published", {"organization_id": module.organization_id, "module_id": module.id})
    return await module_row(scope, module.id)


async def update_module(scope: Scope, module_id: int, content: ModuleContent) -> ModuleRow:
    """Replaces the module's text, sections and audience (a manager of it, of the new audience too).

    Progress stays: a person who had read every section of a longer version keeps what they
    completed; `sections_done` is read against the new count."""
    scope = scope.for_content("modules")
    author = _author(scope)
    module = await managed_module(scope, module_id)
    checked = await checked_content(scope, content, module.id)
    if module.publication == Publication.PUBLISHED:
        _require_audience(checked)
    async with atomic() as events:
        module = await TrainingModule.filter(id=module.id).select_for_update().get()
        before = await load_audience(module.organization_id, [module.id])
        module.title = checked.title
        module.summary = checked.summary
        module.duration_minutes = checked.duration_minutes
        module.cover_url = checked.cover_url
        module.open_to_all = checked.open_to_all
        module.updated_at = datetime.now(UTC)
        await module.save(
            update_fields=["title", "summary", "duration_minutes", "cover_url", "open_to_all", "updated_at"]
        )
        await ModuleSection.filter(module_id=module.id).delete()
        await ModuleAssignment.filter(module_id=module.id).delete()
        await _write_content(module, checked)
        if module.publication == Publication.PUBLISHED:
            await _announce(author, module, events, already=before)
    return await module_row(scope, module.id)


async def publish_module(scope: Scope, module_id: int) -> ModuleRow:
    """A draft (or an archived module, back on the lists) reaches its audience, which is told."""
    scope = scope.for_content("modules")
    author = _author(scope)
    module = await managed_module(scope, module_id)
    async with atomic() as events:
        module = await TrainingModule.filter(id=module.id).select_for_update().get()
        if module.publication == Publication.PUBLISHED:
            raise PublicationInvalid("moduleId")
        audience = await load_audience(module.organization_id, [module.id])
        if not module.open_to_all and not audience.unit_paths(module.id):
            raise ValidationFailed("training_audience_missing", "assignments")
        was_archived = module.publication == Publication.ARCHIVED
        module.publication = Publication.PUBLISHED
        module.published_at = datetime.now(UTC)
        module.archived_at = None
        await module.save(update_fields=["publication", "published_at", "archived_at"])
        if not was_archived:
            await _announce(author, module, events)
            events.emit("training.module_published", {"organization_id": module.organization_id, "module_id": module.id})
    return await module_row(scope, module.id)


async def archive_module(scope: Scope, module_id: int) -> ModuleRow:
    """Off the sellers' lists; progress, attempts and completions stay."""
    scope = scope.for_content("modules")
    _author(scope)
    module = await managed_module(scope, module_id)
    async with atomic():
        module = await TrainingModule.filter(id=module.id).select_for_update().get()
        if module.publication == Publication.ARCHIVED:
            raise PublicationInvalid("moduleId")
        module.publication = Publication.ARCHIVED
        module.archived_at = datetime.now(UTC)
        await module.save(update_fields=["publication", "archived_at"])
    return await module_row(scope, module.id)


def _require_audience(checked: CheckedContent) -> None:
    if not checked.open_to_all and not checked.assignments:
        raise ValidationFailed("training_audience_missing", "assignments")


async def _write_content(module: TrainingModule, checked: CheckedContent) -> None:
    await ModuleSection.bulk_create(
        [
            ModuleSection(
                module_id=module.id,
                position=position,
                title=section.title,
                body=section.body,
                image_url=section.image_url,
                image_media_id=section.image_media_id,
                video_url=section.video_url,
                pdf_url=section.pdf_url,
            )
            for position, section in enumerate(checked.sections)
        ]
    )
    if checked.assignments:
        await ModuleAssignment.bulk_create(
            [
                ModuleAssignment(module_id=module.id, unit_id=a.unit.id, role=a.role, due_at=a.due_at)
                for a in checked.assignments
            ]
        )


async def _announce(author: User, module: TrainingModule, events: Events, already: Audience | None = None) -> None:
    """Tells the module's audience (TRAINING_ASSIGNED), but those `already` held, in the
    transaction that publishes it."""
    audience = await load_audience(module.organization_id, [module.id])
    people = await User.filter(organization_id=module.organization_id, deactivated_at=None).exclude(
        id=author.id
    ).values("id", "role", "unit__path")
    for person in people:
        path, role = str(person["unit__path"]), str(person["role"])
        if not audience.includes(module.id, path, role):
            continue
        if already is not None and already.includes(module.id, path, role):
            continue
        await notify(
            int(person["id"]),
            NotificationKind.TRAINING_ASSIGNED,
            params={"module": module.title, "moduleId": module.id},
            actor=author,
            link=f"/apprendre/{module.id}",
            events=events,
        )


AUDIENCE_UNITS_MAX = 500


async def audience_units(scope: Scope) -> list[Unit]:
    """The units an author may give a module to: those it manages, top first (none for a member)."""
    scope = scope.for_content("modules")
    if not scope.is_manager or scope.user is None:
        return []
    return list(await Unit.filter(scope.subtree_filter(""), closed_at=None).order_by("path").limit(AUDIENCE_UNITS_MAX))


async def managed_module_rows(scope: Scope) -> list[ModuleRow]:
    """The modules the viewer manages, whatever their publication, newest first."""
    scope = scope.for_content("modules")
    modules, audience = await managed_modules(scope)
    return sorted(await rows_of(scope, modules, audience), key=lambda r: -r.id)


async def module_source(scope: Scope, module_id: int) -> ModuleSource:
    """What the author edits; for those who manage the module only."""
    scope = scope.for_content("modules")
    module = await managed_module(scope, module_id)
    sections = await ModuleSection.filter(module_id=module.id).order_by("position")
    assignments = await ModuleAssignment.filter(module_id=module.id).order_by("id").values(
        "unit_id", "unit__name", "role", "due_at"
    )
    quiz_ids = await Quiz.filter(module_id=module.id).order_by("id").values_list("id", flat=True)
    author = await User.filter(id=module.created_by_id).values_list("display_name", flat=True) if module.created_by_id else []
    return ModuleSource(
        id=module.id,
        publication=module.publication,
        title=module.title,
        summary=module.summary,
        duration_minutes=module.duration_minutes,
        cover_url=module.cover_url,
        open_to_all=module.open_to_all,
        sections=[
            SectionSource(s.title, s.body, s.image_media_id, s.image_url, s.video_url, s.pdf_url) for s in sections
        ],
        assignments=[
            AssignmentSource(
                int(a["unit_id"]), str(a["unit__name"]), Role(a["role"]) if a["role"] else None, a["due_at"]
            )
            for a in assignments
        ],
        quiz_id=int(quiz_ids[0]) if quiz_ids else None,  # type: ignore[call-overload]
        created_by_name=str(author[0]) if author else None,
        updated_at=module.updated_at,
        published_at=module.published_at,
        archived_at=module.archived_at,
    )


async def find_module_source(scope: Scope, module_id: int) -> ModuleSource | None:
    """`module_source`, or None when the viewer does not manage it (or it does not exist)."""
    try:
        return await module_source(scope, module_id)
    except (ModuleNotFound, NotAllowed):
        return None
