"""Planned execution: a validated query compiled once into a plan that calls the same root
resolvers as strawberry and projects what they return straight into the response.

Strawberry resolves every field of every object on its own (a 20-post feed page is about
1,700 field resolutions, with their extensions and serialisers): most of a read's time. Yet
nearly every field the PWA reads is a plain attribute of the rows the domain's read
functions return (`server.feed.rows`, …). So, for a query whose root fields opt in
(`PLANNED_ROOTS`: resolvers that only need `info.context`) and whose selections below are
attributes, sync projections of the object (e.g. `initials`, or a notification's `text` in
the viewer's language from `info.context`), `__typename`, fragments on the
same object type, or `@include`/`@skip`, the document is compiled once (kept with the parsed
text, schema.documents, after the schema's own validation) into a tree of getters and
serialisers taken from the schema itself (so an enum or a date serialises exactly as
strawberry would). At run time the variables are coerced by graphql-core, the arguments
converted by strawberry, the cost limit checked, the root resolver called with the request's
context, and its result projected. A subscription whose root field opts in
(`PLANNED_SUBSCRIPTIONS`) is compiled the same way: each event its resolver yields is
projected (schema.ws sends them; « Notre plan » live is 1,201 units, 90,000 fields, per event).

Anything else (an async field such as a loader or a nested page, a union, an error, a
null where the schema says non-null, a mutation) is answered by strawberry, which stays the
reference: tests/server/test_planned_documents.py runs every query of the PWA both ways (its live
« Notre plan »: tests/plans/test_my_plan.py; « Mes résultats »: tests/dashboards/test_my_dashboard_planned.py;
both through tests/planned_streams.py).
"""

from __future__ import annotations

import asyncio
import inspect
import json
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any

import orjson
from graphql import (
    BooleanValueNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLField,
    GraphQLFloat,
    GraphQLID,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
)
from graphql.error import GraphQLError
from graphql.execution.values import get_argument_values, get_variable_values

from schema.cost import cost_errors
from schema.documents import parse_document, validation_errors
from schema.wire import dumps

# root query fields whose resolvers need nothing of `info` but `info.context`, answered by a plan
PLANNED_ROOTS = frozenset({
    "feed", "post", "me", "challenges", "challenge", "pendingDuels", "metrics", "duelOpponents", "notifications",
    "unreadNotificationCount", "myDashboard", "myPlan",
})
# subscription fields likewise: each event the resolver yields is projected by the plan
PLANNED_SUBSCRIPTIONS = frozenset({"myPlan", "myDashboard"})
BACKREF = "strawberry-definition"
COST_CACHE = 256  # variable sets priced per plan


class Unplannable(Exception):
    """The document (or this run of it) is left to strawberry."""


Condition = tuple[bool, Any]  # (include when true, a bool or ("var", name))


@dataclass(slots=True)
class Leaf:
    key: str
    attribute: str | None  # None: a sync projection
    projection: Callable[[Any, Any], Any] | None  # (object, PlannedInfo)
    serialize: Callable[[Any], Any] | None  # None: the value as it is (str, int, bool)
    non_null: bool
    list_depth: int
    conditions: list[Condition] = field(default_factory=list)
    pass_type: type | None = None  # values of this type are sent as they are
    scalar_serialize: Callable[[Any], Any] | None = None  # the schema's serialiser, for the others
    is_async: bool = False  # the projection returns an awaitable (a resolver using a loader)
    fast: str | None = None  # "float", "id", "enum": the common values serialised inline (`_Writer`)


@dataclass(slots=True)
class Branch:
    key: str
    attribute: str | None
    projection: Callable[[Any, Any], Any] | None  # (object, PlannedInfo)
    children: list[Any]  # Leaf | Branch | TypeName
    non_null: bool
    list_depth: int
    conditions: list[Condition] = field(default_factory=list)
    is_async: bool = False


@dataclass(slots=True)
class TypeName:
    key: str
    name: str
    conditions: list[Condition] = field(default_factory=list)


