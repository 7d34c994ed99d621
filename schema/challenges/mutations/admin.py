"""createMetric, createIntegrationToken, revokeIntegrationToken, setLeaderboardHidden."""

from __future__ import annotations

from typing import Annotated

import strawberry

from schema.challenges.queries import IntegrationToken, as_token
from schema.challenges.types import Aggregation, Metric, as_metric
from schema.context import Info
from schema.errors import ConflictError, NotAllowedError, NotFoundError, ValidationError
from schema.ids import parse_id
from schema.permissions import scope_of, signed_in
from server.challenges import metrics, tokens
from server.challenges.models import Aggregation as AggregationEnum
from server.challenges.privacy import set_hidden


@strawberry.type
class CreateMetricSuccess:
    metric: Metric


CreateMetricResult = Annotated[
    CreateMetricSuccess | ValidationError | NotAllowedError | ConflictError, strawberry.union("CreateMetricResult"),
]


async def create_metric(info: Info, name: str, unit_label: str = "", higher_is_better: bool = True,
                        aggregation: Aggregation = AggregationEnum.SUM) -> CreateMetricResult:
    metric = await metrics.create_metric(scope_of(info), name, unit_label, higher_is_better, AggregationEnum(aggregation))
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
    token, secret = await tokens.create_token(scope_of(info), name, parse_id(unit_id) if unit_id else None)
    return CreateIntegrationTokenSuccess(token=as_token(token), secret=secret)


@strawberry.type
class RevokeIntegrationTokenSuccess:
    token: IntegrationToken


RevokeIntegrationTokenResult = Annotated[
    RevokeIntegrationTokenSuccess | NotAllowedError | NotFoundError, strawberry.union("RevokeIntegrationTokenResult"),
]


async def revoke_integration_token(info: Info, token_id: strawberry.ID) -> RevokeIntegrationTokenResult:
    token = await tokens.revoke_token(scope_of(info), parse_id(token_id))
    return RevokeIntegrationTokenSuccess(token=as_token(token))


async def set_leaderboard_hidden(info: Info, hidden: bool) -> bool:
    return await set_hidden(signed_in(info), hidden)
