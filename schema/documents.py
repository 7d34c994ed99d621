"""Every GraphQL document Élan receives is parsed here, once per text, before anything else.

HTTP, WebSocket, the shared subscriptions (schema.fanout) and planned execution
(schema.plan) call `prepare()` first: the text is parsed with the token limit (a 1 MB
`subscription{a a a …}` stops after MAX_TOKENS tokens, in milliseconds), and the operation to
run is picked, so a document that cannot run gets a coded GraphQL error the transport sends as
it is; nothing downstream parses a raw text again. The schema's own parse and validation steps
read the same cache (`ParsedDocuments`, `ValidatedDocuments`).

The cache is bounded by the length of the texts it holds, not only by their number: a parsed
document weighs up to a few hundred times its text (a node and a token per word), so many
distinct large documents could otherwise pin hundreds of megabytes.
"""

from __future__ import annotations

import contextlib
from collections import OrderedDict
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    GraphQLError,
    GraphQLSyntaxError,
    OperationDefinitionNode,
    OperationType,
    parse,
    specified_rules,
    validate,
)
from graphql.validation import ASTValidationRule
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter, SchemaExtension

MAX_TOKENS = 4000
MAX_DEPTH = 12
MAX_ALIASES = 30
CACHE_ENTRIES = 512
CACHE_TEXT_BUDGET = 256 * 1024  # characters of cached texts; the PWA's ~100 documents take ~60 KB
LARGEST_CACHED_TEXT = 32 * 1024

# the rules every document passes, built once so that a document's validation can be cached
RULES: tuple[type[ASTValidationRule], ...] = (
    *specified_rules,
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
)


def coded(error: GraphQLError, code: str, **extensions: Any) -> GraphQLError:
    """The same error with a stable `extensions.code` for clients to branch on."""
    return GraphQLError(
        error.message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={**(error.extensions or {}), "code": code, **extensions},
    )


@dataclass(eq=False)
class Parsed:
    """A document parsed once, and what was derived from it (validation, plans), kept with it."""

    text: str
    document: DocumentNode
    derived: dict[Hashable, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Prepared:
    parsed: Parsed
    operation: OperationDefinitionNode

    @property
    def document(self) -> DocumentNode:
        return self.parsed.document

    @property
    def kind(self) -> OperationType:
        return self.operation.operation


class _Cache:
    def __init__(self) -> None:
        self.entries: OrderedDict[str, Parsed] = OrderedDict()
        self.text_size = 0

    def get(self, text: str) -> Parsed | None:
        found = self.entries.get(text)
        if found is not None:
            self.entries.move_to_end(text)
        return found

    def put(self, parsed: Parsed) -> None:
        if len(parsed.text) > LARGEST_CACHED_TEXT or parsed.text in self.entries:
            return
        self.entries[parsed.text] = parsed
        self.text_size += len(parsed.text)
        while self.text_size > CACHE_TEXT_BUDGET or len(self.entries) > CACHE_ENTRIES:
            text, _ = self.entries.popitem(last=False)
            self.text_size -= len(text)


_cache = _Cache()


def parse_document(text: str) -> Parsed:
    """The parsed document, from the cache or parsed now with the token limit.

    Raises a GraphQLError coded GRAPHQL_PARSE_FAILED, or DOCUMENT_TOO_LARGE past the limit."""
    found = _cache.get(text)
    if found is not None:
        return found
    try:
        document = parse(text, max_tokens=MAX_TOKENS)
    except GraphQLSyntaxError as error:
        too_large = "Document contains more than" in error.message
        raise coded(error, "DOCUMENT_TOO_LARGE" if too_large else "GRAPHQL_PARSE_FAILED") from None
    parsed = Parsed(text, document)
    _cache.put(parsed)
    return parsed


def operation_of(document: DocumentNode, operation_name: str | None) -> OperationDefinitionNode:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        named = [o for o in operations if o.name is not None and o.name.value == operation_name]
        if not named:
            raise GraphQLError(
                f"Unknown operation named '{operation_name}'.",
                extensions={"code": "OPERATION_NOT_FOUND"},
            )
        return named[0]
    if len(operations) != 1:
        raise GraphQLError(
            "Must provide operation name if query contains multiple operations."
            if operations
            else "The document has no operation to run.",
            extensions={"code": "OPERATION_NOT_FOUND"},
        )
    return operations[0]


def prepare(text: str, operation_name: str | None) -> Prepared:
    """The document and the operation to run; a coded GraphQLError when there is none."""
    parsed = parse_document(text)
    return Prepared(parsed, operation_of(parsed.document, operation_name))


def validation_errors(parsed: Parsed) -> list[GraphQLError]:
    """The schema's rules (with the depth and alias limits) over a document, once per text."""
    errors = parsed.derived.get("validation")
    if errors is None:
        from schema import schema

        errors = parsed.derived["validation"] = [
            coded(e, "GRAPHQL_VALIDATION_FAILED") for e in validate(schema._schema, parsed.document, RULES)
        ]
    return list(errors)


class ParsedDocuments(SchemaExtension):
    """The schema's parse step, from the cache the transports filled (`prepare`)."""

    def on_operation(self) -> Iterator[None]:
        # the limit also holds if a caller ever skips `prepare` (strawberry then parses)
        self.execution_context.parse_options["max_tokens"] = MAX_TOKENS
        yield

    def on_parse(self) -> Iterator[None]:
        query = self.execution_context.query
        if query is not None:
            with contextlib.suppress(GraphQLError):  # strawberry parses again and reports it
                self.execution_context.graphql_document = parse_document(query).document
        yield


class ValidatedDocuments(SchemaExtension):
    """The schema's validation step, cached with the parsed document."""

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        query = context.query
        if query is not None and context.graphql_document is not None:
            parsed = _cache.get(query)
            if parsed is None or parsed.document is not context.graphql_document:
                parsed = Parsed(query, context.graphql_document)
            context.pre_execution_errors = validation_errors(parsed)
        yield
