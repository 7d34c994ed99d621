"""What a document may ask for: its cost and its page sizes, checked before it runs.

Depth, aliases and tokens bound a document's shape but not its work: 30 aliases of
`feed(first: 50) { … author { awards { recipient { awards … } } } }` stay inside them and ask
for millions of objects. Before execution, over HTTP and WebSocket alike (it is a schema
extension), every operation is priced:

- every field costs 1, its children included once per object it returns: a field with a page
  size (`first`, `last`) multiplies its children by it, or the `edges`/`nodes` of the
  connection it returns; any other list multiplies them by LIST_SIZE (or its entry in
  LIST_SIZES, for lists with a known small bound);
- aliases are separate fields, so they each cost;
- the page size is the argument, the variable's value, the variable's default or the field's.

A document over MAX_COST is refused with QUERY_TOO_COMPLEX; a page size out of the field's
range (PAGE_SIZES) with BAD_USER_INPUT, so the resolver never meets it. Every document the
PWA sends passes with room to spare (tests/server/test_document_limits.py prices them all).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
)
from graphql.pyutils import Undefined
from strawberry.extensions import SchemaExtension

from schema.documents import Parsed, operation_of, validation_errors
from schema.errors import query_error
from schema.plans.types import PlanLever
from schema.plans.view_types import PlanViewLever
from server.accounts import directory
from server.audit import reading as audit_reading
from server.challenges import audit, standings
from server.errors import ValidationFailed
from server.feed import reading as feed_reading
from server.feed import services as feed_services
from server.notifications import services as notifications

MAX_COST = 20_000
LIST_SIZE = 10  # a list without a page size
PAGE_ARGUMENTS = ("first", "last")
DEFAULT_PAGE_MAX = 100

# the largest page each paginated field serves (its service refuses more); a test fails when
# a field takes `first` or `last` without an entry here
PAGE_SIZES: dict[str, int] = {
    "Query.feed": feed_reading.PAGE_MAX,
    "Post.comments": feed_reading.PAGE_MAX,
    "Query.notifications": notifications.PAGE_MAX,
    "Challenge.leaderboard": standings.PAGE_MAX,
    "Query.resultAudit": audit.PAGE_MAX,
    "Query.people": directory.PAGE_MAX,
    "Query.pendingInvites": directory.PAGE_MAX,
    "Query.auditLog": audit_reading.PAGE_MAX,
}
# lists with a bound of their own, and the parts of a section's text (a section has blocks,
# a block a few spans or list items): priced at their real or usual length
LIST_SIZES: dict[str, int] = {
    "Post.images": feed_services.IMAGES_MAX,
    "UnitLevers.levers": len(PlanLever),
    "UnitPlan.levers": len(PlanViewLever),
    "UnitPlan.weakestSkills": 3,
    "UnitPlan.trainingToPush": 6,
    "TeamSkills.weakest": 3,
    "WeakTeamSkill.modules": 2,
    "ContentBlock.spans": 3,
    "ContentBlock.items": 5,
    "ListItem.spans": 3,
}
# the whole schema from memory: priced as a long list, whatever is selected inside
INTROSPECTION_COST = {"__schema": 500, "__type": 50}


def _is_list(kind: Any) -> bool:
    if isinstance(kind, GraphQLNonNull):
        kind = kind.of_type
    return isinstance(kind, GraphQLList)


@dataclass
class Pricing:
    schema: GraphQLSchema
    fragments: dict[str, FragmentDefinitionNode]
    variables: dict[str, Any]
    variable_defaults: dict[str, Any]
    language: str
    errors: list[GraphQLError] = field(default_factory=list)
    _fragment_costs: dict[tuple[str, int | None], int] = field(default_factory=dict)
    _visiting: set[str] = field(default_factory=set)

    def selections(self, node: SelectionSetNode, parent: Any, page: int | None = None) -> int:
        total = 0
        for selection in node.selections:
            if isinstance(selection, FieldNode):
                total += self.field(selection, parent, page)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                kind = self.schema.get_type(condition.name.value) if condition else parent
                total += self.selections(selection.selection_set, kind or parent, page)
            elif isinstance(selection, FragmentSpreadNode):
                total += self.fragment(selection.name.value, page)
        return total

    def fragment(self, name: str, page: int | None) -> int:
        key = (name, page)
        if key not in self._fragment_costs:
            definition = self.fragments.get(name)
            if definition is None or name in self._visiting:  # validation refuses both
                return 0
            self._visiting.add(name)
            kind = self.schema.get_type(definition.type_condition.name.value)
            self._fragment_costs[key] = self.selections(definition.selection_set, kind, page)
            self._visiting.discard(name)
        return self._fragment_costs[key]

    def field(self, node: FieldNode, parent: Any, page: int | None) -> int:
        name = node.name.value
        if name in INTROSPECTION_COST:
            return INTROSPECTION_COST[name]
        definition: GraphQLField | None = getattr(parent, "fields", {}).get(name)
        if definition is None or node.selection_set is None:
            return 1  # a scalar, an enum or __typename
        named = get_named_type(definition.type)
        coordinate = f"{parent.name}.{name}"
        size = self.page_size(node, definition, coordinate)
        in_connection = parent.name.endswith("Connection") and name in {"edges", "nodes"}
        if size is not None and not _is_list(definition.type):
            # a connection: its page multiplies its edges, not its pageInfo
            return 1 + self.selections(node.selection_set, named, size)
        if size is not None:
            multiplier = size
        elif in_connection:
            multiplier = page if page is not None else LIST_SIZE
        elif _is_list(definition.type):
            multiplier = LIST_SIZES.get(coordinate, LIST_SIZE)
        else:
            multiplier = 1
        return 1 + multiplier * self.selections(node.selection_set, named)

    def page_size(self, node: FieldNode, definition: GraphQLField, coordinate: str) -> int | None:
        """The page the field is asked for, checked against its range; None if it has none."""
        size: int | None = None
        for argument in PAGE_ARGUMENTS:
            if argument not in definition.args:
                continue
            value = self.argument(node, argument, definition.args[argument].default_value)
            if not isinstance(value, int) or isinstance(value, bool):
                continue  # absent, null or mistyped: execution reports the type error
            maximum = PAGE_SIZES.get(coordinate, DEFAULT_PAGE_MAX)
            if not 1 <= value <= maximum:
                refused = query_error(ValidationFailed("page_size_invalid", argument, max=maximum), self.language)
                self.errors.append(
                    GraphQLError(
                        refused.message,
                        nodes=[a for a in node.arguments or () if a.name.value == argument] or [node],
                        extensions={**(refused.extensions or {}), "field": coordinate, "argument": argument},
                    )
                )
                continue
            size = max(size or 0, value)
        return size

    def argument(self, node: FieldNode, name: str, default: Any) -> Any:
        given = next((a.value for a in node.arguments or () if a.name.value == name), None)
        if given is None:
            return None if default is Undefined else default
        if isinstance(given, IntValueNode):
            return int(given.value)
        if isinstance(given, VariableNode):
            variable = given.name.value
            if variable in self.variables:
                return self.variables[variable]
            if variable in self.variable_defaults:
                return self.variable_defaults[variable]
            return None if default is Undefined else default
        return None


def _literal(node: Any) -> Any:
    return int(node.value) if isinstance(node, IntValueNode) else None


def price(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: dict[str, Any] | None,
    language: str = "fr",
) -> tuple[int, list[GraphQLError]]:
    """The operation's cost, and its page sizes that are out of range."""
    pricing = Pricing(
        schema=schema,
        fragments={d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)},
        variables=variables or {},
        variable_defaults={
            v.variable.name.value: _literal(v.default_value)
            for v in operation.variable_definitions or ()
            if v.default_value is not None
        },
        language=language,
    )
    root = schema.get_root_type(operation.operation)
    cost = pricing.selections(operation.selection_set, root) if root is not None else 0
    return cost, pricing.errors


