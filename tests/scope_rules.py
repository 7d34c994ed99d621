"""Table-driven scope rules: each field of a domain that takes an id, tried by the people the
rule must refuse (a member, a manager of a sibling unit, a manager of a child unit) and by
one it must allow (so a refusal is never a broken document), over HTTP or a WebSocket.

A domain's test lists a `Rule` per field; `missing_rules` fails the test when the domain
gains a field taking an id without one."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from graphql import GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLType
from strawberry.utils.str_converters import to_camel_case

from schema import schema
from tests.graphql_client import GraphQLClient, Subscription

MEMBER, SIBLING, CHILD, ALLOWED = "member", "sibling manager", "child manager", "allowed"
# the people tried first (refusals must change nothing the allowed one then relies on)
REFUSED_BY_DEFAULT = (MEMBER, SIBLING, CHILD)
# a typed refusal: the thing is not found for them, or they may not do this, or (for an import
# or a device) what they name is not theirs
REFUSALS = {"NotFoundError", "NotAllowedError", "ImportSatisfactionRejected", "ConflictError"}
REFUSAL_CODES = {"NOT_FOUND", "FORBIDDEN"}


@dataclass
class Rule:
    field: str  # the GraphQL field, e.g. "actionPlan"
    document: str
    variables: Callable[[Any], dict[str, Any]]  # from the domain's world (ids of its things)
    # who of MEMBER, SIBLING, CHILD must be refused; the others must be allowed
    refused: tuple[str, ...] = REFUSED_BY_DEFAULT
    subscription: bool = False
    # for a field whose refusal is not an error: tells a refused answer from an allowed one
    refusal: Callable[[Any], bool] | None = None
    why: str = ""  # the rule, when it allows one of the three
    # which of the world's people plays the member and the allowed one (keys of `tokens`)
    member: str = MEMBER
    allowed: str = ALLOWED


@dataclass
class Verdict:
    rule: str
    actor: str
    expected: str
    got: str
    detail: str = ""


@dataclass
class Table:
    rules: list[Rule]
    verdicts: list[Verdict] = field(default_factory=list)

    def mismatches(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.expected != v.got]


def _answer_refused(rule: Rule, body: dict[str, Any]) -> tuple[bool, str]:
    errors = body.get("errors") or []
    if errors:
        codes = {(e.get("extensions") or {}).get("code") for e in errors}
        if codes <= REFUSAL_CODES:
            return True, str(codes)
        raise AssertionError(f"{rule.field}: unexpected errors {errors}")
    value = (body.get("data") or {}).get(rule.field)
    if rule.refusal is not None:
        return rule.refusal(value), str(value)[:200]
    if value is None:
        return True, "null"
    if isinstance(value, dict) and "__typename" in value:
        return value["__typename"] in REFUSALS, str(value["__typename"])
    return False, str(value)[:200]


async def _over_http(url: str, token: str, rule: Rule, variables: dict[str, Any]) -> tuple[bool, str]:
    async with GraphQLClient(url, token=token) as client:
        body = (await client.raw(rule.document, variables)).json()
    return _answer_refused(rule, body)


async def _over_socket(ws_url: str, token: str, rule: Rule, variables: dict[str, Any]) -> tuple[bool, str]:
    async with Subscription(ws_url, token=token) as socket:
        await socket.connect()
        await socket.subscribe(rule.document, variables)
        message = await socket.next(timeout=10)
    if message["type"] == "error":
        return True, "error"
    if message["type"] == "next" and message["payload"].get("errors"):
        return _answer_refused(rule, message["payload"])
    return False, message["type"]


async def run_table(live_server: Any, world: Any, rules: Iterable[Rule], tokens: dict[str, str]) -> Table:
    """Tries every rule with each actor (MEMBER, SIBLING, CHILD, then ALLOWED last), each
    played by the person of `tokens` the rule names."""
    table = Table(list(rules))
    for rule in table.rules:
        for actor in (*REFUSED_BY_DEFAULT, ALLOWED):
            expected = "refused" if actor in rule.refused else "allowed"
            token = tokens[rule.member if actor == MEMBER else rule.allowed if actor == ALLOWED else actor]
            variables = rule.variables(world)
            if rule.subscription:
                refused, detail = await _over_socket(live_server.ws_url, token, rule, variables)
            else:
                refused, detail = await _over_http(live_server.url, token, rule, variables)
            table.verdicts.append(Verdict(rule.field, actor, expected, "refused" if refused else "allowed", detail))
    return table


def _takes_id(kind: GraphQLType, seen: set[str] | None = None) -> bool:
    seen = seen if seen is not None else set()
    while isinstance(kind, GraphQLNonNull | GraphQLList):
        kind = kind.of_type
    if getattr(kind, "name", None) == "ID":
        return True
    if isinstance(kind, GraphQLInputObjectType) and kind.name not in seen:
        seen.add(kind.name)
        return any(_takes_id(f.type, seen) for f in kind.fields.values())
    return False


def fields_taking_ids(*mixins: type) -> set[str]:
    """The GraphQL fields a domain's Query, Mutation and Subscription mixins declare that take
    an id (an `ID` argument, or an input holding one)."""
    names: set[str] = set()
    roots = [schema._schema.query_type, schema._schema.mutation_type, schema._schema.subscription_type]
    for mixin in mixins:
        for declared in mixin.__strawberry_definition__.fields:  # type: ignore[attr-defined]
            name = declared.graphql_name or to_camel_case(declared.python_name)
            for root in roots:
                found = root.fields.get(name) if root is not None else None
                if found is not None and any(_takes_id(arg.type) for arg in found.args.values()):
                    names.add(name)
    return names


def missing_rules(rules: Iterable[Rule], *mixins: type) -> set[str]:
    return fields_taking_ids(*mixins) - {r.field for r in rules}
