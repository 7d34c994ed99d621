"""What an author writes in a module, and the rules it must keep before anything is stored.

`checked_content` validates a whole module (text lengths, sections, video hosts, images,
audience) and resolves its units and images through the author's `Scope`, so that a
refused module changes nothing: the caller writes only what came back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from server.accounts.models import Role
from server.errors import NotAllowed, ValidationFailed
from server.media.models import Media
from server.media.storage import media_url
from server.network.models import Unit
from server.network.scope import Scope
from server.training.models import ModuleSection
from server.training.video import checked_video_url

TITLE_MAX = 120
SUMMARY_MAX = 500
BODY_MAX = 20_000
SECTIONS_MAX = 30
ASSIGNMENTS_MAX = 50
DURATION_MAX = 600


@dataclass(slots=True)
class SectionInput:
    title: str
    body: str = ""
    image_url: str | None = None
    video_url: str | None = None
    pdf_url: str | None = None
    image_id: int | None = None  # an image uploaded to the media service (POST /media)


@dataclass(slots=True)
class AssignmentInput:
    unit_id: int
    role: Role | None = None
    due_at: datetime | None = None


@dataclass(slots=True)
class ModuleContent:
    title: str
    summary: str
    duration_minutes: int
    sections: list[SectionInput]
    assignments: list[AssignmentInput] = field(default_factory=list)
    open_to_all: bool = False
    cover_url: str | None = None


@dataclass(slots=True)
class CheckedSection:
    title: str
    body: str
    image_url: str | None
    image_media_id: int | None
    video_url: str | None
    pdf_url: str | None


@dataclass(slots=True)
class CheckedAssignment:
    unit: Unit
    role: Role | None
    due_at: datetime | None


@dataclass(slots=True)
class CheckedContent:
    title: str
    summary: str
    duration_minutes: int
    cover_url: str | None
    open_to_all: bool
    sections: list[CheckedSection]
    assignments: list[CheckedAssignment]


def check_url(url: str | None, field_name: str) -> str | None:
    if url is None or not url.strip():
        return None
    url = url.strip()
    if not url.startswith(("https://", "http://", "/")) or url.startswith("//") or len(url) > 300:
        raise ValidationFailed("url_invalid", field_name)
    return url


async def checked_content(scope: Scope, content: ModuleContent, module_id: int | None = None) -> CheckedContent:
    """The module as it will be stored, or the first rule it breaks; nothing is written here.

    `module_id` is the module being edited: the images it already shows may stay."""
    title = content.title.strip()
    if not 2 <= len(title) <= TITLE_MAX:
        raise ValidationFailed("training_title_invalid", "title", max=TITLE_MAX)
    if len(content.summary) > SUMMARY_MAX:
        raise ValidationFailed("text_too_long", "summary", max=SUMMARY_MAX)
    if not 1 <= content.duration_minutes <= DURATION_MAX:
        raise ValidationFailed("training_duration_invalid", "durationMinutes")
    if not 1 <= len(content.sections) <= SECTIONS_MAX:
        raise ValidationFailed("training_sections_invalid", "sections", max=SECTIONS_MAX)
    if len(content.assignments) > ASSIGNMENTS_MAX:
        raise ValidationFailed("training_assignments_invalid", "assignments", max=ASSIGNMENTS_MAX)
    if content.open_to_all and not scope.is_admin:
        raise NotAllowed("openToAll")
    sections = []
    images = await _images(scope, [s.image_id for s in content.sections if s.image_id is not None], module_id)
    for section in content.sections:
        section_title = section.title.strip()
        if not 1 <= len(section_title) <= TITLE_MAX or len(section.body) > BODY_MAX:
            raise ValidationFailed("training_section_invalid", "sections", max=BODY_MAX)
        image_url = check_url(section.image_url, "sections")
        if section.image_id is not None:
            image_url = images[section.image_id]
        sections.append(
            CheckedSection(
                title=section_title,
                body=section.body,
                image_url=image_url,
                image_media_id=section.image_id,
                video_url=checked_video_url(section.video_url),
                pdf_url=check_url(section.pdf_url, "sections"),
            )
        )
    return CheckedContent(
        title=title,
        summary=content.summary.strip(),
        duration_minutes=content.duration_minutes,
        cover_url=check_url(content.cover_url, "coverUrl"),
        open_to_all=content.open_to_all,
        sections=sections,
        assignments=await _assignments(scope, content.assignments),
    )


async def _assignments(scope: Scope, assignments: list[AssignmentInput]) -> list[CheckedAssignment]:
    """Each unit of the audience must be one the author manages (never above its subtree)."""
    wanted = {a.unit_id for a in assignments}
    units = {u.id: u for u in await Unit.filter(id__in=wanted, organization_id=scope.organization_id)}
    checked = []
    seen: set[tuple[int, str | None]] = set()
    for assignment in assignments:
        unit = units.get(assignment.unit_id)
        if unit is None:
            raise ValidationFailed("unit_not_found", "assignments")
        scope.require_manages(unit, NotAllowed("assignments"))
        key = (unit.id, assignment.role.value if assignment.role else None)
        if key in seen:
            raise ValidationFailed("training_assignments_invalid", "assignments", max=ASSIGNMENTS_MAX)
        seen.add(key)
        checked.append(CheckedAssignment(unit, assignment.role, assignment.due_at))
    return checked


async def _images(scope: Scope, image_ids: list[int], module_id: int | None) -> dict[int, str]:
    """Image id → its address: images the author uploaded (not a post's photos: a deleted post
    takes them along), or that the module already shows."""
    if not image_ids:
        return {}
    kept: set[int] = set()
    if module_id is not None:
        kept = {
            int(i)  # type: ignore[call-overload]
            for i in await ModuleSection.filter(module_id=module_id, image_media_id__in=image_ids).values_list(
                "image_media_id", flat=True
            )
        }
    found = {}
    for row in await Media.filter(
        id__in=image_ids, organization_id=scope.organization_id, post_images__id=None
    ).values(
        "id", "key", "owner_id"
    ):
        if int(row["id"]) in kept or int(row["owner_id"]) == scope.user_id:
            found[int(row["id"])] = media_url(str(row["key"]), "full")
    if set(image_ids) - set(found):
        raise ValidationFailed("training_image_invalid", "sections")
    return found
