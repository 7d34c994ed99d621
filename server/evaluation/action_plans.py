"""Action plans: a point of sale's team turns a score below target into actions, together.

Who works on a plan (`works_on`, with the viewer's `Scope`): the point of sale's team, the
people at or below it (a seller of the point of sale or of one of its teams), and the
managers whose scope holds it. They read, create, comment and update items; anyone else
gets not-found, not forbidden. A plan belongs to a point of sale, never to a unit above.

A change is published on the plan's channel after commit for the team's open screens, and
notifies the team and the managers following the plan (who created or commented it, and
still work on it): never anyone further, so one comment reaches a bounded set of people.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from server.accounts.models import User
from server.db import Events, atomic
from server.errors import ValidationFailed
from server.evaluation.errors import ActionItemNotFound, ActionPlanNotFound, PointOfSaleNotFound
from server.evaluation.models import (
    ActionComment,
    ActionItem,
    ActionPlan,
    Assessment,
    ItemStatus,
    MysteryVisit,
    PlanStatus,
    SatisfactionSurvey,
)
from server.network.errors import UnitNotFound
from server.network.models import Unit, UnitKind
from server.network.scope import Scope, scope_of_user
from server.notifications.models import NotificationKind
from server.notifications.services import notify

TITLE_MAX = 120
WHAT_MAX = 300
COMMENT_MAX = 1000


def plan_channel(plan_id: int) -> str:
    return f"action_plan:{plan_id}"


@dataclass(slots=True)
class ItemRow:
    id: int
    what: str
    owner_id: int | None
    owner_name: str | None
    due_on: date | None
    status: ItemStatus


@dataclass(slots=True)
class CommentRow:
    id: int
    author_id: int | None
    author_name: str | None
    body: str
    created_at: datetime
    author_photo_url: str | None = None


@dataclass(slots=True)
class PlanRow:
    id: int
    unit_id: int
    unit_name: str
    title: str
    status: PlanStatus
    survey_id: int | None
    visit_id: int | None
    assessment_id: int | None
    created_at: datetime
    updated_at: datetime
    items: list[ItemRow] = field(default_factory=list)
    comments: list[CommentRow] = field(default_factory=list)

    @property
    def progress_percent(self) -> float:
        if not self.items:
            return 0.0
        return round(100.0 * sum(i.status == ItemStatus.DONE for i in self.items) / len(self.items), 1)


def works_on(scope: Scope, unit: Unit) -> bool:
    """The plans of `unit`: its point of sale's team, and the managers whose scope holds it."""
    return scope.manages(unit) or (unit.kind == UnitKind.POINT_OF_SALE and scope.belongs_to(unit))


async def _plan(scope: Scope, plan_id: int) -> ActionPlan:
    plan = await ActionPlan.get_or_none(id=plan_id, organization_id=scope.organization_id).prefetch_related("unit")
    if plan is None or not works_on(scope, plan.unit):
        raise ActionPlanNotFound("planId")
    return plan


async def plan_rows(plan_ids: list[int]) -> list[PlanRow]:
    """Plans with items and comments in three queries."""
    plans = await ActionPlan.filter(id__in=plan_ids).order_by("-updated_at", "-id").values(
        "id", "unit_id", "unit__name", "title", "status", "survey_id", "visit_id", "assessment_id",
        "created_at", "updated_at",
    )
    items: dict[int, list[ItemRow]] = defaultdict(list)
    for i in await ActionItem.filter(plan_id__in=plan_ids).order_by("id").values(
        "id", "plan_id", "what", "owner_id", "owner__display_name", "due_on", "status"
    ):
        items[int(i["plan_id"])].append(
            ItemRow(i["id"], i["what"], i["owner_id"], i["owner__display_name"], i["due_on"], ItemStatus(i["status"]))
        )
    comments: dict[int, list[CommentRow]] = defaultdict(list)
    for c in await ActionComment.filter(plan_id__in=plan_ids).order_by("id").values(
        "id", "plan_id", "author_id", "author__display_name", "author__avatar_url", "body", "created_at"
    ):
        comments[int(c["plan_id"])].append(
            CommentRow(c["id"], c["author_id"], c["author__display_name"], c["body"], c["created_at"], c["author__avatar_url"] or None)
        )
    return [
        PlanRow(
            id=int(p["id"]),
            unit_id=int(p["unit_id"]),
            unit_name=str(p["unit__name"]),
            title=str(p["title"]),
            status=PlanStatus(p["status"]),
            survey_id=p["survey_id"],
            visit_id=p["visit_id"],
            assessment_id=p["assessment_id"],
            created_at=p["created_at"],
            updated_at=p["updated_at"],
            items=items[int(p["id"])],
            comments=comments[int(p["id"])],
        )
        for p in plans
    ]


