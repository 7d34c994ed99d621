"""createChallenge, updateChallengeDescription and closeChallenge."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from schema.challenges.types import (
    Challenge,
    ChallengeFormat,
    CriterionKind,
    LeagueRule,
    ParticipantKind,
    Recurrence,
    ScoringMode,
    Visibility,
    as_challenge,
)
from schema.context import Info
from schema.errors import (
    ConflictError,
    NotAllowedError,
    NotFoundError,
    RateLimitedError,
    ValidationError,
)
from schema.ids import parse_id
from schema.permissions import scope_of
from server.challenges import lifecycle
from server.challenges.criteria import CriterionKind as CriterionKindEnum
from server.challenges.models import (
    ChallengeFormat as FormatEnum,
)
from server.challenges.models import (
    LeagueRule as LeagueRuleEnum,
)
from server.challenges.models import (
    ParticipantKind as ParticipantKindEnum,
)
from server.challenges.models import (
    Recurrence as RecurrenceEnum,
)
from server.challenges.models import (
    ScoringMode as ScoringModeEnum,
)
from server.challenges.models import (
    Visibility as VisibilityEnum,
)


@strawberry.input(description="A metric to count, with its weight.")
class MetricWeightInput:
    metric_id: strawberry.ID
    weight: float = 1.0


@strawberry.input(description="A qualitative criterion to count, with its weight and options.")
class CriterionInput:
    kind: CriterionKind
    weight: float = 1.0
    module_ids: list[strawberry.ID] | None = None
    quiz_id: strawberry.ID | None = None


@strawberry.input(description="A score that rewards everyone reaching it, optionally with a badge.")
class ThresholdInput:
    score: float
    label: str
    badge_id: strawberry.ID | None = None


@strawberry.input
class CreateChallengeInput:
    name: str
    starts_at: datetime
    ends_at: datetime
    metrics: list[MetricWeightInput]
    description: str = ""
    scope_unit_id: strawberry.ID | None = strawberry.field(default=None, description="Defaults to the viewer's unit.")
    format: ChallengeFormat = FormatEnum.RANKING
    participant_kind: ParticipantKind = ParticipantKindEnum.USER
    scoring_mode: ScoringMode = ScoringModeEnum.PERCENT_OF_TARGET
    league_rule: LeagueRule = LeagueRuleEnum.NONE
    criteria: list[CriterionInput] = strawberry.field(default_factory=list)
    thresholds: list[ThresholdInput] = strawberry.field(default_factory=list)
    race_target: float | None = strawberry.field(default=None, description="Score to reach, for RACE.")
    prizes: str = ""
    visibility: Visibility = VisibilityEnum.EVERYONE
    top_n: int = 10
    recurrence: Recurrence = RecurrenceEnum.NONE
    draft: bool = strawberry.field(default=False, description="Keep it as a draft, invisible to members.")


@strawberry.type
class ChallengeSuccess:
    challenge: Challenge


ChallengeResult = Annotated[
    ChallengeSuccess | ValidationError | NotAllowedError | NotFoundError | ConflictError | RateLimitedError,
    strawberry.union("ChallengeResult"),
]


def _criterion_options(c: CriterionInput) -> dict[str, object]:
    options: dict[str, object] = {}
    if c.module_ids:
        options["module_ids"] = [parse_id(m) for m in c.module_ids]
    if c.quiz_id:
        options["quiz_id"] = parse_id(c.quiz_id)
    return options


def to_draft(input: CreateChallengeInput) -> lifecycle.ChallengeDraft:
    return lifecycle.ChallengeDraft(
        name=input.name, starts_at=input.starts_at, ends_at=input.ends_at,
        metrics=[(parse_id(m.metric_id), m.weight) for m in input.metrics],
        scope_unit_id=parse_id(input.scope_unit_id) if input.scope_unit_id else None,
        description=input.description, format=FormatEnum(input.format),
        participant_kind=ParticipantKindEnum(input.participant_kind), scoring_mode=ScoringModeEnum(input.scoring_mode),
        league_rule=LeagueRuleEnum(input.league_rule),
        criteria=[(CriterionKindEnum(c.kind), c.weight, _criterion_options(c)) for c in input.criteria],
        thresholds=[(t.score, t.label, parse_id(t.badge_id) if t.badge_id else None) for t in input.thresholds],
        race_target=input.race_target, prizes=input.prizes, visibility=VisibilityEnum(input.visibility),
        top_n=input.top_n, recurrence=RecurrenceEnum(input.recurrence), draft=input.draft,
    )


async def create_challenge(info: Info, input: CreateChallengeInput) -> ChallengeResult:
    challenge = await lifecycle.create_challenge(scope_of(info), to_draft(input))
    return ChallengeSuccess(challenge=as_challenge(challenge))


async def update_challenge_description(info: Info, challenge_id: strawberry.ID, description: str) -> ChallengeResult:
    challenge = await lifecycle.update_description(scope_of(info), parse_id(challenge_id), description)
    return ChallengeSuccess(challenge=as_challenge(challenge))


async def update_challenge_rules(info: Info, challenge_id: strawberry.ID, input: CreateChallengeInput) -> ChallengeResult:
    challenge = await lifecycle.update_rules(scope_of(info), parse_id(challenge_id), to_draft(input))
    return ChallengeSuccess(challenge=as_challenge(challenge))


async def close_challenge(info: Info, challenge_id: strawberry.ID) -> ChallengeResult:
    challenge = await lifecycle.close_managed(scope_of(info), parse_id(challenge_id))
    return ChallengeSuccess(challenge=as_challenge(challenge))


async def publish_challenge(info: Info, challenge_id: strawberry.ID) -> ChallengeResult:
    challenge = await lifecycle.publish_challenge(scope_of(info), parse_id(challenge_id))
    return ChallengeSuccess(challenge=as_challenge(challenge))
