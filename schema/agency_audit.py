"""Every mutation a partner agency's person makes is written in the brand's audit log as the
agency's (DESIGN.md: « all it does is audited as the agency's »), whatever domain it touches:
one row per operation, after it ran, naming its fields and what each answered."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from server.agency.services import audit_agency_action


class AgencyAudit(SchemaExtension):
    async def on_execute(self) -> AsyncIterator[None]:  # type: ignore[override]
        yield
        await audit_operation(self.execution_context)


async def audit_operation(execution_context: Any) -> None:
    scope = getattr(execution_context.context, "scope", None)
    if scope is None or scope.agency_id is None or execution_context.operation_type != OperationType.MUTATION:
        return
    result = execution_context.result
    data = (result.data if result is not None else None) or {}
    outcome = [
        str(value.get("__typename", "ok")) if isinstance(value, dict) else ("ok" if value is not None else "error")
        for value in data.values()
    ]
    await audit_agency_action(scope, str(execution_context.operation_name or ""), list(data), outcome)
