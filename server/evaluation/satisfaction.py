"""Customer satisfaction of points of sale: surveys, mystery visits, the index and its target.

The index (0–100) of a set of points of sale over a period is the sample-weighted mean of
their surveys, each brought to 0–100 first: an NPS (−100..100) as (NPS + 100) / 2, a
0–10 score times 10. A survey belongs to the month its period ends in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from server.db import Events, atomic
from server.errors import NotAllowed, ValidationFailed
from server.evaluation.errors import PointOfSaleNotFound
from server.evaluation.models import (
    MysteryVisit,
    SatisfactionSurvey,
    SatisfactionTarget,
    SurveyKind,
)
from server.network.models import Unit, UnitKind
from server.network.scope import Scope
from server.network.services import point_of_sale_of

DEFAULT_TARGET = 80.0
SAMPLE_MAX = 1_000_000


@dataclass(slots=True)
class SurveyInput:
    unit_id: int
    kind: SurveyKind
    value: float
    sample_size: int
    period_start: date
    period_end: date


@dataclass(slots=True)
class IndexPoint:
    month: date  # first day of the month
    index: float | None
    sample_size: int


def normalised(kind: SurveyKind | str, value: float) -> float:
    return (value + 100.0) / 2.0 if str(kind) == SurveyKind.NPS else value * 10.0


def weighted_index(rows: list[tuple[str, float, int]]) -> float | None:
    """(kind, value, sample size) → the index, or None without any answer."""
    total = sum(sample for _, _, sample in rows)
    if total == 0:
        return None
    return round(sum(normalised(kind, value) * sample for kind, value, sample in rows) / total, 2)


def check_survey(survey: SurveyInput) -> str | None:
    """The field at fault, or None; shared by the form and the CSV import."""
    low, high = (-100.0, 100.0) if survey.kind == SurveyKind.NPS else (0.0, 10.0)
    if not low <= survey.value <= high:
        return "value"
    if not 1 <= survey.sample_size <= SAMPLE_MAX:
        return "sampleSize"
    if survey.period_end < survey.period_start or (survey.period_end - survey.period_start).days > 366:
        return "periodEnd"
    return None


async def point_of_sale(scope: Scope, unit_id: int) -> Unit:
    """A point of sale of the viewer's organisation (no scope decided here)."""
    unit = await Unit.get_or_none(id=unit_id, organization_id=scope.organization_id, kind=UnitKind.POINT_OF_SALE)
    if unit is None:
        raise PointOfSaleNotFound("unitId")
    return unit


async def readable_point_of_sale(scope: Scope, unit_id: int | None) -> Unit:
    """A point of sale whose satisfaction the viewer reads: its own people (`sees`: at or
    below it) and the managers whose scope holds it; not-found for anyone else. Without an
    id, the viewer's own point of sale (not-found above the points of sale)."""
    if unit_id is None:
        unit = await point_of_sale_of(scope.unit_path, scope.own_unit)
        if unit is None:
            raise PointOfSaleNotFound("unitId")
    else:
        unit = await point_of_sale(scope, unit_id)
    scope.require_sees(unit, PointOfSaleNotFound("unitId"))
    return unit


async def managed_point_of_sale(scope: Scope, unit_id: int) -> Unit:
    """A point of sale the viewer manages (to record its surveys and visits)."""
    unit = await point_of_sale(scope, unit_id)
    scope.require_manages(unit)
    return unit


async def _emit_recorded(events: Events, organization_id: int, unit_ids: set[int]) -> None:
    for unit_id in sorted(unit_ids):
        unit = await Unit.get(id=unit_id)
        events.emit(
            "evaluation.satisfaction_recorded",
            {"organization_id": organization_id, "unit_id": unit_id, "index": await latest_index(unit)},
        )


async def record_surveys(scope: Scope, surveys: list[SurveyInput]) -> list[SatisfactionSurvey]:
    """All or nothing: one transaction for every survey given, each of a point of sale the
    viewer manages."""
    scope = scope.for_content("satisfaction")
    for survey in surveys:
        await managed_point_of_sale(scope, survey.unit_id)
        bad = check_survey(survey)
        if bad is not None:
            raise ValidationFailed(f"survey_{bad}_invalid", bad)
    async with atomic() as events:
        created = [
            await SatisfactionSurvey.create(
                organization_id=scope.organization_id,
                unit_id=s.unit_id,
                kind=s.kind,
                value=s.value,
                sample_size=s.sample_size,
                period_start=s.period_start,
                period_end=s.period_end,
                created_by_id=scope.user_id,
            )
            for s in surveys
        ]
        await _emit_recorded(events, scope.organization_id, {s.unit_id for s in surveys})
    return created


