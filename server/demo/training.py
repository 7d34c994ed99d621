"""Demo of the Train and Evaluate levers: modules and quizzes in progress, skills grids and
assessments, six months of satisfaction with one point of sale below target and its action
plan under way, and this quarter's performance plan."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from server.accounts.models import Role, User
from server.demo.seed import DemoNetwork
from server.demo.training_content import (
    ACTION_COMMENTS,
    ACTION_ITEMS,
    GRIDS,
    MODULES,
    MYSTERY_SECTIONS,
)
from server.evaluation import action_plans, assessments
from server.evaluation.grids import SkillInput, create_grid
from server.evaluation.models import (
    ActionComment,
    ActionItem,
    ActionPlan,
    Assessment,
    AssessmentOutcome,
    AssessmentScore,
    ItemStatus,
    MysteryVisit,
    SatisfactionSurvey,
    SatisfactionTarget,
    SurveyKind,
)
from server.network.scope import scope_of_user
from server.plans.models import PerformancePlan
from server.training import authoring, quiz_authoring, quizzes, services
from server.training.content import AssignmentInput, ModuleContent, SectionInput
from server.training.models import ModuleProgress, QuizAttempt, QuizQuestion
from server.training.quiz_authoring import ChoiceInput, QuestionInput, QuizContent

BELOW_TARGET_POS = "Élan Paris 15e"
TARGET = 75.0


async def seed_training(demo: DemoNetwork) -> None:
    module_ids, quiz_ids = await _modules(demo)
    await _participation(demo, module_ids, quiz_ids)
    await _grids_and_assessments(demo)
    await _satisfaction(demo)
    await _performance_plan(demo, module_ids, quiz_ids)


async def _modules(demo: DemoNetwork) -> tuple[list[int], list[int]]:
    admin = await scope_of_user(demo.accounts["admin"])
    root = demo.units["root"]
    due = [demo.now + timedelta(days=d) for d in (10, 21, 30, 14)]
    module_ids, quiz_ids = [], []
    for index, (title, summary, minutes, sections, questions) in enumerate(MODULES):
        if index == 2:
            assignments: list[AssignmentInput] = []
        elif index == 3:
            assignments = [AssignmentInput(demo.units["Île-de-France"].id, Role.MEMBER, due[index])]
        else:
            assignments = [AssignmentInput(root.id, None, due[index])]
        module = await authoring.create_module(
            admin,
            ModuleContent(
                title, summary, minutes, [SectionInput(t, body) for t, body in sections], assignments,
                open_to_all=index == 2,
            ),
            publish=True,
        )
        quiz = await quiz_authoring.create_quiz(
            admin,
            QuizContent(
                f"Quiz : {title}",
                [
                    QuestionInput(q, [ChoiceInput(c, ok) for c, ok in choices], multiple, why)
                    for q, multiple, why, choices in questions
                ],
                pass_mark_percent=70,
                max_attempts=3,
            ),
            module_id=module.id,
        )
        module_ids.append(module.id)
        quiz_ids.append(quiz.id)
    demo.counts["training_modules"] = len(module_ids)
    return module_ids, quiz_ids


async def _right_answers(quiz_id: int) -> dict[int, list[int]]:
    from server.training.models import QuizChoice

    answers: dict[int, list[int]] = {}
    for question in await QuizQuestion.filter(quiz_id=quiz_id):
        answers[question.id] = [c.id for c in await QuizChoice.filter(question_id=question.id, correct=True)]
    return answers


async def _participation(demo: DemoNetwork, module_ids: list[int], quiz_ids: list[int]) -> None:
    """Julie (seller@) passed the welcome quiz and is half-way through financing; others vary."""
    seller = await scope_of_user(demo.accounts["seller"])
    right = {q: await _right_answers(q) for q in quiz_ids}
    await services.record_progress(seller, module_ids[0], 3)
    await quizzes.submit_quiz_attempt(seller, quiz_ids[0], right[quiz_ids[0]])
    await services.record_progress(seller, module_ids[1], 2)
    rng = demo.rng
    attempts = 0
    for person in demo.people[3:]:
        for module_id, quiz_id in zip(module_ids, quiz_ids, strict=True):
            draw = rng.random()
            if draw < 0.35:
                continue
            started = demo.now - timedelta(days=rng.randint(1, 40), hours=rng.randint(0, 10))
            done = draw > 0.65
            await ModuleProgress.create(
                module_id=module_id, user_id=person.id, organization_id=person.organization_id,
                sections_done=9 if done else 1, started_at=started,
                completed_at=started + timedelta(days=rng.randint(0, 5)) if done else None,
            )
            if done or rng.random() < 0.3:
                score = 100.0 if done else rng.choice([33.33, 50.0, 66.67])
                await QuizAttempt.create(
                    quiz_id=quiz_id, user_id=person.id, organization_id=person.organization_id,
                    number=1, score_percent=score, passed=score >= 70, answers={},
                )
                attempts += 1
    # sections_done must not exceed the module's sections
    from server.training.models import ModuleSection

    for module_id in module_ids:
        total = await ModuleSection.filter(module_id=module_id).count()
        await ModuleProgress.filter(module_id=module_id, sections_done__gt=total).update(sections_done=total)
    demo.counts["quiz_attempts"] = attempts + 1


async def _grids_and_assessments(demo: DemoNetwork) -> None:
    admin, manager, seller = demo.accounts["admin"], demo.accounts["manager"], demo.accounts["seller"]
    # the « Chef des ventes » assessment confirms in the post: it grants the badges demo's label
    from server.badges.models import Badge, BadgeKind

    label = await Badge.get_or_none(
        organization_id=demo.organization.id, kind=BadgeKind.LABEL, name="Chef des Ventes confirmé"
    )
    grids = []
    for name, role, skills in GRIDS:
        label_id = label.id if label is not None and role == "MANAGER" else None
        grids.append(
            await create_grid(
                await scope_of_user(admin), name, Role(role), [SkillInput(n, levels) for n, levels in skills],
                label_badge_id=label_id,
            )
        )
    seller_skills = [s.id for s in await assessments.Skill.filter(grid_id=grids[0].id).order_by("position")]
    levels = [3, 3, 2, 2, 3]
    await assessments.submit_assessment(
        await scope_of_user(manager), seller.id, grids[0].id,
        [assessments.ScoreInput(s, lv, "") for s, lv in zip(seller_skills, levels, strict=True)],
        AssessmentOutcome.PASSED,
        "Très bon accueil et découverte solide. Axe de progrès : présenter le financement plus tôt.",
    )
    # the sales managers (chefs des ventes) of Île-de-France, assessed by their regional manager
    region_path = demo.units["Île-de-France"].path
    chefs = [
        p for p in demo.people[3:]
        if p.role == Role.MANAGER and any(pos.id == p.unit_id and pos.path.startswith(region_path) for pos in demo.points_of_sale)
    ]
    chef_skills = [s.id for s in await assessments.Skill.filter(grid_id=grids[1].id).order_by("position")]
    for index, chef in enumerate(chefs):
        outcome = AssessmentOutcome.PASSED if index % 2 == 0 else AssessmentOutcome.NOT_PASSED
        row = await Assessment.create(
            organization_id=chef.organization_id, grid=grids[1], person=chef, assessor=manager, outcome=outcome,
            comment="Confirmation dans le poste de Chef des ventes." if outcome == AssessmentOutcome.PASSED
            else "Encore quelques mois d'accompagnement sur le coaching terrain.",
            created_at=demo.now - timedelta(days=20 + index * 9),
        )
        for position, skill_id in enumerate(chef_skills):
            await AssessmentScore.create(assessment=row, skill_id=skill_id, level=min(4, 2 + (index + position) % 3))
    demo.counts["assessments"] = len(chefs) + 1


def _month(now: datetime, back: int) -> date:
    year, month = now.year, now.month - back
    while month < 1:
        year, month = year - 1, month + 12
    return date(year, month, 1)


async def _satisfaction(demo: DemoNetwork) -> None:
    rng = demo.rng
    org = demo.organization.id
    await SatisfactionTarget.create(organization_id=org, unit=None, index_target=TARGET)
    surveys = visits = 0
    low_survey = low_visit = None
    for pos in demo.points_of_sale:
        low = pos.name == BELOW_TARGET_POS
        base = rng.uniform(78, 88)
        for back in range(5, -1, -1):
            start = _month(demo.now, back)
            end = start + timedelta(days=min(27, (demo.now.date() - start).days)) if back == 0 else (_month(demo.now, back - 1) - timedelta(days=1))
            if end < start:
                end = start
            drift = -2.5 * (5 - back) if low else rng.uniform(-3, 3)
            index = max(40.0, min(98.0, base + drift))
            nps = back % 2 == 0
            value = round(index * 2 - 100) if nps else round(index / 10, 1)
            survey = await SatisfactionSurvey.create(
                organization_id=org, unit=pos, kind=SurveyKind.NPS if nps else SurveyKind.SCORE_10,
                value=value, sample_size=rng.randint(40, 160), period_start=start, period_end=end,
            )
            surveys += 1
            if low and back == 0:
                low_survey = survey
            if back % 2 == 0:
                scores = [round(max(30.0, min(100.0, index + rng.uniform(-12, 8))), 1) for _ in MYSTERY_SECTIONS]
                visit = await MysteryVisit.create(
                    organization_id=org, unit=pos, visited_on=start + timedelta(days=rng.randint(3, 20)),
                    sections=[{"name": n, "score": s} for n, s in zip(MYSTERY_SECTIONS, scores, strict=True)],
                    global_score=round(sum(scores) / len(scores), 1),
                    comment="Attente de 6 minutes avant la prise en charge un samedi." if low and back == 0 else "",
                )
                visits += 1
                if low and back == 0:
                    low_visit = visit
    demo.counts["satisfaction_surveys"] = surveys
    demo.counts["mystery_visits"] = visits
    await _action_plan(demo, low_survey, low_visit)


async def _action_plan(demo: DemoNetwork, survey: SatisfactionSurvey | None, visit: MysteryVisit | None) -> None:
    pos = demo.units[BELOW_TARGET_POS]
    team = await User.filter(unit_id=pos.id).order_by("id")
    seller = demo.accounts["seller"]
    chef = next((p for p in team if p.role == Role.MANAGER), seller)
    plan = await ActionPlan.create(
        organization_id=demo.organization.id, unit=pos, title="Retrouver 80 de satisfaction à l'accueil",
        survey=survey, visit=visit, created_by_id=chef.id,
        created_at=demo.now - timedelta(days=12),
    )
    owners = [seller, chef, *team]
    for index, (what, status) in enumerate(ACTION_ITEMS):
        await ActionItem.create(
            plan=plan, what=what, owner=owners[index % len(owners)], status=ItemStatus(status),
            due_on=(demo.now + timedelta(days=7 * (index + 1))).date(),
        )
    authors = [chef, seller, chef]
    for index, body in enumerate(ACTION_COMMENTS):
        await ActionComment.create(
            plan=plan, author=authors[index], body=body, created_at=demo.now - timedelta(days=10 - 3 * index)
        )
    await action_plans.plan_rows([plan.id])  # reads back whole: the demo stays consistent with the service
    demo.counts["action_plans"] = 1


async def _performance_plan(demo: DemoNetwork, module_ids: list[int], quiz_ids: list[int]) -> None:
    today = demo.now.date()
    first_month = 3 * ((today.month - 1) // 3) + 1
    starts = date(today.year, first_month, 1)
    ends = (date(today.year + (first_month + 3 > 12), (first_month + 2) % 12 + 1, 1)) - timedelta(days=1)
    quarter = (first_month - 1) // 3 + 1
    from server.challenges.models import Challenge, ChallengeStatus

    # the quarter's challenges running now (seeded before training) are the plan's challenge lever
    challenge_ids = await Challenge.filter(
        organization_id=demo.organization.id, status=ChallengeStatus.LIVE, ends_at__gte=starts
    ).order_by("id").values_list("id", flat=True)
    await PerformancePlan.create(
        organization_id=demo.organization.id,
        name=f"Plan d'animation T{quarter} {today.year}",
        starts_on=starts,
        ends_on=ends,
        module_ids=module_ids,
        quiz_ids=quiz_ids,
        challenge_ids=[int(i) for i in challenge_ids],  # type: ignore[call-overload]
        training_completion_target=80,
        quiz_average_target=75,
        satisfaction_index_target=TARGET,
        created_by_id=demo.accounts["admin"].id,
    )
    demo.counts["performance_plans"] = 1
