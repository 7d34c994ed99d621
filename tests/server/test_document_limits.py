"""What a document may be and ask for, over HTTP and WebSocket alike: tokens, cost and page
sizes are checked before anything runs, a refused document gets a coded error, and none of it
is logged as a fault of the server."""

from __future__ import annotations

import asyncio
import json
import time

import httpx
import pytest
import websockets
from graphql import FieldNode, TypeInfo, TypeInfoVisitor, VariableNode, Visitor, visit

from schema import schema
from schema.cost import MAX_COST, PAGE_ARGUMENTS, PAGE_SIZES, cost_errors, price
from schema.documents import (
    CACHE_TEXT_BUDGET,
    LARGEST_CACHED_TEXT,
    _cache,
    parse_document,
    prepare,
    validation_errors,
)
from tests.factories import make_network, signed_in
from tests.graphql_client import GraphQLClient, Subscription
from tests.pwa_documents import pwa_documents
from tests.server_log import describe, server_faults

NESTED = "awards { id recipient { id awards { id recipient { id awards { id } } } } }"
THIRTY_ALIASES = "{ " + " ".join(
    f"a{n}: feed(first: 50) {{ edges {{ node {{ author {{ {NESTED} }} }} }} }}" for n in range(30)
) + " }"
HUGE_COMMENT_PAGE = "{ feed(first: 1) { edges { node { id comments(first: 100000) { edges { node { id } } } } } } }"
FEED_PAGE = "query Page($first: Int!) { feed(first: $first) { edges { cursor } } }"
PING = json.dumps({"type": "ping"})


def subscribe_message(query: str, op_id: str = "1") -> str:
    return json.dumps({"id": op_id, "type": "subscribe", "payload": {"query": query, "variables": {}}})


# ------------------------------------------------------------------ the PWA's documents


