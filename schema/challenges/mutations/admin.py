"""createMetric, createIntegrationToken, revokeIntegrationToken, setLeaderboardHidden."""

from __future__ import annotations

from typing import Annotated

import strawberry
from tortoise.exceptions import IntegrityError

from schema.challenges.queries import IntegrationToken, as_token
from schema.challenges.types import Aggregation, Metric, as_metric
from schema.context import Info
from schema.errors import (
    ConflictError,
    NotAllowedError,
    NotFoundError,
    ValidationError,
    to_user_error,
)
from schema.ids import parse_id
from schema.permissions import signed_in
from server.accounts.models import Role
from server.challenges import tokens
from server.challenges.models import Aggregation as AggregationEnum
from server.challenges.models import Metric as MetricModel
from server.challenges.scope import set_hidden
from server.errors import DomainError, NotAllowed, ValidationFailed


@strawberry.type
class CreateMetricSuccess:
    metric: Metric


CreateMetricResult = Annotated[
    CreateMetricSuccess | ValidationError | NotAllowedError | ConflictError, strawberry.union("CreateMetricResult"),
]


async def create_metric(info: Info, name: str, unit_label: str = "", higher_is_better: bool = True,
                        aggregation: Aggregation = AggregationEnum.SUM) -> CreateMetricResult:
    viewer = signed_in(info)
    try:
        if viewer.role != Role.ADMIN:
            raise NotAllowed()
        name = " ".join(name.split())
        if not 2 <= len(name) <= 80:
            raise ValidationFailed("challenge_name_required", "name", max=80)
        metric = await MetricModel.create(organization_id=viewer.organization_id, name=name,
                                          unit_label=unit_label.strip()[:20], higher_is_better=higher_is_better,
                                          aggregation=AggregationEnum(aggregation))
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    except IntegrityError:
        return ConflictError(code="conflict", message=name)
    return CreateMetricSuccess(metric=as_metric(metric))


@strawberry.type
class CreateIntegrationTokenSuccess:
    token: IntegrationToken
    secret: str = strawberry.field(description="The bearer token, shown only now.")


CreateIntegrationTokenResult = Annotated[
    CreateIntegrationTokenSuccess | ValidationError | NotAllowedError,
    strawberry.union("CreateIntegrationTokenResult"),
]


async def create_integration_token(info: Info, name: str, unit_id: strawberry.ID | None = None) -> CreateIntegrationTokenResult:
    try:
        token, secret = await tokens.create_token(signed_in(info), name, parse_id(unit_id) if unit_id else None)
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return CreateIntegrationTokenSuccess(token=as_token(token), secret=secret)


@strawberry.type
class RevokeIntegrationTokenSuccess:
    token: IntegrationToken


RevokeIntegrationTokenResult = Annotated[
    RevokeIntegrationTokenSuccess | NotAllowedError | NotFoundError, strawberry.union("RevokeIntegrationTokenResult"),
]


async def revoke_integration_token(info: Info, token_id: strawberry.ID) -> RevokeIntegrationTokenResult:
    try:
        token = await tokens.revoke_token(signed_in(info), parse_id(token_id))
    except DomainError as error:
        return to_user_error(error, info.context.language)  # type: ignore[return-value]
    return RevokeIntegrationTokenSuccess(token=as_token(token))


async def set_leaderboard_hidden(info: Info, hidden: bool) -> bool:
    return await set_hidden(signed_in(info), hidden)
