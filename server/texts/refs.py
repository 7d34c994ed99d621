"""The people, badges and challenges a stored text refers to by id, looked up when it is
read, so a renamed person (or one erased) reads as they are now.

A page of notifications or posts is resolved set-based: at most one query for its
challenges, one for its people and one for its badges, whatever the page size.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from server.badges.models import Badge
from server.challenges.models import Challenge, ChallengeFormat
from server.privacy.pseudonym import read_as
from server.sql import Statement
from server.texts.catalogue import text


def ints(values: Iterable[Any]) -> set[int]:
    found: set[int] = set()
    for value in values:
        one = an_int(value)
        if one is not None:
            found.add(one)
    return found


def an_int(value: Any) -> int | None:
    """An id as stored in a text's parameters (a number, or digits), else None (read for every
    name of every line of a notifications page: the plain int first)."""
    if type(value) is int:
        return value
    if value is None:
        return None
    if isinstance(value, str):
        return int(value) if value.isdigit() else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def people_of(params: Mapping[str, Any]) -> set[int]:
    """Every person id a text's parameters name (read twice for every line of a page: the
    usual few keys without building lists)."""
    found = ints(params.get("actorIds") or ())
    for key in ("userId", "byId"):
        one = an_int(params.get(key))
        if one is not None:
            found.add(one)
    podium = params.get("podium")
    if podium:
        found |= ints(entry.get("userId") for entry in podium if isinstance(entry, dict))
    return found


def ids_of(value: Any) -> tuple[int, ...]:
    """The id a parameter holds, as `ints` would read it alone: none or one."""
    one = an_int(value)
    return () if one is None else (one,)


@dataclass(slots=True)
class ChallengeRef:
    name: str
    duel: list[int] | None = None  # challenger and opponent ids: the title is written per reader


@dataclass(slots=True)
class Refs:
    people: dict[int, str] = field(default_factory=dict)
    badges: dict[int, str] = field(default_factory=dict)
    challenges: dict[int, ChallengeRef] = field(default_factory=dict)
    photos: dict[int, str] = field(default_factory=dict)  # the people's profile photos, those who have one

    def person(self, person_id: Any, language: str) -> str:
        found = an_int(person_id)
        name = self.people.get(found) if found is not None else None
        return read_as(name, language) if name else text("person.gone", language)

    def badge(self, badge_id: Any, fallback: Any) -> str:
        found = an_int(badge_id)
        return (self.badges.get(found) if found is not None else None) or str(fallback or "")

    def challenge(self, challenge_id: Any, fallback: Any, language: str) -> str:
        key = an_int(challenge_id)
        found = self.challenges.get(key) if key is not None else None
        if found is None:
            return str(fallback or "")
        if found.duel and len(found.duel) == 2:
            return text(
                "duel.title", language,
                challenger=self.person(found.duel[0], language), opponent=self.person(found.duel[1], language),
            )
        return found.name

    def merge(self, other: Refs) -> Refs:
        return Refs(
            {**self.people, **other.people}, {**self.badges, **other.badges}, {**self.challenges, **other.challenges},
            {**self.photos, **other.photos},
        )

    def to_event(self) -> dict[str, Any]:
        """JSON copy carried by events, so a subscriber renders without a query."""
        return {
            "people": {str(k): v for k, v in self.people.items()},
            "badges": {str(k): v for k, v in self.badges.items()},
            "challenges": {str(k): {"name": v.name, "duel": v.duel} for k, v in self.challenges.items()},
            "photos": {str(k): v for k, v in self.photos.items()},
        }

    @classmethod
    def from_event(cls, data: Mapping[str, Any] | None) -> Refs:
        data = data or {}
        return cls(
            {int(k): str(v) for k, v in (data.get("people") or {}).items()},
            {int(k): str(v) for k, v in (data.get("badges") or {}).items()},
            {int(k): ChallengeRef(str(v["name"]), v.get("duel")) for k, v in (data.get("challenges") or {}).items()},
            {int(k): str(v) for k, v in (data.get("photos") or {}).items()},
        )


async def resolve(many: Iterable[Mapping[str, Any]], extra_people: Iterable[int] = ()) -> Refs:
    """Looks up everything the given parameter sets refer to (and `extra_people`)."""
    params = list(many)
    people = set(extra_people)
    badges: set[int] = set()
    challenges: set[int] = set()
    for one in params:
        people |= people_of(one)
        badges.update(ids_of(one.get("badgeId")))
        challenges.update(ids_of(one.get("challengeId")))
    refs = Refs()
    if challenges:
        rows = await Challenge.filter(id__in=challenges).values_list("id", "name", "format", "rules")
        for challenge_id, name, format_, rules in rows:
            duel = (rules or {}).get("duel") if str(format_) == ChallengeFormat.DUEL else None
            if duel:
                people |= ints(duel)
            refs.challenges[int(challenge_id)] = ChallengeRef(str(name), [int(p) for p in duel] if duel else None)
    if people:  # by hand: a page of notifications asks this on every read (server.sql)
        statement = Statement()
        found = await statement.rows(f'SELECT id, display_name, avatar_url FROM "user" WHERE id IN {statement.ids(people)}')
        for row in found:
            refs.people[int(row["id"])] = str(row["display_name"])
            if row["avatar_url"]:
                refs.photos[int(row["id"])] = str(row["avatar_url"])
    if badges:
        refs.badges = {int(i): str(n) for i, n in await Badge.filter(id__in=badges).values_list("id", "name")}
    return refs