def _worst_case_variables(document) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Each variable passed as a page size, at the largest page its field serves."""
    type_info = TypeInfo(schema._schema)
    variables: dict[str, int] = {}

    class PageVariables(Visitor):
        def enter_field(self, node: FieldNode, *_: object) -> None:
            parent = type_info.get_parent_type()
            for argument in node.arguments or ():
                if argument.name.value in PAGE_ARGUMENTS and isinstance(argument.value, VariableNode):
                    variables[argument.value.name.value] = PAGE_SIZES[f"{parent.name}.{node.name.value}"]

    visit(document, TypeInfoVisitor(type_info, PageVariables()))
    return variables


def test_every_document_the_pwa_sends_passes_the_limits_with_room_to_spare():
    # given every document the app and its service worker send
    documents = pwa_documents()
    assert len(documents) > 90
    for sent in documents:
        # when it is checked as the server checks it, with its pages as large as they can be
        prepared = prepare(sent.query, sent.name)
        variables = _worst_case_variables(prepared.document)
        cost, page_errors = price(schema._schema, prepared.document, prepared.operation, variables)
        # then nothing refuses it, and it costs at most half the limit
        assert validation_errors(prepared.parsed) == [], sent.name
        assert page_errors == [] and cost_errors(schema._schema, prepared.document, prepared.operation, variables, "fr") == []
        assert cost <= MAX_COST // 2, f"{sent.name} ({sent.source}) costs {cost}"


def test_every_field_that_takes_a_page_size_has_its_maximum():
    declared = set()
    for type_name, kind in schema._schema.type_map.items():
        for field_name, field in getattr(kind, "fields", {}).items() if not type_name.startswith("__") else ():
            if set(PAGE_ARGUMENTS) & set(getattr(field, "args", {})):
                declared.add(f"{type_name}.{field_name}")
    assert declared == set(PAGE_SIZES)


def test_the_parsed_documents_kept_are_bounded_by_the_length_of_their_texts():
    # given many distinct documents, some large
    for n in range(400):
        padding = " " * (n % 7) * 4000
        parse_document(f"query Q{n} {{ me {{ id {padding} }} }}")
    # then the cache holds no more text than its budget, and no single huge text
    assert _cache.text_size <= CACHE_TEXT_BUDGET
    assert all(len(text) <= LARGEST_CACHED_TEXT for text in _cache.entries)


# ------------------------------------------------------------------ over HTTP


async def test_thirty_aliased_feeds_of_nested_awards_are_refused_before_they_run(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token) as client:
        with server_faults() as faults:
            # when
            started = time.monotonic()
            response = await client.raw(THIRTY_ALIASES)
            elapsed = time.monotonic() - started
        # then
        assert response.status_code == 400
        error = response.json()["errors"][0]
        assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
        assert error["extensions"]["cost"] > MAX_COST == error["extensions"]["maxCost"]
        assert error["message"].startswith("Cette requête demande trop de données à la fois")
        assert elapsed < 1.0
        assert describe(faults) == []


async def test_a_page_size_out_of_range_is_a_readable_error_before_execution(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with GraphQLClient(live_server.url, token=token, **{"Accept-Language": "en"}) as client:
        with server_faults() as faults:
            comments = await client.raw(HUGE_COMMENT_PAGE)
            negative = await client.raw(FEED_PAGE, {"first": -1})
            fine = await client.raw(FEED_PAGE, {"first": 50})
    for response, field in ((comments, "Post.comments"), (negative, "Query.feed")):
        body = response.json()
        assert body["data"] is None
        [error] = body["errors"]
        assert error["message"] == "The page size must be between 1 and 50."
        assert error["extensions"] == {
            "code": "BAD_USER_INPUT", "reason": "page_size_invalid", "field": field, "argument": "first"
        }
    assert "errors" not in fine.json()
    assert describe(faults) == []


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"query": ""}, "GRAPHQL_PARSE_FAILED"),
        ({"query": "{ me { id "}, "GRAPHQL_PARSE_FAILED"),
        ({"query": "{ " + "me { id } " * 1500 + "}"}, "DOCUMENT_TOO_LARGE"),
        ({"query": "query A { me { id } }", "operationName": "B"}, "OPERATION_NOT_FOUND"),
        ({"query": "query A { me { id } } query B { me { id } }"}, "OPERATION_NOT_FOUND"),
        ({"query": "{ nothingHere }"}, "GRAPHQL_VALIDATION_FAILED"),
        ({"query": "subscription { notifications { unreadCount } }"}, "BAD_REQUEST"),
    ],
)
async def test_documents_that_cannot_run_get_a_coded_error_and_no_server_fault(live_server, body, code):
    async with httpx.AsyncClient(base_url=live_server.url) as http:
        with server_faults() as faults:
            response = await http.post("/graphql", json=body)
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == code
    assert describe(faults) == []


# ------------------------------------------------------------------ over WebSocket


@pytest.mark.parametrize("megabytes", [1, 4])
async def test_a_huge_subscription_closes_the_socket_at_once_while_the_server_keeps_answering(live_server, megabytes):
    # given a signed-in socket
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    query = "subscription{" + "a " * (megabytes * 1024 * 1024 // 2) + "}"
    async with Subscription(live_server.ws_url, token=token) as socket, httpx.AsyncClient(base_url=live_server.url) as http:
        assert (await socket.connect())["type"] == "connection_ack"
        with server_faults() as faults:
            # when it sends megabytes of `a a a …`, and someone else asks for /healthz meanwhile
            started = time.monotonic()

            async def send_and_wait_for_close() -> float:
                with pytest.raises(websockets.ConnectionClosed) as closed:
                    await socket.socket.send(subscribe_message(query))
                    await socket.next(timeout=10)
                assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
                return time.monotonic() - started

            async def health() -> tuple[int, float]:
                response = await http.get("/healthz")
                return response.status_code, time.monotonic() - started

            refused_after, (status, answered_after) = await asyncio.gather(send_and_wait_for_close(), health())
        # then the socket is closed as "message too big", quickly, and the server never stalled
        assert refused_after < 1.0
        assert status == 200 and answered_after < 1.0
        assert describe(faults) == []


async def test_bad_documents_on_a_socket_get_an_error_message_and_the_socket_stays_open(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    cases = [
        ("subscription{" + "a " * 5000 + "}", "DOCUMENT_TOO_LARGE"),
        ("subscription { notifications {", "GRAPHQL_PARSE_FAILED"),
        ("subscription { nothingHere }", "GRAPHQL_VALIDATION_FAILED"),
        (THIRTY_ALIASES, "QUERY_TOO_COMPLEX"),
        (HUGE_COMMENT_PAGE, "BAD_USER_INPUT"),
    ]
    async with Subscription(live_server.ws_url, token=token) as socket:
        assert (await socket.connect())["type"] == "connection_ack"
        with server_faults() as faults:
            for number, (query, code) in enumerate(cases):
                # when
                started = time.monotonic()
                await socket.subscribe(query, op_id=str(number))
                message = await socket.next()
                # then
                assert message["type"] == "error" and message["id"] == str(number)
                assert message["payload"][0]["extensions"]["code"] == code, message
                assert time.monotonic() - started < 1.0
            await socket.socket.send(PING)
            assert await socket.next() == {"type": "pong"}
        assert describe(faults) == []


async def test_an_unknown_operation_name_on_a_socket_is_an_error_message(live_server):
    network = await make_network()
    _, token = await signed_in(network.points_of_sale["Lille"])
    async with Subscription(live_server.ws_url, token=token) as socket:
        assert (await socket.connect())["type"] == "connection_ack"
        with server_faults() as faults:
            await socket.socket.send(json.dumps({
                "id": "7", "type": "subscribe",
                "payload": {"query": "subscription A { notifications { unreadCount } }", "operationName": "B"},
            }))
            message = await socket.next()
        assert message["type"] == "error" and message["payload"][0]["extensions"]["code"] == "OPERATION_NOT_FOUND"
        assert describe(faults) == []