async def get_plan(scope: Scope, plan_id: int) -> PlanRow:
    plan = await _plan(scope, plan_id)
    return (await plan_rows([plan.id]))[0]


async def find_plan(scope: Scope, plan_id: int) -> PlanRow | None:
    """`get_plan`, or None when there is no such plan the viewer works on."""
    try:
        return await get_plan(scope, plan_id)
    except ActionPlanNotFound:
        return None


async def plans_under(unit: Unit, only_open: bool = False) -> list[PlanRow]:
    """The plans of the points of sale at or below `unit`, for a caller that checked the scope."""
    query = ActionPlan.filter(organization_id=unit.organization_id, unit__path__startswith=unit.path)
    if only_open:
        query = query.filter(status=PlanStatus.OPEN)
    return await plan_rows(list(await query.values_list("id", flat=True)))  # type: ignore[arg-type]


async def plans_of_unit(scope: Scope, unit_id: int, only_open: bool = False) -> list[PlanRow]:
    """The plans under a unit the viewer manages, or of a point of sale whose team it is on.

    A member never reads above its point of sale: asking for its region or head office is
    refused (not found), like asking for another point of sale."""
    unit = await Unit.get_or_none(id=unit_id, organization_id=scope.organization_id)
    if unit is None or not works_on(scope, unit):
        raise UnitNotFound("unitId")
    return await plans_under(unit, only_open)


async def _team(unit: Unit) -> list[int]:
    """The people at or below a point of sale (none for a plan left on a unit above one)."""
    if unit.kind != UnitKind.POINT_OF_SALE:
        return []
    found = await User.filter(
        organization_id=unit.organization_id, unit__path__startswith=unit.path, deactivated_at=None
    ).values_list(
        "id", flat=True
    )
    return [int(i) for i in found]  # type: ignore[call-overload]


async def _followers(plan: ActionPlan) -> list[int]:
    """The managers following a plan from above its point of sale: who created or commented
    it, as long as their scope still holds it (a handful of people)."""
    ids = {plan.created_by_id} if plan.created_by_id is not None else set()
    authors = await ActionComment.filter(plan_id=plan.id).values_list("author_id", flat=True)
    ids |= {int(i) for i in authors if i is not None}  # type: ignore[call-overload]
    if not ids:
        return []
    people = await User.filter(
        id__in=sorted(ids), organization_id=plan.organization_id, deactivated_at=None
    ).prefetch_related("unit")
    return [p.id for p in people if works_on(await scope_of_user(p, p.unit), plan.unit)]


async def recipients(plan: ActionPlan) -> list[int]:
    """Who is told of a change: the point of sale's team and the plan's followers, no one else."""
    return sorted(set(await _team(plan.unit)) | set(await _followers(plan)))


async def _changed(scope: Scope, plan: ActionPlan, events: Events, change: str, notify_team: bool = True) -> None:
    viewer = scope.user
    actor_id = scope.user_id
    await ActionPlan.filter(id=plan.id).update(updated_at=datetime.now(plan.updated_at.tzinfo))
    events.publish(plan_channel(plan.id), {"type": change, "planId": plan.id, "actorId": actor_id})
    events.emit(
        "evaluation.action_plan_changed",
        {"organization_id": scope.organization_id, "unit_id": plan.unit_id, "plan_id": plan.id},
    )
    if notify_team:
        for uid in await recipients(plan):
            if uid != actor_id:
                await notify(
                    uid,
                    NotificationKind.ACTION_PLAN_UPDATED,
                    params={"plan": plan.title, "planId": plan.id},
                    actor=viewer,
                    link=f"/point-de-vente/plans/{plan.id}",
                    group_key=f"action_plan:{plan.id}",
                    events=events,
                )