async def record_mystery_visit(
    scope: Scope, unit_id: int, visited_on: date, sections: list[tuple[str, float]], comment: str = ""
) -> MysteryVisit:
    scope = scope.for_content("satisfaction")
    unit = await managed_point_of_sale(scope, unit_id)
    if not 1 <= len(sections) <= 20 or any(not name.strip() or not 0 <= s <= 100 for name, s in sections):
        raise ValidationFailed("mystery_visit_sections_invalid", "sections")
    if len(comment) > 2000:
        raise ValidationFailed("text_too_long", "comment", max=2000)
    global_score = round(sum(s for _, s in sections) / len(sections), 2)
    async with atomic() as events:
        visit = await MysteryVisit.create(
            organization_id=scope.organization_id,
            unit=unit,
            visited_on=visited_on,
            sections=[{"name": name.strip()[:80], "score": float(s)} for name, s in sections],
            global_score=global_score,
            comment=comment.strip(),
        )
        await _emit_recorded(events, scope.organization_id, {unit.id})
    return visit


async def target_for(unit: Unit) -> float:
    """The nearest target: the unit's own, an ancestor's, the organisation's, else 80."""
    targets = await SatisfactionTarget.filter(organization_id=unit.organization_id).values("unit_id", "index_target")
    return nearest_target({t["unit_id"]: float(t["index_target"]) for t in targets}, unit)


def nearest_target(by_unit: dict[int | None, float], unit: Unit) -> float:
    """`target_for` from the organisation's targets by unit (None: the organisation's own)."""
    for ancestor in reversed(unit.ancestor_ids):
        if ancestor in by_unit:
            return by_unit[ancestor]
    return by_unit.get(None, DEFAULT_TARGET)


async def set_target(scope: Scope, unit_id: int | None, index_target: float) -> None:
    """The target of a unit the viewer manages, or of the organisation (head office only)."""
    unit = None
    if unit_id is None:
        scope.require_admin()
    else:
        unit = await Unit.get_or_none(id=unit_id, organization_id=scope.organization_id)
        if unit is None:
            raise NotAllowed("unitId")
        scope.require_manages(unit, NotAllowed("unitId"))
    if not 0 <= index_target <= 100:
        raise ValidationFailed("satisfaction_target_invalid", "indexTarget")
    async with atomic():
        await SatisfactionTarget.filter(
            organization_id=scope.organization_id, unit_id=unit.id if unit else None
        ).delete()
        await SatisfactionTarget.create(
            organization_id=scope.organization_id, unit_id=unit.id if unit else None, index_target=index_target
        )


async def survey_rows(unit: Unit, since: date | None = None, until: date | None = None) -> list[tuple[str, float, int, date]]:
    query = SatisfactionSurvey.filter(organization_id=unit.organization_id, unit__path__startswith=unit.path)
    if since is not None:
        query = query.filter(period_end__gte=since)
    if until is not None:
        query = query.filter(period_end__lte=until)
    return [
        (str(r["kind"]), float(r["value"]), int(r["sample_size"]), r["period_end"])
        for r in await query.values("kind", "value", "sample_size", "period_end")
    ]


def month_start(day: date) -> date:
    return day.replace(day=1)


def months_back(today: date, count: int) -> list[date]:
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return list(reversed(months))


async def index_trend(unit: Unit, today: date, months: int = 6) -> list[IndexPoint]:
    """One point per month, oldest first, over the unit's subtree."""
    axis = months_back(today, months)
    rows = await survey_rows(unit, since=axis[0])
    points = []
    for month in axis:
        inside = [(k, v, n) for k, v, n, end in rows if month_start(end) == month]
        points.append(IndexPoint(month, weighted_index(inside), sum(n for _, _, n in inside)))
    return points


async def latest_index(unit: Unit) -> float | None:
    """The index of the latest month that has surveys."""
    return latest_of(await survey_rows(unit))


def latest_of(rows: list[tuple[str, float, int, date]]) -> float | None:
    """`latest_index` from the survey rows of the unit's subtree."""
    if not rows:
        return None
    latest = max(month_start(end) for *_, end in rows)
    return weighted_index([(k, v, n) for k, v, n, end in rows if month_start(end) == latest])


async def surveys_of(unit: Unit, limit: int = 24) -> list[SatisfactionSurvey]:
    return await SatisfactionSurvey.filter(unit_id=unit.id).order_by("-period_end", "-id").limit(limit)


async def visits_of(unit: Unit, limit: int = 12) -> list[MysteryVisit]:
    return await MysteryVisit.filter(unit_id=unit.id).order_by("-visited_on", "-id").limit(limit)