@dataclass(slots=True)
class Root:
    key: str
    graphql_field: GraphQLField
    node: FieldNode
    type: Any
    children: list[Any]
    non_null: bool
    list_depth: int
    conditions: list[Condition] = field(default_factory=list)
    project: Callable[[Any, dict[str, Any], Any], Any] | None = None


@dataclass(slots=True)
class Plan:
    document: DocumentNode
    operation: OperationDefinitionNode
    roots: list[Root | TypeName]
    # whether the document is within the cost limit, by language and variables (the same
    # variables price the same: a page of 20 is priced once, not on every request)
    within_cost: dict[tuple[str, str], bool] = field(default_factory=dict)


# ------------------------------------------------------------------------------ compiling


def _unwrap(kind: Any) -> tuple[Any, bool, int]:
    """The named type, whether the outermost is non-null, and how many lists wrap it
    (only nullable items inside lists, or non-null ones: both are checked at run time)."""
    non_null = isinstance(kind, GraphQLNonNull)
    depth = 0
    while isinstance(kind, GraphQLNonNull | GraphQLList):
        if isinstance(kind, GraphQLList):
            depth += 1
        kind = kind.of_type
    return kind, non_null, depth


def _conditions(node: Any) -> list[Condition]:
    found: list[Condition] = []
    for directive in node.directives or ():
        name = directive.name.value
        if name not in ("include", "skip"):
            raise Unplannable(f"directive @{name}")
        value = directive.arguments[0].value
        if isinstance(value, BooleanValueNode):
            found.append((name == "include", value.value))
        elif isinstance(value, VariableNode):
            found.append((name == "include", ("var", value.name.value)))
        else:
            raise Unplannable("directive argument")
    return found


_PASS_THROUGH = {"String": str, "Int": int, "Boolean": bool}


def _serializer(kind: Any) -> Callable[[Any], Any] | None:
    if isinstance(kind, GraphQLScalarType) and kind.name in _PASS_THROUGH:
        return None  # a str, int or bool as it is; anything else through the schema's serialiser
    if isinstance(kind, GraphQLScalarType | GraphQLEnumType):
        return kind.serialize
    raise Unplannable(f"type {kind}")


def _fast(kind: Any) -> str | None:
    """Which of the `_Writer`'s inline serialisations fits a leaf: a finite float (graphql-core
    returns it as it is), an int ID (its text), an enum (each distinct value through the schema's
    serialiser once); anything else goes through the serialiser."""
    if isinstance(kind, GraphQLEnumType):
        return "enum"
    if kind is GraphQLFloat or (isinstance(kind, GraphQLScalarType) and kind.serialize is GraphQLFloat.serialize):
        return "float"
    if kind is GraphQLID or (isinstance(kind, GraphQLScalarType) and kind.serialize is GraphQLID.serialize):
        return "id"
    return None


def _projection(definition: Any) -> tuple[str | None, Callable[[Any, Any], Any] | None, bool]:
    """How a field reads its object: an attribute, or a resolver of the object alone (sync, or
    async for one that asks a per-request loader, e.g. names behind a system post's ids); the
    request's context reaches it through the PlannedInfo."""
    if definition.permission_classes or definition.extensions:
        raise Unplannable(f"field {definition.python_name} has permissions or extensions")
    if definition.arguments:
        raise Unplannable(f"field {definition.python_name} takes arguments")
    resolver = definition.base_resolver
    if resolver is None:
        return definition.python_name, None, False
    function = resolver.wrapped_func
    if resolver.root_parameter is not None or inspect.isasyncgenfunction(function):
        raise Unplannable(f"field {definition.python_name} needs execution")
    is_async = bool(resolver.is_async or inspect.iscoroutinefunction(function))
    info = resolver.info_parameter
    if info is None:
        return None, lambda source, _info: function(source), is_async
    name = info.name
    return None, lambda source, planned_info: function(source, **{name: planned_info}), is_async


