"""The evaluation domain's value for the SATISFACTION challenge criterion."""

from __future__ import annotations

from server.accounts.models import User
from server.challenges.criteria import CriterionQuery
from server.evaluation.models import SatisfactionSurvey
from server.evaluation.satisfaction import month_start, target_for, weighted_index
from server.network.models import Unit, UnitKind


async def satisfaction(query: CriterionQuery) -> dict[int, float]:
    """Index of the participant's point of sale (or unit subtree) in the challenge period,
    latest month with surveys, against its target: min(1, index / target)."""
    units: dict[int, Unit] = {}
    if query.participant_kind == "USER":
        people = await User.filter(
            organization_id=query.organization_id, id__in=list(query.participant_ids), deactivated_at=None
        ).prefetch_related("unit")
        pos_by_path = {
            u.path: u
            for u in await Unit.filter(organization_id=query.organization_id, kind=UnitKind.POINT_OF_SALE)
        }
        for person in people:
            unit = person.unit
            owner = next((pos_by_path[p] for p in pos_by_path if unit.path.startswith(p)), unit)
            units[person.id] = owner
    else:
        for unit in await Unit.filter(organization_id=query.organization_id, id__in=list(query.participant_ids)):
            units[unit.id] = unit
    values: dict[int, float] = {}
    cache: dict[int, float] = {}
    for pid, unit in units.items():
        if unit.id not in cache:
            rows = await SatisfactionSurvey.filter(
                organization_id=query.organization_id,
                unit__path__startswith=unit.path,
                period_end__gte=query.starts_at.date(),
                period_end__lte=query.ends_at.date(),
            ).values("kind", "value", "sample_size", "period_end")
            index = None
            if rows:
                latest = max(month_start(r["period_end"]) for r in rows)
                index = weighted_index(
                    [(str(r["kind"]), float(r["value"]), int(r["sample_size"])) for r in rows if month_start(r["period_end"]) == latest]
                )
            target = await target_for(unit)
            cache[unit.id] = min(1.0, index / target) if index is not None and target > 0 else 0.0
        values[pid] = cache[unit.id]
    return values
