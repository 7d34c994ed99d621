"""The organisation's privacy policy: retention periods and board defaults, head office's to set."""

from __future__ import annotations

from dataclasses import dataclass, fields

from server.audit.services import changed, record
from server.challenges.privacy import reset_organization_boards
from server.db import atomic
from server.network.scope import Scope
from server.privacy.errors import RetentionDaysInvalid
from server.privacy.models import PrivacyPolicy

MAX_DAYS = 20 * 365
RETENTION_FIELDS = ("results_days", "notifications_days", "audit_days", "sessions_days", "outbox_days", "deleted_media_days")


@dataclass
class PolicyChange:
    results_days: int | None = None
    notifications_days: int | None = None
    audit_days: int | None = None
    sessions_days: int | None = None
    outbox_days: int | None = None
    deleted_media_days: int | None = None
    boards_anonymous_outside_team: bool | None = None


async def policy_of(organization_id: int) -> PrivacyPolicy:
    """The organisation's policy (the defaults, unsaved, when head office never changed it)."""
    found = await PrivacyPolicy.get_or_none(organization_id=organization_id)
    return found or PrivacyPolicy(organization_id=organization_id)


def _shown(policy: PrivacyPolicy) -> dict[str, object]:
    return {name: getattr(policy, name) for name in (*RETENTION_FIELDS, "boards_anonymous_outside_team")}


async def update_policy(scope: Scope, change: PolicyChange) -> PrivacyPolicy:
    """Head office sets retention periods (days, 0 keeps forever) and board defaults. Audited."""
    scope.require_admin()
    values = {f.name: getattr(change, f.name) for f in fields(change) if getattr(change, f.name) is not None}
    for name in RETENTION_FIELDS:
        if name in values and not 0 <= int(values[name]) <= MAX_DAYS:
            camel = name.split("_")[0] + "".join(part.title() for part in name.split("_")[1:])
            raise RetentionDaysInvalid(camel, min=0, max=MAX_DAYS)
    async with atomic() as events:
        policy, _ = await PrivacyPolicy.get_or_create(organization_id=scope.organization_id)
        policy = await PrivacyPolicy.select_for_update().get(organization_id=scope.organization_id)
        before = _shown(policy)
        for name, value in values.items():
            setattr(policy, name, value)
        await policy.save()
        old, new = changed(before, _shown(policy))
        if new:
            await record(scope, "privacy.policy_updated", "organization", scope.organization_id, old, new)
        if "boards_anonymous_outside_team" in new:  # names on open boards change: they take a new snapshot
            await reset_organization_boards(events, scope.organization_id)
    return policy
