"""The organisation's metrics: what results are recorded against (head office adds them)."""

from __future__ import annotations

from tortoise.exceptions import IntegrityError

from server.challenges.errors import MetricNameTaken
from server.challenges.models import Aggregation, Metric
from server.db import atomic
from server.errors import ValidationFailed
from server.network.scope import Scope
from server.sql import Statement

NAME_MAX = 80
UNIT_LABEL_MAX = 20


async def create_metric(
    scope: Scope, name: str, unit_label: str = "", higher_is_better: bool = True,
    aggregation: Aggregation = Aggregation.SUM,
) -> Metric:
    """A new metric of the organisation (admins); names are unique in it."""
    scope.require_admin()
    name = " ".join(name.split())
    if not 2 <= len(name) <= NAME_MAX:
        raise ValidationFailed("challenge_name_required", "name", max=NAME_MAX)
    try:
        async with atomic():
            return await Metric.create(
                organization_id=scope.organization_id, name=name, unit_label=unit_label.strip()[:UNIT_LABEL_MAX],
                higher_is_better=higher_is_better, aggregation=Aggregation(aggregation),
            )
    except IntegrityError as error:
        raise MetricNameTaken("name") from error


async def list_metrics(scope: Scope) -> list[Metric]:
    statement = Statement()  # (by hand: the challenges screen asks on every visit)
    return await statement.objects(
        Metric, f"SELECT * FROM metric WHERE organization_id = {statement.arg(scope.organization_id)} ORDER BY id")


async def metrics_by_ids(metric_ids: list[int]) -> dict[int, Metric]:
    """Metrics named by challenge rules or results, in one query (the ids come from rows)."""
    statement = Statement()
    return {m.id: m for m in await statement.objects(Metric, f"SELECT * FROM metric WHERE id IN {statement.ids(metric_ids)}")}
