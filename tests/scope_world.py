"""A small world to prove scope rules on: who may read or change a thing of the Nord region.

The actors, around the region Nord (Lille and Arras below it, Sud-Ouest beside it):
- `member`: a seller of Lille (inside Nord),
- `sibling`: the manager of Sud-Ouest (a sibling of Nord),
- `child`: the manager of Lille (a unit below Nord),
- `owner`: the manager of Nord, who runs what lives there,
- `author`: a member attached to Nord itself (writes the region's posts),
- `admin`: head office, and `stranger`: head office of another organisation.

`enforce` runs one rule for each actor, each on a thing of its own (`prepare`), and compares
who went through with what the rule says: unlike `tests.scope_rules.run_table`, several people
may be allowed a destructive change (a comment deleted by its author or by a moderator), and a
refusal is told by what the action did, not by an error's name. `uncovered` shares
`tests.scope_rules.fields_taking_ids`: a field taking an id without a rule fails its domain."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from server.accounts.models import Role, User
from tests.factories import Network, make_network, signed_in
from tests.graphql_client import GraphQLClient
from tests.scope_rules import fields_taking_ids

ACTORS = ("member", "sibling", "child", "owner", "author", "admin", "stranger")


@dataclass
class World:
    live_server: Any
    network: Network
    users: dict[str, User] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    things: dict[str, Any] = field(default_factory=dict)

    def client(self, actor: str) -> GraphQLClient:
        return GraphQLClient(self.live_server.url, token=self.tokens[actor])

    async def execute(self, actor: str, document: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        async with self.client(actor) as client:
            return dict((await client.raw(document, variables)).json())


async def make_world(live_server: Any) -> World:
    network, other = await make_network(), await make_network()
    world = World(live_server, network)
    for name, unit, role in (
        ("member", network.points_of_sale["Lille"], Role.MEMBER),
        ("sibling", network.regions["Sud-Ouest"], Role.MANAGER),
        ("child", network.points_of_sale["Lille"], Role.MANAGER),
        ("owner", network.regions["Nord"], Role.MANAGER),
        ("author", network.regions["Nord"], Role.MEMBER),
        ("admin", network.root, Role.ADMIN),
        ("stranger", other.root, Role.ADMIN),
    ):
        world.users[name], world.tokens[name] = await signed_in(unit, role, name=f"{name.capitalize()} Test")
    return world


Check = Callable[[World, str], Awaitable[bool]]


@dataclass(frozen=True)
class Rule:
    """`check` acts as one actor and says whether it went through; `allowed` says who may."""

    name: str
    check: Check
    allowed: frozenset[str]
    actors: tuple[str, ...] = ("member", "sibling", "child", "stranger")
    prepare: Callable[[World], Awaitable[None]] | None = None

    def __repr__(self) -> str:
        return self.name

    @property
    def field(self) -> str:
        """The GraphQL field the rule is about: the name's first word ("post(id)": post)."""
        found = re.match(r"\w+", self.name)
        return found.group(0) if found else self.name


def rule(name: str, check: Check, allowed: Iterable[str], prepare: Callable[[World], Awaitable[None]] | None = None,
         also: Iterable[str] = ()) -> Rule:
    allowed = frozenset(allowed)
    actors = tuple(dict.fromkeys(["member", "sibling", "child", "stranger", *also, *sorted(allowed)]))
    return Rule(name, check, allowed, actors, prepare)


def uncovered(rules: Iterable[Rule], *mixins: type) -> set[str]:
    """The fields of a domain's mixins that take an id and have no rule."""
    return fields_taking_ids(*mixins) - {r.field for r in rules}


async def enforce(world: World, checked: Rule, prepare: Callable[[World], Awaitable[None]] | None = None) -> None:
    went_through: dict[str, bool] = {}
    for actor in checked.actors:
        for step in (prepare, checked.prepare):
            if step is not None:
                await step(world)
        went_through[actor] = await checked.check(world, actor)
    expected = {a: a in checked.allowed for a in checked.actors}
    assert went_through == expected, f"{checked.name}: went through {went_through}, expected {expected}"


def succeeded(body: dict[str, Any], field_name: str) -> bool:
    """A mutation went through: its result is its success member."""
    data = (body.get("data") or {}).get(field_name)
    return bool(data) and str(data.get("__typename", "")).endswith(("Success", "Report")) and not body.get("errors")


def answered(body: dict[str, Any], field_name: str) -> bool:
    """A query answered with the thing, not null nor an error."""
    return not body.get("errors") and (body.get("data") or {}).get(field_name) is not None
