"""The hot path of the busiest query: a `feed` page, answered without field-by-field
execution.

Strawberry resolves every field of every post on its own; on a 20-post page that is most
of the request's time. For documents that only ask for plain fields of the feed, this
module compiles the selection once (kept with the parsed document, after the schema's own
validation) and projects rows fetched with two hand-written statements straight into the
response. Anything it does not know (other fields, directives, filters, errors, SQLite)
falls back to the normal execution, which stays the reference: a test checks that both
give the same answer. The viewer is found as for any request (`authenticate`, then its
`Scope`), and the rows come from `server.feed.hot_page`, whose SQL takes its audience from
that Scope.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    IntValueNode,
    NullValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    StringValueNode,
    VariableNode,
)
from graphql.error import GraphQLError
from starlette.requests import HTTPConnection
from starlette.responses import Response

from schema.cost import cost_errors
from schema.documents import parse_document, validation_errors
from schema.request_context import session_token
from schema.texts.types import text_refs
from server.accounts.services import authenticate
from server.errors import DomainError
from server.feed import audience, hot_page
from server.feed.reading import PAGE_MAX, decode_cursor, encode_cursor
from server.i18n import pick_language
from server.media.storage import media_url
from server.network.scope import scope_of_user
from server.texts.refs import Refs, resolve
from server.texts.render import system_post_text

# ----------------------------------------------------------------- compiling documents

# type name -> field name -> child type (None for a leaf)
SHAPES: dict[str, dict[str, str | None]] = {
    "PostConnection": {"edges": "PostEdge", "pageInfo": "PageInfo", "pinned": "Post"},
    "PostEdge": {"cursor": None, "node": "Post"},
    "PageInfo": {"hasNextPage": None, "endCursor": None},
    "Post": {
        **{
            name: None
            for name in (
                "id kind body createdAt editedAt audience figure product context action result "
                "tags likeCount commentCount likedByMe recommendedBy recommendedUnitCount pinned "
                "hiddenReason viewerIsAuthor viewerCanModerate systemKind systemParams"
            ).split()
        },
        "author": "User",
        "images": "PostImage",
        "systemRefs": "TextRefs",
    },
    "TextRefs": {"people": "TextRef", "badges": "TextRef", "challenges": "TextRef"},
    "TextRef": {"id": None, "name": None},
    "User": {name: None for name in "id displayName initials role avatarUrl photoUrl".split()} | {"unit": "Unit"},
    "Unit": {name: None for name in "id name kind city".split()},
    "PostImage": {name: None for name in "id feedUrl fullUrl width height feedWidth feedHeight".split()},
}

Plan = list[tuple[str, str, "Plan | None"]]  # (response key, field name, child plan)


class Unsupported(Exception):
    pass


@dataclass(slots=True)
class Compiled:
    root_key: str
    plan: Plan
    first: Any  # a literal value or ("var", name, default)
    after: Any
    filter: Any
    order: Any
    variable_defaults: dict[str, Any]


def _compile(
    selection_set: SelectionSetNode, type_name: str, fragments: dict[str, FragmentDefinitionNode]
) -> Plan:
    plan: Plan = []
    fields = SHAPES[type_name]
    for selection in selection_set.selections:
        if getattr(selection, "directives", None):
            raise Unsupported("directive")
        if isinstance(selection, FragmentSpreadNode):
            fragment = fragments[selection.name.value]
            if fragment.type_condition.name.value != type_name:
                raise Unsupported("fragment on another type")
            plan += _compile(fragment.selection_set, type_name, fragments)
        elif isinstance(selection, InlineFragmentNode):
            if selection.type_condition and selection.type_condition.name.value != type_name:
                raise Unsupported("inline fragment on another type")
            plan += _compile(selection.selection_set, type_name, fragments)
        elif isinstance(selection, FieldNode):
            name = selection.name.value
            key = selection.alias.value if selection.alias else name
            if selection.arguments:
                raise Unsupported("arguments")
            if name == "__typename":
                plan.append((key, name, None))
                continue
            if name not in fields:
                raise Unsupported(name)
            child = fields[name]
            if child and selection.selection_set is None:
                raise Unsupported("no selection")
            sub = _compile(selection.selection_set, child, fragments) if child and selection.selection_set else None
            plan.append((key, name, sub))
    return plan


def _argument(node: Any, defaults: dict[str, Any]) -> Any:
    if isinstance(node, VariableNode):
        return ("var", node.name.value)
    if isinstance(node, IntValueNode):
        return int(node.value)
    if isinstance(node, StringValueNode):
        return node.value
    if isinstance(node, NullValueNode) or node is None:
        return None
    raise Unsupported("argument literal")


def compile_document(document: DocumentNode, operation_name: str | None) -> Compiled:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {
        d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
    }
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation.value != "query":
        raise Unsupported("operation")
    operation = operations[0]
    if operation.directives or len(operation.selection_set.selections) != 1:
        raise Unsupported("root")
    root = operation.selection_set.selections[0]
    if not isinstance(root, FieldNode) or root.name.value != "feed" or root.directives:
        raise Unsupported("root field")
    arguments = {a.name.value: a.value for a in root.arguments or ()}
    if set(arguments) - {"first", "after", "filter", "order"}:
        raise Unsupported("feed arguments")
    for name in ("filter", "order"):
        # only as variables (checked when run: null, or NEWEST) or absent
        if name in arguments and not isinstance(arguments[name], VariableNode):
            raise Unsupported(name)
    defaults: dict[str, Any] = {}
    for definition in operation.variable_definitions or ():
        default = definition.default_value
        if default is not None:
            defaults[definition.variable.name.value] = _argument(default, {})
    assert root.selection_set is not None
    first = _argument(arguments.get("first"), defaults) if "first" in arguments else 20
    _within_cost(document, operation, first)
    return Compiled(
        root_key=root.alias.value if root.alias else "feed",
        plan=_compile(root.selection_set, "PostConnection", fragments),
        first=first,
        after=_argument(arguments.get("after"), defaults) if "after" in arguments else None,
        filter=_argument(arguments["filter"], defaults) if "filter" in arguments else None,
        order=_argument(arguments["order"], defaults) if "order" in arguments else None,
        variable_defaults=defaults,
    )


def _within_cost(document: DocumentNode, operation: OperationDefinitionNode, first: Any) -> None:
    """The schema's cost limit (schema.cost) holds here too, priced at the largest page this
    path serves, so no variable can make a compiled document too expensive."""
    from schema import schema

    variables = {first[1]: PAGE_MAX} if isinstance(first, tuple) else {}
    if cost_errors(schema._schema, document, operation, variables, "en"):
        raise Unsupported("cost")  # the normal path refuses it with a clear error


def compiled_for(query: str, operation_name: str | None) -> Compiled | None:
    """The plan for a plain feed page, kept with the parsed document (schema.documents)."""
    try:
        parsed = parse_document(query)
    except GraphQLError:
        return None  # the normal path answers with its clear error
    key = ("fast-feed", operation_name)
    if key not in parsed.derived:
        result: Compiled | None = None
        # the schema's own limits hold here too: too many aliases or a field out of place,
        # and the normal path answers (with its clear error)
        if not validation_errors(parsed):
            try:
                result = compile_document(parsed.document, operation_name)
            except (Unsupported, KeyError, TypeError):
                result = None
        parsed.derived[key] = result
    compiled: Compiled | None = parsed.derived[key]
    return compiled


# ----------------------------------------------------------------------- projecting


def project(value: Any, plan: Plan | None, type_name: str) -> Any:
    if plan is None or value is None:
        return value
    if isinstance(value, list):
        return [project(v, plan, type_name) for v in value]
    out: dict[str, Any] = {}
    for key, name, sub in plan:
        if name == "__typename":
            out[key] = type_name
        else:
            child = SHAPES[type_name][name]
            out[key] = project(value[name], sub, child) if sub is not None and child else value[name]
    return out


def _initials(name: str) -> str:
    parts = [p for p in name.replace("-", " ").split() if p]
    return "".join(p[0] for p in parts[:2]).upper() or "?"


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


@dataclass(slots=True)
class Texts:
    """What the page's automatic posts name, looked up once, and the reader's language."""

    refs: Refs
    language: str


def _system_params(record: Any) -> dict[str, Any] | None:
    return json.loads(record["system_params"]) if record["system_params"] else None


def _system(record: Any, texts: Texts) -> dict[str, Any]:
    """An automatic post's sentence in the reader's language, with what it names."""
    kind, params = record["system_kind"], _system_params(record)
    if record["kind"] != "SYSTEM" or not kind:
        return {"body": record["body"], "systemKind": kind, "systemParams": params, "systemRefs": None}
    refs = text_refs(params or {}, texts.refs, texts.language)
    return {
        "body": system_post_text(kind, params or {}, record["body"], texts.refs, texts.language),
        "systemKind": kind,
        "systemParams": params,
        "systemRefs": {
            "people": [{"id": r.id, "name": r.name} for r in refs.people],
            "badges": [{"id": r.id, "name": r.name} for r in refs.badges],
            "challenges": [{"id": r.id, "name": r.name} for r in refs.challenges],
        },
    }


def _post(
    record: Any, viewer_id: int, moderates: Callable[[str], bool], pinned: bool, texts: Texts
) -> dict[str, Any]:
    unit_id = record["author_unit_id"]
    images = json.loads(record["images"]) if record["images"] else []
    for image in images:
        image["feedUrl"] = media_url(image["key"], "feed")
        image["fullUrl"] = media_url(image.pop("key"), "full")
    author_id = record["author_id"]
    return {
        "id": str(record["id"]),
        "kind": record["kind"],
        **_system(record, texts),
        "createdAt": record["created_at"].isoformat(),
        "editedAt": _iso(record["edited_at"]),
        "audience": record["audience"],
        "figure": record["figure"],
        "product": record["product"],
        "context": record["context"],
        "action": record["action"],
        "result": record["result"],
        "tags": list(record["tags"]),
        "images": images,
        "likeCount": record["like_count"],
        "commentCount": record["comment_count"],
        "likedByMe": record["liked"],
        "recommendedBy": list(record["recommended_by"]),
        "recommendedUnitCount": record["recommended_units"],
        "pinned": pinned,
        "hiddenReason": record["hidden_reason"],
        "viewerIsAuthor": author_id == viewer_id,
        "viewerCanModerate": moderates(record["unit_path"]),
        "author": {
            "id": str(author_id),
            "displayName": record["display_name"],
            "initials": _initials(record["display_name"]),
            "role": record["role"],
            "avatarUrl": record["avatar_url"],
            "photoUrl": record["avatar_url"],
            "unit": None
            if unit_id is None
            else {
                "id": str(unit_id),
                "name": record["author_unit_name"],
                "kind": record["author_unit_kind"],
                "city": record["author_unit_city"],
            },
        },
    }


# ------------------------------------------------------------------------ executing


def _value(spec: Any, variables: dict[str, Any], defaults: dict[str, Any]) -> Any:
    if isinstance(spec, tuple):
        name = spec[1]
        if name in variables:
            return variables[name]
        return defaults.get(name)
    return spec


async def try_feed(
    connection: HTTPConnection, query: str, variables: dict[str, Any] | None, operation_name: str | None
) -> Response | None:
    """The answer for a plain feed page, or None to let strawberry execute the document."""
    if not hot_page.available():
        return None
    compiled = compiled_for(query, operation_name)
    if compiled is None:
        return None
    variables = variables or {}
    first = _value(compiled.first, variables, compiled.variable_defaults)
    after = _value(compiled.after, variables, compiled.variable_defaults)
    if first is None:
        first = 20
    if type(first) is not int or not 1 <= first <= PAGE_MAX:
        return None
    if after is not None and not isinstance(after, str):
        return None
    if _value(compiled.filter, variables, compiled.variable_defaults) is not None:
        return None
    if _value(compiled.order, variables, compiled.variable_defaults) not in (None, "NEWEST"):
        return None
    try:
        before_id = decode_cursor(after) if after is not None else 2**31 - 1
    except DomainError:
        return None
    # the same session check and the same scope as every other request (schema.request_context)
    user = await authenticate(session_token(connection))
    if user is None:
        return None
    scope = await scope_of_user(user, user.unit)
    found = await hot_page.hot_page(scope, before_id, first + 1, with_pinned=after is None)

    def moderates(path: str) -> bool:
        return audience.moderates(scope, path)

    viewer_id = scope.user_id or 0
    shown = [*found.records[:first], *found.pinned]
    automatic = [p for p in (_system_params(r) for r in shown if r["system_kind"]) if p]
    texts = Texts(
        await resolve(automatic) if automatic else Refs(),  # a few queries, only for automatic posts
        pick_language(connection.headers.get("accept-language"), user.language),
    )
    rows = [_post(r, viewer_id, moderates, False, texts) for r in found.records[:first]]
    cursors = [encode_cursor(int(r["id"])) for r in rows]
    page = {
        "pinned": [_post(r, viewer_id, moderates, True, texts) for r in found.pinned],
        "edges": [{"cursor": c, "node": r} for c, r in zip(cursors, rows, strict=True)],
        "pageInfo": {
            "hasNextPage": len(found.records) > first,
            "endCursor": cursors[-1] if cursors else None,
        },
    }
    data = {"data": {compiled.root_key: project(page, compiled.plan, "PostConnection")}}
    return Response(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        media_type="application/json",
    )
