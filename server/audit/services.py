"""Writing an audit row, in the transaction of the change it records.

Every service that changes people, units, content or rules on someone's behalf calls `record`
inside its `atomic()` block: the row commits with the change or not at all. `before` and
`after` hold only the fields that matter to a reader (names, not only ids), as plain JSON, so
the audit screen shows « Rôle : Vendeur → Manager » without reading anything else."""

from __future__ import annotations

from typing import Any

from server.audit.models import AuditEntry
from server.network.scope import Scope


async def record(
    scope: Scope,
    action: str,
    subject_type: str,
    subject_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Writes who (the scope's person, or its integration token) did `action` to the subject."""
    return await AuditEntry.create(
        organization_id=scope.organization_id,
        actor_id=scope.user_id,
        token_id=scope.token_id,
        action=action,
        # a partner agency's person acts for its agency (server.agency): the row says so
        detail={"agencyId": scope.agency_id} if scope.agency_id is not None else {},
        subject_type=subject_type,
        subject_id=subject_id,
        before=before,
        after=after,
    )


def changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the keys whose value changed, before and after."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}
