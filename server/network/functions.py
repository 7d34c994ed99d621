"""Head-office functions: the organisation's own list (seeded with commerce, marketing,
qualité, développement réseau, expérience client, formation), who carries which, and what
each lets its people manage without being admins.

What a function manages is a set of content names that `Scope.may_manage` and
`Scope.manages_content` read: « challenges » (create and run challenges), « modules »
(training modules and quizzes), « satisfaction » (surveys and mystery visits), and
« objectives.<lever> » (the plan's objectives of that lever). Head office (admins) changes the
list and who carries what; every change is audited."""

from __future__ import annotations

from dataclasses import dataclass

from server.accounts.models import Role, User
from server.audit.services import record
from server.db import atomic
from server.errors import ValidationFailed
from server.network.function_models import Function, PersonFunction
from server.network.models import Unit
from server.network.scope import Scope

CONTENT = ("challenges", "modules", "satisfaction") + tuple(
    f"objectives.{lever}" for lever in ("training", "quiz", "skills", "satisfaction", "challenges", "retention")
)
ALL_OBJECTIVES = [c for c in CONTENT if c.startswith("objectives.")]
# key, name, what it manages
SEEDED: list[tuple[str, str, list[str]]] = [
    ("commerce", "Commerce", ALL_OBJECTIVES),
    ("marketing", "Marketing", ["challenges", "objectives.challenges"]),
    ("qualite", "Qualité", ["satisfaction", "objectives.satisfaction"]),
    ("developpement-reseau", "Développement réseau", ["objectives.retention", "objectives.skills"]),
    ("experience-client", "Expérience client", ["satisfaction", "objectives.satisfaction"]),
    ("formation", "Formation", ["modules", "objectives.training", "objectives.quiz", "objectives.skills"]),
]


async def content_of(user_id: int) -> frozenset[str]:
    """What a person's functions let it manage (one query)."""
    rows = await PersonFunction.filter(user_id=user_id).values_list("function__manages", flat=True)
    return frozenset(str(c) for manages in rows for c in (manages or []))  # type: ignore[union-attr]


async def seed_functions(organization_id: int) -> list[Function]:
    """The organisation's starting list (kept when it already has one)."""
    found = await Function.filter(organization_id=organization_id).order_by("id")
    if found:
        return list(found)
    async with atomic():
        return [
            await Function.create(organization_id=organization_id, key=key, name=name, manages=manages)
            for key, name, manages in SEEDED
        ]


@dataclass(frozen=True, slots=True)
class FunctionRow:
    id: int
    key: str
    name: str
    manages: list[str]
    people: list[tuple[int, str]]  # (user id, display name)


async def functions(scope: Scope) -> list[FunctionRow]:
    """The organisation's functions and their people; anyone in the organisation may read it
    (it says who to turn to for a lever). Seeded on first read."""
    rows = await seed_functions(scope.organization_id)
    people: dict[int, list[tuple[int, str]]] = {}
    for p in await PersonFunction.filter(function__organization_id=scope.organization_id).order_by(
        "user__display_name"
    ).values("function_id", "user_id", "user__display_name"):
        people.setdefault(int(p["function_id"]), []).append((int(p["user_id"]), str(p["user__display_name"])))
    return [FunctionRow(f.id, f.key, f.name, list(f.manages), people.get(f.id, [])) for f in rows]


async def set_person_functions(scope: Scope, user_id: int, function_ids: list[int]) -> list[Function]:
    """Head office gives a head-office person its functions (replacing the previous ones)."""
    scope.require_admin()
    person = await User.get_or_none(id=user_id, organization_id=scope.organization_id)
    if person is None:
        raise ValidationFailed("person_not_found", "userId")
    await seed_functions(scope.organization_id)
    chosen = await Function.filter(organization_id=scope.organization_id, id__in=function_ids).order_by("id")
    if len(chosen) != len(set(function_ids)):
        raise ValidationFailed("function_not_found", "functionIds")
    if chosen and person.role == Role.MEMBER and not await _at_head_office(person):
        raise ValidationFailed("function_head_office_only", "userId")
    async with atomic():
        before = sorted(await PersonFunction.filter(user_id=person.id).values_list("function__name", flat=True))  # type: ignore[type-var]
        await PersonFunction.filter(user_id=person.id).delete()
        for function in chosen:
            await PersonFunction.create(user_id=person.id, function_id=function.id)
        await record(
            scope, "person.functions", "person", person.id,
            {"functions": before, "name": person.display_name}, {"functions": [f.name for f in chosen], "name": person.display_name},
        )
    return list(chosen)


async def _at_head_office(person: User) -> bool:
    return await Unit.filter(id=person.unit_id, parent_id=None).exists()


async def set_function_content(scope: Scope, function_id: int, manages: list[str]) -> Function:
    """Head office changes what a function manages."""
    scope.require_admin()
    function = await Function.get_or_none(id=function_id, organization_id=scope.organization_id)
    if function is None:
        raise ValidationFailed("function_not_found", "functionId")
    if any(c not in CONTENT for c in manages):
        raise ValidationFailed("function_content_invalid", "manages")
    async with atomic():
        before = list(function.manages)
        function.manages = sorted(set(manages))
        await function.save(update_fields=["manages"])
        await record(scope, "function.updated", "function", function.id, {"manages": before, "name": function.name},
                     {"manages": function.manages, "name": function.name})
    return function
