"""« Mon point de vente »: a point of sale's satisfaction, trend, scores, plans and team, read
in one place for the screen (its own people and the managers whose scope holds it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from server.accounts.models import User
from server.evaluation import satisfaction
from server.evaluation.action_plans import PlanRow, plans_under
from server.evaluation.errors import PointOfSaleNotFound
from server.evaluation.models import MysteryVisit, SatisfactionSurvey
from server.network.models import Unit
from server.network.scope import Scope


@dataclass(slots=True)
class TeamMember:
    id: int
    display_name: str


@dataclass(slots=True)
class PointOfSaleView:
    unit: Unit
    index: float | None
    target: float
    trend: list[satisfaction.IndexPoint]
    surveys: list[SatisfactionSurvey]
    visits: list[MysteryVisit]
    plans: list[PlanRow]
    team: list[TeamMember]
    can_record: bool

    @property
    def below_target(self) -> bool:
        return self.index is not None and self.index < self.target


async def point_of_sale_view(scope: Scope, unit_id: int | None) -> PointOfSaleView | None:
    """The point of sale (default: the viewer's own), or None when the viewer may not read it."""
    try:
        unit = await satisfaction.readable_point_of_sale(scope, unit_id)
    except PointOfSaleNotFound:
        return None
    today = datetime.now(UTC).date()
    team = await User.filter(organization_id=unit.organization_id, unit__path__startswith=unit.path).order_by(
        "display_name"
    ).values("id", "display_name")
    return PointOfSaleView(
        unit=unit,
        index=await satisfaction.latest_index(unit),
        target=await satisfaction.target_for(unit),
        trend=await satisfaction.index_trend(unit, today),
        surveys=await satisfaction.surveys_of(unit),
        visits=await satisfaction.visits_of(unit),
        plans=await plans_under(unit),
        team=[TeamMember(int(t["id"]), str(t["display_name"])) for t in team],
        can_record=scope.manages(unit),
    )