def cost_errors(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: dict[str, Any] | None,
    language: str,
) -> list[GraphQLError]:
    cost, errors = price(schema, document, operation, variables, language)
    if errors:
        return errors
    if cost > MAX_COST:
        from server.i18n import translate

        return [
            GraphQLError(
                translate("query_too_complex", language, cost=cost, max=MAX_COST),
                nodes=[operation],
                extensions={"code": "QUERY_TOO_COMPLEX", "cost": cost, "maxCost": MAX_COST},
            )
        ]
    return []


class CostLimit(SchemaExtension):
    """Refuses, before execution, an operation over MAX_COST or with a page size out of range.

    Strawberry decides whether to execute inside the validation step, so this runs before its
    `yield`, on a document that passed validation (listed after ValidatedDocuments, which
    fills `pre_execution_errors`; it validates itself if it ever runs first)."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.pre_execution_errors is None and context.query is not None:
            context.pre_execution_errors = validation_errors(Parsed(context.query, document))
        if document is not None and not context.pre_execution_errors:
            try:
                operation = operation_of(document, context.operation_name)
            except GraphQLError:
                operation = None  # strawberry reports it
            if operation is not None:
                language = getattr(context.context, "language", "fr")
                errors = cost_errors(context.schema._schema, document, operation, context.variables, language)
                if errors:
                    context.pre_execution_errors = errors
        yield
