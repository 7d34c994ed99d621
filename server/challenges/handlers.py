"""Qualitative criteria changed in another domain: re-score the participants concerned."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tortoise.expressions import Q

from server.accounts.models import User
from server.challenges.criteria import CriterionKind, CriterionQuery, criterion_values
from server.challenges.models import Challenge, ChallengeStatus, Participant, ParticipantKind
from server.challenges.movement import apply_parts, lock_challenges, rank_moves
from server.db import atomic
from server.hooks import on
from server.network.models import Unit

KINDS_BY_EVENT = {
    "training.module_completed": {CriterionKind.TRAINING_COMPLETION},
    "training.quiz_passed": {CriterionKind.QUIZ_SCORE},
    "evaluation.satisfaction_recorded": {CriterionKind.SATISFACTION},
}


async def rescore_criteria(organization_id: int, kinds: set[CriterionKind], user_id: int | None,
                           unit_id: int | None) -> int:
    """Asks the criteria sources again for the participants a change concerns; returns how many moved."""
    owners = Q()
    if user_id is not None:
        owners = Q(user_id=user_id)
        if unit_id is None:
            person = await User.get_or_none(id=user_id)
            unit_id = person.unit_id if person else None
    if unit_id is not None:
        unit = await Unit.get_or_none(id=unit_id, organization_id=organization_id)
        if unit is not None:
            # the unit and its ancestors (unit challenges), and for satisfaction its people
            owners |= Q(unit_id__in=unit.ancestor_ids)
            if user_id is None:
                owners |= Q(user__unit_id=unit.id)
    found = await Participant.filter(owners, challenge__organization_id=organization_id,
                                     challenge__status=ChallengeStatus.LIVE).values_list("id", "challenge_id")
    if not found:
        return 0
    moved = 0
    async with rank_moves() as undo, atomic() as events:
        challenges = await lock_challenges([int(c) for _, c in found])
        for participant in await Participant.filter(id__in=[int(p) for p, _ in found]):
            challenge: Challenge = challenges[participant.challenge_id]
            criteria = dict(participant.parts.get("criteria", {}))
            changed = False
            for index, rule in enumerate(challenge.rules.get("criteria", [])):
                if CriterionKind(rule["kind"]) not in kinds:
                    continue
                owner = participant.user_id if challenge.participant_kind == ParticipantKind.USER else participant.unit_id
                values = await criterion_values(CriterionQuery(
                    organization_id, CriterionKind(rule["kind"]), str(challenge.participant_kind), (int(owner or 0),),
                    challenge.starts_at, challenge.ends_at, dict(rule.get("options") or {}),
                ))
                value = values.get(int(owner or 0), 0.0)
                if criteria.get(str(index)) != value:
                    criteria[str(index)], changed = value, True
            if changed:
                await apply_parts(events, undo, challenge, participant, {**participant.parts, "criteria": criteria},
                                  datetime.now(UTC))
                moved += 1
    return moved


def _handler(name: str) -> None:
    @on(name)
    async def criteria_changed(payload: dict[str, Any]) -> None:
        await rescore_criteria(int(payload["organization_id"]), KINDS_BY_EVENT[name],
                               payload.get("user_id"), payload.get("unit_id"))


for _name in KINDS_BY_EVENT:
    _handler(_name)