async def create_plan(
    scope: Scope,
    unit_id: int,
    title: str,
    survey_id: int | None = None,
    visit_id: int | None = None,
    assessment_id: int | None = None,
) -> PlanRow:
    """A plan for a point of sale the viewer works on (its team, or a manager in scope)."""
    unit = await Unit.get_or_none(id=unit_id, organization_id=scope.organization_id, kind=UnitKind.POINT_OF_SALE)
    if unit is None or not works_on(scope, unit):
        raise PointOfSaleNotFound("unitId")
    title = title.strip()
    if not 2 <= len(title) <= TITLE_MAX:
        raise ValidationFailed("action_plan_title_invalid", "title", max=TITLE_MAX)
    if survey_id is not None and not await SatisfactionSurvey.filter(id=survey_id, unit_id=unit.id).exists():
        raise ValidationFailed("action_plan_motive_invalid", "surveyId")
    if visit_id is not None and not await MysteryVisit.filter(id=visit_id, unit_id=unit.id).exists():
        raise ValidationFailed("action_plan_motive_invalid", "visitId")
    if assessment_id is not None and not await Assessment.filter(
        id=assessment_id, organization_id=scope.organization_id, person__unit__path__startswith=unit.path
    ).exists():
        raise ValidationFailed("action_plan_motive_invalid", "assessmentId")
    async with atomic() as events:
        plan = await ActionPlan.create(
            organization_id=scope.organization_id,
            unit=unit,
            title=title,
            survey_id=survey_id,
            visit_id=visit_id,
            assessment_id=assessment_id,
            created_by_id=scope.user_id,
        )
        await _changed(scope, plan, events, "PLAN_CREATED", notify_team=False)
    return (await plan_rows([plan.id]))[0]


async def _owner_in_team(plan: ActionPlan, owner_id: int | None) -> None:
    if owner_id is not None and owner_id not in await _team(plan.unit):
        raise ValidationFailed("action_item_owner_invalid", "ownerId")


def _what(what: str) -> str:
    what = what.strip()
    if not 2 <= len(what) <= WHAT_MAX:
        raise ValidationFailed("action_item_what_invalid", "what", max=WHAT_MAX)
    return what


async def add_item(
    scope: Scope, plan_id: int, what: str, owner_id: int | None = None, due_on: date | None = None
) -> PlanRow:
    plan = await _plan(scope, plan_id)
    what = _what(what)
    await _owner_in_team(plan, owner_id)
    async with atomic() as events:
        await ActionItem.create(plan=plan, what=what, owner_id=owner_id, due_on=due_on)
        await _changed(scope, plan, events, "ITEM_ADDED")
    return await get_plan(scope, plan.id)


async def update_item(
    scope: Scope,
    item_id: int,
    *,
    what: str | None = None,
    status: ItemStatus | None = None,
    owner_id: int | None = None,
    clear_owner: bool = False,
    due_on: date | None = None,
) -> PlanRow:
    item = await ActionItem.get_or_none(id=item_id, plan__organization_id=scope.organization_id)
    if item is None:
        raise ActionItemNotFound("itemId")
    try:
        plan = await _plan(scope, item.plan_id)
    except ActionPlanNotFound as error:
        raise ActionItemNotFound("itemId") from error
    fields = []
    if what is not None:
        item.what = _what(what)
        fields.append("what")
    if status is not None:
        item.status = status
        fields.append("status")
    if owner_id is not None or clear_owner:
        await _owner_in_team(plan, owner_id)
        item.owner_id = None if clear_owner else owner_id
        fields.append("owner_id")
    if due_on is not None:
        item.due_on = due_on
        fields.append("due_on")
    if not fields:
        return await get_plan(scope, plan.id)
    async with atomic() as events:
        await item.save(update_fields=fields)
        await _changed(scope, plan, events, "ITEM_UPDATED")
    return await get_plan(scope, plan.id)


async def comment_plan(scope: Scope, plan_id: int, body: str) -> PlanRow:
    plan = await _plan(scope, plan_id)
    body = body.strip()
    if not body or len(body) > COMMENT_MAX:
        raise ValidationFailed("comment_invalid", "body", max=COMMENT_MAX)
    async with atomic() as events:
        await ActionComment.create(plan=plan, author_id=scope.user_id, body=body)
        await _changed(scope, plan, events, "COMMENT_ADDED")
    return await get_plan(scope, plan.id)


async def set_plan_status(scope: Scope, plan_id: int, status: PlanStatus) -> PlanRow:
    plan = await _plan(scope, plan_id)
    async with atomic() as events:
        plan.status = status
        await plan.save(update_fields=["status"])
        await _changed(scope, plan, events, "STATUS_CHANGED")
    return await get_plan(scope, plan.id)


async def check_plan_reader(scope: Scope, plan_id: int) -> None:
    """For the live subscription: raises not-found unless the viewer works on the plan."""
    await _plan(scope, plan_id)
