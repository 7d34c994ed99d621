"""updatePrivacyPolicy: head office sets retention periods and board defaults."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.context import Info
from schema.errors import NotAllowedError, ValidationError
from schema.permissions import scope_of
from schema.privacy.settings_types import PrivacyPolicy, as_policy
from server.privacy.policy import PolicyChange, update_policy


@strawberry.input(description="Only the fields given change. Days: 0 keeps forever, at most 7300.")
class UpdatePrivacyPolicyInput:
    results_days: int | None = None
    notifications_days: int | None = None
    audit_days: int | None = None
    sessions_days: int | None = None
    outbox_days: int | None = None
    deleted_media_days: int | None = None
    boards_anonymous_outside_team: bool | None = None


@strawberry.type
class UpdatePrivacyPolicySuccess:
    policy: PrivacyPolicy


UpdatePrivacyPolicyResult = Annotated[
    UpdatePrivacyPolicySuccess | NotAllowedError | ValidationError,
    strawberry.union("UpdatePrivacyPolicyResult"),
]


async def update_privacy_policy(info: Info, input: UpdatePrivacyPolicyInput) -> UpdatePrivacyPolicyResult:
    change = PolicyChange(**{name: getattr(input, name) for name in PolicyChange.__dataclass_fields__})
    return UpdatePrivacyPolicySuccess(policy=as_policy(await update_policy(scope_of(info), change)))