def _selections(
    selection_set: SelectionSetNode,
    object_type: GraphQLObjectType,
    fragments: dict[str, FragmentDefinitionNode],
    inherited: list[Condition],
) -> list[Any]:
    planned: list[Any] = []
    for selection in selection_set.selections:
        conditions = inherited + _conditions(selection)
        if isinstance(selection, FragmentSpreadNode | InlineFragmentNode):
            fragment = fragments[selection.name.value] if isinstance(selection, FragmentSpreadNode) else selection
            condition = fragment.type_condition
            if condition is not None and condition.name.value != object_type.name:
                raise Unplannable("fragment on another type")
            if isinstance(selection, FragmentSpreadNode):
                conditions += _conditions(fragment)
            planned += _selections(fragment.selection_set, object_type, fragments, conditions)
            continue
        assert isinstance(selection, FieldNode)
        name = selection.name.value
        key = selection.alias.value if selection.alias else name
        if name == "__typename":
            planned.append(TypeName(key, object_type.name, conditions))
            continue
        graphql_field = object_type.fields[name]
        definition = (graphql_field.extensions or {}).get(BACKREF)
        if definition is None or selection.arguments:
            raise Unplannable(f"field {name}")
        attribute, projection, is_async = _projection(definition)
        kind, non_null, depth = _unwrap(graphql_field.type)
        if isinstance(kind, GraphQLObjectType):
            assert selection.selection_set is not None
            children = _selections(selection.selection_set, kind, fragments, [])
            planned.append(Branch(key, attribute, projection, children, non_null, depth, conditions, is_async))
        else:
            if not isinstance(kind, GraphQLScalarType | GraphQLEnumType):
                raise Unplannable(f"type {kind}")
            planned.append(
                Leaf(key, attribute, projection, _serializer(kind), non_null, depth, conditions,
                     _PASS_THROUGH.get(kind.name), kind.serialize, is_async, _fast(kind))
            )
    return planned


def compile_plan(schema: Any, document: DocumentNode, operation_name: str | None) -> Plan:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation.value not in ("query", "subscription"):
        raise Unplannable("operation")
    operation = operations[0]
    if operation.directives:
        raise Unplannable("operation directives")
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    subscription = operation.operation.value == "subscription"
    query_type = schema._schema.subscription_type if subscription else schema._schema.query_type
    planned = PLANNED_SUBSCRIPTIONS if subscription else PLANNED_ROOTS
    roots: list[Root | TypeName] = []
    for selection in operation.selection_set.selections:
        if isinstance(selection, FieldNode) and selection.name.value == "__typename" and not subscription:
            key = selection.alias.value if selection.alias else "__typename"
            roots.append(TypeName(key, query_type.name, _conditions(selection)))
            continue
        if not isinstance(selection, FieldNode) or selection.name.value not in planned:
            raise Unplannable("root")
        if subscription and (selection.directives or len(operation.selection_set.selections) != 1):
            raise Unplannable("a subscription's root")
        definition = query_type.fields[selection.name.value]
        kind, non_null, depth = _unwrap(definition.type)
        if not isinstance(kind, GraphQLObjectType) or selection.selection_set is None:
            raise Unplannable("root type")
        children = _selections(selection.selection_set, kind, fragments, [])
        key = selection.alias.value if selection.alias else selection.name.value
        root = Root(key, definition, selection, kind, children, non_null, depth, _conditions(selection))
        writer = _Writer()
        root.project = writer.compile([Branch(key, "value", None, children, non_null, depth)])
        roots.append(root)
    return Plan(document, operation, roots)


