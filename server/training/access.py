"""Who may read, follow and manage a training module, decided with the viewer's `Scope`.

- A manager **manages** (edits, publishes, archives, attaches a quiz to) a module whose every
  assigned unit lies in its subtree (a module with no unit yet: one it wrote); an admin
  manages every module of its organisation; a module open to all is head office's.
- A **draft** is read by those who manage it, and no one else: it has no audience yet.
- A person **reads and follows** (records progress, takes its quiz) a published module whose
  audience holds them: open to all, or assigned to a unit they belong to (and to their role,
  if one is set). Anyone else gets not-found, as if the module did not exist.
- A manager also reads the modules that reach into its subtree (assigned to a unit inside it
  or above it, or open to all) and those it published, to follow participation; an admin
  reads every module of its organisation.
- An **archived** module is read as before (history) but followed no more
  (`ModuleArchived`), and leaves the lists of things to do (server.training.audience).
"""

from __future__ import annotations

from server.errors import NotAllowed
from server.network.scope import Scope
from server.training.audience import Audience, load_audience
from server.training.errors import ModuleArchived, ModuleNotFound
from server.training.models import ModuleSection, Publication, TrainingModule


def in_audience(scope: Scope, module: TrainingModule, audience: Audience) -> bool:
    return audience.includes(module.id, scope.unit_path, scope.role)


def may_read(scope: Scope, module: TrainingModule, audience: Audience) -> bool:
    if module.organization_id != scope.organization_id:
        return False
    if module.publication == Publication.DRAFT:
        return may_manage(scope, module, audience)
    if in_audience(scope, module, audience):
        return True
    if not scope.is_manager:
        return False
    return (
        scope.is_admin
        or (scope.user_id is not None and module.created_by_id == scope.user_id)
        or audience.reaches(module.id, scope.act_path)
    )


def may_manage(scope: Scope, module: TrainingModule, audience: Audience) -> bool:
    if module.organization_id != scope.organization_id or not scope.is_manager:
        return False
    if scope.is_admin:
        return True
    if module.open_to_all:
        return False
    paths = audience.unit_paths(module.id)
    if not paths:
        return scope.user_id is not None and module.created_by_id == scope.user_id
    return all(scope.manages_path(path) for path in paths)


async def readable_module(scope: Scope, module_id: int) -> tuple[TrainingModule, Audience]:
    """The module and its audience, or not-found when the viewer may not read it."""
    module = await TrainingModule.get_or_none(id=module_id, organization_id=scope.organization_id)
    if module is None:
        raise ModuleNotFound("moduleId")
    audience = await load_audience(scope.organization_id, [module.id])
    if not may_read(scope, module, audience):
        raise ModuleNotFound("moduleId")
    return module, audience


async def followed_module(scope: Scope, module_id: int) -> tuple[TrainingModule, Audience]:
    """A module the viewer may read and follow now: refused once archived."""
    module, audience = await readable_module(scope, module_id)
    if module.publication == Publication.ARCHIVED:
        raise ModuleArchived("moduleId")
    return module, audience


async def managed_module(scope: Scope, module_id: int) -> TrainingModule:
    """The module, when the viewer manages it: not-found when it may not even read it."""
    module, audience = await readable_module(scope, module_id)
    if not may_manage(scope, module, audience):
        raise NotAllowed("moduleId")
    return module


async def readable_modules(scope: Scope) -> tuple[list[TrainingModule], Audience]:
    """Every module the viewer may read, newest first (two queries for the audience)."""
    audience = await load_audience(scope.organization_id)
    modules = await TrainingModule.filter(organization_id=scope.organization_id).order_by("-id")
    return [m for m in modules if may_read(scope, m, audience)], audience


async def managed_modules(scope: Scope) -> tuple[list[TrainingModule], Audience]:
    """Every module the viewer manages, drafts and archived ones included, newest first."""
    scope.require_manager()
    audience = await load_audience(scope.organization_id)
    modules = await TrainingModule.filter(organization_id=scope.organization_id).order_by("-id")
    return [m for m in modules if may_manage(scope, m, audience)], audience


async def reads_section_image(scope: Scope, media_id: int) -> bool:
    """Whether the viewer reads a module one of whose sections shows this uploaded image."""
    module_ids = [
        int(i)  # type: ignore[call-overload]
        for i in await ModuleSection.filter(image_media_id=media_id).values_list("module_id", flat=True)
    ]
    if not module_ids:
        return False
    audience = await load_audience(scope.organization_id, module_ids)
    modules = await TrainingModule.filter(id__in=module_ids, organization_id=scope.organization_id)
    return any(may_read(scope, module, audience) for module in modules)
