"""The live action plan, shared by its point of sale's team."""

from __future__ import annotations

from collections.abc import AsyncGenerator

import strawberry

from schema.context import Info
from schema.errors import query_error
from schema.evaluation.types import ActionPlan, as_plan
from schema.ids import parse_id
from schema.permissions import scope_of
from server.bus import listen_queue
from server.errors import DomainError
from server.evaluation import action_plans


@strawberry.type(description="The plan after a change (or as it is, first, with version 0). A version gap "
                 "means changes were missed; the plan carried is always whole and current.")
class ActionPlanEvent:
    version: int
    type: str = strawberry.field(description="SNAPSHOT, PLAN_CREATED, ITEM_ADDED, ITEM_UPDATED, COMMENT_ADDED, STATUS_CHANGED.")
    actor_id: strawberry.ID | None
    plan: ActionPlan


@strawberry.type
class EvaluationSubscription:
    @strawberry.subscription(description="An action plan as its team edits it, live.")
    async def action_plan(self, info: Info, plan_id: strawberry.ID) -> AsyncGenerator[ActionPlanEvent, None]:
        scope = scope_of(info)
        plan_id_int = parse_id(plan_id)
        try:
            await action_plans.check_plan_reader(scope, plan_id_int)
        except DomainError as error:
            raise query_error(error, info.context.language) from error
        queue, stop = listen_queue(action_plans.plan_channel(plan_id_int), 64)
        try:
            yield ActionPlanEvent(
                version=0, type="SNAPSHOT", actor_id=None, plan=as_plan(await action_plans.get_plan(scope, plan_id_int))
            )
            while True:
                message = await queue.get()
                while not queue.empty():  # a burst of edits: one fresh plan is enough
                    message = queue.get_nowait()
                yield ActionPlanEvent(
                    version=int(message["version"]),
                    type=str(message["type"]),
                    actor_id=strawberry.ID(str(message["actorId"])) if message.get("actorId") else None,
                    plan=as_plan(await action_plans.get_plan(scope, plan_id_int)),
                )
        finally:
            stop()