def plan_for(schema: Any, query: str, operation_name: str | None) -> Plan | None:
    """The plan of a document, compiled once and kept with its parsed text; None when
    strawberry must execute it (or refuse it with its clear error)."""
    try:
        parsed = parse_document(query)
    except GraphQLError:
        return None
    key = ("plan", operation_name)
    if key not in parsed.derived:
        plan: Plan | None = None
        if not validation_errors(parsed):
            try:
                plan = compile_plan(schema, parsed.document, operation_name)
            except (Unplannable, KeyError):
                plan = None
        parsed.derived[key] = plan
    found: Plan | None = parsed.derived[key]
    return found


# ------------------------------------------------------------------------------- running


class PlannedInfo:
    """What a planned root resolver gets for `info`: the request's context, nothing else."""

    __slots__ = ("context",)

    def __init__(self, context: Any) -> None:
        self.context = context

    def __getattr__(self, name: str) -> Any:
        raise Unplannable(f"info.{name}")


def _included(conditions: list[Condition], variables: dict[str, Any]) -> bool:
    for include, value in conditions:
        if isinstance(value, tuple):
            value = variables.get(value[1])
        if bool(value) is not include:
            return False
    return True


class _Writer:
    """Writes a plan as Python source, once: one function per object type in the selection,
    fields read by attribute and serialised inline (walking the plan for every value cost about
    twice as much: 0.9 ms against 0.5 ms for a 21-card feed page)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.env: dict[str, Any] = {"Unplannable": Unplannable, "_included": _included}
        self.count = 0

    def constant(self, value: Any) -> str:
        self.count += 1
        name = f"k{self.count}"
        self.env[name] = value
        return name

    def awaits(self, children: list[Any]) -> bool:
        """Whether an object's projection awaits something (one of its fields, or below)."""
        return any(
            getattr(c, "is_async", False) or (type(c) is Branch and self.awaits(c.children)) for c in children
        )

    def object_function(self, children: list[Any]) -> str:
        # every function takes the value, the variables and the PlannedInfo (s|x, v, i); an
        # object whose fields await is a coroutine, and a list of them is settled together
        # (`settle`), so the per-request loaders batch the whole list as strawberry's execution does
        self.count += 1
        name = f"o{self.count}"
        body = ["    r = {}"]
        for child in children:
            indent = "    "
            if child.conditions:
                body.append(f"    if _included({self.constant(child.conditions)}, v):")
                indent = "        "
            key = repr(child.key)
            if type(child) is TypeName:
                body.append(f"{indent}r[{key}] = {child.name!r}")
                continue
            read = f"s.{child.attribute}" if child.attribute is not None else f"{self.constant(child.projection)}(s, i)"
            if child.is_async:
                read = f"(await {read})"
            if type(child) is Leaf and child.list_depth == 0 and child.serialize is None and child.pass_type:
                kind = self.constant(child.pass_type)
                fallback = self.constant(child.scalar_serialize)
                null = "raise Unplannable('null')" if child.non_null else f"r[{key}] = None"
                body += [
                    f"{indent}x = {read}",
                    f"{indent}if type(x) is {kind}: r[{key}] = x",
                    f"{indent}elif x is None: {null}",
                    f"{indent}else: r[{key}] = {fallback}(x)",
                ]
            elif type(child) is Leaf and child.list_depth == 0 and child.fast is not None:
                body += self.fast_leaf(child, read, indent)
            else:
                function, awaited = self.value_function(child, child.list_depth)
                call = f"{function}({read}, v, i)"
                body.append(f"{indent}r[{key}] = {'await ' if awaited else ''}{call}")
        body.append("    return r")
        prefix = "async def" if self.awaits(children) else "def"
        self.lines += [f"{prefix} {name}(s, v, i):", *body, ""]
        return name

    def fast_leaf(self, child: Leaf, read: str, indent: str) -> list[str]:
        """A float, ID or enum leaf serialised inline for its common values, exactly as the
        schema's serialiser would (head office's « Notre plan » is 90,000 of them: through the
        serialiser, a third of the answer's time)."""
        key = repr(child.key)
        serialize = self.constant(child.scalar_serialize)
        null = "raise Unplannable('null')" if child.non_null else f"r[{key}] = None"
        lines = [f"{indent}x = {read}", f"{indent}if x is None: {null}"]
        if child.fast == "float":
            lines.append(f"{indent}elif type(x) is float and x - x == 0.0: r[{key}] = x")  # finite
        elif child.fast == "id":
            lines.append(f"{indent}elif type(x) is int: r[{key}] = str(x)")
        else:  # an enum has a few values: each serialised once, then remembered
            memo = self.constant({})
            lines += [
                f"{indent}else:",
                f"{indent}    n = {memo}.get(x)",
                f"{indent}    if n is None: n = {memo}[x] = {serialize}(x)",
                f"{indent}    r[{key}] = n",
            ]
            return lines
        lines.append(f"{indent}else: r[{key}] = {serialize}(x)")
        return lines

    def value_function(self, child: Any, depth: int) -> tuple[str, bool]:
        """A function of (value, variables, info) for a field's value at a list depth, and
        whether it is a coroutine."""
        awaited = False
        if depth:
            if depth == 1 and type(child) is not Leaf and not self.awaits(child.children):
                # a list of objects: each projected in the comprehension itself (head office's
                # « Notre plan » is 8,400 of them), not through a function that checks for None again
                inner = self.object_function(child.children)
            else:
                inner, awaited = self.value_function(child, depth - 1)
            if awaited:
                code = f"await _settle([{inner}(y, v, i) if y is not None else _null() for y in x])"
            else:
                code = f"[{inner}(y, v, i) if y is not None else _null() for y in x]"
        elif type(child) is Leaf:
            serialize = child.serialize or child.scalar_serialize
            code = f"{self.constant(serialize)}(x)"
        else:
            awaited = self.awaits(child.children)
            code = f"{'await ' if awaited else ''}{self.object_function(child.children)}(x, v, i)"
        self.count += 1
        name = f"f{self.count}"
        null = "_null()" if child.non_null or depth != child.list_depth else "None"
        prefix = "async def" if awaited else "def"
        self.lines += [f"{prefix} {name}(x, v, i):", f"    return {null} if x is None else {code}", ""]
        return name, awaited

    def compile(self, children: list[Any]) -> Callable[[Any, dict[str, Any], Any], dict[str, Any]]:
        name = self.object_function(children)
        self.env["_null"] = _null
        self.env["_settle"] = settle
        exec("\n".join(self.lines), self.env)  # noqa: S102 - our own source, from the schema's names
        function: Callable[[Any, dict[str, Any], Any], dict[str, Any]] = self.env[name]
        return function


