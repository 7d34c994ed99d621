"""Planned subscriptions: each event a subscription's resolver yields, projected by the plan
its document was compiled into (schema.plan), then sent by schema.ws. A subscription field opts in
with `PLANNED_SUBSCRIPTIONS` (schema.plan); « Notre plan » and « Mes résultats » live do.

Strawberry stays the reference: it answers when the plan can't, and when the resolver refuses
before its first event (the same error as before). Tests compare both ways: the PWA's live
« Notre plan » (tests/plans/test_my_plan.py) and « Mes résultats » (tests/dashboards/
test_my_dashboard_planned.py), through the shared spy of tests/planned_streams.py."""

from __future__ import annotations

import inspect
from collections.abc import AsyncGenerator
from typing import Any, cast

from graphql.execution.values import get_variable_values

from schema.plan import Plan, PlannedInfo, Root, Unplannable, call_root, project_root, within_cost


async def stream_plan(
    schema: Any, plan: Plan, context: Any, variables: dict[str, Any] | None
) -> AsyncGenerator[dict[str, Any], None] | None:
    """A planned subscription's messages (`{"data": …}`, one per event its resolver yields), or
    None to let strawberry run it: when the plan can't, and when the resolver refuses before
    its first event (strawberry then runs it again and reports the refusal as it always does).
    An event after the first that the plan can't project ends the stream with an error (the
    socket's, schema.ws): the first event has shown that the plan fits the resolver's values."""
    found = get_variable_values(schema._schema, plan.operation.variable_definitions or (), variables or {})
    if isinstance(found, list) or len(plan.roots) != 1:
        return None
    if not within_cost(schema, plan, variables, getattr(context, "language", "fr")):
        return None
    root = plan.roots[0]
    assert isinstance(root, Root)
    info = PlannedInfo(context)
    source: Any = None
    try:
        source = call_root(schema, root, found, info)
        if not inspect.isasyncgen(source):
            raise Unplannable("not a stream")
        first = await project_root(root, await anext(source), found.coerced, info)
    except Exception:
        if inspect.isasyncgen(source):
            await source.aclose()
        return None
    return _events(cast(AsyncGenerator[Any, None], source), root, first, found.coerced, info)


async def _events(
    source: AsyncGenerator[Any, None], root: Root, first: Any, variables: dict[str, Any], info: PlannedInfo
) -> AsyncGenerator[dict[str, Any], None]:
    try:
        yield {"data": {root.key: first}}
        async for value in source:
            yield {"data": {root.key: await project_root(root, value, variables, info)}}
    finally:
        await source.aclose()
