"""Planned execution: a validated query compiled once into a plan that calls the same root
resolvers as strawberry and projects what they return straight into the response.

Strawberry resolves every field of every object on its own (a 20-post feed page is about
1,700 field resolutions, with their extensions and serialisers): most of a read's time. Yet
nearly every field the PWA reads is a plain attribute of the rows the domain's read
functions return (`server.feed.rows`, …). So, for a query whose root fields opt in
(`PLANNED_ROOTS`: resolvers that only need `info.context`) and whose selections below are
attributes, sync projections of the object (e.g. `initials`), `__typename`, fragments on the
same object type, or `@include`/`@skip`, the document is compiled once (kept with the parsed
text, schema.documents, after the schema's own validation) into a tree of getters and
serialisers taken from the schema itself (so an enum or a date serialises exactly as
strawberry would). At run time the variables are coerced by graphql-core, the arguments
converted by strawberry, the cost limit checked, the root resolver called with the request's
context, and its result projected.

Anything else (an async field such as a loader or a nested page, a union, an error, a
null where the schema says non-null, a mutation) is answered by strawberry, which stays the
reference: tests/server/test_planned_documents.py runs every document of the PWA both ways.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    BooleanValueNode,
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLField,
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

# root query fields whose resolvers need nothing of `info` but `info.context`, answered by a plan
PLANNED_ROOTS = frozenset({"feed", "post", "me", "challenges", "notifications", "unreadNotificationCount"})
BACKREF = "strawberry-definition"


class Unplannable(Exception):
    """The document (or this run of it) is left to strawberry."""


Condition = tuple[bool, Any]  # (include when true, a bool or ("var", name))


@dataclass(slots=True)
class Leaf:
    key: str
    attribute: str | None  # None: a sync projection
    projection: Callable[[Any], Any] | None
    serialize: Callable[[Any], Any] | None  # None: the value as it is (str, int, bool)
    non_null: bool
    list_depth: int
    conditions: list[Condition] = field(default_factory=list)


@dataclass(slots=True)
class Branch:
    key: str
    attribute: str | None
    projection: Callable[[Any], Any] | None
    children: list[Any]  # Leaf | Branch | TypeName
    non_null: bool
    list_depth: int
    conditions: list[Condition] = field(default_factory=list)


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


@dataclass(slots=True)
class Plan:
    document: DocumentNode
    operation: OperationDefinitionNode
    roots: list[Root]


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


_PASS_THROUGH = {"String", "Int", "Boolean"}


def _serializer(kind: Any) -> Callable[[Any], Any] | None:
    if isinstance(kind, GraphQLScalarType) and kind.name in _PASS_THROUGH:
        return None  # checked at run time: exactly str, int, bool
    if isinstance(kind, GraphQLScalarType | GraphQLEnumType):
        return kind.serialize
    raise Unplannable(f"type {kind}")


def _projection(definition: Any) -> tuple[str | None, Callable[[Any], Any] | None]:
    """How a field reads its object: an attribute, or a sync resolver of the object alone."""
    if definition.permission_classes or definition.extensions:
        raise Unplannable(f"field {definition.python_name} has permissions or extensions")
    if definition.arguments:
        raise Unplannable(f"field {definition.python_name} takes arguments")
    resolver = definition.base_resolver
    if resolver is None:
        return definition.python_name, None
    if resolver.is_async or resolver.info_parameter is not None or resolver.root_parameter is not None:
        raise Unplannable(f"field {definition.python_name} needs execution")
    function = resolver.wrapped_func
    if inspect.iscoroutinefunction(function) or inspect.isasyncgenfunction(function):
        raise Unplannable("async projection")
    return None, function


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
        attribute, projection = _projection(definition)
        kind, non_null, depth = _unwrap(graphql_field.type)
        if isinstance(kind, GraphQLObjectType):
            assert selection.selection_set is not None
            children = _selections(selection.selection_set, kind, fragments, [])
            planned.append(Branch(key, attribute, projection, children, non_null, depth, conditions))
        else:
            planned.append(Leaf(key, attribute, projection, _serializer(kind), non_null, depth, conditions))
    return planned


def compile_plan(schema: Any, document: DocumentNode, operation_name: str | None) -> Plan:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name and o.name.value == operation_name]
    if len(operations) != 1 or operations[0].operation.value != "query":
        raise Unplannable("operation")
    operation = operations[0]
    if operation.directives:
        raise Unplannable("operation directives")
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    query_type = schema._schema.query_type
    roots: list[Root] = []
    for selection in operation.selection_set.selections:
        if not isinstance(selection, FieldNode) or selection.name.value not in PLANNED_ROOTS:
            raise Unplannable("root")
        definition = query_type.fields[selection.name.value]
        kind, non_null, depth = _unwrap(definition.type)
        if not isinstance(kind, GraphQLObjectType) or selection.selection_set is None:
            raise Unplannable("root type")
        children = _selections(selection.selection_set, kind, fragments, [])
        key = selection.alias.value if selection.alias else selection.name.value
        roots.append(Root(key, definition, selection, kind, children, non_null, depth, _conditions(selection)))
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


def _leaf(plan: Leaf, value: Any, depth: int) -> Any:
    if value is None:
        if plan.non_null or depth != plan.list_depth:  # (items of a list: conservatively)
            raise Unplannable("null in a non-null field")
        return None
    if depth:
        return [_leaf(plan, item, depth - 1) for item in value]
    if plan.serialize is None:
        if type(value) not in (str, int, bool):
            raise Unplannable("value of another type")
        return value
    return plan.serialize(value)


def _object(children: list[Any], source: Any, variables: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for child in children:
        if child.conditions and not _included(child.conditions, variables):
            continue
        if type(child) is TypeName:
            out[child.key] = child.name
            continue
        value = getattr(source, child.attribute) if child.attribute is not None else child.projection(source)
        if type(child) is Leaf:
            out[child.key] = _leaf(child, value, child.list_depth)
        else:
            out[child.key] = _branch(child, value, child.list_depth, variables)
    return out


def _branch(plan: Any, value: Any, depth: int, variables: dict[str, Any]) -> Any:
    if value is None:
        if plan.non_null or depth != plan.list_depth:  # (items of a list: conservatively)
            raise Unplannable("null in a non-null field")
        return None
    if depth:
        return [_branch(plan, item, depth - 1, variables) for item in value]
    return _object(plan.children, value, variables)


async def run_plan(schema: Any, plan: Plan, context: Any, variables: dict[str, Any] | None) -> bytes | None:
    """The response body, or None to let strawberry execute the document."""
    found = get_variable_values(schema._schema, plan.operation.variable_definitions or (), variables or {})
    if isinstance(found, list):
        return None  # strawberry reports the variables' errors
    coerced = found.coerced
    if cost_errors(schema._schema, plan.document, plan.operation, variables, getattr(context, "language", "fr")):
        return None
    info = PlannedInfo(context)
    data: dict[str, Any] = {}
    try:
        for root in plan.roots:
            if root.conditions and not _included(root.conditions, coerced):
                continue
            definition = root.graphql_field.extensions[BACKREF]
            resolver = definition.base_resolver
            if resolver is None or definition.permission_classes:
                return None
            arguments = get_argument_values(root.graphql_field, root.node, found)
            kwargs = schema_arguments(schema, definition, arguments)
            if resolver.info_parameter is not None:
                kwargs[resolver.info_parameter.name] = info
            args = [None] if resolver.self_parameter is not None else []
            result = resolver(*args, **kwargs)
            if inspect.isawaitable(result):
                result = await result
            data[root.key] = _branch(root, result, root.list_depth, coerced)
    except Exception:
        # a domain error, a refusal, a value the plan can't serialise: strawberry answers
        return None
    return json.dumps({"data": data}, ensure_ascii=False, separators=(",", ":")).encode()


def schema_arguments(schema: Any, definition: Any, arguments: dict[str, Any]) -> dict[str, Any]:
    from strawberry.types.arguments import convert_arguments

    return convert_arguments(
        arguments, definition.arguments, scalar_registry=schema.schema_converter.scalar_registry, config=schema.config
    )