class _Result:
    """The root resolver's value, as the attribute the compiled root function reads."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


async def settle(coroutines: list[Coroutine[Any, Any, Any]]) -> list[Any]:
    """The values of coroutines started together, as `asyncio.gather` gives them, without a
    task for those that finish without waiting (a row whose names came with its page: most
    of them). Each runs to its first wait in turn, so a loader asked by several batches them
    all, as with gather; those waiting are then finished together."""
    values: list[Any] = [None] * len(coroutines)
    waiting: list[tuple[int, Coroutine[Any, Any, Any], Any]] = []
    for index, coroutine in enumerate(coroutines):
        try:
            awaited = coroutine.send(None)
        except StopIteration as done:
            values[index] = done.value
            continue
        except BaseException:
            for rest in coroutines[index + 1:]:
                rest.close()
            for _, started, _ in waiting:
                started.close()
            raise
        waiting.append((index, coroutine, _received(awaited)))
    if waiting:
        finished = await asyncio.gather(*(_finish(coroutine, awaited) for _, coroutine, awaited in waiting))
        for (index, _, _), value in zip(waiting, finished, strict=True):
            values[index] = value
    return values


async def _finish(coroutine: Coroutine[Any, Any, Any], awaited: Any) -> Any:
    """Runs a started coroutine to its end as a task would: waits for what it is waiting on
    (a future, or a bare yield), then resumes it; the future's result or error reaches it
    there, where it awaited."""
    while True:
        try:
            if awaited is None:
                await asyncio.sleep(0)
            else:
                await awaited
        except BaseException as error:
            if awaited is not None and awaited.done():
                pass  # the future's own error: the coroutine reads it from its future
            else:  # this task was cancelled while the future still runs: the coroutine is told
                try:
                    awaited = _received(coroutine.throw(error))
                except StopIteration as done:
                    return done.value
                continue
        try:
            awaited = _received(coroutine.send(None))
        except StopIteration as done:
            return done.value


def _received(awaited: Any) -> Any:
    """What a task does with the future its coroutine yields: marks it taken (a future awaited
    again while still marked is an error), so that it can be awaited here."""
    if getattr(awaited, "_asyncio_future_blocking", False):
        awaited._asyncio_future_blocking = False
    return awaited


def _null() -> Any:
    raise Unplannable("null in a non-null field")


async def run_plan(schema: Any, plan: Plan, context: Any, variables: dict[str, Any] | None) -> bytes | None:
    """The response body, or None to let strawberry execute the document."""
    found = get_variable_values(schema._schema, plan.operation.variable_definitions or (), variables or {})
    if isinstance(found, list):
        return None  # strawberry reports the variables' errors
    coerced = found.coerced
    if not within_cost(schema, plan, variables, getattr(context, "language", "fr")):
        return None
    info = PlannedInfo(context)
    data: dict[str, Any] = {}
    try:
        for root in plan.roots:
            if root.conditions and not _included(root.conditions, coerced):
                continue
            if type(root) is TypeName:
                data[root.key] = root.name
                continue
            assert isinstance(root, Root)
            result = call_root(schema, root, found, info)
            if inspect.isawaitable(result):
                result = await result
            data[root.key] = await project_root(root, result, coerced, info)
    except Exception:
        # a domain error, a refusal, a value the plan can't serialise: strawberry answers
        return None
    return dumps({"data": data})


def _variables_key(variables: dict[str, Any] | None) -> str:
    """The variables as a key of the priced sets: none (the usual case) without encoding,
    others by orjson, or by `json` for what orjson refuses (integers past 64 bits)."""
    if not variables:
        return ""
    try:
        return orjson.dumps(variables, option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:
        return json.dumps(variables, sort_keys=True, default=str)


def within_cost(schema: Any, plan: Plan, variables: dict[str, Any] | None, language: str) -> bool:
    key = (language, _variables_key(variables))
    within = plan.within_cost.get(key)
    if within is None:
        within = not cost_errors(schema._schema, plan.document, plan.operation, variables, language)
        if len(plan.within_cost) < COST_CACHE:
            plan.within_cost[key] = within
    return within


def call_root(schema: Any, root: Root, found: Any, info: PlannedInfo) -> Any:
    """The root resolver called as strawberry would, with the request's context for `info`."""
    definition = root.graphql_field.extensions[BACKREF]
    resolver = definition.base_resolver
    if resolver is None or definition.permission_classes:
        raise Unplannable("root resolver")
    arguments = get_argument_values(root.graphql_field, root.node, found)
    kwargs = schema_arguments(schema, definition, arguments)
    if resolver.info_parameter is not None:
        kwargs[resolver.info_parameter.name] = info
    args = [None] if resolver.self_parameter is not None else []
    return resolver(*args, **kwargs)


async def project_root(root: Root, value: Any, variables: dict[str, Any], info: PlannedInfo) -> Any:
    assert root.project is not None
    projected = root.project(_Result(value), variables, info)
    if inspect.isawaitable(projected):
        projected = await projected
    return projected[root.key]


def schema_arguments(schema: Any, definition: Any, arguments: dict[str, Any]) -> dict[str, Any]:
    from strawberry.types.arguments import convert_arguments

    return convert_arguments(
        arguments, definition.arguments, scalar_registry=schema.schema_converter.scalar_registry, config=schema.config
    )
