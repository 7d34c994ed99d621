"""Demo of content authoring, written through the same services as the « Contenus » screens:
Marc Delaunay's draft module for Île-de-France (with its quiz, not published yet), head
office's archived launch module (off the lists, Julie's completion kept), and a skills grid
granting the « Conseiller certifié hybride » label."""

from __future__ import annotations

from datetime import timedelta

from server.accounts.models import Role
from server.badges.models import Badge, BadgeKind
from server.demo.authoring_content import ARCHIVED_MODULE, DRAFT_MODULE, DRAFT_QUIZ, HYBRID_GRID
from server.demo.seed import DemoNetwork
from server.evaluation.grids import SkillInput, create_grid
from server.network.scope import scope_of_user
from server.notifications.models import Notification
from server.training import authoring, quiz_authoring, services
from server.training.content import AssignmentInput, ModuleContent, SectionInput
from server.training.models import ModuleProgress, TrainingModule
from server.training.quiz_authoring import ChoiceInput, QuestionInput, QuizContent


def _content(spec: tuple[str, str, int, list[tuple[str, str, str | None]]], assignments: list[AssignmentInput]) -> ModuleContent:
    title, summary, minutes, sections = spec
    return ModuleContent(
        title, summary, minutes, [SectionInput(t, body, video_url=video) for t, body, video in sections], assignments
    )


async def seed_authoring(demo: DemoNetwork) -> None:
    admin = await scope_of_user(demo.accounts["admin"])
    manager = await scope_of_user(demo.accounts["manager"])
    region = demo.units["Île-de-France"]
    # a draft of the regional manager: his region's sellers, due in three weeks
    draft = await authoring.create_module(
        manager, _content(DRAFT_MODULE, [AssignmentInput(region.id, Role.MEMBER, demo.now + timedelta(days=21))])
    )
    await quiz_authoring.create_quiz(
        manager,
        QuizContent(
            DRAFT_QUIZ[0],
            [QuestionInput(q, [ChoiceInput(c, ok) for c, ok in choices], multiple, why) for q, multiple, why, choices in DRAFT_QUIZ[1]],
            pass_mark_percent=80,
            max_attempts=2,
        ),
        module_id=draft.id,
    )
    # last year's launch, published to everyone, completed by Julie, then archived
    launch = await authoring.create_module(
        admin, _content(ARCHIVED_MODULE, [AssignmentInput(demo.units["root"].id)]), publish=True
    )
    # its announcement was read long ago
    long_ago = demo.now - timedelta(days=210)
    await Notification.filter(link=f"/apprendre/{launch.id}").update(created_at=long_ago, read_at=long_ago)
    await services.record_progress(await scope_of_user(demo.accounts["seller"]), launch.id, len(ARCHIVED_MODULE[3]))
    await ModuleProgress.filter(module_id=launch.id).update(
        started_at=demo.now - timedelta(days=200), completed_at=demo.now - timedelta(days=199)
    )
    await authoring.archive_module(admin, launch.id)
    await TrainingModule.filter(id=launch.id).update(created_at=long_ago, published_at=long_ago)
    # the grid that certifies the hybrid sellers
    name, skills = HYBRID_GRID
    label = await Badge.get_or_none(
        organization_id=demo.organization.id, kind=BadgeKind.LABEL, name="Conseiller certifié hybride"
    )
    await create_grid(
        admin, name, Role.MEMBER, [SkillInput(n, levels) for n, levels in skills],
        label_badge_id=label.id if label is not None else None,
    )
    demo.counts["draft_modules"] = 1
    demo.counts["archived_modules"] = 1
