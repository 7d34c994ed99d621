"""GraphQL types of objectives, challenges and leaderboards."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from schema.challenges.loaders import (
    board_facts,
    cards_by_challenge,
    metrics_by_id,
    units_by_id,
)
from schema.context import Info
from schema.errors import DomainErrors
from schema.network.types import Unit
from schema.permissions import scope_of, signed_in
from schema.texts.loaders import names_loader
from server.challenges import lifecycle, standings
from server.challenges.criteria import CriterionKind as CriterionKindEnum
from server.challenges.models import Aggregation as AggregationEnum
from server.challenges.models import Challenge as ChallengeModel
from server.challenges.models import ChallengeFormat as ChallengeFormatEnum
from server.challenges.models import ChallengeStatus as ChallengeStatusEnum
from server.challenges.models import DuelState as DuelStateEnum
from server.challenges.models import LeagueRule as LeagueRuleEnum
from server.challenges.models import ParticipantKind as ParticipantKindEnum
from server.challenges.models import Recurrence as RecurrenceEnum
from server.challenges.models import ScoringMode as ScoringModeEnum
from server.challenges.models import Visibility as VisibilityEnum
from server.network.models import Unit as UnitModel
from server.privacy.boards import anonymise_outside_team
from server.texts.catalogue import text
from server.texts.render import duel_description, duel_title

strawberry.enum(ChallengeStatusEnum, name="ChallengeStatus", description="Where a challenge is in its life.")
ChallengeStatus = ChallengeStatusEnum
strawberry.enum(ChallengeFormatEnum, name="ChallengeFormat", description="Classic ranking, race to a target, or duel.")
ChallengeFormat = ChallengeFormatEnum
strawberry.enum(ScoringModeEnum, name="ScoringMode", description="How results become a score.")
ScoringMode = ScoringModeEnum
strawberry.enum(LeagueRuleEnum, name="LeagueRule", description="How participants are grouped into leagues.")
LeagueRule = LeagueRuleEnum
strawberry.enum(VisibilityEnum, name="LeaderboardVisibility", description="Who is shown by name.")
Visibility = VisibilityEnum
strawberry.enum(RecurrenceEnum, name="Recurrence", description="Whether the challenge restarts each period.")
Recurrence = RecurrenceEnum
strawberry.enum(ParticipantKindEnum, name="ParticipantKind", description="People or units.")
ParticipantKind = ParticipantKindEnum
strawberry.enum(DuelStateEnum, name="DuelState", description="Answer to a duel invitation.")
DuelState = DuelStateEnum
strawberry.enum(CriterionKindEnum, name="CriterionKind", description="A qualitative criterion fed by training or evaluation.")
CriterionKind = CriterionKindEnum
strawberry.enum(AggregationEnum, name="Aggregation", description="How a metric's results add up over a period.")
Aggregation = AggregationEnum


@strawberry.type(description="Something measured in the network, e.g. new vehicles sold.")
class Metric:
    id: strawberry.ID
    name: str
    unit_label: str = strawberry.field(description="Unit shown after values, e.g. véh. or %.")
    higher_is_better: bool
    aggregation: Aggregation


def as_unit(u: UnitModel) -> Unit:
    return Unit(id=strawberry.ID(str(u.id)), name=u.name, kind=u.kind, city=u.city)


def as_metric(m: object) -> Metric:
    return Metric(id=strawberry.ID(str(m.id)), name=m.name, unit_label=m.unit_label,  # type: ignore[attr-defined]
                  higher_is_better=m.higher_is_better, aggregation=m.aggregation)  # type: ignore[attr-defined]


@strawberry.type(description="A metric counted in a challenge, with its weight.")
class MetricRule:
    metric: Metric
    weight: float


@strawberry.type(description="A qualitative criterion counted in a challenge, with its weight.")
class CriterionRule:
    kind: CriterionKind
    weight: float
    module_ids: list[strawberry.ID] = strawberry.field(
        description="TRAINING_COMPLETION: the modules counted (empty: each person's assigned modules).")
    quiz_id: strawberry.ID | None = strawberry.field(
        description="QUIZ_SCORE: the quiz counted (null: the average of every quiz taken in the period).")


def as_criterion(rule: dict[str, Any]) -> CriterionRule:
    options = rule.get("options") or {}
    return CriterionRule(
        kind=CriterionKindEnum(rule["kind"]), weight=float(rule["weight"]),
        module_ids=[strawberry.ID(str(m)) for m in options.get("module_ids") or []],
        quiz_id=strawberry.ID(str(options["quiz_id"])) if options.get("quiz_id") else None,
    )


@strawberry.type(description="A score that rewards everyone who reaches it, not only the top.")
class Threshold:
    score: float
    label: str
    badge_id: strawberry.ID | None


@strawberry.type(description="One row of a leaderboard. Equal scores share a rank (1, 2, 2, 4).")
class LeaderboardRow:
    participant_id: strawberry.ID
    rank: int = strawberry.field(description="Competition rank: one plus how many have a strictly higher score.")
    tied: bool = strawberry.field(description="Whether another participant has the same score (ex aequo).")
    photo_url: str | None = strawberry.field(description="The person's profile photo, only when the row is named.")
    display_name: str | None = strawberry.field(description="Null when the participant is hidden from public screens.")
    unit_name: str
    score: float
    thresholds_reached: int
    is_me: bool = strawberry.field(description="Whether this row is the viewer (or the viewer's unit).")


@strawberry.type
class LeaderboardEdge:
    cursor: str
    node: LeaderboardRow


@strawberry.type
class LeaderboardPageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type(description="A page of a leaderboard in rank order.")
class LeaderboardConnection:
    league: str = strawberry.field(description="League code (empty without leagues).")
    version: int = strawberry.field(description="Leaderboard version this page was read at.")
    edges: list[LeaderboardEdge]
    page_info: LeaderboardPageInfo


@strawberry.type(description="One line of how a score is computed.")
class ScorePart:
    kind: str = strawberry.field(description="METRIC or a criterion kind.")
    label: str = strawberry.field(description="The metric's name, or the criterion kind.")
    value: float = strawberry.field(description="Total of the metric, or criterion value in [0, 1].")
    target: float | None
    baseline: float | None
    weight: float
    percent: float | None = strawberry.field(description="The part in percent (of target, of improvement, or criterion).")
    points: float = strawberry.field(description="What this part adds to the score.")


@strawberry.type(description="Where the viewer stands in a challenge and what it takes to move up.")
class Standing:
    participant_id: strawberry.ID
    rank: int = strawberry.field(description="Competition rank: equal scores share it.")
    tied_with: int = strawberry.field(description="How many others have the same score (0 when alone).")
    participant_count: int = strawberry.field(description="Participants in the viewer's league.")
    league: str
    score: float
    breakdown: list[ScorePart]
    gap_to_next_rank: float | None = strawberry.field(
        description="Score to gain a place: up to the lowest score strictly above (always > 0); null when first.")
    next_threshold: float | None
    gap_to_next_threshold: float | None
    final_rank: int | None = strawberry.field(description="Frozen rank once the challenge is closed.")


@strawberry.type(description="What the challenge's card in the list shows about the viewer and the leader.")
class ChallengeCard:
    my_rank: int | None = strawberry.field(description="The viewer's shared rank in its league; null when not taking part.")
    my_tied: bool = strawberry.field(description="Whether the viewer's rank is shared (ex aequo).")
    my_score: float | None
    leader_name: str | None = strawberry.field(description="The first's name; null when nobody scored yet or hidden.")
    leader_user_id: strawberry.ID | None = strawberry.field(description="The first's person, for the face.")
    leader_photo_url: str | None = strawberry.field(description="The first's profile photo (null: initials, or hidden).")
    leader_count: int = strawberry.field(description="How many share first place (0 when nobody scored yet).")


def as_row(row: standings.Row) -> LeaderboardRow:
    return LeaderboardRow(
        participant_id=strawberry.ID(str(row.participant_id)), rank=row.rank, tied=row.tied,
        # a face goes with its name: whatever rule took the name off (hidden, top N, the
        # organisation's board default) takes the photo off too
        photo_url=row.photo_url if row.display_name is not None else None,
        display_name=row.display_name,
        unit_name=row.unit_name, score=row.score, thresholds_reached=row.thresholds_reached, is_me=row.is_me,
    )


@strawberry.type(description="A sales challenge: period, scope, rules and live leaderboard.")
class Challenge:
    model: strawberry.Private[ChallengeModel]
    id: strawberry.ID
    status: ChallengeStatus
    format: ChallengeFormat
    participant_kind: ParticipantKind
    scoring_mode: ScoringMode
    league_rule: LeagueRule
    visibility: Visibility
    top_n: int = strawberry.field(description="Rows shown by name with TOP_AND_AROUND visibility.")
    recurrence: Recurrence
    prizes: str
    starts_at: datetime
    ends_at: datetime
    closed_at: datetime | None
    duel_state: DuelState | None
    race_target: float | None
    thresholds: list[Threshold]
    criteria: list[CriterionRule]
    version: int = strawberry.field(description="Current leaderboard version.")

    @strawberry.field(description="Its name; a duel's is written in the viewer's language with the two names now.")
    async def name(self, info: Info) -> str:
        duel = duel_people(self.model)
        if duel is None:
            return self.model.name
        names = await names_loader(info).load_many(duel)
        language = info.context.language
        gone = text("person.gone", language)
        return duel_title(names[0] or gone, names[1] or gone, language)

    @strawberry.field(description="What it is about; a duel's is written in the viewer's language.")
    def description(self, info: Info) -> str:
        rules = self.model.rules or {}
        if duel_people(self.model) is None or not rules.get("metric_name"):
            return self.model.description
        return duel_description(str(rules["metric_name"]), int(rules.get("days") or 1), info.context.language)

    @strawberry.field(description="Metrics counted, with their weights.")
    async def metrics(self, info: Info) -> list[MetricRule]:
        found = await metrics_by_id(info).load_many([int(m["metric_id"]) for m in self.model.rules.get("metrics", [])])
        return [MetricRule(metric=as_metric(m), weight=float(r["weight"]))
                for m, r in zip(found, self.model.rules.get("metrics", []), strict=True) if m is not None]

    @strawberry.field(description="The unit whose subtree takes part.")
    async def scope_unit(self, info: Info) -> Unit | None:
        found = await units_by_id(info).load(self.model.scope_unit_id)
        return as_unit(found) if found is not None else None

    @strawberry.field(description="Whether the viewer may edit, publish or close it (a manager in scope, an admin).")
    async def viewer_can_manage(self, info: Info) -> bool:
        unit = await units_by_id(info).load(self.model.scope_unit_id)
        return unit is not None and lifecycle.may_manage(scope_of(info), self.model, unit.path)

    @strawberry.field(description="How many take part.")
    async def participant_count(self, info: Info) -> int:
        return (await board_facts(info).load(self.model)).count

    @strawberry.field(description="The list card: the viewer's rank and score, and the leader (set-based for a list).")
    async def card(self, info: Info) -> ChallengeCard:
        found = await cards_by_challenge(info).load(self.model)
        return ChallengeCard(
            my_rank=found.my_rank, my_tied=found.my_tied, my_score=found.my_score, leader_name=found.leader_name,
            leader_user_id=strawberry.ID(str(found.leader_user_id)) if found.leader_user_id is not None else None,
            leader_count=found.leader_count, leader_photo_url=found.leader_photo_url,
        )

    @strawberry.field(description="League codes, each with its own ranking (one empty code without leagues).")
    async def leagues(self, info: Info) -> list[str]:
        return (await board_facts(info).load(self.model)).leagues

    @strawberry.field(description="The ranking, a page at a time (1 to 100 rows); defaults to the viewer's league.",
                      extensions=[DomainErrors()])
    async def leaderboard(self, info: Info, first: int = 20, after: str | None = None,
                          league: str | None = None) -> LeaderboardConnection:
        viewer = signed_in(info)
        if league is None:
            mine = await standings.my_participation(self.model, viewer)
            league = mine.league if mine else (await standings.leagues_of(self.model) or [""])[0]
        page = await standings.leaderboard_page(self.model, league, first, after, viewer)
        # the organisation's board default (read with the request's session, when there is one)
        await anonymise_outside_team(viewer, page.rows, info.context.boards_anonymous)
        return LeaderboardConnection(
            league=league, version=page.version,
            edges=[LeaderboardEdge(cursor=r.cursor, node=as_row(r)) for r in page.rows],
            page_info=LeaderboardPageInfo(has_next_page=page.has_next_page, end_cursor=page.end_cursor),
        )

    @strawberry.field(description="The viewer's rank, score, breakdown and gaps; null when not taking part.")
    async def my_standing(self, info: Info) -> Standing | None:
        viewer = signed_in(info)
        facts = await board_facts(info).load(self.model)
        found = await standings.my_standing(self.model, viewer, facts.mine, facts.above)
        if found is None:
            return None
        names = await metrics_by_id(info).load_many([int(p.ref) for p in found.parts if p.kind == "METRIC"])
        labels = {str(m.id): m.name for m in names if m is not None}
        return Standing(
            participant_id=strawberry.ID(str(found.participant_id)), rank=found.rank, tied_with=found.tied,
            participant_count=found.size, league=found.league, score=found.score,
            breakdown=[ScorePart(kind=p.kind, label=labels.get(p.ref, p.kind) if p.kind == "METRIC" else p.kind,
                                 value=p.value, target=p.target, baseline=p.baseline, weight=p.weight,
                                 percent=p.percent, points=p.points) for p in found.parts],
            gap_to_next_rank=found.gap_to_next_rank, next_threshold=found.next_threshold,
            gap_to_next_threshold=found.gap_to_next_threshold, final_rank=found.final_rank,
        )

    @strawberry.field(description="The viewer's row with two rows above and below it.")
    async def around_me(self, info: Info) -> list[LeaderboardRow]:
        viewer = signed_in(info)
        facts = await board_facts(info).load(self.model)
        rows = await standings.rows_around(self.model, viewer, me=facts.mine, window=facts.around)
        await anonymise_outside_team(viewer, rows, info.context.boards_anonymous)
        return [as_row(r) for r in rows]


def duel_people(c: ChallengeModel) -> list[int] | None:
    """A duel's challenger and opponent ids (duels made before they were kept have none)."""
    duel = (c.rules or {}).get("duel") if c.format == ChallengeFormatEnum.DUEL else None
    return [int(p) for p in duel] if duel and len(duel) == 2 else None


def as_challenge(c: ChallengeModel) -> Challenge:
    rules = c.rules or {}
    return Challenge(
        model=c, id=strawberry.ID(str(c.id)), status=c.status,
        format=c.format, participant_kind=c.participant_kind, scoring_mode=c.scoring_mode,
        league_rule=c.league_rule, visibility=c.visibility, top_n=c.top_n, recurrence=c.recurrence,
        prizes=c.prizes, starts_at=c.starts_at, ends_at=c.ends_at, closed_at=c.closed_at,
        duel_state=c.duel_state, race_target=rules.get("race_target"),
        thresholds=[Threshold(score=float(t["score"]), label=t.get("label", ""),
                              badge_id=strawberry.ID(str(t["badge_id"])) if t.get("badge_id") else None)
                    for t in rules.get("thresholds", [])],
        criteria=[as_criterion(r) for r in rules.get("criteria", [])],
        version=c.version,
    )
