"""Reading one's data exports and privacy settings; head office's policy, retention reports
and the works-council register."""

from __future__ import annotations

from typing import cast

import strawberry
from strawberry.scalars import JSON

from schema.context import Info
from schema.errors import DomainErrors
from schema.permissions import scope_of
from schema.privacy.settings_types import (
    DataRegisterEntry,
    MyPrivacy,
    PrivacyPolicy,
    RetentionRun,
    as_my_privacy,
    as_policy,
    as_register_entry,
)
from schema.privacy.types import DataExport, as_export
from server.privacy import export, settings
from server.privacy.policy import policy_of


@strawberry.type
class PrivacyQuery:
    @strawberry.field(
        description="The data exports the viewer asked for that can still be downloaded (or are "
        "being built), newest first.",
        extensions=[DomainErrors()],
    )
    async def my_data_exports(self, info: Info) -> list[DataExport]:
        return [as_export(row) for row in await export.exports_requested_by(scope_of(info))]

    @strawberry.field(description="« Confidentialité »: the viewer's privacy settings in one place.", extensions=[DomainErrors()])
    async def my_privacy(self, info: Info) -> MyPrivacy:
        return as_my_privacy(await settings.my_privacy(scope_of(info)))

    @strawberry.field(description="The organisation's privacy policy. Head office only.", extensions=[DomainErrors()])
    async def privacy_policy(self, info: Info) -> PrivacyPolicy:
        scope = scope_of(info)
        scope.require_admin()
        return as_policy(await policy_of(scope.organization_id))

    @strawberry.field(description="What the daily retention job removed, latest first (30 passes). Head office only.", extensions=[DomainErrors()])
    async def retention_runs(self, info: Info) -> list[RetentionRun]:
        rows = await settings.retention_reports(scope_of(info))
        return [RetentionRun(ran_at=row.ran_at, removed=cast(JSON, row.removed)) for row in rows]

    @strawberry.field(
        description="The register of personal data for the works council: what, why, who sees it, how "
        "long, which outside services receive what. Head office only.",
        extensions=[DomainErrors()],
    )
    async def data_register(self, info: Info) -> list[DataRegisterEntry]:
        lines = await settings.data_register(scope_of(info), info.context.language)
        return [as_register_entry(line) for line in lines]
